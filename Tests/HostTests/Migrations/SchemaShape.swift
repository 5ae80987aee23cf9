import PlinthJSON

/// The parts of an introspected schema that must match between a migrated and a freshly installed database,
/// one readable line per column, foreign key and index.
struct SchemaShape {
    /// Per table: columns in physical order.
    var columns: [String: [String]] = [:]
    /// Per table: foreign keys and indexes, sorted.
    var constraints: [String: [String]] = [:]

    /// The `directus_*` tables of an introspection result.
    init(_ introspection: JSON) {
        for table in introspection["tables"]?.arrayValue ?? [] {
            guard let name = table["name"]?.stringValue, name.hasPrefix("directus_") else { continue }
            columns[name] = (table["columns"]?.arrayValue ?? []).map(SchemaShape.describeColumn)
            let keys = (table["foreign_keys"]?.arrayValue ?? []).map { key in
                "foreign key \(text(key["column"])) → \(text(key["foreign_key_table"])).\(text(key["foreign_key_column"])) on delete \(text(key["on_delete"]))"
            }
            let indexes = (table["indexes"]?.arrayValue ?? []).filter { $0["origin"]?.stringValue != "pk" }.map { index in
                let columns = (index["columns"]?.arrayValue ?? []).map { text($0) }.joined(separator: ", ")
                return "\(index["unique"]?.intValue == 1 ? "unique index" : "index") \(text(index["name"])) (\(columns))"
            }
            constraints[name] = (keys + indexes).sorted()
        }
    }

    private static func describeColumn(_ column: JSON) -> String {
        var type = text(column["data_type"])
        if let length = column["max_length"]?.intValue { type += "(\(length))" }
        var flags: [String] = [column["is_nullable"]?.boolValue == true ? "null" : "not null"]
        if let fallback = column["default_value"], !fallback.isNull { flags.append("default \(text(fallback))") }
        if column["is_primary_key"]?.boolValue == true { flags.append("primary key") }
        if column["has_auto_increment"]?.boolValue == true { flags.append("auto increment") }
        if column["is_unique"]?.boolValue == true { flags.append("unique") }
        if column["is_indexed"]?.boolValue == true { flags.append("indexed") }
        if let target = column["foreign_key_table"]?.stringValue { flags.append("→ \(target).\(text(column["foreign_key_column"]))") }
        return "\(text(column["name"])) \(type) " + flags.joined(separator: ", ")
    }

    /// Lines describing how `other` differs from `self` (the expected shape); empty when they match.
    ///
    /// Tables in `ignoringColumnOrder` only need the same columns, in any order.
    func differences(from other: SchemaShape, ignoringColumnOrder: Set<String> = []) -> [String] {
        var lines: [String] = []
        for table in Set(columns.keys).union(other.columns.keys).sorted() {
            guard let expected = columns[table] else { lines.append("+ table \(table) (unexpected)"); continue }
            guard let actual = other.columns[table] else { lines.append("- table \(table) (missing)"); continue }
            lines += Self.compare(table, "column", expected, actual, ordered: !ignoringColumnOrder.contains(table))
            lines += Self.compare(table, "", constraints[table] ?? [], other.constraints[table] ?? [], ordered: false)
        }
        return lines
    }

    private static func compare(_ table: String, _ kind: String, _ expected: [String], _ actual: [String], ordered: Bool) -> [String] {
        let prefix = "\(table): " + (kind.isEmpty ? "" : kind + " ")
        var lines = expected.filter { !actual.contains($0) }.map { "- " + prefix + $0 }
        lines += actual.filter { !expected.contains($0) }.map { "+ " + prefix + $0 }
        if lines.isEmpty, ordered, expected != actual {
            lines.append("~ \(table): column order\n    expected: \(expected.map { $0.prefix { $0 != " " } }.joined(separator: ", "))"
                         + "\n    actual:   \(actual.map { $0.prefix { $0 != " " } }.joined(separator: ", "))")
        }
        return lines
    }
}

private func text(_ value: JSON?) -> String {
    guard let value else { return "?" }
    return value.stringValue ?? value.encodedString()
}
