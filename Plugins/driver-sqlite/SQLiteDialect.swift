import PlinthJSON
import SQLCompiler
import SQLPlan

/// SQLite's rendering of plans: JSON built with json_object/json_group_array,
/// dates stored as epoch milliseconds (as Directus stores them), and tables
/// rebuilt for changes ALTER TABLE cannot make.
struct SQLiteDialect: Dialect {
    func placeholder(_ index: Int) -> String { "?\(index)" }

    var noLimit: String { "-1" }

    func boolean(_ value: Bool) -> String { value ? "1" : "0" }

    func jsonObject(_ pairs: [(key: String, sql: String)]) -> String {
        // SQLite functions take at most 127 arguments: build the first 60 keys
        // with json_object and append the rest with json_insert.
        let chunks = stride(from: 0, to: max(pairs.count, 1), by: 60).map { Array(pairs[$0..<min($0 + 60, pairs.count)]) }
        var sql = "json_object(" + (chunks.first ?? []).map { literal($0.key) + ", " + $0.sql }.joined(separator: ", ") + ")"
        for chunk in chunks.dropFirst() {
            sql = "json_insert(" + sql + ", " + chunk.map { literal("$.\"" + $0.key.replacingOccurrences(of: "\"", with: "\\\"") + "\"") + ", " + $0.sql }.joined(separator: ", ") + ")"
        }
        return sql
    }

    func embedJSON(_ sql: String) -> String { "json(" + sql + ")" }

    func jsonArray(rowJSON: String, from: String, rowIsJSON: Bool) -> String {
        let element = rowIsJSON ? "json(\"_x\")" : "\"_x\""
        return "json((SELECT json_group_array(\(element)) FROM (SELECT \(rowJSON) AS \"_x\"\(from))))"
    }

    func anyOf(discriminator: String, key: String, branches: [(collection: String, json: String)]) -> String {
        var sql = "json(CASE " + discriminator
        for branch in branches {
            sql += " WHEN " + literal(branch.collection) + " THEN " + branch.json
        }
        return sql + " ELSE json_quote(" + key + ") END)"
    }

    func cast(_ sql: String, to type: FieldType) -> String {
        switch type {
        case .integer, .bigInteger, .boolean: return "CAST(\(sql) AS INTEGER)"
        case .float, .decimal: return "CAST(\(sql) AS REAL)"
        default: return "CAST(\(sql) AS TEXT)"
        }
    }

    func output(_ sql: String, type: FieldType?) -> String {
        guard let type else { return sql }
        switch type {
        case .boolean:
            return "json(CASE WHEN \(sql) IS NULL THEN NULL WHEN \(sql) IN (1, '1', 'true') THEN 'true' ELSE 'false' END)"
        case .json:
            return "json(CASE WHEN json_valid(\(sql)) THEN \(sql) ELSE json_quote(\(sql)) END)"
        case .csv:
            let escaped = "replace(replace(\(sql), '\\', '\\\\'), '\"', '\\\"')"
            return "json(CASE WHEN \(sql) IS NULL THEN NULL WHEN \(sql) = '' THEN '[]' ELSE '[\"' || replace(\(escaped), ',', '\",\"') || '\"]' END)"
        case .float:
            // Whole floats print as integers (2, not 2.0), as JavaScript and PostgreSQL print them.
            return "(CASE WHEN typeof(\(sql)) = 'real' AND \(sql) = CAST(\(sql) AS INTEGER) AND abs(\(sql)) < 9007199254740992 THEN CAST(\(sql) AS INTEGER) ELSE \(sql) END)"
        case .timestamp: return date(sql, "%Y-%m-%dT%H:%M:%fZ", fast: .timestamp)
        case .dateTime: return date(sql, "%Y-%m-%dT%H:%M:%S", fast: .dateTime)
        case .date: return date(sql, "%Y-%m-%d", fast: .date)
        default: return sql
        }
    }

    /// Formats a stored date (epoch milliseconds, or text SQLite can parse); unparseable text passes through.
    /// The common shapes go through the connection's `plinth_*` date functions (SQLiteDates), the rest through strftime.
    private func date(_ sql: String, _ format: String, fast: SQLiteDates.Kind) -> String {
        "coalesce(\(fast.function)(\(sql)), (CASE WHEN \(sql) IS NULL THEN NULL WHEN typeof(\(sql)) IN ('integer', 'real') THEN strftime('\(format)', \(sql) / 1000.0, 'unixepoch') ELSE coalesce(strftime('\(format)', \(sql)), \(sql)) END))"
    }

    /// A stored date as a value SQLite's date functions read.
    private func normalizedDate(_ sql: String) -> String {
        "(CASE WHEN typeof(\(sql)) IN ('integer', 'real') THEN datetime(\(sql) / 1000.0, 'unixepoch') ELSE \(sql) END)"
    }

    func bind(_ value: JSON, type: FieldType?) throws -> Bound {
        switch value {
        case .null: return .null
        case .bool(let flag):
            if type == .string || type == .text { return .text(flag ? "true" : "false") }
            return .integer(flag ? 1 : 0)
        case .number(let text):
            if type == .string || type == .text || type == .uuid { return .text(text) }
            if type == .float || type == .decimal { return .double(Double(text) ?? 0) }
            if let integer = Int64(text) { return .integer(integer) }
            return .double(Double(text) ?? 0)
        case .string(let text):
            switch type {
            case .timestamp?, .dateTime?, .date?:
                if let millis = ISODate.epochMilliseconds(text) { return .integer(millis) }
                return .text(text)
            case .integer?, .bigInteger?:
                return Int64(text).map(Bound.integer) ?? .text(text)
            case .float?, .decimal?:
                return Double(text).map(Bound.double) ?? .text(text)
            case .boolean?:
                switch text.lowercased() {
                case "true", "1": return .integer(1)
                case "false", "0": return .integer(0)
                default: return .text(text)
                }
            case .json?:
                return .text(value.encodedString())
            default:
                return .text(text)
            }
        case .array(let items):
            if type == .csv {
                return .text(items.map { $0.stringValue ?? $0.encodedString() }.joined(separator: ","))
            }
            return .text(value.encodedString())
        case .object:
            return .text(value.encodedString())
        }
    }

    func likePattern(_ op: CompareOp, _ text: String) -> String {
        switch op {
        case .contains, .startsWith, .endsWith: return text
        default:
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            switch op {
            case .istartsWith: return escaped + "%"
            case .iendsWith: return "%" + escaped
            default: return "%" + escaped + "%"
            }
        }
    }

    func stringTest(_ op: CompareOp, left: String, right: String, rightIsPattern: Bool) -> String {
        // SQLite's LIKE ignores ASCII case, so the case-sensitive tests avoid it.
        switch op {
        case .contains: return "(instr(\(left), \(right)) > 0)"
        case .startsWith: return "(substr(\(left), 1, length(\(right))) = \(right))"
        case .endsWith: return "(length(\(right)) = 0 OR substr(\(left), -length(\(right))) = \(right))"
        default:
            let pattern = rightIsPattern ? right : "'%' || \(right) || '%'"
            return "(lower(\(left)) LIKE lower(\(pattern)) ESCAPE '\\')"
        }
    }

    func function(_ function: Function, _ args: [String], jsonPath: String?) throws -> String {
        guard let first = args.first else { throw DriverError.plan("\(function.rawValue)() needs an argument") }
        let parts: [Function: String] = [.year: "%Y", .month: "%m", .week: "%W", .day: "%d", .weekday: "%w", .hour: "%H", .minute: "%M", .second: "%S"]
        if let format = parts[function] {
            return "CAST(strftime('\(format)', \(normalizedDate(first))) AS INTEGER)"
        }
        switch function {
        case .json: return "(\(first) -> \(literal(sqlitePath(jsonPath))))"
        case .jsonValue: return "(\(first) ->> \(literal(sqlitePath(jsonPath))))"
        case .jsonLength: return "json_array_length(\(first))"
        case .lower: return "lower(\(first))"
        case .upper: return "upper(\(first))"
        case .length: return "length(\(first))"
        case .coalesce: return "coalesce(" + args.joined(separator: ", ") + ")"
        default: throw DriverError.plan("unsupported function \(function.rawValue)")
        }
    }

    /// A Directus path (`a.b[0]`) as a SQLite JSON path (`$.a.b[0]`).
    private func sqlitePath(_ path: String?) -> String {
        guard let path, !path.isEmpty else { return "$" }
        return path.hasPrefix("[") ? "$" + path : "$." + path
    }
}
