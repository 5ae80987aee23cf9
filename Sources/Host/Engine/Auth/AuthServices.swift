import Foundation
import PlinthJSON

/// The auth services behind `/auth` (docs/services.md#auth).
///
/// Results are `{"data": …, "cookies": [cookie…]}`: the endpoint sets the
/// cookies (name, value, max_age in seconds, attributes; an empty value with
/// max_age 0 clears one) and answers `{"data": …}`.
enum AuthServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        func auth() throws -> AuthService {
            guard let auth = runtime.auth else { throw APIError.serviceUnavailable("authentication") }
            return auth
        }

        services.register("auth.login/1") { context, args in
            let auth = try auth()
            let payload = args["payload"]?.objectValue ?? [:]
            let mode = try Self.mode(payload["mode"], default: "json")
            let provider = args["provider"]?.stringValue ?? "default"
            if provider == "default", auth.config.disableDefault { throw APIError.invalidProvider(provider) }
            let tokens = try auth.login(provider: provider, payload: payload, session: mode == "session",
                                        otp: payload["otp"]?.stringValue, context: context)
            return Self.answer(tokens, mode: mode, config: auth.config)
        }

        services.register("auth.refresh/1") { context, args in
            let auth = try auth()
            let cookies = args["cookies"]?.objectValue ?? [:]
            let (mode, token) = try Self.refreshToken(args, cookies: cookies, auth: auth)
            let tokens = try auth.refresh(token, session: mode == "session", context: context)
            return Self.answer(tokens, mode: mode, config: auth.config)
        }

        services.register("auth.logout/1") { context, args in
            let auth = try auth()
            let cookies = args["cookies"]?.objectValue ?? [:]
            let (_, token) = try Self.refreshToken(args, cookies: cookies, auth: auth)
            try auth.logout(token, context: context)
            var cleared: [JSON] = []
            if cookies[auth.config.refreshCookie.name] != nil { cleared.append(auth.config.refreshCookie.json(nil)) }
            if cookies[auth.config.sessionCookie.name] != nil { cleared.append(auth.config.sessionCookie.json(nil)) }
            return ["data": .null, "cookies": .array(cleared)]
        }

        services.register("auth.providers/1") { _, args in
            let auth = try auth()
            let sessionOnly = args["sessionOnly"]?.boolValue ?? false
            return ["data": auth.config.publicProviders(sessionOnly: sessionOnly), "disableDefault": .bool(auth.config.disableDefault)]
        }

        // The local provider's password check, called by auth.local with the login request's context.
        services.register("auth.password.verify/1") { context, args in
            let auth = try auth()
            let user = try auth.verifyLocalPassword(email: args["email"]?.stringValue ?? "", password: args["password"]?.stringValue ?? "",
                                                    provider: args["provider"]?.stringValue ?? "default", context: context)
            return ["user": .string(user)]
        }
    }

    /// `json`, `cookie` or `session`.
    static func mode(_ value: JSON?, default fallback: String) throws -> String {
        guard let value, !value.isNull else { return fallback }
        guard let mode = value.stringValue, ["json", "cookie", "session"].contains(mode) else {
            throw APIError.invalidPayload("\"mode\" must be one of [cookie, json, session]")
        }
        return mode
    }

    /// The mode and refresh token of a refresh or logout: `mode` from the body, else `json` when the body has a
    /// refresh token, else `cookie`; session mode reads the refresh token out of the session JWT.
    static func refreshToken(_ args: JSON, cookies: JSONObject, auth: AuthService) throws -> (String, String) {
        let body = args["payload"]?.objectValue ?? [:]
        let bodyToken = body["refresh_token"]?.stringValue
        let mode = try self.mode(body["mode"], default: bodyToken != nil ? "json" : "cookie")
        var token: String?
        switch mode {
        case "json": token = bodyToken
        case "cookie": token = cookies[auth.config.refreshCookie.name]?.stringValue
        default:
            if let jwt = cookies[auth.config.sessionCookie.name]?.stringValue, JWT.looksLikeDirectusJWT(jwt) {
                do {
                    token = try auth.jwt.verify(jwt)["session"]?.stringValue
                } catch JWT.Failure.expired {
                    throw APIError.tokenExpired()
                } catch {
                    throw APIError.invalidToken()
                }
            }
        }
        guard let token, !token.isEmpty else {
            throw APIError.invalidPayload("The refresh token is required in either the payload or cookie")
        }
        return (mode, token)
    }

    /// The body and cookies of a login or refresh in `mode`.
    static func answer(_ tokens: AuthService.Tokens, mode: String, config: AuthConfig) -> JSON {
        var data: JSONObject = ["expires": .int(tokens.expires)]
        var cookies: [JSON] = []
        switch mode {
        case "json":
            data["refresh_token"] = .string(tokens.refreshToken)
            data["access_token"] = .string(tokens.accessToken)
        case "cookie":
            cookies.append(config.refreshCookie.json(tokens.refreshToken))
            data["access_token"] = .string(tokens.accessToken)
        default:
            cookies.append(config.sessionCookie.json(tokens.accessToken))
        }
        return ["data": .object(data), "cookies": .array(cookies)]
    }
}

/// The redirect-login services behind `GET /auth/login/<provider>` and its callback.
enum SSOServices {
    static func register(in runtime: Runtime) {
        runtime.services.register("auth.sso.start/1") { _, args in
            guard let auth = runtime.auth else { throw APIError.serviceUnavailable("authentication") }
            return try auth.ssoStart(provider: args["provider"]?.stringValue ?? "", query: args["query"]?.objectValue ?? [:])
        }
        runtime.services.register("auth.sso.callback/1") { context, args in
            guard let auth = runtime.auth else { throw APIError.serviceUnavailable("authentication") }
            return try auth.ssoCallback(provider: args["provider"]?.stringValue ?? "", query: args["query"]?.objectValue ?? [:],
                                        body: args["body"]?.objectValue ?? [:], cookies: args["cookies"]?.objectValue ?? [:], context: context)
        }
    }
}
