import PlinthJSON
import PluginABI

/// An error in Directus's shape: a code, an HTTP status, a message and extra `extensions`.
public struct APIError: Error, CustomStringConvertible, Sendable {
    public var code: String
    public var status: Int
    public var message: String
    /// Extra members of `extensions` besides `code` (e.g. `reason`, `field`, `collection`).
    public var extensions: JSONObject

    public init(code: String, status: Int, message: String, extensions: JSONObject = JSONObject()) {
        self.code = code
        self.status = status
        self.message = message
        self.extensions = extensions
    }

    public var description: String { "\(code) (\(status)): \(message)" }

    /// 403, used for missing permission and for things that do not exist.
    public static func forbidden() -> APIError {
        APIError(code: "FORBIDDEN", status: 403, message: "You don't have permission to access this.")
    }

    public static func routeNotFound(_ path: String) -> APIError {
        APIError(code: "ROUTE_NOT_FOUND", status: 404, message: "Route \(path) doesn't exist.")
    }

    public static func invalidPayload(_ reason: String) -> APIError {
        APIError(code: "INVALID_PAYLOAD", status: 400, message: "Invalid payload. \(reason).", extensions: ["reason": .string(reason)])
    }

    public static func invalidQuery(_ reason: String) -> APIError {
        APIError(code: "INVALID_QUERY", status: 400, message: "Invalid query. \(reason).", extensions: ["reason": .string(reason)])
    }

    public static func invalidCredentials() -> APIError {
        APIError(code: "INVALID_CREDENTIALS", status: 401, message: "Invalid user credentials.")
    }

    public static func invalidProvider(_ name: String) -> APIError {
        APIError(code: "INVALID_PROVIDER", status: 403, message: "Invalid provider.")
    }

    public static func invalidOTP() -> APIError {
        APIError(code: "INVALID_OTP", status: 401, message: "Invalid user OTP.")
    }

    public static func userSuspended() -> APIError {
        APIError(code: "USER_SUSPENDED", status: 401, message: "User suspended.")
    }

    public static func invalidToken() -> APIError {
        APIError(code: "INVALID_TOKEN", status: 403, message: "Invalid token.")
    }

    public static func tokenExpired() -> APIError {
        APIError(code: "TOKEN_EXPIRED", status: 401, message: "Token expired.")
    }

    public static func serviceUnavailable(_ reason: String) -> APIError {
        APIError(code: "SERVICE_UNAVAILABLE", status: 503, message: "Service \"\(reason)\" is unavailable.", extensions: ["service": .string(reason)])
    }

    public static func internalError() -> APIError {
        APIError(code: "INTERNAL_SERVER_ERROR", status: 500, message: "An unexpected error occurred.")
    }

    /// The error object `{"message","extensions":{"code",…}}`.
    public var object: JSON {
        var ext = JSONObject()
        ext["code"] = .string(code)
        for (key, value) in extensions { ext[key] = value }
        return ["message": .string(message), "extensions": .object(ext)]
    }

    /// The response body `{"errors":[…]}`.
    public var envelope: [UInt8] {
        JSON.object(["errors": .array([object])]).encoded()
    }

    /// The flat form crossing the ABI: `{"message","code","status",…extensions}`.
    public var abiJSON: [UInt8] {
        var flat: JSONObject = ["message": .string(message), "code": .string(code), "status": .int(status)]
        for (key, value) in extensions { flat[key] = value }
        return JSON.object(flat).encoded()
    }

    /// Reads an error a plugin returned: a JSON object `{"message","code","status"}` or plain text.
    public static func fromPlugin(_ bytes: [UInt8], status: plinth_status) -> APIError {
        if bytes.first == UInt8(ascii: "{"), let object = (try? JSON.parse(bytes))?.objectValue {
            let message = object["message"]?.stringValue ?? "An unexpected error occurred."
            let httpStatus = object["status"]?.intValue ?? defaultHTTPStatus(status)
            let code = object["code"]?.stringValue ?? defaultCode(httpStatus)
            var extensions = JSONObject()
            for (key, value) in object where !["message", "code", "status"].contains(key) { extensions[key] = value }
            return APIError(code: code, status: httpStatus, message: message, extensions: extensions)
        }
        let httpStatus = defaultHTTPStatus(status)
        let text = String(decoding: bytes, as: UTF8.self)
        return APIError(code: defaultCode(httpStatus), status: httpStatus, message: text.isEmpty ? "An unexpected error occurred." : text)
    }

    static func defaultHTTPStatus(_ status: plinth_status) -> Int {
        switch status {
        case PLINTH_ERR_INVALID, PLINTH_ERR_REJECTED: return 400
        case PLINTH_ERR_FORBIDDEN, PLINTH_ERR_NOT_FOUND: return 403
        case PLINTH_ERR_TOO_LARGE: return 413
        case PLINTH_ERR_UNAVAILABLE: return 503
        case PLINTH_ERR_TIMEOUT: return 408
        default: return 500
        }
    }

    static func defaultCode(_ status: Int) -> String {
        switch status {
        case 400: return "INVALID_PAYLOAD"
        case 401: return "INVALID_CREDENTIALS"
        case 403: return "FORBIDDEN"
        case 404: return "ROUTE_NOT_FOUND"
        case 408: return "OUT_OF_TIME"
        case 413: return "CONTENT_TOO_LARGE"
        case 429: return "REQUESTS_EXCEEDED"
        case 503: return "SERVICE_UNAVAILABLE"
        default: return "INTERNAL_SERVER_ERROR"
        }
    }

    /// The ABI status matching this error's HTTP status.
    var abiStatus: plinth_status {
        switch status {
        case 400: return PLINTH_ERR_INVALID
        case 401, 403: return PLINTH_ERR_FORBIDDEN
        case 404: return PLINTH_ERR_NOT_FOUND
        case 408: return PLINTH_ERR_TIMEOUT
        case 413: return PLINTH_ERR_TOO_LARGE
        case 503: return PLINTH_ERR_UNAVAILABLE
        default: return PLINTH_ERR_FAILED
        }
    }
}
