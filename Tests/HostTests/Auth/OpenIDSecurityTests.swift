import Foundation
import Testing

/// What an SSO login refuses: tampered round trips and id_tokens, foreign redirects, an unreachable issuer.
@Suite("OpenID refusals")
struct OpenIDSecurityTests {
    @Test("tampered state, state cookie, id_token or PKCE verifier are refused", arguments: DatabaseKind.allCases)
    func tampering(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true"]])
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
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, ["github": ["ALLOW_PUBLIC_REGISTRATION": "true", "LOGIN_TIMEOUT": "2m",
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

    @Test("an unreachable issuer stops the host, unless ISSUER_DISCOVERY_MUST_SUCCEED=false: then logins go back with SERVICE_UNAVAILABLE")
    func discoveryFailure() async throws {
        let closedPort = TestSupport.freePort()
        let options = ["PUBLIC_URL": SSOFlow.publicURL, "AUTH_PROVIDERS": "down", "AUTH_DOWN_DRIVER": "openid",
                       "AUTH_DOWN_ISSUER_URL": "http://127.0.0.1:\(closedPort)", "AUTH_DOWN_CLIENT_ID": "x", "AUTH_DOWN_CLIENT_SECRET": "y"]
        let strict = try LiveHost(environment: options)
        let status = await exitStatus(of: strict)
        #expect(status != nil && status != 0)
        #expect(strict.log.contains("AUTH_DOWN_ISSUER_DISCOVERY_MUST_SUCCEED"), "\(strict.log)")

        let lenient = try LiveHost(environment: options.merging(["AUTH_DOWN_ISSUER_DISCOVERY_MUST_SUCCEED": "false"]) { $1 })
        defer { lenient.stop() }
        try await lenient.waitUntilReady()
        let started = try await TestHTTP.requestWithoutRedirects("GET", lenient.baseURL + "/auth/login/down?redirect=/admin")
        #expect(started.status == 302)
        #expect(started.header("Location") == "\(SSOFlow.publicURL)/admin/login?reason=SERVICE_UNAVAILABLE")

        let missing = try LiveHost(environment: ["AUTH_PROVIDERS": "half", "AUTH_HALF_DRIVER": "oauth2", "AUTH_HALF_CLIENT_ID": "x"])
        let missingStatus = await exitStatus(of: missing)
        #expect(missingStatus != nil && missingStatus != 0)
        #expect(missing.log.contains("AUTH_HALF_CLIENT_SECRET is required"), "\(missing.log)")
    }

    /// Waits for a host that should stop by itself, on a dispatch thread: blocking a cooperative one starves parallel tests.
    private func exitStatus(of host: LiveHost) async -> Int32? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: host.waitForExit()) }
        }
    }

    @Test("id_tokens signed with PS256 verify when the client is configured for it")
    func pssSignatures() async throws {
        let idp = try await TestIdentityProvider.start(algorithm: "PS256")
        defer { idp.stop() }
        let api = try await APIHost.sso(.sqlite, idp, ["sso": ["ALLOW_PUBLIC_REGISTRATION": "true", "CLIENT_ID_TOKEN_SIGNED_RESPONSE_ALG": "PS256"]])
        defer { api.stop() }
        let done = try await SSOFlow(api: api, provider: "sso").login()
        #expect(done.header("Location") == "/admin/content", "\(done.headers)")
        #expect(done.cookieValue("directus_session_token") != nil)
    }
}
