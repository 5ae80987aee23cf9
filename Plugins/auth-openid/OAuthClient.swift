import Foundation
import PlinthJSON

/// What a token endpoint answered.
struct TokenSet {
    let accessToken: String
    let refreshToken: String?
    let idToken: String?
}

/// The client side of OAuth 2: code exchange (with PKCE), refresh, and the userinfo request.
///
/// Errors follow Directus (openid-client's): an `invalid_grant` answer is
/// INVALID_TOKEN, any other error answer or an unreachable provider is
/// SERVICE_UNAVAILABLE.
struct OAuthClient {
    let options: ProviderOptions
    let http: HTTPClient

    private var service: String { options.driver.rawValue }

    /// Exchanges an authorization code for tokens (RFC 6749 §4.1.3, RFC 7636 §4.5).
    func exchange(code: String, verifier: String, callbackURL: String, tokenURL: URL) throws -> TokenSet {
        try token(tokenURL, [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", callbackURL), ("code_verifier", verifier)])
    }

    /// Uses a refresh token (RFC 6749 §6).
    func refresh(_ refreshToken: String, tokenURL: URL) throws -> TokenSet {
        try token(tokenURL, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
    }

    /// The profile the userinfo (or PROFILE_URL) endpoint returns for an access token.
    func userinfo(_ url: URL, accessToken: String) throws -> JSONObject {
        let response = try request { try http.get(url, bearer: accessToken) }
        guard response.status == 200 else { throw unexpected(response) }
        guard let object = (try? JSON.parse(Array(response.body)))?.objectValue else {
            throw SSOError.unavailable(service, "Service returned unexpected response: the profile is not a JSON object")
        }
        return object
    }

    /// Fetches a JSON object (discovery document, JWKS).
    func document(_ url: URL) throws -> JSONObject {
        let response = try request { try http.get(url) }
        guard response.status == 200 else { throw unexpected(response) }
        guard let object = (try? JSON.parse(Array(response.body)))?.objectValue else {
            throw SSOError.unavailable(service, "Service returned unexpected response: \(url.absoluteString) is not a JSON object")
        }
        return object
    }

    private func token(_ url: URL, _ fields: [(String, String)]) throws -> TokenSet {
        var fields = fields
        var basic: (String, String)?
        if options.tokenEndpointAuthMethod == "client_secret_post" {
            fields += [("client_id", options.clientID), ("client_secret", options.clientSecret)]
        } else {
            basic = (options.clientID, options.clientSecret)
        }
        let response = try request { try http.postForm(url, fields, basic: basic) }
        guard response.status == 200 else { throw unexpected(response) }
        let body = (try? JSON.parse(Array(response.body)))?.objectValue ?? [:]
        if body["error"] != nil { throw unexpected(response) }
        guard let accessToken = body["access_token"]?.stringValue, !accessToken.isEmpty else {
            throw SSOError.unavailable(service, "Service returned unexpected response: no access_token")
        }
        return TokenSet(accessToken: accessToken, refreshToken: body["refresh_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
                        idToken: body["id_token"]?.stringValue)
    }

    private func request(_ send: () throws -> HTTPClient.Response) throws -> HTTPClient.Response {
        do {
            return try send()
        } catch let failure as HTTPClient.Failure {
            throw SSOError.unavailable(service, "Service is unreachable: \(failure.description)")
        }
    }

    /// An OAuth error answer (`{"error","error_description"}`) or an unexpected status, as Directus reports it.
    private func unexpected(_ response: HTTPClient.Response) -> Error {
        let body = (try? JSON.parse(Array(response.body)))?.objectValue
        if let error = body?["error"]?.stringValue {
            if error == "invalid_grant" { return SSOError.invalidToken() }
            return SSOError.unavailable(service, "Service returned unexpected response: \(body?["error_description"]?.stringValue ?? error)")
        }
        return SSOError.unavailable(service, "Service returned unexpected response: expected 200 OK, got: \(response.status)")
    }
}
