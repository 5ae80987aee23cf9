import Foundation
import Testing
@testable import Host
import PlinthJSON

/// /auth/login, /auth/refresh, /auth/logout in every mode, tokens and their failures, on both databases.
@Suite("Auth flows")
struct AuthFlowTests {
    static let fast = ["LOGIN_STALL_TIME": "0"]

    func login(_ api: APIHost, _ body: [String: Any]) async throws -> TestResponse {
        try await api.anonymous("POST", "/auth/login", body)
    }

    @Test("json login returns tokens with Directus's claims; bad credentials answer identically", arguments: DatabaseKind.allCases)
    func jsonLogin(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast.merging(["LOG_LEVEL": "debug"]) { $1 })
        defer { api.stop() }
        let response = try await login(api, ["email": "Admin@Example.com", "password": "admin-password"])
        #expect(response.status == 200, "\(response.text)")
        let data = response.dataObject
        #expect(Set(data.keys) == ["access_token", "refresh_token", "expires"])
        #expect(data["expires"] as? Int == 900_000)
        #expect((data["refresh_token"] as? String)?.count == 64)
        let claims = TokenClaims.decode(data["access_token"] as? String ?? "")
        #expect(claims["iss"] as? String == "directus")
        #expect(claims["admin_access"] as? Bool == true)
        #expect(claims["app_access"] as? Bool == true)
        #expect(claims["role"] is String)
        #expect((claims["exp"] as? Int ?? 0) - (claims["iat"] as? Int ?? 0) == 900)
        #expect(claims["session"] == nil)

        let me = try await api.send("GET", "/users/me?fields=email", token: data["access_token"] as? String)
        #expect(me.text == #"{"data":{"email":"admin@example.com"}}"#)

        let wrongPassword = try await login(api, ["email": "admin@example.com", "password": "nope"])
        let unknownUser = try await login(api, ["email": "nobody@example.com", "password": "nope"])
        let expected = #"{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"#
        #expect(wrongPassword.status == 401 && wrongPassword.text == expected)
        #expect(unknownUser.status == 401 && unknownUser.text == expected)

        let malformed = try await login(api, ["email": "not-an-email", "password": "x"])
        #expect(malformed.status == 400)
        #expect(malformed.text == #"{"errors":[{"message":"Invalid payload. \"email\" must be a valid email.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"email\" must be a valid email"}}]}"#)
        let missing = try await login(api, ["email": "admin@example.com"])
        #expect(missing.text == #"{"errors":[{"message":"Invalid payload. \"password\" is required.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"password\" is required"}}]}"#)
        let badMode = try await login(api, ["email": "admin@example.com", "password": "admin-password", "mode": "magic"])
        #expect(badMode.status == 400 && badMode.errorCode == "INVALID_PAYLOAD")

        // The login is recorded and last_access set.
        #expect(try api.sql("SELECT action, collection FROM directus_activity WHERE action = 'login'") == "login|directus_users")
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE last_access IS NOT NULL") == "1")

        // Secrets never reach the log, even at debug level with failures in between.
        let refresh = data["refresh_token"] as? String ?? "-"
        for secret in ["admin-password", "nope", refresh, data["access_token"] as? String ?? "-", api.token] {
            #expect(!api.host.log.contains(secret), "the log contains a secret")
        }
    }

    @Test("json refresh rotates the refresh token; logout ends the session", arguments: DatabaseKind.allCases)
    func jsonRefreshAndLogout(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast)
        defer { api.stop() }
        let first = try await login(api, ["email": "admin@example.com", "password": "admin-password"]).dataObject
        let oldToken = first["refresh_token"] as! String

        let refreshed = try await api.anonymous("POST", "/auth/refresh", ["refresh_token": oldToken])
        #expect(refreshed.status == 200, "\(refreshed.text)")
        let newToken = refreshed.dataObject["refresh_token"] as? String
        #expect(newToken != nil && newToken != oldToken)
        #expect(Set(refreshed.dataObject.keys) == ["access_token", "refresh_token", "expires"])

        let reused = try await api.anonymous("POST", "/auth/refresh", ["refresh_token": oldToken])
        #expect(reused.status == 401 && reused.errorCode == "INVALID_CREDENTIALS")

        let missing = try await api.anonymous("POST", "/auth/refresh", [:])
        #expect(missing.status == 400)
        #expect(missing.text == #"{"errors":[{"message":"Invalid payload. The refresh token is required in either the payload or cookie.","extensions":{"code":"INVALID_PAYLOAD","reason":"The refresh token is required in either the payload or cookie"}}]}"#)

        let logout = try await api.anonymous("POST", "/auth/logout", ["refresh_token": newToken!])
        #expect(logout.status == 204 && logout.body.isEmpty)
        #expect(try api.sql("SELECT count(*) FROM directus_sessions") == "0")
        let afterLogout = try await api.anonymous("POST", "/auth/refresh", ["refresh_token": newToken!])
        #expect(afterLogout.status == 401 && afterLogout.errorCode == "INVALID_CREDENTIALS")
        #expect(try api.sql("SELECT count(*) FROM directus_activity WHERE action = 'logout'") == "1")
    }

    @Test("cookie mode keeps the refresh token in an httpOnly cookie", arguments: DatabaseKind.allCases)
    func cookieMode(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast.merging(["REFRESH_TOKEN_COOKIE_SECURE": "true", "REFRESH_TOKEN_COOKIE_SAME_SITE": "lax",
                                                                              "REFRESH_TOKEN_COOKIE_DOMAIN": "example.com"]) { $1 })
        defer { api.stop() }
        let response = try await login(api, ["email": "admin@example.com", "password": "admin-password", "mode": "cookie"])
        #expect(response.status == 200)
        #expect(Set(response.dataObject.keys) == ["access_token", "expires"])
        let cookie = try #require(response.cookie("directus_refresh_token"))
        let value = try #require(response.cookieValue("directus_refresh_token"))
        #expect(value.count == 64)
        #expect(cookie.contains("Max-Age=604800") && cookie.contains("Domain=example.com") && cookie.contains("Path=/"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"))

        let refreshed = try await api.anonymous("POST", "/auth/refresh", ["mode": "cookie"], headers: ["Cookie": "directus_refresh_token=\(value)"])
        #expect(refreshed.status == 200, "\(refreshed.text)")
        #expect(Set(refreshed.dataObject.keys) == ["access_token", "expires"])
        let rotated = try #require(refreshed.cookieValue("directus_refresh_token"))
        #expect(rotated != value)
        // Without a mode and without a body token, the cookie is used.
        let implicit = try await api.anonymous("POST", "/auth/refresh", nil, headers: ["Cookie": "directus_refresh_token=\(rotated)"])
        #expect(implicit.status == 200, "\(implicit.text)")
        let last = try #require(implicit.cookieValue("directus_refresh_token"))

        let logout = try await api.anonymous("POST", "/auth/logout", nil, headers: ["Cookie": "directus_refresh_token=\(last)"])
        #expect(logout.status == 204)
        let cleared = try #require(logout.cookie("directus_refresh_token"))
        #expect(cleared.hasPrefix("directus_refresh_token=;") && cleared.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"))
    }

    @Test("session mode: the JWT cookie embeds the session, refresh rotates with a grace period, logout ends it at once", arguments: DatabaseKind.allCases)
    func sessionMode(_ database: DatabaseKind) async throws {
        // A grace period long enough for a loaded machine: the test checks the rotation, not the clock.
        let api = try await APIHost(database, environment: Self.fast.merging(["SESSION_REFRESH_GRACE_PERIOD": "5m"]) { $1 })
        defer { api.stop() }
        let response = try await login(api, ["email": "admin@example.com", "password": "admin-password", "mode": "session"])
        #expect(response.status == 200)
        #expect(response.text == #"{"data":{"expires":86400000}}"#)
        let jwt = try #require(response.cookieValue("directus_session_token"))
        let claims = TokenClaims.decode(jwt)
        let session = try #require(claims["session"] as? String)
        #expect(try api.sql("SELECT count(*) FROM directus_sessions WHERE token = '\(session)'") == "1")
        #expect((claims["exp"] as? Int ?? 0) - (claims["iat"] as? Int ?? 0) == 86400)

        let me = try await api.anonymous("GET", "/users/me?fields=email", headers: ["Cookie": "directus_session_token=\(jwt)"])
        #expect(me.text == #"{"data":{"email":"admin@example.com"}}"#)

        let refreshed = try await api.anonymous("POST", "/auth/refresh", ["mode": "session"], headers: ["Cookie": "directus_session_token=\(jwt)"])
        #expect(refreshed.status == 200, "\(refreshed.text)")
        #expect(refreshed.text == #"{"data":{"expires":86400000}}"#)
        let next = try #require(refreshed.cookieValue("directus_session_token"))
        let nextSession = try #require(TokenClaims.decode(next)["session"] as? String)
        #expect(nextSession != session)
        // The old session points at the new one and stays valid for the grace period.
        #expect(try api.sql("SELECT next_token FROM directus_sessions WHERE token = '\(session)'") == nextSession)
        let concurrent = try await api.anonymous("POST", "/auth/refresh", ["mode": "session"], headers: ["Cookie": "directus_session_token=\(jwt)"])
        #expect(concurrent.status == 200)
        #expect(TokenClaims.decode(concurrent.cookieValue("directus_session_token") ?? "")["session"] as? String == nextSession)

        let logout = try await api.anonymous("POST", "/auth/logout", ["mode": "session"], headers: ["Cookie": "directus_session_token=\(next)"])
        #expect(logout.status == 204)
        #expect(logout.cookie("directus_session_token")?.hasPrefix("directus_session_token=;") == true)
        let after = try await api.anonymous("GET", "/users/me", headers: ["Cookie": "directus_session_token=\(next)"])
        #expect(after.status == 401 && after.errorCode == "INVALID_CREDENTIALS")
    }

    @Test("forged, expired, misplaced and orphaned tokens are refused", arguments: DatabaseKind.allCases)
    func tokenAttacks(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast)
        defer { api.stop() }
        let claims: JSONObject = ["id": "00000000-0000-0000-0000-000000000000", "role": .null, "app_access": true, "admin_access": true]
        let forged = JWT(secret: "not-the-secret").sign(claims, ttl: 600)
        let forgedResponse = try await api.send("GET", "/users/me", token: forged)
        #expect(forgedResponse.status == 403)
        #expect(forgedResponse.text == #"{"errors":[{"message":"Invalid token.","extensions":{"code":"INVALID_TOKEN"}}]}"#)

        let expired = JWT(secret: "live-test-secret").sign(claims, ttl: 10, now: Date().addingTimeInterval(-60))
        let expiredResponse = try await api.send("GET", "/users/me", token: expired)
        #expect(expiredResponse.status == 401)
        #expect(expiredResponse.text == #"{"errors":[{"message":"Token expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}"#)

        // A correctly signed token missing Directus's claims is not an access token.
        let partial = JWT(secret: "live-test-secret").sign(["id": "x"], ttl: 600)
        #expect(try await api.send("GET", "/users/me", token: partial).errorCode == "INVALID_TOKEN")

        // A valid token for a user that was deleted, or suspended, stops working.
        let user = try api.seedUser(email: "gone@example.com", password: "secret-pass", token: "gone-static-token")
        let tokens = try await login(api, ["email": "gone@example.com", "password": "secret-pass"]).dataObject
        let access = try #require(tokens["access_token"] as? String)
        #expect(try await api.send("GET", "/users/me?fields=email", token: access).status == 200)
        try api.sql("UPDATE directus_users SET status = 'suspended' WHERE id = '\(user)'")
        // Restart-free: the suspended user's static token and JWT resolve again after the cache is dropped by a write through the API.
        _ = try await api.send("PATCH", "/users/me", ["first_name": "Admin"])
        try await Task.sleep(nanoseconds: 10_000_000)
        let suspended = try await api.send("GET", "/users/me", token: "gone-static-token")
        let suspendedJWT = try await api.send("GET", "/users/me", token: access)
        #expect(suspended.status == 401 && suspended.errorCode == "INVALID_CREDENTIALS")
        #expect(suspendedJWT.status == 401 && suspendedJWT.errorCode == "INVALID_CREDENTIALS")
        let suspendedRefresh = try await api.anonymous("POST", "/auth/refresh", ["refresh_token": tokens["refresh_token"] as! String])
        #expect(suspendedRefresh.status == 401)
        #expect(suspendedRefresh.text == #"{"errors":[{"message":"User suspended.","extensions":{"code":"USER_SUSPENDED"}}]}"#)
        let suspendedLogin = try await login(api, ["email": "gone@example.com", "password": "secret-pass"])
        #expect(suspendedLogin.status == 401 && suspendedLogin.errorCode == "INVALID_CREDENTIALS")

        // Two token locations at once are refused.
        let twice = try await api.send("GET", "/users/me?access_token=\(api.token)")
        #expect(twice.status == 400 && twice.errorCode == "INVALID_PAYLOAD")
        // The query parameter alone works.
        #expect(try await api.anonymous("GET", "/users/me?fields=email&access_token=\(api.token)").status == 200)
    }

    @Test("auth_login_attempts suspends a user after too many failures", arguments: DatabaseKind.allCases)
    func loginAttempts(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast)
        defer { api.stop() }
        let user = try api.seedUser(email: "guess@example.com", password: "right-password")
        try api.sql("UPDATE directus_settings SET auth_login_attempts = 2")
        for _ in 0..<2 {
            #expect(try await login(api, ["email": "guess@example.com", "password": "wrong"]).status == 401)
        }
        #expect(try api.sql("SELECT status FROM directus_users WHERE id = '\(user)'") == "active")
        // The third attempt is over the limit: the user is suspended, even with the right password.
        #expect(try await login(api, ["email": "guess@example.com", "password": "right-password"]).status == 401)
        #expect(try api.sql("SELECT status FROM directus_users WHERE id = '\(user)'") == "suspended")
    }

    @Test("TFA: generate, enable, login needs the OTP, disable", arguments: DatabaseKind.allCases)
    func twoFactor(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast)
        defer { api.stop() }
        let app = try api.seedPolicy(name: "App", app: true)
        try api.seedUser(email: "tfa@example.com", password: "tfa-password", token: "tfa-token", role: app.role)
        let noPassword = try await api.send("POST", "/users/me/tfa/generate", [:], token: "tfa-token")
        #expect(noPassword.status == 400 && noPassword.errorCode == "INVALID_PAYLOAD")
        let wrongPassword = try await api.send("POST", "/users/me/tfa/generate", ["password": "nope"], token: "tfa-token")
        #expect(wrongPassword.status == 401 && wrongPassword.errorCode == "INVALID_CREDENTIALS")
        let generated = try await api.send("POST", "/users/me/tfa/generate", ["password": "tfa-password"], token: "tfa-token")
        #expect(generated.status == 200, "\(generated.text)")
        let secret = try #require(generated.dataObject["secret"] as? String)
        #expect(secret.count == 16)
        #expect(generated.dataObject["otpauth_url"] as? String == "otpauth://totp/Directus:tfa%40example.com?secret=\(secret)&period=30&digits=6&algorithm=SHA1&issuer=Directus")

        let badOTP = try await api.send("POST", "/users/me/tfa/enable", ["secret": secret, "otp": "000000"], token: "tfa-token")
        #expect(badOTP.status == 400)
        #expect(badOTP.text == #"{"errors":[{"message":"Invalid payload. \"otp\" is invalid.","extensions":{"code":"INVALID_PAYLOAD","reason":"\"otp\" is invalid"}}]}"#)
        let enabled = try await api.send("POST", "/users/me/tfa/enable", ["secret": secret, "otp": TOTP.code(secret: secret)!], token: "tfa-token")
        #expect(enabled.status == 204, "\(enabled.text)")
        // The secret is never readable.
        let me = try await api.send("GET", "/users/me?fields=tfa_secret,password", token: "tfa-token")
        #expect(me.text == #"{"data":{"tfa_secret":"**********","password":"**********"}}"#)
        // A field outside the app-access field list makes the read forbidden, and /users/me falls back to the id.
        let user = try api.sql("SELECT id FROM directus_users WHERE email = 'tfa@example.com'")
        let token = try await api.send("GET", "/users/me?fields=token", token: "tfa-token")
        #expect(token.text == "{\"data\":{\"id\":\"\(user)\"}}")

        let withoutOTP = try await login(api, ["email": "tfa@example.com", "password": "tfa-password"])
        #expect(withoutOTP.status == 401)
        #expect(withoutOTP.text == #"{"errors":[{"message":"Invalid user OTP.","extensions":{"code":"INVALID_OTP"}}]}"#)
        let wrongOTP = try await login(api, ["email": "tfa@example.com", "password": "tfa-password", "otp": "123456"])
        #expect(wrongOTP.status == 401 || TOTP.code(secret: secret) == "123456")
        let withOTP = try await login(api, ["email": "tfa@example.com", "password": "tfa-password", "otp": TOTP.code(secret: secret)!])
        #expect(withOTP.status == 200, "\(withOTP.text)")

        let disabled = try await api.send("POST", "/users/me/tfa/disable", ["otp": TOTP.code(secret: secret)!], token: "tfa-token")
        #expect(disabled.status == 204)
        #expect(try await login(api, ["email": "tfa@example.com", "password": "tfa-password"]).status == 200)
    }

    @Test("GET /auth lists the configured providers", arguments: [DatabaseKind.sqlite])
    func providers(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: Self.fast.merging([
            "AUTH_PROVIDERS": "staff", "AUTH_STAFF_DRIVER": "local", "AUTH_STAFF_LABEL": "Staff login",
        ]) { $1 })
        defer { api.stop() }
        let response = try await api.anonymous("GET", "/auth")
        #expect(response.text == #"{"data":[{"name":"staff","label":"Staff login","driver":"local"}],"disableDefault":false}"#)
        // A user of the staff provider logs in there and not through the default one.
        try api.seedUser(email: "staff@example.com", password: "staff-password", provider: "staff")
        #expect(try await api.anonymous("POST", "/auth/login/staff", ["email": "staff@example.com", "password": "staff-password"]).status == 200)
        #expect(try await login(api, ["email": "staff@example.com", "password": "staff-password"]).status == 401)
        let unknown = try await api.anonymous("POST", "/auth/login/nope", ["email": "staff@example.com", "password": "staff-password"])
        #expect(unknown.status == 403)
        #expect(unknown.text == #"{"errors":[{"message":"Invalid provider.","extensions":{"code":"INVALID_PROVIDER"}}]}"#)
    }

    @Test("logins run on the slow pool: a burst of stalled logins does not hold up other requests")
    func loginsDoNotBlockReads() async throws {
        let api = try await APIHost(.sqlite, environment: ["LOGIN_STALL_TIME": "3000", "PLUGIN_THREADS": "2", "PLUGIN_SLOW_THREADS": "1"])
        defer { api.stop() }
        let finished = Finished()
        let logins = (0..<4).map { _ in
            Task {
                _ = try await login(api, ["email": "nobody@example.com", "password": "x"])
                await finished.note("login")
            }
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        let read = try await api.send("GET", "/users/me?fields=email")
        await finished.note("read")
        #expect(read.status == 200)
        for login in logins { _ = try await login.value }
        // With logins on the general pool (two threads), the read would wait for them to finish.
        let order = await finished.order
        #expect(order.first == "read", "\(order)")
    }

    actor Finished {
        var order: [String] = []
        func note(_ what: String) { order.append(what) }
    }

    @Test("LOGIN_STALL_TIME makes failed logins take as long as successful ones")
    func stall() async throws {
        let api = try await APIHost(.sqlite, environment: ["LOGIN_STALL_TIME": "400"])
        defer { api.stop() }
        let started = Date()
        #expect(try await login(api, ["email": "nobody@example.com", "password": "x"]).status == 401)
        #expect(Date().timeIntervalSince(started) >= 0.4)
    }
}
