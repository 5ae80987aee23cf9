import PlinthJSON

/// What a caller may read of one collection: which fields, and which items (a filter rule).
struct ReadAccess: Sendable {
    /// Readable fields; nil means every field.
    var fields: Set<String>?
    /// Items the caller may read; nil means every item.
    var rule: JSONObject?
    /// The permissions this access merges (fields, rule), when there are several: a field granted by
    /// only some of them is readable only on the items their rules match (Directus's per-field CASE WHEN).
    var grants: [(fields: Set<String>, rule: JSONObject?)] = []

    static let full = ReadAccess(fields: nil, rule: nil)

    init(fields: Set<String>?, rule: JSONObject?, grants: [(fields: Set<String>, rule: JSONObject?)] = []) {
        self.fields = fields
        self.rule = rule
        self.grants = grants
    }

    /// The rule under which `field` is readable, when it is narrower than the item rule; nil when the
    /// field is readable on every item the caller can see.
    func fieldRule(_ field: String) -> JSONObject? {
        guard grants.count > 1, rule != nil else { return nil }
        let granting = grants.filter { $0.fields.contains(field) || $0.fields.contains("*") }
        guard granting.count < grants.count, !granting.isEmpty else { return nil }
        if granting.contains(where: { $0.rule == nil || $0.rule!.isEmpty }) { return nil }
        let rules = granting.compactMap(\.rule)
        return rules.count == 1 ? rules[0] : ["_or": .array(rules.map(JSON.object))]
    }

    func allows(_ field: String) -> Bool {
        fields.map { $0.contains(field) || $0.contains("*") } ?? true
    }
}

/// Answers read permissions for the planner; the permission engine implements it per caller.
protocol AccessPolicy {
    /// The caller's read access to `collection`, or nil when it may read nothing there.
    func read(_ collection: String) throws -> ReadAccess?
}

/// Everything is readable (admins, and the engine's own work).
struct FullAccess: AccessPolicy {
    func read(_ collection: String) throws -> ReadAccess? { .full }
}
