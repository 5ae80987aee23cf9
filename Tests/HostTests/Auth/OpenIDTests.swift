import Foundation
import Testing
@testable import Host

/// Redirect logins through the `auth.openid` plugin's `openid` driver against the test identity provider: users, modes, TFA.
@Suite("OpenID logins")
struct OpenIDTests {
    @Test("an OpenID login registers the user, sets the session cookie and redirects; the cookie works on /users/me",
          arguments: DatabaseKind.allCases)
    func sessionLogin(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": SSORoles.defaultRole,
                                                         "LABEL": "Company SSO", "ICON": "key"]])
        defer { api.stop() }
        let flow = SSOFlow(api: api, provider: "sso")

        let started = try await flow.start(redirect: "/admin/content")
        #expect(started.status == 302, "\(started.text)")
        let location = try #require(started.header("Location"))
        #expect(location.hasPrefix(idp.issuer + "/authorize?"))
        let request = SSOFlow.query(location)
        #expect(request["client_id"] == TestIdentityProvider.clientID)
        #expect(request["redirect_uri"] == "\(SSOFlow.publicURL)/auth/login/sso/callback")
        #expect(request["response_type"] == "code")
        #expect(request["scope"] == "openid profile email")
        #expect(request["access_type"] == "offline")
        #expect(request["code_challenge_method"] == "S256")
        #expect(request["code_challenge"]?.count == 43)
        #expect((request["state"]?.count ?? 0) >= 43 && (request["nonce"]?.count ?? 0) >= 43 && request["state"] != request["nonce"])
        #expect(request["prompt"] == nil)
        let stateCookie = try #require(started.cookie("openid.sso"))
        #expect(stateCookie.contains("HttpOnly") && stateCookie.contains("SameSite=Lax") && stateCookie.contains("Max-Age=300"))

        let answer = try await flow.authorize(started, userinfo: ["family_name": "Byron"])
        let back = SSOFlow.query(answer.header("Location"))
        #expect(back["state"] == request["state"] && back["code"] != nil && back["iss"] == idp.issuer)
        let done = try await flow.callback(answer, cookie: SSOFlow.stateCookie(started))
        #expect(done.status == 302, "\(done.text)")
        #expect(done.header("Location") == "/admin/content")
        #expect(done.cookie("openid.sso")?.contains("Max-Age=0") == true)
        #expect(done.cookie("directus_refresh_token") == nil)
        let session = try #require(done.cookieValue("directus_session_token"))
        let claims = TokenClaims.decode(session)
        #expect(claims["role"] as? String == SSORoles.defaultRole)
        #expect(claims["session"] is String)

        // Registered from the id_token claims merged with userinfo (userinfo wins).
        #expect(try api.ssoUser("user-1") == "ada@example.com|Ada|Byron|sso|\(SSORoles.defaultRole)|active")
        // The provider's refresh token is kept, rotated by the refresh Directus does at every login.
        let log = try await idp.log()
        let tokenRequests = log["token"] as? [[String: String]] ?? []
        #expect(tokenRequests.map { $0["grant_type"] } == ["authorization_code", "refresh_token"])
        #expect(tokenRequests.first?["code_verifier"]?.count == 43)
        #expect(tokenRequests.first?["redirect_uri"] == "\(SSOFlow.publicURL)/auth/login/sso/callback")
        #expect(tokenRequests.first?["auth_method"] == "client_secret_basic")
        let stored = try #require(api.authData("user-1")["refreshToken"] as? String)
        #expect(stored.hasPrefix("rt-") && stored != tokenRequests.last?["refresh_token"])
        #expect(log["userinfo"] as? Int == 1)

        #expect(claims["app_access"] as? Bool == true && claims["admin_access"] as? Bool == false)
        let me = try await api.anonymous("GET", "/users/me?fields=email,first_name,last_name",
                                         headers: ["Cookie": "directus_session_token=\(session)"])
        #expect(me.text == #"{"data":{"email":"ada@example.com","first_name":"Ada","last_name":"Byron"}}"#)
        #expect(try api.sql("SELECT count(*) FROM directus_activity WHERE action = 'login'") == "1")

        let providers = try await api.anonymous("GET", "/auth")
        #expect(providers.text == #"{"data":[{"name":"sso","label":"Company SSO","driver":"openid","icon":"key"}],"disableDefault":false}"#)
    }

    @Test("a second login reuses the user; SYNC_USER_INFO refreshes names and e-mail; ROLE_MAPPING picks the first mapped group",
          arguments: DatabaseKind.allCases)
    func returningUsers(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let mapping = #"json:{"admins":"\#(SSORoles.adminRole)","staff":"\#(SSORoles.staffRole)"}"#
        let api = try await APIHost.sso(database, idp, [
            "sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": SSORoles.defaultRole],
            "synced": ["ALLOW_PUBLIC_REGISTRATION": "true", "SYNC_USER_INFO": "true"],
            "mapped": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": SSORoles.defaultRole, "ROLE_MAPPING": mapping,
                       "GROUP_CLAIM_NAME": "teams"],
        ])
        defer { api.stop() }

        let sso = SSOFlow(api: api, provider: "sso")
        let first = try await sso.login(claims: ["sub": "plain-1", "email": "plain@example.com", "given_name": "Ada"])
        #expect(first.status == 302 && first.cookieValue("directus_session_token") != nil, "\(first.headers)")
        let id = try api.sql("SELECT id FROM directus_users WHERE external_identifier = 'plain-1'")
        // Without SYNC_USER_INFO the profile is not copied again; the identifier matches whatever its case.
        // This time the provider answers with a form POST (response_mode=form_post).
        let restarted = try await sso.start(redirect: "/admin/content")
        let posted = try await sso.authorize(restarted, claims: ["sub": "PLAIN-1", "email": "other@example.com", "given_name": "Augusta"])
        let again = try await sso.callbackPost(posted, cookie: SSOFlow.stateCookie(restarted))
        #expect(again.status == 302 && again.cookieValue("directus_session_token") != nil, "\(again.headers)")
        #expect(try api.sql("SELECT id FROM directus_users WHERE external_identifier = 'plain-1'") == id)
        #expect(try api.ssoUser("plain-1") == "plain@example.com|Ada|Lovelace|sso|\(SSORoles.defaultRole)|active")
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE provider = 'sso'") == "1")

        let synced = SSOFlow(api: api, provider: "synced")
        _ = try await synced.login(claims: ["sub": "synced-1", "email": "synced@example.com", "given_name": "Ada"])
        #expect(try api.ssoUser("synced-1") == "synced@example.com|Ada|Lovelace|synced||active")
        let resynced = try await synced.login(claims: ["sub": "synced-1", "email": "augusta@example.com", "given_name": "Augusta", "family_name": "King"])
        #expect(resynced.header("Location") == "/admin/content")
        #expect(try api.ssoUser("synced-1") == "augusta@example.com|Augusta|King|synced||active")

        let mapped = SSOFlow(api: api, provider: "mapped")
        // Both groups map: the mapping's order decides, not the claim's.
        _ = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": ["other", "staff", "admins"]])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == SSORoles.adminRole)
        // With ROLE_MAPPING set, every login sets the role again; a comma-separated claim works too.
        _ = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": "other,staff"])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == SSORoles.staffRole)
        let unmapped = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": ["other"]])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == SSORoles.defaultRole)
        let claims = TokenClaims.decode(unmapped.cookieValue("directus_session_token") ?? "")
        #expect(claims["role"] as? String == SSORoles.defaultRole)
    }

    @Test("unknown users without public registration, unverified e-mails and other providers' users are refused with reason=INVALID_CREDENTIALS",
          arguments: DatabaseKind.allCases)
    func refusedUsers(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, [
            "closed": [:],
            "verified": ["ALLOW_PUBLIC_REGISTRATION": "true", "REQUIRE_VERIFIED_EMAIL": "true"],
        ])
        defer { api.stop() }

        let closed = SSOFlow(api: api, provider: "closed")
        let refused = try await closed.login(redirect: "/admin/content?tab=1", claims: ["sub": "stranger"])
        #expect(refused.status == 302)
        #expect(refused.header("Location") == "/admin/content?reason=INVALID_CREDENTIALS")
        #expect(refused.cookie("directus_session_token") == nil)
        #expect(refused.cookie("openid.closed")?.contains("Max-Age=0") == true)
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE external_identifier = 'stranger'") == "0")

        // A user the operator created for this provider may log in without public registration.
        let known = try api.seedUser(email: "known@example.com", provider: "closed")
        try api.sql("UPDATE directus_users SET external_identifier = 'known-1' WHERE id = '\(known)'")
        let admitted = try await closed.login(claims: ["sub": "known-1", "email": "known@example.com"])
        #expect(admitted.header("Location") == "/admin/content")
        #expect(admitted.cookieValue("directus_session_token") != nil)

        // The same external identifier on a user of another provider: refused, and that user is left alone.
        let other = try api.seedUser(email: "other@example.com", provider: "default")
        try api.sql("UPDATE directus_users SET external_identifier = 'other-1' WHERE id = '\(other)'")
        let foreign = try await closed.login(claims: ["sub": "other-1", "email": "x@example.com"])
        #expect(foreign.header("Location") == "/admin/content?reason=INVALID_CREDENTIALS")
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE auth_data IS NOT NULL AND external_identifier = 'other-1'") == "0")

        let verified = SSOFlow(api: api, provider: "verified")
        let unverified = try await verified.login(claims: ["sub": "unverified", "email_verified": false])
        #expect(unverified.header("Location") == "/admin/content?reason=INVALID_CREDENTIALS")
        let ok = try await verified.login(claims: ["sub": "verified", "email": "verified@example.com", "email_verified": true])
        #expect(ok.header("Location") == "/admin/content")

        // A suspended user is refused by the host's checks.
        try api.sql("UPDATE directus_users SET status = 'suspended' WHERE external_identifier = 'known-1'")
        let suspended = try await closed.login(redirect: nil, claims: ["sub": "known-1", "email": "known@example.com"])
        #expect(suspended.header("Location") == "/?reason=INVALID_CREDENTIALS")
    }

    @Test("MODE=cookie sets the refresh cookie, which /auth/refresh accepts", arguments: DatabaseKind.allCases)
    func cookieMode(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "MODE": "cookie", "DEFAULT_ROLE_ID": SSORoles.defaultRole]])
        defer { api.stop() }

        let done = try await SSOFlow(api: api, provider: "sso").login()
        #expect(done.header("Location") == "/admin/content")
        #expect(done.cookie("directus_session_token") == nil)
        let refreshCookie = try #require(done.cookie("directus_refresh_token"))
        #expect(refreshCookie.contains("HttpOnly"))
        let token = try #require(done.cookieValue("directus_refresh_token"))
        #expect(token.count == 64)

        let refreshed = try await api.anonymous("POST", "/auth/refresh", ["mode": "cookie"], headers: ["Cookie": "directus_refresh_token=\(token)"])
        #expect(refreshed.status == 200, "\(refreshed.text)")
        let access = try #require(refreshed.dataObject["access_token"] as? String)
        #expect(refreshed.cookieValue("directus_refresh_token").map { $0.count == 64 && $0 != token } == true)
        let me = try await api.send("GET", "/users/me?fields=email", token: access)
        #expect(me.text == #"{"data":{"email":"ada@example.com"}}"#)

        let sessionOnly = try await api.anonymous("GET", "/auth?sessionOnly")
        #expect(sessionOnly.text == #"{"data":[],"disableDefault":false}"#)
    }

    @Test("TFA: an SSO user with TFA needs ?otp= on the start; a role enforcing TFA sends the user to tfa-setup",
          arguments: DatabaseKind.allCases)
    func twoFactor(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let enforcingRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0004"
        let api = try await APIHost.sso(database, idp, [
            "sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": SSORoles.defaultRole],
            "enforced": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": enforcingRole],
        ])
        defer { api.stop() }
        try api.sql(api.roleSQL(enforcingRole, name: "Enforced", enforceTFA: true))

        let flow = SSOFlow(api: api, provider: "sso")
        _ = try await flow.login(claims: ["sub": "tfa-1", "email": "tfa@example.com"])
        let secret = TOTP.generateSecret()
        try api.sql("UPDATE directus_users SET tfa_secret = '\(secret)' WHERE external_identifier = 'tfa-1'")
        let withoutOTP = try await flow.login(claims: ["sub": "tfa-1", "email": "tfa@example.com"])
        #expect(withoutOTP.header("Location") == "/admin/content?reason=INVALID_OTP")
        #expect(withoutOTP.cookie("directus_session_token") == nil)

        let started = try await flow.start(redirect: "/admin/content", extra: "otp=\(TOTP.code(secret: secret)!)")
        let answer = try await flow.authorize(started, claims: ["sub": "tfa-1", "email": "tfa@example.com"])
        let withOTP = try await flow.callback(answer, cookie: SSOFlow.stateCookie(started))
        #expect(withOTP.header("Location") == "/admin/content")
        #expect(withOTP.cookieValue("directus_session_token") != nil)

        let enforced = try await SSOFlow(api: api, provider: "enforced").login(claims: ["sub": "enforced-1", "email": "enforced@example.com"])
        #expect(enforced.header("Location") == "\(SSOFlow.publicURL)/admin/tfa-setup?redirect=%2Fadmin%2Fcontent&provider=enforced")
        let claims = TokenClaims.decode(enforced.cookieValue("directus_session_token") ?? "")
        #expect(claims["enforce_tfa"] as? Bool == true)
    }
}
