import PlinthJSON

/// Directus's CSV export: json2csv 5 with its `flatten` transform (separator "."), default options.
///
/// - Nested non-empty objects become dotted columns (`author.name`); arrays and empty objects
///   stay in one cell as JSON.
/// - The header is the union of every row's flattened keys, in order of first appearance.
/// - Every string cell and header is quoted (`"` doubled); numbers (as JavaScript prints them)
///   and booleans are bare;
///   null and missing values are empty; a row whose cells are all empty is left out.
/// - Lines end with "\n" and the last has no line end; an empty list is an empty file.
enum CSVExport {
    static func render(_ data: JSON, byteOrderMark: Bool) -> String {
        let rows: [JSON]
        switch data {
        case .array(let items): rows = items
        case .null: return ""
        default: rows = [data]
        }
        // Directus answers an empty list before json2csv runs: no header, no byte order mark.
        guard !rows.isEmpty else { return "" }
        let flattened = rows.map { row in row.objectValue.map { flatten($0) } ?? JSONObject() }
        var columns: [String] = []
        var seen = Set<String>()
        for row in flattened {
            for key in JS.keys(row) where seen.insert(key).inserted { columns.append(key) }
        }
        let header = columns.map(quoted).joined(separator: ",")
        var lines: [String] = []
        for row in flattened {
            let cells = columns.map { cell(value(in: row, column: $0)) }
            if cells.allSatisfy({ $0 == nil }) { continue }
            lines.append(cells.map { $0 ?? "" }.joined(separator: ","))
        }
        let body = lines.joined(separator: "\n")
        return (byteOrderMark ? "\u{FEFF}" : "") + header + (!header.isEmpty && !body.isEmpty ? "\n" : "") + body
    }

    /// json2csv's `flatten`: non-empty objects are walked, their leaves keyed by the dotted path.
    static func flatten(_ object: JSONObject) -> JSONObject {
        var flat = JSONObject()
        func step(_ object: JSONObject, _ path: String) {
            for key in JS.keys(object) {
                let value = object[key]!
                let newPath = path.isEmpty ? key : path + "." + key
                if let nested = value.objectValue, !nested.isEmpty {
                    step(nested, newPath)
                } else {
                    flat[newPath] = value
                }
            }
        }
        step(object, "")
        return flat
    }

    /// The column's value in a flattened row; a dotted column missing from the row is looked up
    /// as a path (lodash `get`), which reaches into values that were not flattened.
    private static func value(in row: JSONObject, column: String) -> JSON? {
        if let value = row[column] { return value }
        let parts = column.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1, var current = row[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            switch current {
            case .object(let object):
                guard let next = object[part] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(part), String(index) == part, items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A cell's text, or nil for an empty cell.
    private static func cell(_ value: JSON?) -> String? {
        switch value {
        case nil, .null?: nil
        case .bool(let flag)?: flag ? "true" : "false"
        case .number(let text)?: JS.number(text)
        case .string(let text)?: quoted(text)
        case let nested?: quoted(JS.stringify(nested))
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }
}
