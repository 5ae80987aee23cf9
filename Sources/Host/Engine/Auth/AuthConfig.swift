import Foundation
import PlinthJSON

/// The auth settings, read once from Directus's variables (docs/configuration.md#auth).
public struct AuthConfig: Sendable {
    /// One cookie's name and attributes.
    public struct Cookie: Sendable {
        public let name: String
        public let domain: String?
        public let secure: Bool
        public let sameSite: String
        /// Max-Age in seconds.
        public let maxAge: Int

        /// The `cookies` entry of a service result that sets (or, with `value` nil, clears) this cookie.
        func json(_ value: String?) -> JSON {
            [
                "name": .string(name), "value": .string(value ?? ""), "max_age": .int(value == nil ? 0 : maxAge),
                "http_only": true, "secure": .bool(secure), "same_site": .string(sameSite),
                "domain": domain.map(JSON.string) ?? .null, "path": "/",
            ]
        }
    }

    /// A configured provider (`AUTH_PROVIDERS`), or the built-in `default` local provider.
    public struct Provider: Sendable {
        public let name: String
        public let driver: String
        /// `AUTH_<NAME>_*` without the prefix, keys lower-cased.
        public let options: [String: String]

        var mode: String { options["mode"].map { $0.lowercased() } ?? "session" }
    }

    public let accessTokenTTL: Int
    public let refreshTokenTTL: Int
    public let sessionCookieTTL: Int
    public let refreshCookie: Cookie
    public let sessionCookie: Cookie
    public let graceMilliseconds: Int
    public let loginStallMilliseconds: Int
    public let registerStallMilliseconds: Int
    public let providers: [Provider]
    public let disableDefault: Bool
    public let publicURL: String
    public let passwordResetAllowList: [String]
    public let inviteAllowList: [String]
    public let registerAllowList: [String]
    public let inviteTokenTTL: Int
    public let passwordResetTokenTTL: Int

    public init(_ env: Environment, publicURL: String) throws {
        accessTokenTTL = try env.milliseconds("ACCESS_TOKEN_TTL", default: 15 * 60_000)
        refreshTokenTTL = try env.milliseconds("REFRESH_TOKEN_TTL", default: 7 * 86_400_000)
        sessionCookieTTL = try env.milliseconds("SESSION_COOKIE_TTL", default: 86_400_000)
        func cookie(_ prefix: String, _ name: String, ttl: Int) throws -> Cookie {
            Cookie(name: env.string("\(prefix)_NAME", default: name),
                   domain: env.string("\(prefix)_DOMAIN").flatMap { $0.isEmpty ? nil : $0 },
                   secure: try env.bool("\(prefix)_SECURE", default: false),
                   sameSite: try env.choice("\(prefix)_SAME_SITE", ["lax", "strict", "none"], default: "strict"),
                   maxAge: ttl / 1000)
        }
        refreshCookie = try cookie("REFRESH_TOKEN_COOKIE", "directus_refresh_token", ttl: refreshTokenTTL)
        sessionCookie = try cookie("SESSION_COOKIE", "directus_session_token", ttl: sessionCookieTTL)
        graceMilliseconds = try env.milliseconds("SESSION_REFRESH_GRACE_PERIOD", default: 10_000)
        loginStallMilliseconds = try env.milliseconds("LOGIN_STALL_TIME", default: 500)
        registerStallMilliseconds = try env.milliseconds("REGISTER_STALL_TIME", default: 750)
        disableDefault = try env.bool("AUTH_DISABLE_DEFAULT", default: false)
        self.publicURL = publicURL
        passwordResetAllowList = env.list("PASSWORD_RESET_URL_ALLOW_LIST")
        inviteAllowList = env.list("USER_INVITE_URL_ALLOW_LIST")
        registerAllowList = env.list("USER_REGISTER_URL_ALLOW_LIST")
        inviteTokenTTL = try env.milliseconds("USER_INVITE_TOKEN_TTL", default: 7 * 86_400_000)
        passwordResetTokenTTL = 86_400_000
        var providers = [Provider(name: "default", driver: "local", options: [:])]
        for name in env.list("AUTH_PROVIDERS") {
            guard name != "default" else {
                throw ConfigError("AUTH_PROVIDERS: cannot override the \"default\" auth provider")
            }
            let prefix = "AUTH_\(name.uppercased())_"
            var options: [String: String] = [:]
            for (key, value) in env.group(prefix) { options[key.lowercased()] = value }
            guard let driver = options["driver"], !driver.isEmpty else {
                throw ConfigError.invalid(prefix + "DRIVER", expected: "an auth driver such as local, openid or oauth2", found: "nothing")
            }
            providers.append(Provider(name: name, driver: driver.lowercased(), options: options))
        }
        self.providers = providers
    }

    func provider(_ name: String) -> Provider? {
        providers.first { $0.name == name }
    }

    /// `GET /auth`: the configured providers (not `default`), optionally only those that log in with a session.
    func publicProviders(sessionOnly: Bool) -> JSON {
        let listed = providers.dropFirst().filter { provider in
            guard sessionOnly, ["oauth2", "openid", "saml"].contains(provider.driver) else { return true }
            return provider.mode == "session"
        }
        return .array(listed.map { provider in
            var entry: JSONObject = ["name": .string(provider.name)]
            if let label = provider.options["label"] { entry["label"] = .string(label) }
            entry["driver"] = .string(provider.driver)
            if let icon = provider.options["icon"] { entry["icon"] = .string(icon) }
            return JSON.object(entry)
        })
    }
}
