import PlinthJSON
import PluginABI

/// Turns errors from `PluginHost.call` into Directus error responses.
public enum ErrorEnvelope {
    /// The HTTP response for a service error.
    ///
    /// The host reports errors as `{"message","code","status",…}`; members
    /// other than those three become `extensions`. Text that is not such an
    /// object becomes a 500 `INTERNAL_SERVER_ERROR`.
    public static func response(from error: PluginError) -> Response {
        guard let flat = (try? JSON.parse(error.message))?.objectValue, let message = flat["message"]?.stringValue else {
            return .error(code: "INTERNAL_SERVER_ERROR", message: "An unexpected error occurred.", status: 500)
        }
        var extensions: JSONObject = ["code": flat["code"] ?? "INTERNAL_SERVER_ERROR"]
        for (key, value) in flat where !["message", "code", "status"].contains(key) { extensions[key] = value }
        let body: JSON = ["errors": [["message": .string(message), "extensions": .object(extensions)]]]
        return .json(body.encoded(), status: flat["status"]?.intValue ?? 500)
    }
}
