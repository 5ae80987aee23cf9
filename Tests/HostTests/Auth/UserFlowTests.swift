import Foundation
import Testing

/// Password reset, invitations and public registration through a real SMTP sink (aiosmtpd).
@Suite("Password reset, invitations, registration")
struct UserFlowTests {
    static func environment(_ sink: SMTPSink, _ extra: [String: String] = [:]) -> [String: String] {
        ["EMAIL_TRANSPORT": "smtp", "EMAIL_SMTP_HOST": "127.0.0.1", "EMAIL_SMTP_PORT": "\(sink.port)", "LOGIN_STALL_TIME": "0",
         "REGISTER_STALL_TIME": "0", "PUBLIC_URL": "https://cms.example.com"].merging(extra) { $1 }
    }

    /// The `token` query parameter of the first link in a message's text part.
    static func token(in message: [String: Any]) throws -> String {
        let text = ((message["parts"] as? [[String: Any]])?.first?["content"] as? String) ?? ""
        let pattern = try NSRegularExpression(pattern: "token=([A-Za-z0-9_.-]+)")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        return String(text[Range(match.range(at: 1), in: text)!])
    }

    static func link(in message: [String: Any]) -> String {
        let text = ((message["parts"] as? [[String: Any]])?.first?["content"] as? String) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http") }.map(String.init) ?? ""
    }

    @Test("a reset link arrives by mail, works once, and says nothing about unknown addresses", arguments: DatabaseKind.allCases)
    func passwordReset(_ database: DatabaseKind) async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let api = try await APIHost(database, environment: Self.environment(sink, ["PASSWORD_RESET_URL_ALLOW_LIST": "https://app.example.com/reset"]))
        defer { api.stop() }
        try api.seedUser(email: "forgetful@example.com", password: "old-password")

        let unknown = try await api.anonymous("POST", "/auth/password/request", ["email": "nobody@example.com"])
        #expect(unknown.status == 204 && unknown.body.isEmpty)
        let missing = try await api.anonymous("POST", "/auth/password/request", [:])
        #expect(missing.text == #"{"errors":[{"message":"Invalid payload. \"email\" field is required.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"email\" field is required"}}]}"#)
        let foreign = try await api.anonymous("POST", "/auth/password/request", ["email": "forgetful@example.com", "reset_url": "https://evil.example.com/steal"])
        #expect(foreign.status == 400)
        #expect(foreign.text == #"{"errors":[{"message":"Invalid payload. URL \"https://evil.example.com/steal\" can't be used to reset passwords.","extensions":{"code":"INVALID_PAYLOAD","reason":"URL \"https://evil.example.com/steal\" can't be used to reset passwords"}}]}"#)

        // The default link points at the Studio; an allow-listed one is used as given.
        #expect(try await api.anonymous("POST", "/auth/password/request", ["email": "Forgetful@Example.com"]).status == 204)
        #expect(try await api.anonymous("POST", "/auth/password/request", ["email": "forgetful@example.com", "reset_url": "https://app.example.com/reset"]).status == 204)
        let messages = try await sink.messages(2)
        #expect(sink.received == 2, "the unknown address got no mail")
        let headers = messages.map { $0["headers"] as? [String: String] ?? [:] }
        #expect(headers.map { $0["Subject"] } == ["Password Reset Request", "Password Reset Request"])
        #expect(headers.map { $0["To"] } == ["forgetful@example.com", "forgetful@example.com"])
        #expect(Self.link(in: messages[0]).hasPrefix("https://cms.example.com/admin/reset-password?token="))
        #expect(Self.link(in: messages[1]).hasPrefix("https://app.example.com/reset?token="))
        let token = try Self.token(in: messages[1])

        let weak = try await api.anonymous("POST", "/auth/password/reset", ["token": token])
        #expect(weak.text == #"{"errors":[{"message":"Invalid payload. \"password\" field is required.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"password\" field is required"}}]}"#)
        let reset = try await api.anonymous("POST", "/auth/password/reset", ["token": token, "password": "new-password"])
        #expect(reset.status == 204, "\(reset.text)")
        #expect(try await api.anonymous("POST", "/auth/login", ["email": "forgetful@example.com", "password": "new-password"]).status == 200)
        #expect(try await api.anonymous("POST", "/auth/login", ["email": "forgetful@example.com", "password": "old-password"]).status == 401)
        // The token was bound to the old password: it does not work twice.
        let again = try await api.anonymous("POST", "/auth/password/reset", ["token": token, "password": "third-password"])
        #expect(again.status == 403 && again.errorCode == "FORBIDDEN")
        let forged = try await api.anonymous("POST", "/auth/password/reset", ["token": "not.a.token", "password": "x"])
        #expect(forged.status == 403 && forged.errorCode == "INVALID_TOKEN")
        #expect(!api.host.log.contains(token))
    }

    @Test("an invitation creates an invited user who sets a password and logs in", arguments: DatabaseKind.allCases)
    func invitation(_ database: DatabaseKind) async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let api = try await APIHost(database, environment: Self.environment(sink))
        defer { api.stop() }
        let role = try api.seedPolicy(name: "Editors", app: true).role!
        let bad = try await api.send("POST", "/users/invite", ["email": "nope", "role": role])
        #expect(bad.status == 400 && bad.errorCode == "INVALID_PAYLOAD")
        let noRole = try await api.send("POST", "/users/invite", ["email": "guest@example.com"])
        #expect(noRole.text == #"{"errors":[{"message":"Invalid payload. \"role\" is required.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"role\" is required"}}]}"#)
        #expect(try await api.anonymous("POST", "/users/invite", ["email": "guest@example.com", "role": role]).status == 403)

        let invited = try await api.send("POST", "/users/invite", ["email": ["guest@example.com", "other@example.com"], "role": role])
        #expect(invited.status == 204, "\(invited.text)")
        #expect(try api.sql("SELECT status FROM directus_users WHERE email = 'guest@example.com'") == "invited")
        let messages = try await sink.messages(2)
        #expect(messages.map { ($0["headers"] as? [String: String])?["Subject"] } == ["You've been invited", "You've been invited"])
        #expect(Self.link(in: messages[0]).hasPrefix("https://cms.example.com/admin/accept-invite?token="))
        // An invited user cannot log in yet.
        let token = try Self.token(in: messages[0])
        let accepted = try await api.anonymous("POST", "/users/invite/accept", ["token": token, "password": "guest-password"])
        #expect(accepted.status == 204, "\(accepted.text)")
        #expect(try api.sql("SELECT status FROM directus_users WHERE email = 'guest@example.com'") == "active")
        #expect(try await api.anonymous("POST", "/auth/login", ["email": "guest@example.com", "password": "guest-password"]).status == 200)
        let twice = try await api.anonymous("POST", "/users/invite/accept", ["token": token, "password": "again"])
        #expect(twice.text == #"{"errors":[{"message":"This invite is no longer valid.","extensions":{"code":"INVALID_INVITE"}}]}"#)
    }

    @Test("public registration is off by default; on, it verifies the address by mail", arguments: DatabaseKind.allCases)
    func registration(_ database: DatabaseKind) async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let api = try await APIHost(database, environment: Self.environment(sink))
        defer { api.stop() }
        let off = try await api.anonymous("POST", "/users/register", ["email": "self@example.com", "password": "self-password"])
        #expect(off.status == 403)
        let role = try api.seedPolicy(name: "Members", app: true).role!
        try api.sql("UPDATE directus_settings SET public_registration = \(api.bool(true)), public_registration_role = '\(role)'")
        let invalid = try await api.anonymous("POST", "/users/register", ["email": "self", "password": "x"])
        #expect(invalid.text == #"{"errors":[{"message":"Invalid payload. \"email\" must be a valid email.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"email\" must be a valid email"}}]}"#)
        let registered = try await api.anonymous("POST", "/users/register", ["email": "self@example.com", "password": "self-password", "first_name": "Sam"])
        #expect(registered.status == 204, "\(registered.text)")
        // Registering an address that exists answers the same, and sends nothing new.
        #expect(try await api.anonymous("POST", "/users/register", ["email": "admin@example.com", "password": "x"]).status == 204)
        #expect(try api.sql("SELECT status || '|' || role || '|' || first_name FROM directus_users WHERE email = 'self@example.com'") == "unverified|\(role)|Sam")
        #expect(try await api.anonymous("POST", "/auth/login", ["email": "self@example.com", "password": "self-password"]).status == 401)

        let messages = try await sink.messages(1)
        #expect((messages[0]["headers"] as? [String: String])?["Subject"] == "Verify your email address")
        let link = Self.link(in: messages[0])
        #expect(link.hasPrefix("https://cms.example.com/users/register/verify-email?token="))
        let verify = try await TestHTTP.requestWithoutRedirects("GET", api.host.baseURL + "/users/register/verify-email?token=" + (try Self.token(in: messages[0])))
        #expect(verify.status == 302)
        let id = try api.sql("SELECT id FROM directus_users WHERE email = 'self@example.com'")
        #expect(verify.header("Location") == "/admin/users/\(id)")
        #expect(try await api.anonymous("POST", "/auth/login", ["email": "self@example.com", "password": "self-password"]).status == 200)
        #expect(sink.received == 1)
    }
}
