import PlinthJSON

/// Directus's YAML export: js-yaml 4.1 `dump(data)` with default options, for JSON values.
///
/// Block style with a two-space indent, sequences indented inside mappings, `[]` and `{}` for
/// empty collections, keys in JavaScript order, and js-yaml's choice of scalar style
/// (`YAMLScalar`). Parsed JSON shares no objects, so js-yaml's `&ref`/`*ref` never appear.
enum YAMLExport {
    static func render(_ data: JSON) -> String {
        node(data, level: 0, compact: true) + "\n"
    }

    /// js-yaml's `writeNode` for one value at `level`; `compact` leaves out the line break before
    /// the first entry of a collection (the entry continues the line of its `- ` or `? `).
    static func node(_ value: JSON, level: Int, compact: Bool) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): number(text)
        case .string(let text): YAMLScalar.write(text, level: level, isKey: false)
        case .array(let items): items.isEmpty ? "[]" : sequence(items, level: level, compact: compact)
        case .object(let object): object.isEmpty ? "{}" : mapping(object, level: level, compact: compact)
        }
    }

    private static func sequence(_ items: [JSON], level: Int, compact: Bool) -> String {
        var out = ""
        for item in items {
            let dump = node(item, level: level + 1, compact: true)
            if !compact || !out.isEmpty { out += nextLine(level) }
            out += dump.hasPrefix("\n") ? "-" : "- "
            out += dump
        }
        return out
    }

    private static func mapping(_ object: JSONObject, level: Int, compact: Bool) -> String {
        var out = ""
        for key in JS.keys(object) {
            var pair = ""
            if !compact || !out.isEmpty { pair += nextLine(level) }
            let keyDump = YAMLScalar.write(key, level: level + 1, isKey: true)
            // js-yaml writes keys longer than 1024 UTF-16 units as explicit `? key` pairs.
            let explicit = keyDump.utf16.count > 1024
            if explicit { pair += "? " }
            pair += keyDump
            if explicit { pair += nextLine(level) }
            let valueDump = node(object[key]!, level: level + 1, compact: explicit)
            pair += valueDump.hasPrefix("\n") ? ":" : ": "
            out += pair + valueDump
        }
        return out
    }

    private static func nextLine(_ level: Int) -> String {
        "\n" + String(repeating: " ", count: 2 * level)
    }

    /// A number as js-yaml represents a JavaScript number: integers as JavaScript prints them;
    /// other numbers with a "." before an exponent (`5e-7` is `5.e-7`); negative zero as `-0.0`.
    static func number(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        if value == 0, text.hasPrefix("-") { return "-0.0" }
        let printed = JS.number(text)
        guard value != value.rounded(), let e = printed.firstIndex(of: "e"), !printed[..<e].contains(".") else { return printed }
        return String(printed[..<e]) + "." + String(printed[e...])
    }
}
