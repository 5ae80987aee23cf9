import Foundation
import Testing

/// Redirect logins through the `auth.openid` plugin (drivers `openid` and `oauth2`) against the test identity provider.
@Suite("OpenID and OAuth 2 logins")
struct OpenIDTests {
    static let defaultRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0001"
    static let adminRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0002"
    static let staffRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0003"

    /// A host with `providers` on a fresh database, the roles above seeded.
    func host(_ database: DatabaseKind, _ idp: TestIdentityProvider, _ providers: [String: [String: String]],
              extra: [String: String] = [:]) async throws -> APIHost {
        let api = try await APIHost(database, environment: SSOFlow.environment(idp, providers).merging(extra) { $1 })
        try api.seedRole(Self.defaultRole, name: "Default")
        try api.seedRole(Self.adminRole, name: "Admins")
        try api.seedRole(Self.staffRole, name: "Staff")
        return api
    }

    func user(_ api: APIHost, _ identifier: String) throws -> String {
        try api.sql("SELECT email, first_name, last_name, provider, role, status FROM directus_users WHERE external_identifier = '\(identifier)'")
    }

    func authData(_ api: APIHost, _ identifier: String) throws -> [String: Any] {
        let text = try api.sql("SELECT auth_data FROM directus_users WHERE external_identifier = '\(identifier)'")
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("an OpenID login registers the user, sets the session cookie and redirects; the cookie works on /users/me",
          arguments: DatabaseKind.allCases)
    func sessionLogin(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": Self.defaultRole,
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
        #expect(claims["role"] as? String == Self.defaultRole)
        #expect(claims["session"] is String)

        // Registered from the id_token claims merged with userinfo (userinfo wins).
        #expect(try user(api, "user-1") == "ada@example.com|Ada|Byron|sso|\(Self.defaultRole)|active")
        // The provider's refresh token is kept, rotated by the refresh Directus does at every login.
        let log = try await idp.log()
        let tokenRequests = log["token"] as? [[String: String]] ?? []
        #expect(tokenRequests.map { $0["grant_type"] } == ["authorization_code", "refresh_token"])
        #expect(tokenRequests.first?["code_verifier"]?.count == 43)
        #expect(tokenRequests.first?["redirect_uri"] == "\(SSOFlow.publicURL)/auth/login/sso/callback")
        #expect(tokenRequests.first?["auth_method"] == "client_secret_basic")
        let stored = try #require(authData(api, "user-1")["refreshToken"] as? String)
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
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let mapping = #"json:{"admins":"\#(Self.adminRole)","staff":"\#(Self.staffRole)"}"#
        let api = try await host(database, idp, [
            "sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": Self.defaultRole],
            "synced": ["ALLOW_PUBLIC_REGISTRATION": "true", "SYNC_USER_INFO": "true"],
            "mapped": ["ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": Self.defaultRole, "ROLE_MAPPING": mapping,
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
        #expect(try user(api, "plain-1") == "plain@example.com|Ada|Lovelace|sso|\(Self.defaultRole)|active")
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE provider = 'sso'") == "1")

        let synced = SSOFlow(api: api, provider: "synced")
        _ = try await synced.login(claims: ["sub": "synced-1", "email": "synced@example.com", "given_name": "Ada"])
        #expect(try user(api, "synced-1") == "synced@example.com|Ada|Lovelace|synced||active")
        let resynced = try await synced.login(claims: ["sub": "synced-1", "email": "augusta@example.com", "given_name": "Augusta", "family_name": "King"])
        #expect(resynced.header("Location") == "/admin/content")
        #expect(try user(api, "synced-1") == "augusta@example.com|Augusta|King|synced||active")

        let mapped = SSOFlow(api: api, provider: "mapped")
        // Both groups map: the mapping's order decides, not the claim's.
        _ = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": ["other", "staff", "admins"]])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == Self.adminRole)
        // With ROLE_MAPPING set, every login sets the role again; a comma-separated claim works too.
        _ = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": "other,staff"])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == Self.staffRole)
        let unmapped = try await mapped.login(claims: ["sub": "mapped-1", "email": "mapped@example.com", "teams": ["other"]])
        #expect(try api.sql("SELECT role FROM directus_users WHERE external_identifier = 'mapped-1'") == Self.defaultRole)
        let claims = TokenClaims.decode(unmapped.cookieValue("directus_session_token") ?? "")
        #expect(claims["role"] as? String == Self.defaultRole)
    }

    @Test("unknown users without public registration, unverified e-mails and other providers' users are refused with reason=INVALID_CREDENTIALS",
          arguments: DatabaseKind.allCases)
    func refusedUsers(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, [
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

    @Test("tampered state, state cookie, id_token or PKCE verifier are refused", arguments: DatabaseKind.allCases)
    func tampering(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true"]])
        defer { api.stop() }
        let flow = SSOFlow(api: api, provider: "sso")
        let refusedHere = "/admin/content?reason=INVALID_CREDENTIALS"

        // The state parameter must be the one this browser's cookie holds.
        let started = try await flow.start(redirect: "/admin/content")
        let answer = try await flow.authorize(started)
        let location = try #require(answer.header("Location"))
        let state = SSOFlow.query(location)["state"] ?? ""
        let forged = api.host.baseURL + location.dropFirst(SSOFlow.publicURL.count).replacingOccurrences(of: "state=\(state)", with: "state=forged")
        #expect(try await flow.callback(url: forged, cookie: SSOFlow.stateCookie(started)).header("Location") == refusedHere)

        // No state cookie, or one not signed by this host: back to the login page.
        let loginPage = "\(SSOFlow.publicURL)/admin/login?reason=INVALID_CREDENTIALS"
        let again = try await flow.start(redirect: "/admin/content")
        let second = try await flow.authorize(again)
        #expect(try await flow.callback(second, cookie: nil).header("Location") == loginPage)
        let cookie = try #require(SSOFlow.stateCookie(again))
        #expect(try await flow.callback(second, cookie: String(cookie.dropLast(4)) + "AAAA").header("Location") == loginPage)

        // An id_token that fails any check.
        for tamper in ["nonce", "signature", "aud", "iss", "exp", "kid", "at_hash", "alg", "no_id_token", "userinfo_sub",
                       "iss_param", "no_iss_param"] {
            let refused = try await flow.login(claims: ["sub": "tampered-\(tamper)"], tamper: [tamper])
            #expect(refused.header("Location") == refusedHere, "x_tamper=\(tamper)")
            #expect(refused.cookie("directus_session_token") == nil, "x_tamper=\(tamper)")
        }
        // The provider reports an error instead of a code.
        let denied = api.host.baseURL + "/auth/login/sso/callback?error=access_denied&state=x"
        let deniedStart = try await flow.start(redirect: "/admin/content")
        #expect(try await flow.callback(url: denied, cookie: SSOFlow.stateCookie(deniedStart)).header("Location") == refusedHere)

        // PKCE: a code issued to another login (its challenge) is refused by the provider (invalid_grant):
        // plinth asks for consent again once, then gives up with INVALID_TOKEN.
        let victim = try await flow.start(redirect: "/admin/content")
        let attacker = try await flow.start(redirect: "/admin/content")
        let attackerCode = SSOFlow.query(try await flow.authorize(attacker).header("Location"))["code"] ?? ""
        let victimState = SSOFlow.query(victim.header("Location"))["state"] ?? ""
        let iss = SSOFlow.escape(idp.issuer)
        let injected = "\(api.host.baseURL)/auth/login/sso/callback?code=\(attackerCode)&state=\(victimState)&iss=\(iss)"
        let retry = try await flow.callback(url: injected, cookie: SSOFlow.stateCookie(victim))
        #expect(retry.header("Location") == "\(SSOFlow.publicURL)/auth/login/sso?redirect=%2Fadmin%2Fcontent&prompt=true")
        let prompted = try await flow.start(redirect: "/admin/content", extra: "prompt=true")
        #expect(SSOFlow.query(prompted.header("Location"))["prompt"] == "consent")
        let otherCode = SSOFlow.query(try await flow.authorize(try await flow.start()).header("Location"))["code"] ?? ""
        let promptedState = SSOFlow.query(prompted.header("Location"))["state"] ?? ""
        let replay = "\(api.host.baseURL)/auth/login/sso/callback?code=\(otherCode)&state=\(promptedState)&iss=\(iss)"
        let failed = try await flow.callback(url: replay, cookie: SSOFlow.stateCookie(prompted))
        #expect(failed.header("Location") == "/admin/content?reason=INVALID_TOKEN")

        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE provider = 'sso'") == "0")
        #expect(try api.sql("SELECT count(*) FROM directus_sessions") == "0")
    }

    @Test("§12.4 8b: foreign and protocol-relative redirects are INVALID_PAYLOAD; relative, PUBLIC_URL and allow-listed ones start the login",
          arguments: DatabaseKind.allCases)
    func redirectValidation(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, ["github": ["ALLOW_PUBLIC_REGISTRATION": "true", "LOGIN_TIMEOUT": "2m",
                                                            "REDIRECT_ALLOW_LIST": "https://app.example.com/after,https://other.example.com"]])
        defer { api.stop() }
        let flow = SSOFlow(api: api, provider: "github")

        for bad in ["https://malicious.com/steal", "//malicious.com/steal", "javascript:alert(1)", "https://app.example.com/elsewhere"] {
            let refused = try await flow.start(redirect: bad)
            #expect(refused.status == 400, "\(bad)")
            #expect(refused.errorCode == "INVALID_PAYLOAD", "\(bad)")
            #expect(refused.text.contains("can't be used to redirect after login"), "\(bad)")
            #expect(refused.cookie("openid.github") == nil)
        }
        for good in [nil, "/admin/content", "admin/content", "\(SSOFlow.publicURL)/admin/users", "https://app.example.com/after",
                     "https://other.example.com/"] as [String?] {
            let started = try await flow.start(redirect: good)
            #expect(started.status == 302, "\(good ?? "no redirect"): \(started.text)")
            #expect(SSOFlow.query(started.header("Location"))["redirect_uri"] == "\(SSOFlow.publicURL)/auth/login/github/callback")
            // The state cookie lives as long as the round trip may take.
            #expect(started.cookie("openid.github")?.contains("Max-Age=120") == true)
        }

        let listed = try await flow.login(redirect: "https://app.example.com/after?x=1")
        #expect(listed.header("Location") == "https://app.example.com/after?x=1")
        let home = try await flow.login(redirect: nil)
        #expect(home.header("Location") == "/")
        let relative = try await flow.login(redirect: "admin/content")
        #expect(relative.header("Location") == "/admin/content")
    }

    @Test("MODE=cookie sets the refresh cookie, which /auth/refresh accepts", arguments: DatabaseKind.allCases)
    func cookieMode(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "MODE": "cookie", "DEFAULT_ROLE_ID": Self.defaultRole]])
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

    @Test("the oauth2 driver logs in against explicit endpoints, with dot-path keys, PARAMS and client_secret_post",
          arguments: DatabaseKind.allCases)
    func oauth2Driver(_ database: DatabaseKind) async throws {
        let idp = try TestIdentityProvider()
        defer { idp.stop() }
        let api = try await host(database, idp, [
            "plain": ["DRIVER": "oauth2", "ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": Self.staffRole,
                      "IDENTIFIER_KEY": "data.username", "FIRST_NAME_KEY": "data.names.first", "LAST_NAME_KEY": "family_name",
                      "CLIENT_TOKEN_ENDPOINT_AUTH_METHOD": "client_secret_post", "PARAMS": #"json:{"hd":"example.com","access_type":"online"}"#],
            "byemail": ["DRIVER": "oauth2", "ALLOW_PUBLIC_REGISTRATION": "true", "EMAIL_KEY": "contact.mail"],
        ])
        defer { api.stop() }

        let flow = SSOFlow(api: api, provider: "plain")
        let started = try await flow.start(redirect: "/admin")
        let request = SSOFlow.query(started.header("Location"))
        #expect(request["scope"] == "email")
        #expect(request["nonce"] == nil)
        #expect(request["hd"] == "example.com" && request["access_type"] == "online")
        #expect(request["code_challenge_method"] == "S256")
        #expect(started.cookie("oauth2.plain") != nil)
        let answer = try await flow.authorize(started, userinfo: ["data": ["username": "ada-l", "names": ["first": "Augusta"]]])
        let done = try await flow.callback(answer, cookie: SSOFlow.stateCookie(started))
        #expect(done.header("Location") == "/admin", "\(done.headers)")
        #expect(done.cookieValue("directus_session_token") != nil)
        #expect(try user(api, "ada-l") == "ada@example.com|Augusta|Lovelace|plain|\(Self.staffRole)|active")
        let tokenRequests = (try await idp.log())["token"] as? [[String: String]] ?? []
        #expect(tokenRequests.first?["auth_method"] == "client_secret_post")
        #expect(tokenRequests.first?["client_id"] == TestIdentityProvider.clientID)

        // Without IDENTIFIER_KEY the e-mail (EMAIL_KEY, a dot path) identifies the user; no name keys, no names.
        let byEmail = try await SSOFlow(api: api, provider: "byemail").login(userinfo: ["contact": ["mail": "mail@example.com"]])
        #expect(byEmail.header("Location") == "/admin/content", "\(byEmail.headers)")
        #expect(try user(api, "mail@example.com") == "mail@example.com|||byemail||active")
    }

    @Test("an unreachable issuer stops the host, unless ISSUER_DISCOVERY_MUST_SUCCEED=false: then logins go back with SERVICE_UNAVAILABLE")
    func discoveryFailure() async throws {
        let closedPort = TestSupport.freePort()
        let options = ["PUBLIC_URL": SSOFlow.publicURL, "AUTH_PROVIDERS": "down", "AUTH_DOWN_DRIVER": "openid",
                       "AUTH_DOWN_ISSUER_URL": "http://127.0.0.1:\(closedPort)", "AUTH_DOWN_CLIENT_ID": "x", "AUTH_DOWN_CLIENT_SECRET": "y"]
        let strict = try LiveHost(environment: options)
        let status = strict.waitForExit()
        #expect(status != nil && status != 0)
        #expect(strict.log.contains("AUTH_DOWN_ISSUER_DISCOVERY_MUST_SUCCEED"), "\(strict.log)")

        let lenient = try LiveHost(environment: options.merging(["AUTH_DOWN_ISSUER_DISCOVERY_MUST_SUCCEED": "false"]) { $1 })
        defer { lenient.stop() }
        try await lenient.waitUntilReady()
        let started = try await TestHTTP.requestWithoutRedirects("GET", lenient.baseURL + "/auth/login/down?redirect=/admin")
        #expect(started.status == 302)
        #expect(started.header("Location") == "\(SSOFlow.publicURL)/admin/login?reason=SERVICE_UNAVAILABLE")

        let missing = try LiveHost(environment: ["AUTH_PROVIDERS": "half", "AUTH_HALF_DRIVER": "oauth2", "AUTH_HALF_CLIENT_ID": "x"])
        #expect(missing.waitForExit() != 0)
        #expect(missing.log.contains("AUTH_HALF_CLIENT_SECRET is required"), "\(missing.log)")
    }

    @Test("id_tokens signed with PS256 verify when the client is configured for it")
    func pssSignatures() async throws {
        let idp = try TestIdentityProvider(algorithm: "PS256")
        defer { idp.stop() }
        let api = try await host(.sqlite, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "CLIENT_ID_TOKEN_SIGNED_RESPONSE_ALG": "PS256"]])
        defer { api.stop() }
        let done = try await SSOFlow(api: api, provider: "sso").login()
        #expect(done.header("Location") == "/admin/content", "\(done.headers)")
        #expect(done.cookieValue("directus_session_token") != nil)
    }
}
