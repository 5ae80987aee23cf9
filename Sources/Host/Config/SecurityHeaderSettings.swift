import Foundation
import PlinthJSON

/// The headers Directus adds to every response: Content-Security-Policy (helmet), Cross-Origin-Opener-Policy,
/// Strict-Transport-Security when enabled, and `X-Powered-By: Directus`.
///
/// The policy is Directus's: helmet 8's default directives with the ones
/// Directus sets itself in front, adjusted by `CONTENT_SECURITY_POLICY_*`
/// as Directus merges them (see docs/configuration.md).
public struct SecurityHeaderSettings: Sendable, Equatable {
    /// Name and value of each header, in the order Directus sets them.
    public var headers: [Header]

    /// One response header.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The directives Directus passes to helmet, in its order; nil disables one.
    static let directusDirectives: [(String, [String]?)] = [
        ("script-src", ["'self'", "'unsafe-eval'"]),
        ("upgrade-insecure-requests", nil),
        ("worker-src", ["'self'", "blob:"]),
        ("child-src", ["'self'", "blob:"]),
        ("img-src", ["'self'", "data:", "blob:", "https://raw.githubusercontent.com", "https://avatars.githubusercontent.com"]),
        ("media-src", ["'self'"]),
        ("connect-src", ["'self'", "https://*", "wss://*"]),
    ]

    /// helmet 8's defaults, filled in after the given directives unless disabled.
    static let helmetDefaults: [(String, [String])] = [
        ("default-src", ["'self'"]),
        ("base-uri", ["'self'"]),
        ("font-src", ["'self'", "https:", "data:"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("object-src", ["'none'"]),
        ("script-src", ["'self'"]),
        ("script-src-attr", ["'none'"]),
        ("style-src", ["'self'", "https:", "'unsafe-inline'"]),
        ("upgrade-insecure-requests", []),
    ]

    /// Keywords helmet refuses unquoted.
    private static let mustBeQuoted: Set<String> = ["none", "self", "strict-dynamic", "report-sample", "inline-speculation-rules",
                                                    "unsafe-inline", "unsafe-eval", "unsafe-hashes", "wasm-unsafe-eval"]

    /// Reads `CONTENT_SECURITY_POLICY_*`, `CROSS_ORIGIN_OPENER_POLICY[_ENABLED]` and `HSTS_*`.
    public init(_ env: Environment) throws {
        let reportOnly = try env.bool("CONTENT_SECURITY_POLICY_REPORT_ONLY", default: false)
        headers = [Header(name: reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy",
                          value: try SecurityHeaderSettings.contentSecurityPolicy(env))]
        if try env.bool("CROSS_ORIGIN_OPENER_POLICY_ENABLED", default: true) {
            let policy = try env.choice("CROSS_ORIGIN_OPENER_POLICY", ["same-origin", "same-origin-allow-popups", "unsafe-none"],
                                        default: "same-origin-allow-popups")
            headers.append(Header(name: "Cross-Origin-Opener-Policy", value: policy))
        }
        if try env.bool("HSTS_ENABLED", default: false) {
            var value = "max-age=\(try env.int("HSTS_MAX_AGE", default: 31_536_000, in: 0...Int(Int32.max)))"
            if try env.bool("HSTS_INCLUDE_SUB_DOMAINS", default: true) { value += "; includeSubDomains" }
            if try env.bool("HSTS_PRELOAD", default: false) { value += "; preload" }
            headers.append(Header(name: "Strict-Transport-Security", value: value))
        }
        headers.append(Header(name: "X-Powered-By", value: "Directus"))
    }

    /// The policy text: Directus's directives merged with `CONTENT_SECURITY_POLICY_DIRECTIVES__<NAME>`, then helmet's defaults.
    static func contentSecurityPolicy(_ env: Environment) throws -> String {
        var directives: [(name: String, value: [String]?)] = directusDirectives.map { ($0.0, $0.1) }
        let prefix = "CONTENT_SECURITY_POLICY_DIRECTIVES__"
        for key in env.values.keys.filter({ $0.hasPrefix(prefix) && $0.count > prefix.count }).sorted() {
            let name = key.dropFirst(prefix.count).lowercased().replacingOccurrences(of: "_", with: "-")
            let override = try directiveValue(env[key] ?? "", key: key)
            if let index = directives.firstIndex(where: { $0.name == name }) {
                directives[index].value = merged(directives[index].value, override)
            } else {
                directives.append((name, merged(nil, override)))
            }
        }
        let disabled = Set(directives.filter { $0.value == nil }.map(\.name))
        var result: [(String, [String])] = directives.compactMap { entry in entry.value.map { (entry.name, $0) } }
        if try env.bool("CONTENT_SECURITY_POLICY_USE_DEFAULTS", default: true) {
            for (name, value) in helmetDefaults where !disabled.contains(name) && !result.contains(where: { $0.0 == name }) {
                result.append((name, value))
            }
        }
        guard result.contains(where: { $0.0 == "default-src" }) else {
            throw ConfigError("Content-Security-Policy needs a default-src: set CONTENT_SECURITY_POLICY_DIRECTIVES__DEFAULT_SRC or leave CONTENT_SECURITY_POLICY_USE_DEFAULTS unset.")
        }
        return result.map { name, value in value.isEmpty ? name : name + " " + value.joined(separator: " ") }.joined(separator: ";")
    }

    /// An override as Directus's environment casts it: `null` disables, a list or JSON array merges, one word replaces.
    private enum Override {
        case disable
        case list([String])
        case single(String)
    }

    private static func directiveValue(_ raw: String, key: String) throws -> Override {
        var text = raw
        var forceList = false
        if text.hasPrefix("array:") { text.removeFirst(6); forceList = true }
        else if text.hasPrefix("string:") { text.removeFirst(7) }
        else if text.hasPrefix("json:") { text.removeFirst(5) }
        let override: Override
        if !forceList, text == "null" {
            override = .disable
        } else if !forceList, text.hasPrefix("["), let items = (try? JSON.parse(text))?.arrayValue {
            override = .list(items.map { $0.stringValue ?? $0.description })
        } else if forceList || text.contains(",") {
            override = .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        } else if text == "true" || text == "false" {
            throw ConfigError.invalid(key, expected: "a list of sources, a single source or null", found: text)
        } else {
            override = .single(text)
        }
        let entries: [String]
        switch override {
        case .disable: entries = []
        case .list(let items): entries = items
        case .single(let item): entries = [item]
        }
        for entry in entries {
            if entry.contains(";") || entry.contains(",") || mustBeQuoted.contains(entry)
                || ["nonce-", "sha256-", "sha384-", "sha512-"].contains(where: entry.hasPrefix) {
                throw ConfigError.invalid(key, expected: "CSP sources with keywords quoted, such as 'self'", found: entry)
            }
        }
        return override
    }

    /// lodash `merge` as Directus applies it: a list replaces position by position, keeping the rest of Directus's list.
    private static func merged(_ base: [String]?, _ override: Override) -> [String]? {
        switch override {
        case .disable: return nil
        case .single(let value): return [value]
        case .list(let items):
            var result = base ?? []
            for (index, item) in items.enumerated() {
                if index < result.count { result[index] = item } else { result.append(item) }
            }
            return result
        }
    }
}
