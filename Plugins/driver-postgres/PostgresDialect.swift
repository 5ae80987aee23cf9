import PlinthJSON
import SQLCompiler
import SQLPlan

/// PostgreSQL's rendering of plans: JSON built with json_build_object and
/// json_agg, native date/time/boolean/json types, and every value sent as
/// text so the server infers its type from where it is used.
struct PostgresDialect: Dialect {
    func placeholder(_ index: Int) -> String { "$\(index)" }

    var noLimit: String { "ALL" }

    func boolean(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }

    /// json_build_object keeps key order and evaluates at the row's own query
    /// level, so `count(*)` counts the group (inside a `SELECT … FROM (SELECT
    /// count(*)) _r` derived table it would count that one-row subquery). A
    /// function takes at most 100 arguments: objects past 50 keys are built in
    /// chunks and spliced as text, which keeps the order.
    func jsonObject(_ pairs: [(key: String, sql: String)]) -> String {
        guard !pairs.isEmpty else { return "'{}'::json" }
        let chunks = stride(from: 0, to: pairs.count, by: 50).map { start in
            "json_build_object(" + pairs[start..<min(start + 50, pairs.count)].map { literal($0.key) + ", " + $0.sql }.joined(separator: ", ") + ")"
        }
        guard chunks.count > 1 else { return chunks[0] }
        let inner = chunks.enumerated().map { index, chunk in
            let text = chunk + "::text"
            if index == 0 { return "left(\(text), -1)" }
            if index == chunks.count - 1 { return "right(\(text), -1)" }
            return "regexp_replace(\(text), '^.|.$', '', 'g')"
        }
        return "(" + inner.joined(separator: " || ', ' || ") + ")::json"
    }

    func embedJSON(_ sql: String) -> String { sql }

    func jsonArray(rowJSON: String, from: String, rowIsJSON: Bool) -> String {
        "(SELECT coalesce(json_agg(\"_s\".\"_x\"), '[]'::json) FROM (SELECT \(rowJSON) AS \"_x\"\(from)) AS \"_s\")"
    }

    func anyOf(discriminator: String, key: String, branches: [(collection: String, json: String)]) -> String {
        guard !branches.isEmpty else { return "to_json(\(key))" }
        var sql = "(CASE " + discriminator
        for branch in branches {
            sql += " WHEN " + literal(branch.collection) + " THEN " + branch.json
        }
        return sql + " ELSE to_json(" + key + ") END)"
    }

    func cast(_ sql: String, to type: FieldType) -> String {
        "CAST(\(sql) AS \(castType(type)))"
    }

    /// The type a CAST converts to.
    func castType(_ type: FieldType) -> String {
        switch type {
        case .integer: return "integer"
        case .bigInteger: return "bigint"
        case .float: return "double precision"
        case .decimal: return "numeric"
        case .boolean: return "boolean"
        case .uuid: return "uuid"
        case .json: return "json"
        case .date: return "date"
        case .time: return "time"
        case .dateTime: return "timestamp"
        case .timestamp: return "timestamptz"
        case .binary: return "bytea"
        default: return "text"
        }
    }

    /// Outputs cast to their type first: a no-op on a column of that type, and
    /// it gives a bound value in the select list a type the server can use.
    func output(_ sql: String, type: FieldType?) -> String {
        guard let type else { return sql }
        switch type {
        case .boolean: return "(\(sql))::boolean"
        case .json: return "(CASE WHEN (\(sql)) IS NULL THEN NULL ELSE (\(sql))::json END)"
        case .csv:
            return "(CASE WHEN (\(sql)) IS NULL THEN NULL WHEN (\(sql))::text = '' THEN '[]'::json ELSE to_json(string_to_array((\(sql))::text, ',')) END)"
        case .timestamp: return "to_char((\(sql))::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
        case .dateTime: return "to_char((\(sql))::timestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        case .date: return "to_char((\(sql))::date, 'YYYY-MM-DD')"
        case .time: return "(\(sql))::time::text"
        // Directus returns PostgreSQL numerics and bigints as strings (node-postgres does), keeping their scale.
        case .decimal, .bigInteger: return "(\(sql))::text"
        default: return sql
        }
    }

    /// As an argument of json_build_object a bare parameter has no type, and preparing it fails
    /// until it gets one from its value (`PostgresConnection.fallbackType`); alone in a select list
    /// it would be text. Typed the same way here, so a number stays a number.
    func valueColumn(_ placeholder: String, _ value: Bound) -> String {
        switch value {
        case .integer: return "CAST(\(placeholder) AS bigint)"
        case .double: return "CAST(\(placeholder) AS double precision)"
        case .blob: return "CAST(\(placeholder) AS bytea)"
        case .null, .text: return placeholder
        }
    }

    /// Dates and timestamps of the top-level rows go out as PostgreSQL's own text, which
    /// `PostgresRows` turns into what `output` would give: to_char was a quarter of the server's
    /// time for a list of rows.
    func columnOutput(_ sql: String, type: FieldType?) -> String? {
        switch type {
        case .timestamp?: return "((\(sql))::timestamptz AT TIME ZONE 'UTC')"
        case .dateTime?: return "(\(sql))::timestamp"
        case .date?: return "(\(sql))::date"
        default: return nil
        }
    }

    /// Values travel as text; booleans, JSON and CSV take the text forms PostgreSQL parses.
    func bind(_ value: JSON, type: FieldType?) throws -> Bound {
        switch value {
        case .null: return .null
        case .bool(let flag):
            if type?.isNumeric == true { return .integer(flag ? 1 : 0) }
            return .text(flag ? "true" : "false")
        case .number(let text):
            if type == .json { return .text(text) }
            if let integer = Int64(text) { return .integer(integer) }
            return .text(text)
        case .string(let text):
            return type == .json ? .text(value.encodedString()) : .text(text)
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
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        switch op {
        case .startsWith, .istartsWith: return escaped + "%"
        case .endsWith, .iendsWith: return "%" + escaped
        default: return "%" + escaped + "%"
        }
    }

    func stringTest(_ op: CompareOp, left: String, right: String, rightIsPattern: Bool) -> String {
        let insensitive = [.icontains, .istartsWith, .iendsWith].contains(op)
        let text = "(\(left))::text"
        guard rightIsPattern else {
            // A column on the right: compare literally rather than as a pattern.
            let (l, r) = insensitive ? ("lower(\(text))", "lower((\(right))::text)") : (text, "(\(right))::text")
            switch op {
            case .startsWith, .istartsWith: return "(left(\(l), length(\(r))) = \(r))"
            case .endsWith, .iendsWith: return "(right(\(l), length(\(r))) = \(r))"
            default: return "(strpos(\(l), \(r)) > 0)"
            }
        }
        return "(\(text) \(insensitive ? "ILIKE" : "LIKE") \(right) ESCAPE '\\')"
    }

    func function(_ function: Function, _ args: [String], jsonPath: String?) throws -> String {
        guard let first = args.first else { throw DriverError.plan("\(function.rawValue)() needs an argument") }
        let parts: [Function: String] = [.year: "YEAR", .month: "MONTH", .week: "WEEK", .day: "DAY", .weekday: "DOW", .hour: "HOUR", .minute: "MINUTE"]
        if let part = parts[function] {
            return "EXTRACT(\(part) FROM \(first))::integer"
        }
        switch function {
        // EXTRACT(SECOND) has a fraction, which ::integer would round up.
        case .second: return "floor(EXTRACT(SECOND FROM \(first)))::integer"
        case .json: return "((\(first))::json #> \(pathArray(jsonPath)))"
        case .jsonValue: return "((\(first))::json #>> \(pathArray(jsonPath)))"
        case .jsonLength: return "json_array_length((\(first))::json)"
        case .lower: return "lower((\(first))::text)"
        case .upper: return "upper((\(first))::text)"
        case .length: return "length((\(first))::text)"
        case .coalesce: return "coalesce(" + args.joined(separator: ", ") + ")"
        default: throw DriverError.plan("unsupported function \(function.rawValue)")
        }
    }

    /// A Directus path (`a.b[0]`) as a text array of path elements (`ARRAY['a', 'b', '0']`).
    private func pathArray(_ path: String?) -> String {
        var elements: [String] = []
        var current = ""
        for character in (path ?? "").drop(while: { $0 == "$" }) {
            switch character {
            case ".", "[", "]":
                if !current.isEmpty { elements.append(current) }
                current = ""
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { elements.append(current) }
        return "ARRAY[" + elements.map(literal).joined(separator: ", ") + "]::text[]"
    }
}
