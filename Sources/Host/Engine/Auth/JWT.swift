import Crypto
import Foundation
import PlinthJSON

/// HS256 JSON Web Tokens signed with SECRET, as Directus issues them (issuer "directus").
public struct JWT: Sendable {
    let key: SymmetricKey

    public init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// Why a token was refused.
    public enum Failure: Error, Equatable {
        /// Not a JWT at all (maybe a static token).
        case notAJWT
        /// A JWT with a bad signature, algorithm or issuer.
        case invalid
        /// A valid JWT past its `exp`.
        case expired
    }

    /// Signs `claims`, adding `iat`, `exp` (now + ttl seconds) and `iss`.
    public func sign(_ claims: JSONObject, ttl: Int, now: Date = Date()) -> String {
        var payload = claims
        let issued = Int(now.timeIntervalSince1970)
        payload["iat"] = .int(issued)
        payload["exp"] = .int(issued + ttl)
        payload["iss"] = "directus"
        let header = JWT.base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let body = JWT.base64URL(JSON.object(payload).encoded())
        let signingInput = header + "." + body
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + JWT.base64URL(Array(signature))
    }

    /// Whether `token` has the shape of a Directus JWT (three parts, issuer "directus"), without checking it.
    public static func looksLikeDirectusJWT(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = decode(parts[1]), let json = try? JSON.parse(payload) else { return false }
        return json["iss"]?.stringValue == "directus"
    }

    /// Verifies signature, algorithm, issuer and expiry, and returns the claims.
    public func verify(_ token: String, now: Date = Date()) throws -> JSONObject {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = JWT.decode(parts[0]), let payloadBytes = JWT.decode(parts[1]),
              let signature = JWT.decode(parts[2]) else { throw Failure.notAJWT }
        guard let header = try? JSON.parse(headerBytes), let claims = (try? JSON.parse(payloadBytes))?.objectValue else { throw Failure.notAJWT }
        guard header["alg"]?.stringValue == "HS256" else { throw Failure.invalid }
        let signingInput = Data((parts[0] + "." + parts[1]).utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else { throw Failure.invalid }
        guard claims["iss"]?.stringValue == "directus" else { throw Failure.invalid }
        if let expiry = claims["exp"]?.doubleValue, expiry <= now.timeIntervalSince1970 { throw Failure.expired }
        return claims
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
