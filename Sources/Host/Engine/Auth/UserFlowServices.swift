import Foundation
import PlinthJSON

/// Services behind `/auth/password/*`, `/users/invite*` and `/users/register*` (docs/auth.md).
enum UserFlowServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        func auth() throws -> AuthService {
            guard let auth = runtime.auth else { throw APIError.serviceUnavailable("authentication") }
            return auth
        }
        func string(_ payload: JSONObject, _ key: String, required reason: String) throws -> String {
            guard let value = payload[key]?.stringValue else { throw APIError.invalidPayload(reason) }
            return value
        }

        services.register("auth.password.request/1") { context, args in
            let payload = args["payload"]?.objectValue ?? [:]
            let email = try string(payload, "email", required: "\"email\" field is required")
            do {
                try auth().requestPasswordReset(email: email, url: payload["reset_url"]?.stringValue, context: context)
            } catch let error as APIError where error.code == "INVALID_PAYLOAD" {
                throw error
            } catch {
                // Anything else stays quiet, so the answer never tells whether the address exists.
                runtime.logger.warning("password reset request failed: \(error)")
            }
            return .null
        }

        services.register("auth.password.reset/1") { context, args in
            let payload = args["payload"]?.objectValue ?? [:]
            let token = try string(payload, "token", required: "\"token\" field is required")
            let password = try string(payload, "password", required: "\"password\" field is required")
            try auth().resetPassword(token: token, password: password, context: context)
            return .null
        }

        services.register("users.invite/1") { context, args in
            let payload = args["payload"]?.objectValue ?? [:]
            let emails: [String]
            switch payload["email"] {
            case .string(let email)?:
                guard EmailAddress.isValid(email) else { throw APIError.invalidPayload("\"email\" must be a valid email") }
                emails = [email]
            case .array(let items)?:
                let list = items.compactMap(\.stringValue)
                guard list.count == items.count, list.allSatisfy(EmailAddress.isValid) else {
                    throw APIError.invalidPayload("\"email\" does not match any of the allowed types")
                }
                emails = list
            case nil, .null?: throw APIError.invalidPayload("\"email\" is required")
            default: throw APIError.invalidPayload("\"email\" does not match any of the allowed types")
            }
            guard let role = payload["role"]?.stringValue else { throw APIError.invalidPayload("\"role\" is required") }
            guard UUID(uuidString: role) != nil else { throw APIError.invalidPayload("\"role\" must be a valid GUID") }
            var url: String?
            if let value = payload["invite_url"], !value.isNull {
                guard let text = value.stringValue, URLComponents(string: text)?.scheme != nil else { throw APIError.invalidPayload("\"invite_url\" must be a valid uri") }
                url = text
            }
            try auth().invite(emails: emails, role: role, url: url, context: context)
            return .null
        }

        services.register("users.invite.accept/1") { context, args in
            let payload = args["payload"]?.objectValue ?? [:]
            let token = try string(payload, "token", required: "\"token\" is required")
            let password = try string(payload, "password", required: "\"password\" is required")
            try auth().acceptInvite(token: token, password: password, context: context)
            return .null
        }

        services.register("users.register/1") { context, args in
            let payload = args["payload"]?.objectValue ?? [:]
            guard let email = payload["email"], !email.isNull else { throw APIError.invalidPayload("\"email\" is required") }
            guard let text = email.stringValue, EmailAddress.isValid(text) else { throw APIError.invalidPayload("\"email\" must be a valid email") }
            guard let password = payload["password"], !password.isNull else { throw APIError.invalidPayload("\"password\" is required") }
            guard password.stringValue != nil else { throw APIError.invalidPayload("\"password\" must be a string") }
            if let url = payload["verification_url"], !url.isNull, URLComponents(string: url.stringValue ?? "")?.scheme == nil {
                throw APIError.invalidPayload("\"verification_url\" must be a valid uri")
            }
            for key in ["first_name", "last_name"] where payload[key] != nil && !(payload[key]!.isNull) && payload[key]?.stringValue == nil {
                throw APIError.invalidPayload("\"\(key)\" must be a string")
            }
            try auth().register(payload, context: context)
            return .null
        }

        services.register("users.register.verify/1") { context, args in
            guard let token = args["token"]?.stringValue, !token.isEmpty else { return ["location": "/admin/login"] }
            let id = try auth().verifyRegistration(token: token, context: context)
            return ["location": .string("/admin/users/\(id)")]
        }
    }
}
