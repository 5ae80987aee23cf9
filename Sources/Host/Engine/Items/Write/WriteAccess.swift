import PlinthJSON

/// What a caller may write in one collection for one action (create, update, delete).
struct WriteAccess {
    /// Writable fields; nil means every field.
    var fields: Set<String>?
    /// Items the action may touch (update, delete); nil means all.
    var rule: JSONObject?
    /// Rules every written payload must pass.
    var validation: [JSONObject]
    /// Default values for created items.
    var presets: JSONObject

    static let full = WriteAccess(fields: nil, rule: nil, validation: [], presets: [:])

    func allows(_ field: String) -> Bool {
        fields.map { $0.contains(field) || $0.contains("*") } ?? true
    }
}

extension PermissionsEngine {
    /// The caller's access for `action` on `collection`; nil when the caller may not do it at all.
    func write(_ accountability: Accountability, action: String, collection: String) throws -> WriteAccess? {
        if accountability.admin { return .full }
        let matching = try rows(for: accountability).filter { $0.action == action && $0.collection == collection }
        guard !matching.isEmpty else { return nil }
        var fields = Set<String>()
        var presets = JSONObject()
        for row in matching {
            fields.formUnion(row.fields ?? ["*"])
            for (key, value) in row.presets ?? [:] { presets[key] = value }
        }
        let rules = matching.map(\.rule)
        let rule: JSONObject? = rules.contains(where: { $0 == nil || $0!.isEmpty }) ? nil : ["_or": .array(rules.compactMap { $0 }.map(JSON.object))]
        return WriteAccess(fields: fields.contains("*") ? nil : fields, rule: rule,
                           validation: matching.compactMap(\.validation).filter { !$0.isEmpty }, presets: presets)
    }
}
