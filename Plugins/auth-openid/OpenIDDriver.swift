import Foundation
import PlinthJSON
import PluginKit

/// `AUTH_<NAME>_DRIVER=openid`: OpenID Connect with discovery, PKCE, state, nonce and a verified id_token.
final class OpenIDDriver: AuthProviderDriver, IdentitySource {
    let options: ProviderOptions
    let host: PluginHost
    private let client: OAuthClient
    private let issuer: OpenIDIssuer
    private var login: RedirectLogin!

    init(name: String, options raw: [String: String], host: PluginHost) throws {
        options = try ProviderOptions(name: name, driver: .openid, options: raw)
        self.host = host
        client = OAuthClient(options: options, http: HTTPClient(timeout: options.timeout))
        issuer = OpenIDIssuer(issuerURL: options.issuerURL!, client: client)
        login = RedirectLogin(options: options, source: self, client: client, host: host)
        do {
            _ = try issuer.metadata()
        } catch {
            let reason = "discovery at \(issuer.discoveryURL.absoluteString) failed: \(Self.describe(error))"
            guard !options.discoveryMustSucceed else {
                throw SSOError.config("\(reason) (set \(options.variable("issuer_discovery_must_succeed"))=false to start anyway and retry at each login)")
            }
            host.log(.warn, "[\(name)] \(reason); retrying at the next login")
        }
    }

    func authorize(_ request: JSON) throws -> JSON { try login.authorize(request) }

    func callback(_ request: JSON, context: Context) throws -> JSON { try login.callback(request) }

    // MARK: IdentitySource

    var usesNonce: Bool { true }

    func endpoints() throws -> (authorize: URL, token: URL) {
        let metadata = try issuer.metadata()
        return (metadata.authorizationEndpoint, metadata.tokenEndpoint)
    }

    func checkResponse(_ params: JSONObject) throws {
        let metadata = try issuer.metadata()
        if let iss = params["iss"]?.stringValue {
            guard iss == metadata.issuer else { throw refused("iss mismatch in the callback") }
        } else if metadata.issParameterSupported {
            throw refused("iss missing from the callback")
        }
    }

    func profile(_ tokens: TokenSet, nonce: String?) throws -> JSONObject {
        let metadata = try issuer.metadata()
        guard let idToken = tokens.idToken else { throw refused("id_token not present in the token response") }
        var claims: JSONObject
        do {
            claims = try IDToken(idToken).verify(algorithm: options.idTokenAlgorithm, keys: { try self.issuer.signingKeys(refresh: $0) },
                                                 issuer: metadata.issuer, clientID: options.clientID, nonce: nonce, accessToken: tokens.accessToken)
        } catch let refusal as IDToken.Refusal {
            throw refused(refusal.description)
        }
        if let endpoint = metadata.userinfoEndpoint {
            let info = try client.userinfo(endpoint, accessToken: tokens.accessToken)
            // OpenID Connect Core §5.3.2: a userinfo answer about someone else must not be used.
            guard info["sub"] == nil || info["sub"] == claims["sub"] else { throw refused("userinfo sub does not match the id_token") }
            for (key, value) in info { claims[key] = value }
        }
        return claims
    }

    private func refused(_ reason: String) -> PluginError {
        host.log(.warn, "[\(options.name)] \(reason)")
        return SSOError.invalidCredentials()
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? PluginError, let json = try? JSON.parse(Array(error.message.utf8)) else { return "\(error)" }
        return json["message"]?.stringValue ?? error.message
    }
}
