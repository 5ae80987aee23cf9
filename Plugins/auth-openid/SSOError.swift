import Foundation
import PlinthJSON
import PluginABI
import PluginKit

/// The Directus errors a redirect login answers with, as PluginKit errors the host turns into the envelope.
enum SSOError {
    /// INVALID_CREDENTIALS (401): the identity provider's answer did not prove a usable identity.
    static func invalidCredentials() -> PluginError {
        directus(PLINTH_ERR_FORBIDDEN, ["message": "Invalid user credentials.", "code": "INVALID_CREDENTIALS", "status": 401])
    }

    /// INVALID_TOKEN (403): the identity provider refused a grant (`invalid_grant`), e.g. a used code or revoked refresh token.
    static func invalidToken() -> PluginError {
        directus(PLINTH_ERR_FORBIDDEN, ["message": "Invalid token.", "code": "INVALID_TOKEN", "status": 403])
    }

    /// INVALID_PROVIDER (403): registering the user failed because an e-mail or identifier is already taken.
    static func invalidProvider() -> PluginError {
        directus(PLINTH_ERR_FORBIDDEN, ["message": "Invalid provider.", "code": "INVALID_PROVIDER", "status": 403])
    }

    /// SERVICE_UNAVAILABLE (503) naming the driver and what went wrong with the identity provider.
    static func unavailable(_ service: String, _ reason: String) -> PluginError {
        directus(PLINTH_ERR_UNAVAILABLE, ["message": .string("Service \"\(service)\" is unavailable. \(reason)."), "code": "SERVICE_UNAVAILABLE",
                                          "status": 503, "service": .string(service), "reason": .string(reason)])
    }

    /// A refused provider configuration, naming the variable.
    static func config(_ message: String) -> PluginError {
        PluginError(PLINTH_ERR_INVALID, message)
    }

    /// The Directus error code inside a host or plugin error, if it carries one.
    static func code(of error: Error) -> String? {
        guard let error = error as? PluginError, let json = try? JSON.parse(Array(error.message.utf8)) else { return nil }
        return json["code"]?.stringValue
    }

    private static func directus(_ status: plinth_status, _ error: JSON) -> PluginError {
        PluginError(status, error.encodedString())
    }
}

/// Base64url without padding (RFC 4648 §5), as JOSE and PKCE use it.
enum Base64URL {
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// `count` random bytes, encoded (PKCE verifiers, state and nonce values).
    static func random(_ count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
