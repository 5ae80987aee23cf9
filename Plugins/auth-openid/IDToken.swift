import _CryptoExtras
import Crypto
import Foundation
import PlinthJSON

/// Checks an id_token as OpenID Connect Core §3.1.3.7 asks (and openid-client does for Directus).
///
/// Signature by a key of the provider's JWKS (RS256/384/512, PS256/384/512,
/// RSA keys of 2048 bits or more), the configured algorithm, `iss`, `aud`
/// (and `azp` with several audiences), `exp`, `iat`, `nbf`, the `nonce` of
/// this login, and `at_hash` when present. Any failure is INVALID_CREDENTIALS.
struct IDToken {
    let header: JSONObject
    let claims: JSONObject
    let signingInput: Data
    let signature: Data

    init(_ token: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(String(parts[0])), let payload = Base64URL.decode(String(parts[1])),
              let signature = Base64URL.decode(String(parts[2])),
              let headerObject = (try? JSON.parse(Array(header)))?.objectValue,
              let claims = (try? JSON.parse(Array(payload)))?.objectValue else {
            throw Refusal("the id_token is not a JWS compact serialization")
        }
        self.header = headerObject
        self.claims = claims
        self.signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        self.signature = signature
    }

    /// Why a token was refused, for the log.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The verified claims.
    func verify(algorithm: String, keys: (_ refresh: Bool) throws -> [JSONObject], issuer: String, clientID: String,
                nonce: String?, accessToken: String?, now: Date = Date()) throws -> JSONObject {
        guard header["alg"]?.stringValue == algorithm else {
            throw Refusal("unexpected JWT alg received, expected \(algorithm), got: \(header["alg"]?.stringValue ?? "none")")
        }
        var candidates = matchingKeys(try keys(false), algorithm: algorithm)
        if candidates.isEmpty { candidates = matchingKeys(try keys(true), algorithm: algorithm) }
        guard !candidates.isEmpty else { throw Refusal("no key of the provider's JWKS matches kid \(header["kid"]?.stringValue ?? "(none)")") }
        guard try candidates.contains(where: { try Self.isValid(signature, of: signingInput, key: $0, algorithm: algorithm) }) else {
            throw Refusal("the id_token signature is invalid")
        }
        try checkClaims(issuer: issuer, clientID: clientID, nonce: nonce, accessToken: accessToken, algorithm: algorithm, now: now)
        return claims
    }

    private func checkClaims(issuer: String, clientID: String, nonce: String?, accessToken: String?, algorithm: String, now: Date) throws {
        let time = now.timeIntervalSince1970
        guard claims["sub"]?.stringValue != nil else { throw Refusal("missing required JWT property sub") }
        guard claims["iss"]?.stringValue == issuer else { throw Refusal("unexpected iss value, expected \(issuer)") }
        let audiences: [String]
        switch claims["aud"] {
        case .string(let single)?: audiences = [single]
        case .array(let list)?: audiences = list.compactMap(\.stringValue)
        default: throw Refusal("missing required JWT property aud")
        }
        guard audiences.contains(clientID) else { throw Refusal("aud is missing the client_id") }
        if audiences.count > 1, claims["azp"] == nil { throw Refusal("missing required JWT property azp") }
        if let azp = claims["azp"], azp.stringValue != clientID { throw Refusal("azp mismatch") }
        guard let exp = claims["exp"]?.doubleValue else { throw Refusal("missing required JWT property exp") }
        guard exp > time else { throw Refusal("id_token expired") }
        guard claims["iat"]?.doubleValue != nil else { throw Refusal("missing required JWT property iat") }
        if let nbf = claims["nbf"] {
            guard let value = nbf.doubleValue, value <= time else { throw Refusal("id_token not active yet") }
        }
        switch (nonce, claims["nonce"]?.stringValue) {
        case (nil, nil): break
        case (let expected?, let found?) where expected == found: break
        default: throw Refusal("nonce mismatch")
        }
        if let atHash = claims["at_hash"]?.stringValue, let accessToken {
            guard atHash == Self.leftHalfHash(accessToken, algorithm: algorithm) else { throw Refusal("at_hash mismatch") }
        }
    }

    private func matchingKeys(_ keys: [JSONObject], algorithm: String) -> [JSONObject] {
        let kid = header["kid"]?.stringValue
        return keys.filter { key in
            key["kty"]?.stringValue == "RSA"
                && (key["use"].map { $0.stringValue == "sig" } ?? true)
                && (key["alg"].map { $0.stringValue == algorithm } ?? true)
                && (kid == nil || key["kid"]?.stringValue == kid)
        }
    }

    static func isValid(_ signature: Data, of input: Data, key: JSONObject, algorithm: String) throws -> Bool {
        guard let n = key["n"]?.stringValue.flatMap(Base64URL.decode), let e = key["e"]?.stringValue.flatMap(Base64URL.decode),
              let publicKey = try? _RSA.Signing.PublicKey(n: n, e: e), publicKey.keySizeInBits >= 2048 else { return false }
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
        let padding: _RSA.Signing.Padding = algorithm.hasPrefix("PS") ? .PSS : .insecurePKCS1v1_5
        switch algorithm.suffix(3) {
        case "256": return publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: input), padding: padding)
        case "384": return publicKey.isValidSignature(rsaSignature, for: SHA384.hash(data: input), padding: padding)
        case "512": return publicKey.isValidSignature(rsaSignature, for: SHA512.hash(data: input), padding: padding)
        default: return false
        }
    }

    /// `at_hash`: the left half of the access token's hash with the id_token's hash function, base64url.
    static func leftHalfHash(_ token: String, algorithm: String) -> String {
        let data = Data(token.utf8)
        let digest: [UInt8]
        switch algorithm.suffix(3) {
        case "384": digest = Array(SHA384.hash(data: data))
        case "512": digest = Array(SHA512.hash(data: data))
        default: digest = Array(SHA256.hash(data: data))
        }
        return Base64URL.encode(digest.prefix(digest.count / 2))
    }
}
