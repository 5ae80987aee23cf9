import Foundation
import PlinthJSON

/// Resolves Directus's dynamic variables inside filter values: `$CURRENT_USER`, `$CURRENT_USER.a.b`,
/// `$CURRENT_ROLE`, `$CURRENT_ROLES`, `$CURRENT_POLICIES`, `$NOW` and `$NOW(<adjustment>)`.
///
/// Nested paths are read through `lookup` once per request and cached.
final class DynamicVariables {
    let accountability: Accountability
    let now: Date
    /// Reads `path` (dot notation) of item `id` in `collection`, with full access.
    let lookup: (_ collection: String, _ id: String, _ path: String) throws -> JSON
    private var cache: [String: JSON] = [:]
    /// Whether a `$NOW` was used (results depending on it must not be cached).
    private(set) var usedNow = false

    init(accountability: Accountability, now: Date = Date(), lookup: @escaping (String, String, String) throws -> JSON) {
        self.accountability = accountability
        self.now = now
        self.lookup = lookup
    }

    /// The value with variables replaced (also inside arrays).
    func resolve(_ value: JSON) throws -> JSON {
        switch value {
        case .string(let text) where text.hasPrefix("$"): return try variable(text) ?? value
        case .array(let items): return .array(try items.map(resolve))
        default: return value
        }
    }

    private func variable(_ text: String) throws -> JSON? {
        if text == "$CURRENT_USER" { return accountability.user.map(JSON.string) ?? .null }
        if text == "$CURRENT_ROLE" { return accountability.role.map(JSON.string) ?? .null }
        if text == "$CURRENT_ROLES" { return .array(accountability.roles.map(JSON.string)) }
        if text == "$CURRENT_POLICIES" { return .array(accountability.policies.map(JSON.string)) }
        if text.hasPrefix("$CURRENT_USER.") { return try nested("directus_users", accountability.user, String(text.dropFirst("$CURRENT_USER.".count))) }
        if text.hasPrefix("$CURRENT_ROLE.") { return try nested("directus_roles", accountability.role, String(text.dropFirst("$CURRENT_ROLE.".count))) }
        if text.hasPrefix("$NOW") {
            usedNow = true
            var date = now
            // `$NOW(<adjustment>)`; an adjustment Directus cannot read means now, as there.
            if text.hasPrefix("$NOW("), text.hasSuffix(")"), let adjusted = DynamicVariables.adjust(now, by: String(text.dropFirst(5).dropLast())) {
                date = adjusted
            }
            return .string(DynamicVariables.iso(date))
        }
        return nil
    }

    private func nested(_ collection: String, _ id: String?, _ path: String) throws -> JSON {
        guard let id else { return .null }
        let key = collection + "/" + id + "/" + path
        if let cached = cache[key] { return cached }
        let value = try lookup(collection, id, path)
        cache[key] = value
        return value
    }

    /// `+2 hours`, `-1 year`, `3d`, `-7` (days) … applied to `date`: Directus's units and abbreviations.
    static func adjust(_ date: Date, by adjustment: String) -> Date? {
        var text = adjustment.trimmingCharacters(in: .whitespaces).lowercased()
        var sign = 1.0
        if text.hasPrefix("-") { sign = -1; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let amount = Double(digits) else { return nil }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let units: [(Set<String>, Calendar.Component)] = [
            (["", "d", "day", "days"], .day), (["y", "yr", "yrs", "year", "years"], .year), (["mo", "mth", "month", "months"], .month),
            (["w", "week", "weeks"], .weekOfYear), (["h", "hr", "hrs", "hour", "hours"], .hour), (["m", "min", "mins", "minute", "minutes"], .minute),
            (["s", "sec", "secs", "second", "seconds"], .second), (["ms", "msec", "msecs", "millisecond", "milliseconds"], .nanosecond),
        ]
        guard let component = units.first(where: { $0.0.contains(unit) })?.1 else { return nil }
        let value = component == .nanosecond ? Int(sign * amount * 1_000_000) : Int(sign * amount)
        return Cron.utc.date(byAdding: component, value: value, to: date)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Directus's loose truthiness for `_null: true`, `"true"`, `1`.
    static func truthy(_ value: JSON) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string(let text): return !["false", "0", ""].contains(text.lowercased())
        case .number(let text): return (Double(text) ?? 0) != 0
        case .null: return false
        default: return true
        }
    }
}
