import Foundation
import PlinthJSON

/// Directus's `CORS_*` variables, read with Directus's value casting so the same `.env` behaves the same.
///
/// `CORS_ORIGIN` takes the forms Directus (through the `cors` package) accepts:
/// `false` (no CORS headers at all), `true` (reflect any request origin),
/// `*`, a single origin (always sent as is), a comma-separated list or
/// `array:` list (an origin is reflected when it equals an entry; entries
/// may be `regex:` patterns), a `regex:` pattern, or a `json:` value.
public struct CORSSettings: Sendable, Equatable {
    /// How the allowed origin is chosen.
    public enum Origin: Sendable, Equatable {
        /// `Access-Control-Allow-Origin: *`.
        case any
        /// Always this origin, whatever the request's.
        case fixed(String)
        /// The request's origin when one of the rules matches it; no header otherwise.
        case matching([OriginRule])
    }

    /// One entry of an origin list.
    public enum OriginRule: Sendable, Equatable {
        /// Any origin (`true`).
        case any
        /// This exact origin.
        case exact(String)
        /// A regular expression searched in the origin (JavaScript `RegExp.test`).
        case pattern(String)
    }

    /// The origin rule, or nil when CORS headers are not sent (`CORS_ENABLED=false` or `CORS_ORIGIN=false`).
    public var origin: Origin?
    public var methods: String
    /// The allowed request headers, or nil to reflect `Access-Control-Request-Headers`.
    public var allowedHeaders: String?
    public var exposedHeaders: String?
    public var credentials: Bool
    public var maxAge: String?

    /// Reads the variables; with `CORS_ENABLED` false nothing else is read.
    public init(_ env: Environment) throws {
        methods = "GET,POST,PATCH,DELETE"
        allowedHeaders = "Content-Type,Authorization"
        exposedHeaders = "Content-Range"
        credentials = true
        maxAge = "18000"
        guard try env.bool("CORS_ENABLED", default: false) else { return }
        if let raw = env["CORS_ORIGIN"], !raw.isEmpty {
            origin = try CORSSettings.origin(raw)
        }
        methods = CORSSettings.list(env, "CORS_METHODS", default: methods)
        allowedHeaders = CORSSettings.optionalList(env, "CORS_ALLOWED_HEADERS", default: allowedHeaders)
        exposedHeaders = CORSSettings.optionalList(env, "CORS_EXPOSED_HEADERS", default: exposedHeaders)
        credentials = try env.bool("CORS_CREDENTIALS", default: true)
        if let raw = env.string("CORS_MAX_AGE")?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            if raw == "false" {
                maxAge = nil
            } else if let seconds = Int(raw), seconds >= 0 {
                maxAge = String(seconds)
            } else {
                throw ConfigError.invalid("CORS_MAX_AGE", expected: "a number of seconds or false", found: raw)
            }
        }
    }

    /// A comma-separated variable re-joined without blanks, or `fallback` when unset.
    private static func list(_ env: Environment, _ key: String, default fallback: String) -> String {
        guard let raw = env.string(key), !raw.isEmpty else { return fallback }
        return joined(raw)
    }

    /// A list variable that `false` turns off (nil).
    private static func optionalList(_ env: Environment, _ key: String, default fallback: String?) -> String? {
        guard let raw = env.string(key), !raw.isEmpty else { return fallback }
        return raw == "false" ? nil : joined(raw)
    }

    private static func joined(_ raw: String) -> String {
        raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ",")
    }

    /// Casts `CORS_ORIGIN` as Directus's environment does: prefix, then boolean, number, list, JSON, string.
    static func origin(_ raw: String) throws -> Origin? {
        if raw.hasPrefix("regex:") { return .matching([try pattern(String(raw.dropFirst(6)))]) }
        if raw.hasPrefix("array:") { return .matching(try rules(String(raw.dropFirst(6)))) }
        if raw.hasPrefix("string:") { return fixed(String(raw.dropFirst(7))) }
        if raw.hasPrefix("json:") {
            let text = String(raw.dropFirst(5))
            guard let parsed = try? JSON.parse(text) else { throw ConfigError.invalid("CORS_ORIGIN", expected: "valid JSON after json:", found: text) }
            return try json(parsed, text)
        }
        if raw.hasPrefix("number:") { return (Double(raw.dropFirst(7)) ?? 0) == 0 ? nil : .matching([.any]) }
        switch raw {
        case "true": return .matching([.any])
        case "false": return nil
        default: break
        }
        // A number (not written with a leading 0) is truthy unless zero, as in JavaScript.
        if !raw.hasPrefix("0"), let number = Double(raw) { return number == 0 ? nil : .matching([.any]) }
        if raw.contains(",") { return .matching(try rules(raw)) }
        if let parsed = try? JSON.parse(raw) { return try json(parsed, raw) }
        return fixed(raw)
    }

    private static func fixed(_ value: String) -> Origin? {
        if value.isEmpty { return nil }
        return value == "*" ? .any : .fixed(value)
    }

    private static func json(_ value: JSON, _ text: String) throws -> Origin? {
        switch value {
        case .null: return nil
        case .string(let value): return fixed(value)
        case .bool(let value): return value ? .matching([.any]) : nil
        case .array(let items): return .matching(items.compactMap { $0.stringValue.map(OriginRule.exact) })
        default: throw ConfigError.invalid("CORS_ORIGIN", expected: "true, false, an origin, a list of origins or a regex: pattern", found: text)
        }
    }

    /// List entries, trimmed (Directus keeps the spaces, so `a, b` would never match `b` there).
    private static func rules(_ text: String) throws -> [OriginRule] {
        try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.compactMap { item in
            if item.hasPrefix("regex:") { return try pattern(String(item.dropFirst(6))) }
            if item == "true" { return .any }
            if item == "false" { return nil }
            return .exact(item)
        }
    }

    private static func pattern(_ source: String) throws -> OriginRule {
        do {
            _ = try NSRegularExpression(pattern: source)
        } catch {
            throw ConfigError.invalid("CORS_ORIGIN", expected: "a valid regular expression after regex:", found: source)
        }
        return .pattern(source)
    }
}
