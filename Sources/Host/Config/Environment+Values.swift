import Foundation

/// Typed readers that refuse malformed values with a message naming the variable.
extension Environment {
    /// The value with any Directus type prefix (`string:`, `number:`, …) removed.
    public func string(_ key: String) -> String? {
        guard let raw = values[key] else { return nil }
        for prefix in ["string:", "number:", "regex:", "array:", "json:"] where raw.hasPrefix(prefix) {
            return String(raw.dropFirst(prefix.count))
        }
        return raw
    }

    /// The value, or `fallback` when unset or empty.
    public func string(_ key: String, default fallback: String) -> String {
        guard let value = string(key), !value.isEmpty else { return fallback }
        return value
    }

    /// A boolean: `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`).
    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let raw = string(key)?.lowercased(), !raw.isEmpty else { return fallback }
        switch raw {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigError.invalid(key, expected: "true or false", found: raw)
        }
    }

    /// An integer within `range`.
    public func int(_ key: String, default fallback: Int, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        guard let raw = string(key), !raw.isEmpty else { return fallback }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ConfigError.invalid(key, expected: Environment.describe(range), found: raw)
        }
        return value
    }

    /// An integer limit where `Infinity`, `-1` or unset mean "no limit" (nil).
    public func limit(_ key: String, default fallback: Int?) throws -> Int? {
        guard let raw = string(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return fallback }
        if raw == "Infinity" || raw == "-1" { return nil }
        guard let value = Int(raw), value >= 0 else {
            throw ConfigError.invalid(key, expected: "a non-negative integer, -1 or Infinity", found: raw)
        }
        return value
    }

    /// A byte size: a number of bytes or a number with `b`, `kb`, `mb`, `gb` (1kb = 1024 bytes).
    public func bytes(_ key: String, default fallback: Int) throws -> Int {
        guard let raw = string(key), !raw.isEmpty else { return fallback }
        guard let value = Environment.parseBytes(raw) else {
            throw ConfigError.invalid(key, expected: "a size such as 1048576, 500kb or 1mb", found: raw)
        }
        return value
    }

    /// A duration in milliseconds: plain milliseconds, or a number with `ms`, `s`, `m`, `h`, `d`, `w`, `y`.
    public func milliseconds(_ key: String, default fallback: Int) throws -> Int {
        guard let raw = string(key), !raw.isEmpty else { return fallback }
        guard let value = Environment.parseDuration(raw) else {
            throw ConfigError.invalid(key, expected: "a duration such as 500, 15m, 7d", found: raw)
        }
        return value
    }

    /// A comma-separated list with blanks removed.
    public func list(_ key: String, default fallback: [String] = []) -> [String] {
        guard let raw = string(key), !raw.isEmpty else { return fallback }
        return raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One of `allowed` (compared case-insensitively, returned lower-cased).
    public func choice(_ key: String, _ allowed: [String], default fallback: String) throws -> String {
        guard let raw = string(key)?.lowercased(), !raw.isEmpty else { return fallback }
        guard allowed.contains(raw) else {
            throw ConfigError.invalid(key, expected: "one of " + allowed.joined(separator: ", "), found: raw)
        }
        return raw
    }

    /// Every variable whose name starts with `prefix`, keyed by the rest of the name.
    public func group(_ prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for (key, _) in values where key.hasPrefix(prefix) && key.count > prefix.count {
            out[String(key.dropFirst(prefix.count))] = string(key)
        }
        return out
    }

    static func parseBytes(_ raw: String) -> Int? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0 else { return nil }
            return Int(number * Double(factor))
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    static func parseDuration(_ raw: String) -> Int? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000), ("y", 31_557_600_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number >= 0 else { continue }
            return Int(number * factor)
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): return "an integer"
        case (let low, Int.max): return "an integer of at least \(low)"
        default: return "an integer from \(range.lowerBound) to \(range.upperBound)"
        }
    }
}
