import Foundation
import Testing

/// A redirect login walked by hand, without a browser: plinth → identity provider → plinth's callback.
///
/// Plinth runs with `PUBLIC_URL` = `SSOFlow.publicURL`, a name that resolves
/// nowhere: the callback the provider redirects to is delivered to the live
/// host instead, as a reverse proxy would.
struct SSOFlow {
    static let publicURL = "http://plinth.test"

    let api: APIHost
    let provider: String

    /// The environment for a host whose `providers` (name → `AUTH_<NAME>_*` options) use `idp`.
    ///
    /// openid providers get `ISSUER_URL`, oauth2 ones the provider's explicit endpoints; both get the client credentials.
    static func environment(_ idp: TestIdentityProvider, _ providers: [String: [String: String]]) -> [String: String] {
        var env = ["PUBLIC_URL": publicURL, "LOGIN_STALL_TIME": "0", "AUTH_PROVIDERS": providers.keys.sorted().joined(separator: ",")]
        for (name, options) in providers {
            let prefix = "AUTH_\(name.uppercased())_"
            var all = ["CLIENT_ID": TestIdentityProvider.clientID, "CLIENT_SECRET": TestIdentityProvider.clientSecret]
            if (options["DRIVER"] ?? "openid") == "openid" {
                all["DRIVER"] = "openid"
                all["ISSUER_URL"] = idp.issuer
            } else {
                all["AUTHORIZE_URL"] = idp.issuer + "/authorize"
                all["ACCESS_URL"] = idp.issuer + "/token"
                all["PROFILE_URL"] = idp.issuer + "/userinfo"
            }
            all.merge(options) { $1 }
            for (key, value) in all { env[prefix + key] = value }
        }
        return env
    }

    /// `GET /auth/login/<provider>`, unfollowed: a 302 to the identity provider, or an error.
    func start(redirect: String? = nil, extra: String = "") async throws -> TestResponse {
        var path = "/auth/login/\(provider)"
        var query: [String] = []
        if let redirect { query.append("redirect=" + Self.escape(redirect)) }
        if !extra.isEmpty { query.append(extra) }
        if !query.isEmpty { path += "?" + query.joined(separator: "&") }
        return try await TestHTTP.requestWithoutRedirects("GET", api.host.baseURL + path)
    }

    /// Follows a start's redirect to the identity provider, telling it whom to log in; its 302 back to plinth.
    func authorize(_ start: TestResponse, claims: [String: Any] = [:], userinfo: [String: Any] = [:], tamper: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let location = try #require(start.header("Location"), "no Location: \(start.status) \(start.text)", sourceLocation: sourceLocation)
        var url = location
        url += "&x_claims=" + Self.escape(Self.json(claims))
        url += "&x_userinfo=" + Self.escape(Self.json(userinfo))
        if !tamper.isEmpty { url += "&x_tamper=" + tamper.joined(separator: ",") }
        let answer = try await TestHTTP.requestWithoutRedirects("GET", url)
        #expect(answer.status == 302, "the identity provider answered \(answer.status): \(answer.text)", sourceLocation: sourceLocation)
        return answer
    }

    /// Delivers the identity provider's redirect (`<PUBLIC_URL>/auth/login/<p>/callback?…`) to the live host, with `cookie`.
    func callback(_ providerAnswer: TestResponse, cookie: String?, sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let location = try #require(providerAnswer.header("Location"), sourceLocation: sourceLocation)
        #expect(location.hasPrefix("\(Self.publicURL)/auth/login/\(provider)/callback?"), "\(location)", sourceLocation: sourceLocation)
        return try await callback(url: api.host.baseURL + location.dropFirst(Self.publicURL.count), cookie: cookie)
    }

    /// Delivers the identity provider's answer as `response_mode=form_post` does: a form POST to the callback.
    func callbackPost(_ providerAnswer: TestResponse, cookie: String?) async throws -> TestResponse {
        let location = URLComponents(string: providerAnswer.header("Location") ?? "")
        let form = (location?.percentEncodedQuery ?? "").data(using: .utf8)
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        headers["Cookie"] = cookie
        return try await TestHTTP.requestWithoutRedirects("POST", api.host.baseURL + "/auth/login/\(provider)/callback", headers: headers, body: form)
    }

    func callback(url: String, cookie: String?) async throws -> TestResponse {
        try await TestHTTP.requestWithoutRedirects("GET", url, headers: cookie.map { ["Cookie": $0] } ?? [:])
    }

    /// The whole round trip; the callback's answer.
    func login(redirect: String? = "/admin/content", claims: [String: Any] = [:], userinfo: [String: Any] = [:], tamper: [String] = [],
               sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let started = try await start(redirect: redirect)
        #expect(started.status == 302, "\(started.text)", sourceLocation: sourceLocation)
        let answer = try await authorize(started, claims: claims, userinfo: userinfo, tamper: tamper, sourceLocation: sourceLocation)
        return try await callback(answer, cookie: Self.stateCookie(started), sourceLocation: sourceLocation)
    }

    /// `name=value` of the state cookie a start set (the first cookie it sets).
    static func stateCookie(_ start: TestResponse) -> String? {
        start.setCookies.first.map { String($0.prefix { $0 != ";" }) }
    }

    /// The query of a URL as a dictionary.
    static func query(_ url: String?) -> [String: String] {
        var out: [String: String] = [:]
        for item in URLComponents(string: url ?? "")?.queryItems ?? [] { out[item.name] = item.value ?? "" }
        return out
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Roles the SSO tests' providers name in their environment (seeded by `APIHost.sso`, each with an app-access policy).
enum SSORoles {
    static let defaultRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0001"
    static let adminRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0002"
    static let staffRole = "5b6f1a52-8a3c-4a55-9c55-0f4d1b0a0003"
}

extension APIHost {
    /// A host with SSO `providers` using `idp` on a fresh database, with the `SSORoles` seeded.
    static func sso(_ database: DatabaseKind, _ idp: TestIdentityProvider, _ providers: [String: [String: String]],
                    extra: [String: String] = [:]) async throws -> APIHost {
        let api = try await APIHost(database, environment: SSOFlow.environment(idp, providers).merging(extra) { $1 })
        try api.sql([(SSORoles.defaultRole, "Default"), (SSORoles.adminRole, "Admins"), (SSORoles.staffRole, "Staff")]
            .map { api.roleSQL($0.0, name: $0.1) }.joined(separator: "; "))
        return api
    }

    /// `email|first_name|last_name|provider|role|status` of the user with this external identifier.
    func ssoUser(_ identifier: String) throws -> String {
        try sql("SELECT email, first_name, last_name, provider, role, status FROM directus_users WHERE external_identifier = '\(identifier)'")
    }

    /// The user's `auth_data`, decoded.
    func authData(_ identifier: String) throws -> [String: Any] {
        let text = try sql("SELECT auth_data FROM directus_users WHERE external_identifier = '\(identifier)'")
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// SQL creating a role with a fixed id (SSO providers name their roles in the environment, before the host starts)
    /// and an app-access policy for it; `enforceTFA` makes the policy enforce TFA.
    func roleSQL(_ id: String, name: String, enforceTFA: Bool = false) -> String {
        let policy = UUID().uuidString.lowercased()
        return "INSERT INTO directus_roles (id, name, icon) VALUES ('\(id)', '\(name)', 'group'); "
            + "INSERT INTO directus_policies (id, name, icon, admin_access, app_access, enforce_tfa) VALUES ('\(policy)', '\(name)', 'badge', \(bool(false)), \(bool(true)), \(bool(enforceTFA))); "
            + "INSERT INTO directus_access (id, role, policy, sort) VALUES ('\(UUID().uuidString.lowercased())', '\(id)', '\(policy)', 1)"
    }
}
