import Foundation
import PlinthJSON

/// Redirect logins (OpenID Connect, OAuth 2): the host keeps the round trip's state in a signed,
/// short-lived cookie and checks redirects; the provider plugin talks to the identity provider.
extension AuthService {
    /// `GET /auth/login/<provider>`: where to send the browser, and the state cookie.
    func ssoStart(provider name: String, query: JSONObject) throws -> JSON {
        guard let provider = providers.provider(name), name != "default" else { throw APIError.invalidProvider(name) }
        let redirectInput = query["redirect"]
        let redirect: String
        do {
            redirect = try LoginRedirect.resolve(redirectInput, provider: provider.config, publicURL: config.publicURL)
        } catch {
            let shown = redirectInput?.stringValue ?? redirectInput?.description ?? ""
            throw APIError.invalidPayload("URL \"\(shown)\" can't be used to redirect after login")
        }
        let callbackURL = LoginRedirect.join(config.publicURL, "auth/login/\(name)/callback")
        let prompt = query["prompt"].map { !$0.isNull && $0.stringValue != "" && $0.stringValue != "false" } ?? false
        let started: JSON
        do {
            started = try providers.authorize(name, request: [
                "redirect": .string(redirect), "callback_url": .string(callbackURL), "query": .object(query), "prompt": .bool(prompt),
            ])
        } catch let error as APIError where error.code != "INVALID_PROVIDER" {
            // Directus sends the browser back to the login page when the identity provider can't be reached.
            engine.logger.warning("SSO login through \(name) could not start: \(error.message)")
            return ["location": .string(LoginRedirect.join(config.publicURL, "admin/login") + "?reason=SERVICE_UNAVAILABLE"), "cookies": []]
        }
        guard let location = started["location"]?.stringValue else { throw APIError.serviceUnavailable("auth provider \(name)") }
        var state: JSONObject = ["provider": .string(name), "redirect": .string(redirect), "prompt": .bool(prompt), "callback_url": .string(callbackURL)]
        state["state"] = started["state"] ?? .null
        if let otp = query["otp"]?.stringValue { state["otp"] = .string(otp) }
        let timeout = max(1, (Environment.parseDuration(provider.config.options["login_timeout"] ?? "5m") ?? 300_000) / 1000)
        let token = jwt.sign(state, ttl: timeout)
        var cookies = started["cookies"]?.arrayValue ?? []
        cookies.append(stateCookie(provider.config, value: token, maxAge: timeout))
        return ["location": .string(location), "cookies": .array(cookies)]
    }

    /// `…/callback`: finishes the login and answers with a redirect (cookie set per `AUTH_<P>_MODE`) or the tokens.
    func ssoCallback(provider name: String, query: JSONObject, body: JSONObject, cookies: JSONObject, context: CallContext?) throws -> JSON {
        guard let provider = providers.provider(name), name != "default" else { throw APIError.invalidProvider(name) }
        let cookieName = "\(provider.config.driver).\(name)"
        let clearState = stateCookie(provider.config, value: nil)
        guard let raw = cookies[cookieName]?.stringValue, let state = try? jwt.verify(raw), state["provider"]?.stringValue == name else {
            return ["location": .string(LoginRedirect.join(config.publicURL, "admin/login") + "?reason=INVALID_CREDENTIALS"), "cookies": [clearState]]
        }
        var redirect = state["redirect"]?.stringValue
        let mode = provider.config.mode
        let tokens: Tokens
        do {
            let result = try providers.callback(name, request: [
                "query": .object(query), "body": .object(body), "cookies": .object(cookies),
                "callback_url": state["callback_url"] ?? .null, "state": state["state"] ?? .null,
            ], context: context)
            guard let user = result["user"]?.stringValue else { throw APIError.invalidCredentials() }
            tokens = try issue(user: user, provider: name, payload: ["code": query["code"] ?? .null, "state": query["state"] ?? .null],
                               session: mode == "session", otp: state["otp"]?.stringValue, context: context)
        } catch let error as APIError {
            engine.logger.warning("SSO login through \(name) failed: \(error.code)")
            // The provider refused a grant (e.g. a revoked refresh token): ask the user to consent again, once.
            if error.code == "INVALID_TOKEN", state["prompt"]?.boolValue != true, let callback = state["callback_url"]?.stringValue {
                var retry = String(callback.dropLast(callback.hasSuffix("/callback") ? "/callback".count : 0)) + "?"
                if let redirect { retry += "redirect=\(LoginRedirect.escape(redirect))&" }
                return ["location": .string(retry + "prompt=true"), "cookies": [clearState]]
            }
            if let redirect {
                let base = redirect.split(separator: "?", maxSplits: 1).first.map(String.init) ?? redirect
                return ["location": .string("\(base)?reason=\(error.code)"), "cookies": [clearState]]
            }
            throw error
        }
        if let claims = try? jwt.verify(tokens.accessToken), claims["enforce_tfa"]?.boolValue == true {
            var setup = LoginRedirect.join(config.publicURL, "admin/tfa-setup")
            if let redirect {
                setup += "?redirect=\(LoginRedirect.escape(redirect))&provider=\(LoginRedirect.escape(name))"
            }
            redirect = setup
        }
        guard let redirect else {
            return ["data": ["access_token": .string(tokens.accessToken), "refresh_token": .string(tokens.refreshToken), "expires": .int(tokens.expires)],
                    "cookies": [clearState]]
        }
        let session = mode == "session" ? config.sessionCookie.json(tokens.accessToken) : config.refreshCookie.json(tokens.refreshToken)
        return ["location": .string(redirect), "cookies": [clearState, session]]
    }

    /// The `<driver>.<provider>` cookie holding the signed round-trip state (lax, so the IdP's redirect carries it).
    private func stateCookie(_ provider: AuthConfig.Provider, value: String?, maxAge: Int = 0) -> JSON {
        let secure = ["true", "1"].contains(provider.options["cookie_secure"]?.lowercased() ?? "")
        return ["name": .string("\(provider.driver).\(provider.name)"), "value": .string(value ?? ""), "max_age": .int(value == nil ? 0 : maxAge),
                "http_only": true, "secure": .bool(secure), "same_site": "lax", "domain": .null, "path": "/"]
    }
}

/// Where a login may send the browser back to (Directus's resolveLoginRedirect and isUrlAllowed).
enum LoginRedirect {
    struct Refused: Error {}

    /// A safe relative path, or an absolute http(s) URL on PUBLIC_URL's origin or in the provider's allow list.
    static func resolve(_ value: JSON?, provider: AuthConfig.Provider, publicURL: String) throws -> String {
        guard let value, !value.isNull, value.stringValue != "" else { return "/" }
        guard let redirect = value.stringValue else { throw Refused() }
        guard let parsed = URLComponents(string: redirect), let scheme = parsed.scheme, !scheme.isEmpty else {
            // Relative: must stay on this host (no "//evil.com", no "\\evil.com").
            let dummy = URL(string: "http://dummy.local")!
            guard !redirect.hasPrefix("//"), !redirect.hasPrefix("\\"), !redirect.hasPrefix("/\\"),
                  let resolved = URL(string: redirect, relativeTo: dummy)?.absoluteURL, resolved.host == "dummy.local", resolved.scheme == "http" else {
                throw Refused()
            }
            return String(resolved.absoluteString.dropFirst("http://dummy.local".count))
        }
        guard ["http", "https"].contains(scheme.lowercased()), parsed.host != nil else { throw Refused() }
        if let list = provider.options["redirect_allow_list"] {
            let allowed = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } + [publicURL]
            if isAllowed(redirect, allowList: allowed) { return redirect }
        }
        guard let publicParts = URLComponents(string: publicURL), publicParts.scheme != nil else { throw Refused() }
        guard publicParts.scheme?.lowercased() == scheme.lowercased(), hostAndPort(publicParts) == hostAndPort(parsed) else { throw Refused() }
        return redirect
    }

    /// Exact match, or same origin and path as an entry.
    static func isAllowed(_ url: String, allowList: [String]) -> Bool {
        if allowList.contains(url) { return true }
        guard let target = originAndPath(url) else { return false }
        return allowList.compactMap(originAndPath).contains(target)
    }

    static func originAndPath(_ url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, parts.host != nil else { return nil }
        let path = parts.path.isEmpty ? "/" : parts.path
        return "\(scheme.lowercased())://\(hostAndPort(parts))\(path)"
    }

    static func hostAndPort(_ parts: URLComponents) -> String {
        let host = parts.host?.lowercased() ?? ""
        guard let port = parts.port else { return host }
        let defaultPort = parts.scheme?.lowercased() == "https" ? 443 : 80
        return port == defaultPort ? host : "\(host):\(port)"
    }

    /// `base` with `path` appended, one slash between.
    static func join(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + path
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
