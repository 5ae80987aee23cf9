import Foundation

/// The CORS headers of a request, computed as the `cors` package Directus uses computes them.
struct CORSPolicy: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share between threads.
    private let settings: CORSSettings
    private let patterns: [String: NSRegularExpression]

    /// Nil when CORS headers are off (`CORS_ENABLED=false`, or `CORS_ORIGIN` false or empty).
    init?(_ settings: CORSSettings) {
        guard let origin = settings.origin else { return nil }
        self.settings = settings
        var patterns: [String: NSRegularExpression] = [:]
        if case .matching(let rules) = origin {
            for case .pattern(let source) in rules { patterns[source] = try? NSRegularExpression(pattern: source) }
        }
        self.patterns = patterns
    }

    /// Headers of the 204 answer to an OPTIONS request (every OPTIONS request is a preflight, as in Directus).
    func preflight(origin: String?, requestHeaders: String?) -> [(String, String)] {
        var headers: [(String, String)] = []
        var vary: [String] = []
        allowOrigin(origin, into: &headers, vary: &vary)
        if settings.credentials { headers.append(("Access-Control-Allow-Credentials", "true")) }
        headers.append(("Access-Control-Allow-Methods", settings.methods))
        if let allowed = settings.allowedHeaders {
            if !allowed.isEmpty { headers.append(("Access-Control-Allow-Headers", allowed)) }
        } else {
            vary.append("Access-Control-Request-Headers")
            if let requestHeaders, !requestHeaders.isEmpty { headers.append(("Access-Control-Allow-Headers", requestHeaders)) }
        }
        if let maxAge = settings.maxAge { headers.append(("Access-Control-Max-Age", maxAge)) }
        if let exposed = settings.exposedHeaders, !exposed.isEmpty { headers.append(("Access-Control-Expose-Headers", exposed)) }
        if !vary.isEmpty { headers.append(("Vary", vary.joined(separator: ", "))) }
        return headers
    }

    /// Headers added to any other response, and whether `Vary: Origin` must be added to it.
    func actual(origin: String?) -> (headers: [(String, String)], varyOrigin: Bool) {
        var headers: [(String, String)] = []
        var vary: [String] = []
        allowOrigin(origin, into: &headers, vary: &vary)
        if settings.credentials { headers.append(("Access-Control-Allow-Credentials", "true")) }
        if let exposed = settings.exposedHeaders, !exposed.isEmpty { headers.append(("Access-Control-Expose-Headers", exposed)) }
        return (headers, !vary.isEmpty)
    }

    private func allowOrigin(_ origin: String?, into headers: inout [(String, String)], vary: inout [String]) {
        switch settings.origin {
        case .any, nil:
            headers.append(("Access-Control-Allow-Origin", "*"))
        case .fixed(let value):
            headers.append(("Access-Control-Allow-Origin", value))
            vary.append("Origin")
        case .matching(let rules):
            if let origin, !origin.isEmpty, rules.contains(where: { allows(origin, $0) }) {
                headers.append(("Access-Control-Allow-Origin", origin))
            }
            vary.append("Origin")
        }
    }

    private func allows(_ origin: String, _ rule: CORSSettings.OriginRule) -> Bool {
        switch rule {
        case .any: return true
        case .exact(let value): return origin == value
        case .pattern(let source):
            guard let regex = patterns[source] else { return false }
            return regex.firstMatch(in: origin, range: NSRange(origin.startIndex..., in: origin)) != nil
        }
    }
}
