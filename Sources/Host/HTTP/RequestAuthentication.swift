import Foundation
import PlinthJSON

/// Finds the access token of a request and resolves the caller's accountability.
///
/// Token sources, as Directus reads them: the `access_token` query
/// parameter, `Authorization: Bearer`, then the session cookie (which never
/// counts as a second method). A Directus JWT is verified with SECRET; any
/// other token is looked up as a user's static token.
struct RequestAuthentication: Sendable {
    let jwt: JWT
    let resolver: AccessResolver
    let bus: EventBus
    let sessionCookie: String
    let trustProxy: Bool
    let ipHeader: String?

    /// The token of a request, or nil; two methods at once are refused as RFC 6750 requires.
    func token(query: String, headers: [(String, String)]) throws -> String? {
        var token: String?
        if let value = QueryString.first("access_token", in: query), !value.isEmpty {
            token = value
        }
        if let authorization = headers.first(where: { $0.0 == "authorization" })?.1 {
            let parts = authorization.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty {
                if token != nil {
                    throw APIError.invalidPayload("The request uses more than one method for including an access token")
                }
                token = String(parts[1])
            }
        }
        if token == nil, let cookie = headers.first(where: { $0.0 == "cookie" })?.1 {
            token = Cookies.value(sessionCookie, in: cookie)
        }
        return token
    }

    /// The client IP: the peer address, or with IP_TRUST_PROXY the first X-Forwarded-For entry, or IP_CUSTOM_HEADER.
    func ip(peer: String, headers: [(String, String)]) -> String {
        if let ipHeader, let value = headers.first(where: { $0.0 == ipHeader })?.1, !value.isEmpty {
            return value.trimmingCharacters(in: .whitespaces)
        }
        if trustProxy, let forwarded = headers.first(where: { $0.0 == "x-forwarded-for" })?.1,
           let first = forwarded.split(separator: ",").first {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return peer
    }

    /// Resolves the accountability for `token` (nil: anonymous). Blocks on the database on a cache miss.
    func accountability(token: String?, ip: String, userAgent: String?, origin: String?) throws -> Accountability {
        var result: Accountability
        if let token {
            result = try resolve(token, ip: ip)
        } else {
            result = try resolver.anonymous(ip: ip)
        }
        result.userAgent = userAgent.map { String($0.prefix(1024)) }
        result.origin = origin
        if bus.hasFilters("authenticate") {
            result = try customAccountability(result)
        }
        return result
    }

    private func resolve(_ token: String, ip: String) throws -> Accountability {
        if JWT.looksLikeDirectusJWT(token) {
            let claims: JSONObject
            do {
                claims = try jwt.verify(token)
            } catch JWT.Failure.expired {
                throw APIError.tokenExpired()
            } catch {
                throw APIError.invalidToken()
            }
            // An access JWT carries role, app_access and admin_access (Directus refuses it otherwise).
            guard claims["role"] != nil, claims["app_access"] != nil, claims["admin_access"] != nil else { throw APIError.invalidToken() }
            if let session = claims["session"]?.stringValue {
                guard try AuthService.sessionIsLive(session, user: claims["id"]?.stringValue, share: claims["share"]?.stringValue,
                                                    in: resolver.database) else { throw APIError.invalidCredentials() }
            }
            guard let user = claims["id"]?.stringValue else {
                // Share tokens carry no user; shares arrive with their own issue.
                throw APIError.invalidToken()
            }
            guard var accountability = try resolver.user(user, ip: ip) else { throw APIError.invalidCredentials() }
            accountability.session = claims["session"]?.stringValue
            return accountability
        }
        guard let user = try resolver.userID(forStaticToken: token), let accountability = try resolver.user(user, ip: ip) else {
            throw APIError.invalidCredentials()
        }
        return accountability
    }

    /// Lets `authenticate` filter hooks replace the accountability (third-party tokens).
    private func customAccountability(_ current: Accountability) throws -> Accountability {
        let replaced = try JSON.parse(bus.filter("authenticate", payload: current.json.encoded(), meta: Array("{}".utf8), context: nil))
        guard let object = replaced.objectValue else { return current }
        var result = current
        result.user = object["user"]?.stringValue
        result.role = object["role"]?.stringValue
        result.roles = object["roles"]?.arrayValue?.compactMap(\.stringValue) ?? result.roles
        result.policies = object["policies"]?.arrayValue?.compactMap(\.stringValue) ?? result.policies
        result.admin = object["admin"]?.boolValue ?? false
        result.app = object["app"]?.boolValue ?? false
        return result
    }
}

/// Reading `Cookie` headers.
enum Cookies {
    static func value(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == name { return pair[1].removingPercentEncoding ?? pair[1] }
        }
        return nil
    }
}

/// Reading raw query strings.
enum QueryString {
    /// The first value of `name` (percent-decoded, `+` as space).
    static func first(_ name: String, in query: String) -> String? {
        for part in query.split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Every request looks for access_token: a key with nothing encoded is compared as it is.
            let key = pair[0]
            guard needsDecoding(key) ? decode(key) == name : key == name else { continue }
            return pair.count == 2 ? decode(pair[1]) : ""
        }
        return nil
    }

    static func decode<S: StringProtocol>(_ text: S) -> String? {
        guard needsDecoding(text) else { return String(text) }
        return String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func needsDecoding<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }
    }
}
