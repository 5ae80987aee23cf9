import Crypto
import Foundation
import PlinthJSON
import PluginKit

/// Where a driver's identity provider lives, and how it proves who logged in.
protocol IdentitySource: AnyObject {
    /// The authorization and token endpoints (openid: from discovery).
    func endpoints() throws -> (authorize: URL, token: URL)
    /// Whether the authorization request carries a nonce the id_token must echo.
    var usesNonce: Bool { get }
    /// Checks the redirect's parameters beyond `state` (openid: RFC 9207 `iss`).
    func checkResponse(_ params: JSONObject) throws
    /// The user's profile for a token set (openid: verified id_token claims merged with userinfo).
    func profile(_ tokens: TokenSet, nonce: String?) throws -> JSONObject
}

/// The authorization-code flow with PKCE both drivers share (the host keeps `state` in its signed cookie).
final class RedirectLogin {
    let options: ProviderOptions
    unowned let source: IdentitySource
    let client: OAuthClient
    let users: UserDirectory
    let host: PluginHost

    init(options: ProviderOptions, source: IdentitySource, client: OAuthClient, host: PluginHost) {
        self.options = options
        self.source = source
        self.client = client
        self.users = UserDirectory(options: options, host: host)
        self.host = host
    }

    /// `{"redirect","callback_url","query","prompt"}` → `{"location","state"}`.
    func authorize(_ request: JSON) throws -> JSON {
        let endpoints = try source.endpoints()
        let verifier = Base64URL.random()
        let challenge = options.plainCodeChallenge ? verifier : Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        let state = Base64URL.random()
        let nonce = source.usesNonce ? Base64URL.random() : nil
        var params: [(String, String)] = [("client_id", options.clientID), ("scope", options.scope), ("access_type", "offline")]
        if request["prompt"]?.boolValue == true { params.append(("prompt", "consent")) }
        var fixed: [(String, String)] = [("response_type", "code"), ("code_challenge", challenge),
                                         ("code_challenge_method", options.plainCodeChallenge ? "plain" : "S256"), ("state", state)]
        if let nonce { fixed.append(("nonce", nonce)) }
        fixed.append(("redirect_uri", request["callback_url"]?.stringValue ?? ""))
        // PARAMS may override scope, access_type or prompt, never what protects the round trip.
        for (key, value) in options.params where !fixed.contains(where: { $0.0 == key }) {
            if let index = params.firstIndex(where: { $0.0 == key }) { params[index].1 = value } else { params.append((key, value)) }
        }
        params += fixed
        let location = Self.appending(params, to: endpoints.authorize)
        var saved: JSONObject = ["verifier": .string(verifier), "state": .string(state)]
        saved["nonce"] = nonce.map(JSON.string)
        return ["location": .string(location), "state": .object(saved)]
    }

    /// `{"query","body","cookies","callback_url","state"}` → `{"user"}`.
    func callback(_ request: JSON) throws -> JSON {
        var params = request["query"]?.objectValue ?? [:]
        for (key, value) in request["body"]?.objectValue ?? [:] { params[key] = value }
        guard let saved = request["state"]?.objectValue, let verifier = saved["verifier"]?.stringValue,
              let expectedState = saved["state"]?.stringValue,
              let code = params["code"]?.stringValue, !code.isEmpty, let state = params["state"]?.stringValue, !state.isEmpty else {
            host.log(.warn, "[\(options.name)] no code, code verifier or state in the callback")
            throw SSOError.invalidCredentials()
        }
        guard state == expectedState else {
            host.log(.warn, "[\(options.name)] state mismatch in the callback")
            throw SSOError.invalidCredentials()
        }
        try source.checkResponse(params)
        let endpoints = try source.endpoints()
        let tokens = try client.exchange(code: code, verifier: verifier, callbackURL: request["callback_url"]?.stringValue ?? "", tokenURL: endpoints.token)
        let profile = try source.profile(tokens, nonce: saved["nonce"]?.stringValue)
        let identity = try users.identity(from: profile)
        let user = try users.resolve(identity, tokens: tokens)
        try refreshProviderSession(user, tokenURL: endpoints.token)
        return ["user": .string(user)]
    }

    /// Directus checks an SSO user's stored provider refresh token on every login, keeping the rotated one.
    ///
    /// Skipped for users the host is about to refuse (inactive, another provider);
    /// an `invalid_grant` answer is INVALID_TOKEN, which sends the browser back
    /// to the provider with `prompt=consent`.
    private func refreshProviderSession(_ id: String, tokenURL: URL) throws {
        guard let user = try users.user(id), user["status"]?.stringValue == "active", user["provider"]?.stringValue == options.name else { return }
        var authData = user["auth_data"]
        if let text = authData?.stringValue { authData = try? JSON.parse(Array(text.utf8)) }
        guard let refreshToken = authData?["refreshToken"]?.stringValue, !refreshToken.isEmpty else { return }
        let refreshed = try client.refresh(refreshToken, tokenURL: tokenURL)
        if let next = refreshed.refreshToken { try users.storeRefreshToken(next, user: id) }
    }

    /// `url` with `params` added to its query (existing parameters kept).
    static func appending(_ params: [(String, String)], to url: URL) -> String {
        let added = HTTPClient.formEncode(params)
        var text = url.absoluteString
        var fragment = ""
        if let hash = text.firstIndex(of: "#") {
            fragment = String(text[hash...])
            text = String(text[..<hash])
        }
        let separator = !text.contains("?") ? "?" : (text.hasSuffix("?") || text.hasSuffix("&") ? "" : "&")
        return text + separator + added + fragment
    }
}
