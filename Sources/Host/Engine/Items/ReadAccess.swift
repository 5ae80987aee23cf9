import PlinthJSON

/// What a caller may read of one collection: which fields, and which items (a filter rule).
struct ReadAccess: Sendable {
    /// Readable fields; nil means every field.
    var fields: Set<String>?
    /// Items the caller may read; nil means every item.
    var rule: JSONObject?

    static let full = ReadAccess(fields: nil, rule: nil)

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
