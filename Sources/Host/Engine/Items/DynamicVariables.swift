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
        if text == "$NOW" || text.hasPrefix("$NOW(") {
            usedNow = true
            var date = now
            if text.hasPrefix("$NOW("), text.hasSuffix(")") {
                let adjustment = String(text.dropFirst(5).dropLast())
                guard let adjusted = DynamicVariables.adjust(now, by: adjustment) else {
                    throw APIError.invalidQuery("Invalid date adjustment \"\(adjustment)\" in \(text)")
                }
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

    /// `+2 hours`, `-1 year`, `3 days` … applied to `date`.
    static func adjust(_ date: Date, by adjustment: String) -> Date? {
        var text = adjustment.trimmingCharacters(in: .whitespaces)
        var sign = 1
        if text.hasPrefix("-") { sign = -1; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let amount = Int(parts[0]) else { return nil }
        var unit = parts[1].lowercased()
        if unit.hasSuffix("s") { unit.removeLast() }
        let components: Calendar.Component
        switch unit {
        case "year": components = .year
        case "month": components = .month
        case "week": components = .weekOfYear
        case "day": components = .day
        case "hour": components = .hour
        case "minute": components = .minute
        case "second": components = .second
        default: return nil
        }
        return Cron.utc.date(byAdding: components, value: sign * amount, to: date)
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
