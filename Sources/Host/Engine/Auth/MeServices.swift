import Foundation
import PlinthJSON

/// `/users/me` and two-factor authentication (docs/services.md#users).
enum MeServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        func engine() throws -> Engine {
            guard let engine = runtime.engine else { throw APIError.serviceUnavailable("database") }
            return engine
        }
        func auth() throws -> AuthService {
            guard let auth = runtime.auth else { throw APIError.serviceUnavailable("authentication") }
            return auth
        }
        /// The caller's user id; anonymous callers get INVALID_CREDENTIALS as in Directus.
        func me(_ context: CallContext?) throws -> String {
            guard let user = context?.accountability.user else { throw APIError.invalidCredentials() }
            return user
        }
        func users(_ context: CallContext?) throws -> ItemsService {
            try ItemsService(engine: engine(), context: context, collection: "directus_users")
        }

        services.registerRaw("users.me/1") { context, args in
            let id = try me(context)
            let query = try QuerySanitizer.object(args["query"] ?? .object([:]), "query")
            do {
                return ItemServices.envelope(try users(context).readOne(id, query), meta: nil)
            } catch let error as APIError where error.code == "FORBIDDEN" {
                // A user who may not read their own record still learns their id.
                return Array(JSON.object(["data": ["id": .string(id)]]).encoded())
            }
        }

        services.registerRaw("users.me.update/1") { context, args in
            let id = try me(context)
            let query = try QuerySanitizer.object(args["query"] ?? .object([:]), "query")
            let written = try users(context).updateOne(id, args["data"] ?? .null, query: query)
            return written.map { ItemServices.envelope($0, meta: nil) } ?? Array("{\"data\":null}".utf8)
        }

        services.register("users.me.track_page/1") { context, args in
            let id = try me(context)
            guard let page = args["last_page"], !page.isNull, page.stringValue != "" else {
                throw APIError.invalidPayload("\"last_page\" key is required")
            }
            try engine().database.updateRows(of: SystemTables.users, set: ["last_page": .string(page.stringValue ?? page.description)], where: ["id": .string(id)])
            return .null
        }

        services.register("users.tfa.generate/1") { context, args in
            let id = try me(context)
            let auth = try auth()
            guard let user = try auth.database.rows(of: SystemTables.users, columns: ["email", "tfa_secret", "provider", "external_identifier"],
                                                    where: ["id": .string(id)]).first else { throw APIError.invalidCredentials() }
            let local = user["provider"]?.stringValue == "default"
            if local {
                guard let password = args["password"]?.stringValue, !password.isEmpty else { throw APIError.invalidPayload("\"password\" is required") }
                try auth.verifyPassword(user: id, password: password)
            }
            guard user["tfa_secret"]?.isNull ?? true else { throw APIError.invalidPayload("TFA Secret is already set for this user") }
            if local, user["email"]?.stringValue == nil { throw APIError.invalidPayload("User must have a valid email to enable TFA") }
            let secret = TOTP.generateSecret()
            let project = try auth.settings(["project_name"])["project_name"]?.stringValue ?? "Directus"
            let account = user["email"]?.stringValue ?? user["external_identifier"]?.stringValue ?? "user_\(id)"
            return ["secret": .string(secret), "otpauth_url": .string(TOTP.keyURI(account: account, issuer: project, secret: secret))]
        }

        services.register("users.tfa.enable/1") { context, args in
            let id = try me(context)
            let auth = try auth()
            guard let secret = args["secret"]?.stringValue, !secret.isEmpty else { throw APIError.invalidPayload("\"secret\" is required") }
            guard let otp = args["otp"]?.stringValue, !otp.isEmpty else { throw APIError.invalidPayload("\"otp\" is required") }
            guard let user = try auth.database.rows(of: SystemTables.users, columns: ["tfa_secret"], where: ["id": .string(id)]).first else {
                throw APIError.invalidCredentials()
            }
            guard user["tfa_secret"]?.isNull ?? true else { throw APIError.invalidPayload("TFA Secret is already set for this user") }
            guard TOTP.check(otp, secret: secret) else { throw APIError.invalidPayload("\"otp\" is invalid") }
            try setSecret(secret, user: id, auth: auth, context: context)
            return .null
        }

        services.register("users.tfa.disable/1") { context, args in
            let id = try me(context)
            let auth = try auth()
            guard let otp = args["otp"]?.stringValue, !otp.isEmpty else { throw APIError.invalidPayload("\"otp\" is required") }
            guard let secret = try auth.database.rows(of: SystemTables.users, columns: ["tfa_secret"], where: ["id": .string(id)]).first?["tfa_secret"]?.stringValue else {
                throw APIError.invalidPayload("User \"\(id)\" doesn't have TFA enabled")
            }
            guard TOTP.check(otp, secret: secret) else { throw APIError.invalidPayload("\"otp\" is invalid") }
            try setSecret(nil, user: id, auth: auth, context: context)
            return .null
        }

        services.register("users.tfa.disable_user/1") { context, args in
            _ = try me(context)
            guard context?.accountability.admin == true, let user = args["user"]?.stringValue, !user.isEmpty else { throw APIError.forbidden() }
            try setSecret(nil, user: user, auth: try auth(), context: context)
            return .null
        }
    }

    /// Stores (or clears) a TFA secret, recording the change as an update of the user.
    static func setSecret(_ secret: String?, user: String, auth: AuthService, context: CallContext?) throws {
        try auth.database.transaction { tx in
            try auth.database.updateRows(of: SystemTables.users, set: ["tfa_secret": secret.map(JSON.string) ?? .null], where: ["id": .string(user)], in: tx)
            if let accountability = context?.accountability {
                try auth.database.insertRow(into: SystemTables.activity, [
                    "action": "update", "user": accountability.user.map(JSON.string) ?? .null, "timestamp": .string(DynamicVariables.iso(Date())),
                    "ip": accountability.ip.map(JSON.string) ?? .null, "user_agent": accountability.userAgent.map(JSON.string) ?? .null,
                    "origin": accountability.origin.map(JSON.string) ?? .null, "collection": "directus_users", "item": .string(user),
                ], in: tx)
            }
        }
    }
}
