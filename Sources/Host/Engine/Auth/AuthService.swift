import Foundation
import PlinthJSON
import SQLPlan

/// Logging in, refreshing and logging out, as Directus's AuthenticationService does.
///
/// Providers (plugins) say who the caller is; this service checks the user
/// (status, provider, TFA), issues the JWT (`auth.jwt` filter for custom
/// claims), keeps refresh tokens in `directus_sessions`, writes `login` and
/// `logout` activity, and emits `auth.login`. Every failure takes at least
/// LOGIN_STALL_TIME, so timing does not tell whether an account exists.
final class AuthService: @unchecked Sendable {
    let engine: Engine
    let config: AuthConfig
    let jwt: JWT
    let providers: AuthProviders
    let hasher: PasswordHasher
    private let attempts = LoginAttempts()

    init(engine: Engine, config: AuthConfig, jwt: JWT, providers: AuthProviders) throws {
        hasher = try PasswordHasher(engine.env)
        self.engine = engine
        self.config = config
        self.jwt = jwt
        self.providers = providers
    }

    var database: Database { engine.database }

    /// What a login or refresh hands back.
    struct Tokens {
        let accessToken: String
        let refreshToken: String
        /// Milliseconds the access token lives.
        let expires: Int
        let user: String?
    }

    // MARK: Login

    /// Logs in through `providerName`; `session` issues a session JWT (the token embeds the refresh token).
    func login(provider providerName: String, payload: JSONObject, session: Bool, otp: String?, context: CallContext?) throws -> Tokens {
        let started = Date()
        let accountability = context?.accountability
        let stall = { Self.stall(self.config.loginStallMilliseconds, since: started) }
        func fail(_ error: APIError, user: String?, payload: JSON) -> APIError {
            emitLogin("fail", payload: payload, user: user, provider: providerName, error: error, context: context)
            stall()
            return error
        }
        guard providers.provider(providerName) != nil else { throw APIError.invalidProvider(providerName) }
        var request: JSONObject = ["payload": .object(payload), "provider": .string(providerName)]
        request["ip"] = accountability?.ip.map(JSON.string) ?? .null
        request["user_agent"] = accountability?.userAgent.map(JSON.string) ?? .null
        let userID: String
        do {
            guard let id = try providers.login(providerName, request: .object(request), context: context)["user"]?.stringValue else {
                throw APIError.invalidCredentials()
            }
            userID = id
        } catch let error as APIError {
            throw fail(error, user: nil, payload: .object(payload))
        }
        return try issue(user: userID, provider: providerName, payload: .object(payload), session: session, otp: otp, context: context, started: started)
    }

    /// The checks and token issue every login shares, once a provider has said who the caller is.
    func issue(user userID: String, provider providerName: String, payload: JSON, session: Bool, otp: String?,
               context: CallContext?, started: Date = Date()) throws -> Tokens {
        let accountability = context?.accountability
        func fail(_ error: APIError, user: String?, payload: JSON) -> APIError {
            emitLogin("fail", payload: payload, user: user, provider: providerName, error: error, context: context)
            Self.stall(self.config.loginStallMilliseconds, since: started)
            return error
        }
        guard let user = try database.rows(of: SystemTables.users, columns: ["id", "role", "status", "provider", "tfa_secret"],
                                           where: ["id": .string(userID)]).first else {
            throw fail(.invalidCredentials(), user: nil, payload: payload)
        }
        let filtered = try filterLogin(payload, user: userID, provider: providerName, context: context)
        guard user["status"]?.stringValue == "active", user["provider"]?.stringValue == providerName else {
            throw fail(.invalidCredentials(), user: userID, payload: filtered)
        }
        if let secret = user["tfa_secret"]?.stringValue, !secret.isEmpty {
            guard let otp, !otp.isEmpty, TOTP.check(otp, secret: secret) else {
                throw fail(.invalidOTP(), user: userID, payload: filtered)
            }
        }
        let role = user["role"]?.stringValue
        let grants = try globalAccess(user: userID, role: role, ip: accountability?.ip)
        var claims: JSONObject = ["id": .string(userID), "role": role.map(JSON.string) ?? .null,
                                  "app_access": .bool(grants.app), "admin_access": .bool(grants.admin)]
        if user["tfa_secret"]?.stringValue?.isEmpty ?? true, try enforcesTFA(role: role) { claims["enforce_tfa"] = true }
        let refreshToken = Self.randomToken()
        if session { claims["session"] = .string(refreshToken) }
        let ttl = session ? config.sessionCookieTTL : config.accessTokenTTL
        let accessToken = try sign(claims, ttl: ttl, user: userID, provider: providerName, type: "login", context: context)
        let now = Date()
        try database.transaction { tx in
            try database.insertRow(into: SystemTables.sessions, [
                "token": .string(refreshToken), "user": .string(userID),
                "expires": .string(DynamicVariables.iso(now.addingTimeInterval(Double(config.refreshTokenTTL) / 1000))),
                "ip": accountability?.ip.map(JSON.string) ?? .null, "user_agent": accountability?.userAgent.map(JSON.string) ?? .null,
                "origin": accountability?.origin.map(JSON.string) ?? .null,
            ], in: tx)
            try purgeExpiredSessions(user: nil, now: now, in: tx)
            if let accountability { try recordActivity("login", user: userID, accountability, in: tx) }
            try database.updateRows(of: SystemTables.users, set: ["last_access": .string(DynamicVariables.iso(now))], where: ["id": .string(userID)], in: tx)
        }
        attempts.reset(userID)
        emitLogin("success", payload: filtered, user: userID, provider: providerName, error: nil, context: context)
        Self.stall(config.loginStallMilliseconds, since: started)
        return Tokens(accessToken: accessToken, refreshToken: refreshToken, expires: ttl, user: userID)
    }

    /// The local provider's check (`auth.password.verify/1`): finds the user by e-mail, counts the attempt
    /// against `auth_login_attempts` (suspending the user past it) and verifies the argon2 hash.
    func verifyLocalPassword(email: String, password: String, provider: String, context: CallContext?) throws -> String {
        guard !email.isEmpty, let user = try userByEmail(email) else { throw APIError.invalidCredentials() }
        let id = user["id"]?.stringValue ?? ""
        if user["status"]?.stringValue == "active", user["provider"]?.stringValue == provider,
           let allowed = try settings(["auth_login_attempts"])["auth_login_attempts"]?.intValue {
            if !attempts.consume(id, allowed: allowed) {
                try suspend(id, context: context)
                throw APIError.invalidCredentials()
            }
        }
        guard let hash = user["password"]?.stringValue, hasher.verify(password, against: hash) else {
            throw APIError.invalidCredentials()
        }
        return id
    }

    /// Checks a user's current password (TFA setup asks for it).
    func verifyPassword(user id: String, password: String) throws {
        guard let user = try database.rows(of: SystemTables.users, columns: ["password"], where: ["id": .string(id)]).first,
              let hash = user["password"]?.stringValue, hasher.verify(password, against: hash) else {
            throw APIError.invalidCredentials()
        }
    }

    // MARK: Refresh and logout

    /// Exchanges a refresh token for new tokens; session mode rotates with a grace period for concurrent refreshes.
    func refresh(_ token: String, session: Bool, context: CallContext?) throws -> Tokens {
        let started = Date()
        guard !token.isEmpty else { throw APIError.invalidCredentials() }
        let now = Date()
        guard let record = try liveSession(token, now: now) else { throw APIError.invalidCredentials() }
        let userID = record["user"]?.stringValue
        var role: String?
        var provider = "default"
        if let userID {
            guard let user = try database.rows(of: SystemTables.users, columns: ["status", "role", "provider"], where: ["id": .string(userID)]).first else {
                throw APIError.invalidCredentials()
            }
            if user["status"]?.stringValue != "active" {
                try database.deleteRows(of: SystemTables.sessions, where: ["token": .string(token)])
                Self.stall(config.loginStallMilliseconds, since: started)
                throw user["status"]?.stringValue == "suspended" ? APIError.userSuspended() : APIError.invalidCredentials()
            }
            role = user["role"]?.stringValue
            provider = user["provider"]?.stringValue ?? "default"
        }
        let share = record["share"]?.stringValue
        var claims: JSONObject
        if let share {
            claims = ["role": .null, "app_access": false, "admin_access": false, "share": .string(share)]
        } else {
            let grants = try globalAccess(user: userID ?? "", role: role, ip: context?.accountability.ip)
            claims = ["id": userID.map(JSON.string) ?? .null, "role": role.map(JSON.string) ?? .null,
                      "app_access": .bool(grants.app), "admin_access": .bool(grants.admin)]
        }
        let lifetime = session ? config.sessionCookieTTL : config.refreshTokenTTL
        let expiry = JSON.string(DynamicVariables.iso(now.addingTimeInterval(Double(lifetime) / 1000)))
        var next = record["next_token"]?.stringValue ?? Self.randomToken()
        try database.transaction { tx in
            if session {
                next = try rotate(record, old: token, next: next, expiry: expiry, now: now, context: context, in: tx)
            } else {
                try database.updateRows(of: SystemTables.sessions, set: ["token": .string(next), "expires": expiry], where: ["token": .string(token)], in: tx)
            }
            if let userID {
                try database.updateRows(of: SystemTables.users, set: ["last_access": .string(DynamicVariables.iso(now))], where: ["id": .string(userID)], in: tx)
            }
            try purgeExpiredSessions(user: userID, now: now, in: tx)
        }
        if session { claims["session"] = .string(next) }
        let ttl = session ? config.sessionCookieTTL : config.accessTokenTTL
        let accessToken = try sign(claims, ttl: ttl, user: userID, provider: provider, type: "refresh", context: context)
        return Tokens(accessToken: accessToken, refreshToken: next, expires: ttl, user: userID)
    }

    /// Deletes the session of a refresh token (an unknown token is not an error) and records the logout.
    func logout(_ token: String, context: CallContext?) throws {
        guard let record = try database.rows(of: SystemTables.sessions, columns: ["token", "user"], where: ["token": .string(token)]).first else { return }
        try database.transaction { tx in
            if let user = record["user"]?.stringValue, let accountability = context?.accountability {
                try recordActivity("logout", user: user, accountability, in: tx)
            }
            try database.deleteRows(of: SystemTables.sessions, where: ["token": .string(token)], in: tx)
        }
    }

    // MARK: Pieces

    private func liveSession(_ token: String, now: Date) throws -> JSONObject? {
        try Self.liveSession(token, now: now, in: database)
    }

    /// Whether a session JWT's session is still open (a logged-out session's JWT stops working at once).
    static func sessionIsLive(_ token: String, user: String?, share: String?, in database: Database) throws -> Bool {
        guard let record = try liveSession(token, now: Date(), in: database) else { return false }
        return record["user"]?.stringValue == user && record["share"]?.stringValue == share
    }

    /// A refresh token's session row if it has not expired.
    static func liveSession(_ token: String, now: Date, in database: Database) throws -> JSONObject? {
        let table = SystemTables.sessions
        let select = Select(
            table: table.name, alias: "s",
            fields: ["token", "user", "share", "next_token", "expires"].map { ($0, .expr(.column(table: "s", name: $0, type: table.type(of: $0)), type: table.type(of: $0))) },
            filter: .and([
                .compare(.eq, .column(table: "s", name: "token", type: .string), .value(.string(token), type: .string)),
                .compare(.gte, .column(table: "s", name: "expires", type: .timestamp), .value(.string(DynamicVariables.iso(now)), type: .timestamp)),
            ]),
            limit: 1
        )
        return try database.rows(select).first?.objectValue
    }

    /// Session-mode rotation: the old row stays valid for the grace period and points at its successor.
    private func rotate(_ record: JSONObject, old: String, next: String, expiry: JSON, now: Date, context: CallContext?, in tx: Transaction) throws -> String {
        if record["next_token"]?.stringValue != nil {
            try database.updateRows(of: SystemTables.sessions, set: ["expires": expiry], where: ["token": .string(next)], in: tx)
            return next
        }
        let grace = JSON.string(DynamicVariables.iso(now.addingTimeInterval(Double(config.graceMilliseconds) / 1000)))
        let changed = try database.updateRows(of: SystemTables.sessions, set: ["next_token": .string(next), "expires": grace],
                                              where: ["token": .string(old), "next_token": .null], in: tx)
        if changed == 0 {
            return try database.rows(of: SystemTables.sessions, columns: ["next_token"], where: ["token": .string(old)], in: tx).first?["next_token"]?.stringValue ?? next
        }
        let who = context?.accountability
        try database.insertRow(into: SystemTables.sessions, [
            "token": .string(next), "user": record["user"] ?? .null, "share": record["share"] ?? .null, "expires": expiry,
            "ip": who?.ip.map(JSON.string) ?? .null, "user_agent": who?.userAgent.map(JSON.string) ?? .null,
            "origin": who?.origin.map(JSON.string) ?? .null,
        ], in: tx)
        return next
    }

    private func purgeExpiredSessions(user: String?, now: Date, in tx: Transaction) throws {
        var terms: [Expr] = [.compare(.lt, .column(table: "t", name: "expires", type: .timestamp), .value(.string(DynamicVariables.iso(now)), type: .timestamp))]
        if let user { terms.append(.compare(.eq, .column(table: "t", name: "user", type: .uuid), .value(.string(user), type: .uuid))) }
        try database.delete(Delete(table: SystemTables.sessions.name, alias: "t", filter: .and(terms)), in: tx)
    }

    /// Admin and app access of a user's policies (own, role chain), IP ranges applied.
    func globalAccess(user: String, role: String?, ip: String?) throws -> (admin: Bool, app: Bool) {
        guard let accountability = try engine.access.user(user, ip: ip) else { return (false, false) }
        return (accountability.admin, accountability.app)
    }

    /// Whether a policy of the user's role enforces TFA.
    private func enforcesTFA(role: String?) throws -> Bool {
        guard let role else { return false }
        for access in try database.rows(of: SystemTables.access, columns: ["policy"], where: ["role": .string(role)]) {
            guard let policy = access["policy"]?.stringValue else { continue }
            if try database.rows(of: SystemTables.policies, columns: ["enforce_tfa"], where: ["id": .string(policy)]).first?["enforce_tfa"]?.boolValue == true {
                return true
            }
        }
        return false
    }

    /// Signs the claims after `auth.jwt` filters had their say.
    private func sign(_ claims: JSONObject, ttl: Int, user: String?, provider: String, type: String, context: CallContext?) throws -> String {
        var payload = claims
        if engine.bus.hasFilters("auth.jwt") {
            let meta: JSON = ["status": "pending", "user": user.map(JSON.string) ?? .null, "provider": .string(provider), "type": .string(type)]
            let changed = try JSON.parse(engine.bus.filter("auth.jwt", payload: JSON.object(claims).encoded(), meta: meta.encoded(), context: context))
            if let object = changed.objectValue { payload = object }
        }
        return jwt.sign(payload, ttl: max(1, ttl / 1000))
    }

    private func filterLogin(_ payload: JSON, user: String, provider: String, context: CallContext?) throws -> JSON {
        guard engine.bus.hasFilters("auth.login") else { return payload }
        let meta: JSON = ["status": "pending", "user": .string(user), "provider": .string(provider)]
        return try JSON.parse(engine.bus.filter("auth.login", payload: payload.encoded(), meta: meta.encoded(), context: context))
    }

    private func emitLogin(_ status: String, payload: JSON, user: String?, provider: String, error: APIError?, context: CallContext?) {
        guard engine.bus.hasActions("auth.login") else { return }
        var event: JSONObject = ["payload": Self.redacted(payload), "status": .string(status), "user": user.map(JSON.string) ?? .null, "provider": .string(provider)]
        if let error { event["error"] = .object(["code": .string(error.code), "message": .string(error.message)]) }
        engine.bus.action("auth.login", payload: JSON.object(event).encoded(), meta: Array("{}".utf8), context: context)
    }

    /// The login payload without its secrets, for hooks that only observe.
    static func redacted(_ payload: JSON) -> JSON {
        guard var object = payload.objectValue else { return payload }
        for key in ["password", "otp"] where object[key] != nil { object[key] = "**********" }
        return .object(object)
    }

    func recordActivity(_ action: String, user: String, _ accountability: Accountability, in tx: Transaction?) throws {
        try database.insertRow(into: SystemTables.activity, [
            "action": .string(action), "user": .string(user), "timestamp": .string(DynamicVariables.iso(Date())),
            "ip": accountability.ip.map(JSON.string) ?? .null, "user_agent": accountability.userAgent.map(JSON.string) ?? .null,
            "origin": accountability.origin.map(JSON.string) ?? .null, "collection": "directus_users", "item": .string(user),
        ], in: tx)
    }

    /// Suspends a user who ran out of login attempts (with activity and a revision, as an update).
    private func suspend(_ id: String, context: CallContext?) throws {
        try database.transaction { tx in
            try database.updateRows(of: SystemTables.users, set: ["status": "suspended"], where: ["id": .string(id)], in: tx)
            try database.deleteRows(of: SystemTables.sessions, where: ["user": .string(id)], in: tx)
            if let accountability = context?.accountability {
                let activity = try database.insertRow(into: SystemTables.activity, [
                    "action": "update", "user": .string(id), "timestamp": .string(DynamicVariables.iso(Date())),
                    "ip": accountability.ip.map(JSON.string) ?? .null, "user_agent": accountability.userAgent.map(JSON.string) ?? .null,
                    "origin": accountability.origin.map(JSON.string) ?? .null, "collection": "directus_users", "item": .string(id),
                ], in: tx)
                try database.insertRow(into: SystemTables.revisions, [
                    "activity": activity, "collection": "directus_users", "item": .string(id),
                    "data": ["id": .string(id), "status": "suspended"], "delta": ["status": "suspended"],
                ], in: tx)
            }
        }
        attempts.reset(id)
        engine.access.invalidate()
    }

    func userByEmail(_ email: String) throws -> JSONObject? {
        let table = SystemTables.users
        let select = Select(
            table: table.name, alias: "u",
            fields: ["id", "role", "status", "password", "email", "provider"].map { ($0, .expr(.column(table: "u", name: $0, type: table.type(of: $0)), type: table.type(of: $0))) },
            filter: .compare(.eq, .function(.lower, [.column(table: "u", name: "email", type: .string)]), .value(.string(email.lowercased()), type: .string)),
            limit: 1
        )
        return try database.rows(select).first?.objectValue
    }

    /// Columns of the settings row (their defaults when there is no row).
    func settings(_ columns: [String]) throws -> JSONObject {
        if let row = try database.rows(of: SystemTables.settings, columns: columns, limit: 1).first { return row }
        var defaults = JSONObject()
        for name in columns {
            if case .value(let value)? = SystemTables.settings.columns.first(where: { $0.name == name })?.defaultValue {
                defaults[name] = value.intValue.map(JSON.int) ?? value
            } else {
                defaults[name] = .null
            }
        }
        return defaults
    }

    /// A 64-character refresh token (nanoid alphabet).
    static func randomToken(length: Int = 64) -> String {
        let alphabet = Array("useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<length).map { _ in alphabet[Int(generator.next() & 63)] }, as: UTF8.self)
    }

    /// Sleeps the rest of `milliseconds` since `start`.
    static func stall(_ milliseconds: Int, since start: Date) {
        let remaining = Double(milliseconds) / 1000 - Date().timeIntervalSince(start)
        if remaining > 0 { Thread.sleep(forTimeInterval: remaining) }
    }
}

/// Failed-login counters per user (Directus counts them in the rate-limiter store; here, in memory).
final class LoginAttempts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Counts an attempt; false once the user has used up `allowed` attempts.
    func consume(_ user: String, allowed: Int) -> Bool {
        lock.withLock {
            let used = (counts[user] ?? 0) + 1
            counts[user] = used
            return used <= allowed
        }
    }

    func reset(_ user: String) {
        lock.withLock { _ = counts.removeValue(forKey: user) }
    }
}
