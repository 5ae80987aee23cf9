import PlinthJSON

/// A sanitised Directus query: what `fields`, `filter`, `sort`, … mean once their many accepted forms are normalised.
public struct Query: Sendable {
    public var fields: [String] = ["*"]
    public var filter: JSONObject?
    public var search: String?
    public var sort: [String]?
    /// Rows to return; -1 means all; nil means the default.
    public var limit: Int?
    public var offset: Int?
    public var page: Int?
    /// "total_count" and/or "filter_count".
    public var meta: [String] = []
    /// Aggregate function → fields ("*" allowed for count).
    public var aggregate: [(function: String, fields: [String])] = []
    public var groupBy: [String] = []
    /// Per-relation nested queries, keyed by field (and `field:collection` for many-to-any).
    public var deep: JSONObject = [:]
    /// Output name → source field (or function).
    public var alias: [(name: String, field: String)] = []
    public var backlink = true
    public var export: String?

    public init() {}
}

/// Turns raw query JSON (URL parameters or a SEARCH body) into a `Query`, refusing malformed parts with INVALID_QUERY.
enum QuerySanitizer {
    static func sanitize(_ raw: JSONObject, limits: QueryLimits, nested: Bool = false) throws -> Query {
        var query = Query()
        if let value = raw["fields"] { query.fields = try list(value, "fields") }
        if let value = raw["filter"], !value.isNull {
            let filter = FilterRules.normalize(try object(value, "filter"))
            if !nested { try FilterRules.validate(filter) }
            query.filter = filter
        }
        if let value = raw["search"], !value.isNull {
            guard let text = value.stringValue ?? (value.doubleValue != nil ? value.description : nil) else { throw invalid("\"search\" must be a string") }
            query.search = text
        }
        if let value = raw["sort"], !value.isNull { query.sort = try list(value, "sort") }
        if let value = raw["limit"], !value.isNull {
            guard let limit = integer(value) else { throw invalid("\"limit\" must be a number") }
            guard limit >= -1 else { throw invalid("\"limit\" must be greater than or equal to -1") }
            if let maximum = limits.maximum, limit > maximum { throw invalid("\"limit\" must be less than or equal to \(maximum)") }
            // With QUERY_LIMIT_MAX, "all" means the maximum.
            query.limit = limit == -1 ? (limits.maximum ?? -1) : limit
        }
        if let value = raw["offset"], !value.isNull {
            guard let offset = integer(value) else { throw invalid("\"offset\" must be a number") }
            guard offset >= 0 else { throw invalid("\"offset\" must be greater than or equal to 0") }
            query.offset = offset
        }
        if let value = raw["page"], !value.isNull {
            guard let page = integer(value) else { throw invalid("\"page\" must be a number") }
            guard page >= 0 else { throw invalid("\"page\" must be greater than or equal to 0") }
            query.page = page
        }
        if let value = raw["meta"], !value.isNull {
            let names = try list(value, "meta")
            query.meta = names.contains("*") ? ["total_count", "filter_count"] : names
            for (index, name) in query.meta.enumerated() where !["total_count", "filter_count"].contains(name) {
                throw invalid("\"meta[\(index)]\" must be one of [total_count, filter_count]")
            }
        }
        if let value = raw["aggregate"], !value.isNull {
            for (function, fields) in try object(value, "aggregate") {
                guard ["count", "countDistinct", "countAll", "sum", "sumDistinct", "avg", "avgDistinct", "min", "max"].contains(function) else {
                    throw invalid("Aggregate function \"\(function)\" doesn't exist")
                }
                query.aggregate.append((function, try list(fields, "aggregate.\(function)")))
            }
        }
        if let value = raw["groupBy"], !value.isNull { query.groupBy = try list(value, "groupBy") }
        if let value = raw["deep"], !value.isNull { query.deep = try object(value, "deep") }
        if let value = raw["alias"], !value.isNull {
            for (name, field) in try object(value, "alias") {
                guard let source = field.stringValue else { throw invalid("\"alias\" value has to be a string. \"\(field.kindName)\" given") }
                guard !name.contains("."), source.hasPrefix("json(") || !source.contains(".") else {
                    throw invalid("\"alias\" key/value can't contain a period character `.`")
                }
                query.alias.append((name, source))
            }
        }
        if let value = raw["backlink"], !value.isNull {
            query.backlink = !(value.boolValue == false || value.stringValue == "false")
        }
        if let value = raw["export"]?.stringValue {
            guard ["json", "csv", "csv_utf8", "xml", "yaml"].contains(value) else { throw invalid("\"export\" must be one of [csv, csv_utf8, json, xml, yaml]") }
            query.export = value
        }
        if !nested { try RelationalDepth.validate(query, maximum: limits.relationalDepth) }
        return query
    }

    /// A comma string, a JSON array string, or an array of strings.
    static func list(_ value: JSON, _ name: String) throws -> [String] {
        switch value {
        case .string(let text):
            if text.hasPrefix("["), let parsed = try? JSON.parse(text), let items = parsed.arrayValue {
                return try items.map { try string($0, name) }
            }
            return split(text)
        case .array(let items):
            return try items.flatMap { try split(string($0, name)) }
        case .object:
            throw invalid("\"\(name)\" must be a string or array")
        default:
            return [value.description]
        }
    }

    /// A comma list split outside parentheses, so `json(metadata, a.b)` stays one entry; entries are trimmed.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map(Coercion.trimmed).filter { !$0.isEmpty }
    }

    /// An object, or a string holding one as JSON.
    static func object(_ value: JSON, _ name: String) throws -> JSONObject {
        if let object = value.objectValue { return object }
        if let text = value.stringValue {
            guard let parsed = try? JSON.parse(text) else { throw invalid("Invalid JSON for \(name) object") }
            guard let object = parsed.objectValue else { throw invalid("\"\(name)\" must be an object") }
            return object
        }
        throw invalid("\"\(name)\" must be an object")
    }

    private static func string(_ value: JSON, _ name: String) throws -> String {
        if let text = value.stringValue { return text }
        throw invalid("\"\(name)\" must contain strings")
    }

    static func integer(_ value: JSON) -> Int? {
        value.intValue ?? value.stringValue.flatMap { Int(Coercion.trimmed($0)) }
    }

    static func invalid(_ reason: String) -> APIError { APIError.invalidQuery(reason) }
}

/// The query limits from QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX and MAX_RELATIONAL_DEPTH.
public struct QueryLimits: Sendable {
    public var defaultLimit: Int
    /// nil = no maximum.
    public var maximum: Int?
    public var relationalDepth: Int

    public init(_ env: Environment) throws {
        defaultLimit = try env.int("QUERY_LIMIT_DEFAULT", default: 100, in: 1...Int.max)
        maximum = try env.limit("QUERY_LIMIT_MAX", default: nil)
        // Without a limit a read takes the default, never more than the maximum.
        if let maximum { defaultLimit = min(defaultLimit, maximum) }
        relationalDepth = max(2, try env.int("MAX_RELATIONAL_DEPTH", default: 10, in: 1...1000))
    }
}
