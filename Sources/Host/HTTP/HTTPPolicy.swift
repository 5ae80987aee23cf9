import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PlinthJSON

/// What the host applies around every route, in Directus's middleware order: security headers on every
/// response, CORS (preflights answered before any route lookup), then the global and per-IP rate limiters.
struct HTTPPolicy: Sendable {
    private let securityHeaders: [HTTPField]
    private let cors: CORSPolicy?
    private let ipLimiter: RateLimiter?
    private let globalLimiter: RateLimiter?

    init(_ settings: Settings) {
        securityHeaders = settings.securityHeaders.headers.compactMap { header in
            HTTPField.Name(header.name).map { HTTPField(name: $0, value: header.value) }
        }
        cors = CORSPolicy(settings.cors)
        ipLimiter = settings.rateLimit.ip.map { RateLimiter($0) }
        globalLimiter = settings.rateLimit.global.map { RateLimiter($0) }
    }

    /// Whether a limiter runs, so the caller resolves the client IP only when needed.
    var limitsRequests: Bool { ipLimiter != nil }

    /// The 204 answer to an OPTIONS request when CORS is on; nil lets the request go on.
    func preflight(method: HTTPRequest.Method, headers: HTTPFields) -> Response? {
        guard let cors, method == .options else { return nil }
        var fields = HTTPFields()
        let requestHeaders = HTTPField.Name("Access-Control-Request-Headers").flatMap { headers[$0] }
        for (name, value) in cors.preflight(origin: headers[.origin], requestHeaders: requestHeaders) {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        fields[.contentLength] = "0"
        return Response(status: .noContent, headers: fields)
    }

    /// A 429 `REQUESTS_EXCEEDED` response when the global or the client's limit is used up; nil otherwise.
    func limit(ip: String) -> Response? {
        if let globalLimiter, let wait = globalLimiter.consume("global-rate-limit") {
            return HTTPPolicy.tooManyRequests(limit: globalLimiter.points, wait: wait)
        }
        // Directus skips the per-IP limiter when it cannot tell the client's address.
        if let ipLimiter, !ip.isEmpty, let wait = ipLimiter.consume(ip) {
            return HTTPPolicy.tooManyRequests(limit: ipLimiter.points, wait: wait)
        }
        return nil
    }

    /// Adds the security headers a response does not set itself and, with `cors`, the CORS headers.
    func decorate(_ response: inout Response, origin: String?, cors addCORS: Bool) {
        for field in securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        guard addCORS, let cors else { return }
        let (headers, varyOrigin) = cors.actual(origin: origin)
        // A plugin that set a CORS header itself keeps it, as a Directus route setting one after the middleware would.
        for (name, value) in headers {
            if let name = HTTPField.Name(name), response.headers[name] == nil { response.headers[name] = value }
        }
        if varyOrigin { HTTPPolicy.addVary("Origin", to: &response.headers) }
    }

    /// Appends a token to `Vary` unless it is there already or `Vary` is `*`.
    static func addVary(_ token: String, to headers: inout HTTPFields) {
        guard let name = HTTPField.Name("Vary") else { return }
        guard let existing = headers[name], !existing.isEmpty else {
            headers[name] = token
            return
        }
        let tokens = existing.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if tokens.contains("*") || tokens.contains(token.lowercased()) { return }
        headers[name] = existing + ", " + token
    }

    /// Directus's HitRateLimitError: the wait in `ms` format, `limit` and `reset` extensions, and `Retry-After` in seconds.
    static func tooManyRequests(limit: Int, wait: Int64, now: Date = Date()) -> Response {
        let reset = now.addingTimeInterval(Double(wait) / 1000)
        let error = APIError(code: "REQUESTS_EXCEEDED", status: 429, message: "Too many requests, retry after \(shortDuration(wait)).",
                             extensions: ["limit": .int(limit), "reset": .string(isoTimestamp(reset))])
        var response = HTTPErrors.response(error)
        response.headers[.retryAfter] = String(roundHalfUp(Double(wait) / 1000))
        return response
    }

    /// The `ms` package's short format: `999ms`, `1s`, `5m`, `2h`, `3d`, rounded half up.
    static func shortDuration(_ milliseconds: Int64) -> String {
        let value = Double(milliseconds)
        let magnitude = abs(value)
        for (unit, size) in [("d", 86_400_000.0), ("h", 3_600_000.0), ("m", 60_000.0), ("s", 1000.0)] where magnitude >= size {
            return "\(roundHalfUp(value / size))\(unit)"
        }
        return "\(milliseconds)ms"
    }

    /// JavaScript's `Math.round`.
    private static func roundHalfUp(_ value: Double) -> Int64 {
        Int64((value + 0.5).rounded(.down))
    }

    /// `Date.prototype.toJSON`: UTC with milliseconds.
    static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
