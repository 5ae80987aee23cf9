import Foundation
import PlinthJSON

/// An OpenID provider's discovery document and signing keys, fetched once and cached.
///
/// Discovery is retried on each login until it succeeds (when
/// `ISSUER_DISCOVERY_MUST_SUCCEED=false` let the host start without it). The
/// key set is fetched on first use and again when an id_token names a key it
/// does not hold (a key rotation), at most once a minute.
final class OpenIDIssuer: @unchecked Sendable {
    /// The parts of the discovery document the login uses.
    struct Metadata {
        let issuer: String
        let authorizationEndpoint: URL
        let tokenEndpoint: URL
        let userinfoEndpoint: URL?
        let jwksURI: URL?
        /// RFC 9207: the provider adds `iss` to its redirect, so a missing one is refused.
        let issParameterSupported: Bool
    }

    let discoveryURL: URL
    private let client: OAuthClient
    private let lock = NSLock()
    private var cached: Metadata?
    private var keys: [JSONObject] = []
    private var keysFetched: Date?

    init(issuerURL: URL, client: OAuthClient) {
        if issuerURL.absoluteString.contains("/.well-known/") {
            discoveryURL = issuerURL
        } else {
            var base = issuerURL.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            discoveryURL = URL(string: base + "/.well-known/openid-configuration")!
        }
        self.client = client
    }

    /// The discovery document, fetched on first use.
    func metadata() throws -> Metadata {
        if let cached = lock.withLock({ cached }) { return cached }
        let document = try client.document(discoveryURL)
        let parsed = try Self.parse(document, from: discoveryURL, service: client.options.driver.rawValue)
        lock.withLock { cached = parsed }
        return parsed
    }

    /// The JWKs of the key set; `refresh` fetches it again (at most once a minute).
    func signingKeys(refresh: Bool) throws -> [JSONObject] {
        let metadata = try metadata()
        guard let uri = metadata.jwksURI else { return [] }
        let current: [JSONObject]? = lock.withLock {
            guard let fetched = keysFetched else { return nil }
            if refresh, Date().timeIntervalSince(fetched) > 60 { return nil }
            return keys
        }
        if let current { return current }
        let document = try client.document(uri)
        let fetched = (document["keys"]?.arrayValue ?? []).compactMap(\.objectValue)
        lock.withLock {
            keys = fetched
            keysFetched = Date()
        }
        return fetched
    }

    static func parse(_ document: JSONObject, from url: URL, service: String) throws -> Metadata {
        func endpoint(_ key: String) -> URL? { document[key]?.stringValue.flatMap(URL.init(string:)) }
        guard let issuer = document["issuer"]?.stringValue, let authorization = endpoint("authorization_endpoint"),
              let token = endpoint("token_endpoint") else {
            throw SSOError.unavailable(service, "Service returned unexpected response: \(url.absoluteString) lacks issuer, authorization_endpoint or token_endpoint")
        }
        let responseTypes = (document["response_types_supported"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard responseTypes.contains("code") else {
            throw SSOError.unavailable(service, "OpenID provider does not support required code flow")
        }
        return Metadata(issuer: issuer, authorizationEndpoint: authorization, tokenEndpoint: token,
                        userinfoEndpoint: endpoint("userinfo_endpoint"), jwksURI: endpoint("jwks_uri"),
                        issParameterSupported: document["authorization_response_iss_parameter_supported"]?.boolValue == true)
    }
}
