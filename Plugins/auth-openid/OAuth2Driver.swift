import Foundation
import PlinthJSON
import PluginKit

/// `AUTH_<NAME>_DRIVER=oauth2`: a plain OAuth 2 authorization-code login (PKCE, state) with explicit endpoints.
///
/// The profile comes from PROFILE_URL; an id_token in the token response is ignored.
final class OAuth2Driver: AuthProviderDriver, IdentitySource {
    let options: ProviderOptions
    private let client: OAuthClient
    private var login: RedirectLogin!

    init(name: String, options raw: [String: String], host: PluginHost) throws {
        options = try ProviderOptions(name: name, driver: .oauth2, options: raw)
        client = OAuthClient(options: options, http: HTTPClient(timeout: options.timeout))
        login = RedirectLogin(options: options, source: self, client: client, host: host)
    }

    func authorize(_ request: JSON) throws -> JSON { try login.authorize(request) }

    func callback(_ request: JSON, context: Context) throws -> JSON { try login.callback(request) }

    // MARK: IdentitySource

    var usesNonce: Bool { false }

    func endpoints() throws -> (authorize: URL, token: URL) { (options.authorizeURL!, options.accessURL!) }

    func checkResponse(_ params: JSONObject) throws {}

    func profile(_ tokens: TokenSet, nonce: String?) throws -> JSONObject {
        try client.userinfo(options.profileURL!, accessToken: tokens.accessToken)
    }
}
