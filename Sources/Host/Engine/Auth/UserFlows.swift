import Foundation
import PlinthJSON

/// Password reset, invitations and public registration, as Directus's users service does them.
///
/// Tokens are JWTs signed with SECRET (issuer `directus`) carrying a `scope`;
/// links are allow-listed (PASSWORD_RESET_URL_ALLOW_LIST, USER_INVITE_URL_ALLOW_LIST,
/// USER_REGISTER_URL_ALLOW_LIST) and default to the Studio's pages under PUBLIC_URL.
/// Nothing here tells a caller whether an address has an account.
extension AuthService {
    /// `POST /auth/password/request`: mails a reset link to an active local user; always quiet.
    func requestPasswordReset(email: String, url: String?, context: CallContext?) throws {
        let started = Date()
        if let url, !url.isEmpty, !LoginRedirect.isAllowed(url, allowList: config.passwordResetAllowList) {
            throw APIError.invalidPayload("URL \"\(url)\" can't be used to reset passwords")
        }
        defer { Self.stall(500, since: started) }
        guard let user = try userByEmail(email), user["status"]?.stringValue == "active",
              user["provider"]?.stringValue == "default", let address = user["email"]?.stringValue else { return }
        let claims: JSONObject = ["email": .string(address), "scope": "password-reset",
                                  "hash": .string(Self.simpleHash(user["password"]?.stringValue ?? "null"))]
        let token = jwt.sign(claims, ttl: 86_400)
        let link = Self.link(url, default: LoginRedirect.join(config.publicURL, "admin/reset-password"), token: token)
        mail("password reset", context: context) { try $0.sendPasswordReset(to: address, url: link) }
    }

    /// `POST /auth/password/reset`: sets the password of the user a reset token names, once.
    func resetPassword(token: String, password: String, context: CallContext?) throws {
        let claims = try scopedClaims(token)
        guard claims["scope"]?.stringValue == "password-reset", let hash = claims["hash"]?.stringValue,
              let email = claims["email"]?.stringValue else { throw APIError.forbidden() }
        guard let user = try userByEmail(email), user["status"]?.stringValue == "active",
              hash == Self.simpleHash(user["password"]?.stringValue ?? "null"), let id = user["id"]?.stringValue else {
            throw APIError.forbidden()
        }
        try updateAsSystem(id, ["password": .string(password), "status": "active"], context: context)
    }

    /// `POST /users/invite`: creates `invited` users (or re-invites them) and mails each an invitation.
    func invite(emails: [String], role: String, url: String?, context: CallContext?) throws {
        if let url, !url.isEmpty, !LoginRedirect.isAllowed(url, allowList: config.inviteAllowList) {
            throw APIError.invalidPayload("URL \"\(url)\" can't be used to invite users")
        }
        let users = try ItemsService(engine: engine, context: context, collection: "directus_users")
        for email in emails {
            let existing = try userByEmail(email)
            if existing == nil {
                _ = try users.create(["email": .string(email), "role": .string(role), "status": "invited"], query: ["fields": ["id"]])
            } else if existing?["status"]?.stringValue == "invited", existing?["role"]?.stringValue != role, let id = existing?["id"]?.stringValue {
                _ = try users.updateOne(id, ["role": .string(role)], query: ["fields": ["id"]])
            }
            guard existing == nil || existing?["status"]?.stringValue == "invited" else { continue }
            let address = existing?["email"]?.stringValue ?? email
            let token = jwt.sign(["email": .string(address), "scope": "invite"], ttl: max(1, config.inviteTokenTTL / 1000))
            let link = Self.link(url, default: LoginRedirect.join(config.publicURL, "admin/accept-invite"), token: token)
            mail("user invitation", context: context) { try $0.sendInvitation(to: address, url: link) }
        }
    }

    /// `POST /users/invite/accept`: an invited user sets a password and becomes active.
    func acceptInvite(token: String, password: String, context: CallContext?) throws {
        let claims = try scopedClaims(token)
        guard claims["scope"]?.stringValue == "invite", let email = claims["email"]?.stringValue else { throw APIError.forbidden() }
        guard let user = try userByEmail(email), user["status"]?.stringValue == "invited", let id = user["id"]?.stringValue else {
            throw APIError(code: "INVALID_INVITE", status: 400, message: "This invite is no longer valid.")
        }
        try updateAsSystem(id, ["password": .string(password), "status": "active"], context: context)
    }

    /// `POST /users/register`: public registration, when the settings allow it; quiet about existing addresses.
    func register(_ input: JSONObject, context: CallContext?) throws {
        if let url = input["verification_url"]?.stringValue, !LoginRedirect.isAllowed(url, allowList: config.registerAllowList) {
            throw APIError.invalidPayload("URL \"\(url)\" can't be used to verify registered users")
        }
        let started = Date()
        defer { Self.stall(config.registerStallMilliseconds, since: started) }
        let settings = try self.settings(["public_registration", "public_registration_verify_email", "public_registration_role", "public_registration_email_filter"])
        guard settings["public_registration"].map(DynamicVariables.truthy) == true else { throw APIError.forbidden() }
        let verify = settings["public_registration_verify_email"].map(DynamicVariables.truthy) ?? true
        let email = input["email"]?.stringValue ?? ""
        if let filter = JSONSupport.object(settings["public_registration_email_filter"]), !filter.isEmpty {
            do { try FilterEvaluator().check(filter, ["email": .string(email)]) } catch is FilterEvaluator.Failure { throw APIError.forbidden() }
        }
        if let existing = try userByEmail(email) {
            guard existing["status"]?.stringValue == "unverified" else { return }
        } else {
            try createAsSystem([
                "email": .string(email), "password": input["password"] ?? .null, "role": settings["public_registration_role"] ?? .null,
                "status": .string(verify ? "unverified" : "active"),
                "first_name": input["first_name"] ?? .null, "last_name": input["last_name"] ?? .null,
            ], context: context)
        }
        guard verify else { return }
        let ttl = (try? engine.env.milliseconds("EMAIL_VERIFICATION_TOKEN_TTL", default: 7 * 86_400_000)) ?? 7 * 86_400_000
        let token = jwt.sign(["email": .string(email), "scope": "pending-registration"], ttl: max(1, ttl / 1000))
        let link = Self.link(input["verification_url"]?.stringValue, default: LoginRedirect.join(config.publicURL, "users/register/verify-email"), token: token)
        mail("email verification", context: context) {
            try $0.sendRegistrationVerification(to: email, url: link, firstName: input["first_name"]?.stringValue, lastName: input["last_name"]?.stringValue)
        }
    }

    /// `GET /users/register/verify-email?token=`: activates an unverified user; returns its id.
    func verifyRegistration(token: String, context: CallContext?) throws -> String {
        let claims = try scopedClaims(token)
        guard claims["scope"]?.stringValue == "pending-registration", let email = claims["email"]?.stringValue else { throw APIError.forbidden() }
        guard let user = try userByEmail(email), user["status"]?.stringValue == "unverified", let id = user["id"]?.stringValue else {
            throw APIError.invalidPayload("Invalid verification code")
        }
        try updateAsSystem(id, ["status": "active"], context: context)
        return id
    }

    // MARK: Pieces

    /// Sends one mail of a flow; a mail that cannot go out is logged, and the flow answers as if it had.
    private func mail(_ what: String, context: CallContext?, _ send: (MailService) throws -> Void) {
        do {
            try send(MailService(engine: engine, context: context))
        } catch {
            engine.logger.error("Could not send \(what) mail: \(error)")
        }
    }

    /// The claims of a token this service issued, or TOKEN_EXPIRED / INVALID_TOKEN.
    private func scopedClaims(_ token: String) throws -> JSONObject {
        do {
            return try jwt.verify(token)
        } catch JWT.Failure.expired {
            throw APIError.tokenExpired()
        } catch {
            throw APIError.invalidToken()
        }
    }

    /// Writes a user with full access, keeping the caller's IP and agent in the activity.
    private func updateAsSystem(_ id: String, _ data: JSONObject, context: CallContext?) throws {
        _ = try ItemsService(engine: engine, context: systemContext(context), collection: "directus_users").updateOne(id, .object(data), query: ["fields": ["id"]])
    }

    private func createAsSystem(_ data: JSONObject, context: CallContext?) throws {
        _ = try ItemsService(engine: engine, context: systemContext(context), collection: "directus_users").create(.object(data), query: ["fields": ["id"]])
    }

    private func systemContext(_ context: CallContext?) -> CallContext {
        var accountability = context?.accountability ?? .anonymous()
        accountability.admin = true
        return CallContext(accountability: accountability)
    }

    /// `url` (or the default) with `?token=` set.
    static func link(_ url: String?, default fallback: String, token: String) -> String {
        let base = (url?.isEmpty ?? true) ? fallback : url!
        guard var components = URLComponents(string: base) else { return base + "?token=" + token }
        var items = (components.queryItems ?? []).filter { $0.name != "token" }
        items.append(URLQueryItem(name: "token", value: token))
        components.queryItems = items
        return components.string ?? base
    }

    /// Directus's getSimpleHash: a 32-bit string hash of UTF-16 code units, in hex. Ties a reset token to
    /// the password it was issued for, so a token stops working once the password changes.
    static func simpleHash(_ text: String) -> String {
        var hash: Int32 = 0
        for unit in text.utf16 {
            hash = Int32(truncatingIfNeeded: 31 &* Int64(hash) &+ Int64(unit))
        }
        return String(abs(Int64(hash)), radix: 16)
    }
}
