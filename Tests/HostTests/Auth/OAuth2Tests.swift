import Foundation
import Testing

/// The `oauth2` driver of `auth.openid` against the test identity provider's explicit endpoints.
@Suite("OAuth 2 logins")
struct OAuth2Tests {
    @Test("the oauth2 driver logs in against explicit endpoints, with dot-path keys, PARAMS and client_secret_post",
          arguments: DatabaseKind.allCases)
    func oauth2Driver(_ database: DatabaseKind) async throws {
        let idp = try await TestIdentityProvider.start()
        defer { idp.stop() }
        let api = try await APIHost.sso(database, idp, [
            "plain": ["DRIVER": "oauth2", "ALLOW_PUBLIC_REGISTRATION": "true", "DEFAULT_ROLE_ID": SSORoles.staffRole,
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
        #expect(try api.ssoUser("ada-l") == "ada@example.com|Augusta|Lovelace|plain|\(SSORoles.staffRole)|active")
        let tokenRequests = (try await idp.log())["token"] as? [[String: String]] ?? []
        #expect(tokenRequests.first?["auth_method"] == "client_secret_post")
        #expect(tokenRequests.first?["client_id"] == TestIdentityProvider.clientID)

        // Without IDENTIFIER_KEY the e-mail (EMAIL_KEY, a dot path) identifies the user; no name keys, no names.
        let byEmail = try await SSOFlow(api: api, provider: "byemail").login(userinfo: ["contact": ["mail": "mail@example.com"]])
        #expect(byEmail.header("Location") == "/admin/content", "\(byEmail.headers)")
        #expect(try api.ssoUser("mail@example.com") == "mail@example.com|||byemail||active")
    }
}
