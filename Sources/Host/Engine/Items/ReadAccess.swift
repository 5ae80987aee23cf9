import PlinthJSON

/// What a caller may read of one collection: which fields, and which items (a filter rule).
struct ReadAccess: Sendable {
    /// One permission's share: the items its rule selects (nil = all) and the fields it shows there (nil = all).
    struct Case: Sendable {
        var rule: JSONObject?
        var fields: Set<String>?

        func allows(_ field: String) -> Bool {
            fields.map { $0.contains(field) || $0.contains("*") } ?? true
        }
    }

    /// Readable fields; nil means every field.
    var fields: Set<String>?
    /// Items the caller may read; nil means every item.
    var rule: JSONObject?
    /// The permissions merged here, when there are several with different fields.
    var cases: [Case] = []

    static let full = ReadAccess(fields: nil, rule: nil)

    func allows(_ field: String) -> Bool {
        fields.map { $0.contains(field) || $0.contains("*") } ?? true
    }

    /// The rules under which `field` may be shown when not every readable item may show it, or nil when
    /// it may be shown on every item the caller reads (Directus's per-permission CASE WHEN).
    func guardRules(for field: String) -> [JSONObject]? {
        let allowing = cases.filter { $0.allows(field) }
        guard allowing.count < cases.count else { return nil }
        var rules: [JSONObject] = []
        for item in allowing {
            guard let rule = item.rule, !rule.isEmpty else { return nil }
            rules.append(rule)
        }
        return rules
    }
}

/// Answers read permissions for the planner; the permission engine implements it per caller.
protocol AccessPolicy {
    /// The caller's read access to `collection`, or nil when it may read nothing there.
    func read(_ collection: String) throws -> ReadAccess?
    /// Whether the caller is checked at all (admins and the engine's own reads are not).
    var restricted: Bool { get }
}

/// Everything is readable (admins, and the engine's own work).
struct FullAccess: AccessPolicy {
    func read(_ collection: String) throws -> ReadAccess? { .full }
    var restricted: Bool { false }
}
