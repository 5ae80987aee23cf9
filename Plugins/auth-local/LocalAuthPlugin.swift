import PlinthJSON
import PluginKit

/// `auth.local`: e-mail and password login (`AUTH_<NAME>_DRIVER=local`, and the built-in `default` provider).
///
/// It validates the login payload as Directus does and asks the host to
/// check the password (`auth.password.verify/1`), so password hashes never
/// leave the host.
final class LocalAuthPlugin: Plugin {
    static let info = PluginInfo(id: "auth.local", version: "1.0.0", kinds: [.authProvider],
                                 description: "Local (e-mail and password) authentication")

    init(host: PluginHost) throws {
        try host.authProvider("local", LocalProvider.self)
    }
}

final class LocalProvider: AuthProviderDriver {
    let name: String
    let host: PluginHost

    init(name: String, options: [String: String], host: PluginHost) throws {
        self.name = name
        self.host = host
    }

    func login(_ request: JSON, context: Context) throws -> JSON {
        let payload = request["payload"]?.objectValue ?? [:]
        try LoginPayload.validate(payload)
        let args: JSON = ["email": payload["email"]!, "password": payload["password"]!, "provider": .string(name)]
        return try JSON.parse(host.call("auth.password.verify/1", args: args.encodedString(), context: context))
    }
}

/// Directus's login payload schema: `email` (a valid address), `password`, optional `mode` and `otp`;
/// other keys are allowed. The first problem is reported, in Joi's words.
enum LoginPayload {
    static func validate(_ payload: JSONObject) throws {
        for key in ["email", "password"] {
            guard let value = payload[key], !value.isNull else { throw invalid("\"\(key)\" is required") }
            guard let text = value.stringValue else { throw invalid("\"\(key)\" must be a string") }
            guard !text.isEmpty else { throw invalid("\"\(key)\" is not allowed to be empty") }
            if key == "email", !isEmail(text) { throw invalid("\"email\" must be a valid email") }
        }
        if let mode = payload["mode"], !mode.isNull {
            guard let text = mode.stringValue, ["cookie", "json", "session"].contains(text) else {
                throw invalid("\"mode\" must be one of [cookie, json, session]")
            }
        }
        if let otp = payload["otp"], !otp.isNull, otp.stringValue == nil { throw invalid("\"otp\" must be a string") }
    }

    /// local@domain.tld: one `@`, a non-empty local part without spaces, a dotted domain of letters, digits and hyphens.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, !parts[0].contains(where: { $0.isWhitespace || $0 == "," }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    static func invalid(_ reason: String) -> PluginError {
        let error: JSON = ["message": .string("Invalid payload. \(reason)."), "code": "INVALID_PAYLOAD", "status": 400, "reason": .string(reason)]
        return PluginError(PLINTH_ERR_INVALID, error.encodedString())
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: LocalAuthPlugin.self)
}
