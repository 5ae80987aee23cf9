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
        if let value = raw["filter"], !value.isNull { query.filter = try object(value, "filter") }
        if let value = raw["search"], !value.isNull {
            guard let text = value.stringValue ?? (value.doubleValue != nil ? value.description : nil) else { throw invalid("\"search\" must be a string") }
            query.search = text
        }
        if let value = raw["sort"], !value.isNull { query.sort = try list(value, "sort") }
        if let value = raw["limit"], !value.isNull {
            guard let limit = integer(value), limit >= -1 else { throw invalid("\"limit\" must be a positive integer or -1") }
            // As Directus: -1 means "as many as allowed"; only an explicit larger limit is an error.
            if let maximum = limits.maximum, limit > maximum {
                throw invalid("\"limit\" can't be more than \(maximum)")
            }
            query.limit = limit == -1 ? (limits.maximum ?? -1) : limit
        }
        if let value = raw["offset"], !value.isNull {
            guard let offset = integer(value), offset >= 0 else { throw invalid("\"offset\" must be a positive integer") }
            query.offset = offset
        }
        if let value = raw["page"], !value.isNull {
            guard let page = integer(value), page >= 1 else { throw invalid("\"page\" must be a positive integer") }
            query.page = page
        }
        if let value = raw["meta"], !value.isNull {
            let names = try list(value, "meta")
            query.meta = names.contains("*") ? ["total_count", "filter_count"] : names
            for name in query.meta where !["total_count", "filter_count"].contains(name) {
                throw invalid("\"meta\" can only contain total_count, filter_count or *")
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
                guard let source = field.stringValue else { throw invalid("Alias value for \"\(name)\" must be a string") }
                guard !name.contains("."), !source.contains(".") else { throw invalid("\"alias\" names and fields can't contain a \".\"") }
                query.alias.append((name, source))
            }
        }
        if let value = raw["backlink"], !value.isNull {
            query.backlink = !(value.boolValue == false || value.stringValue == "false")
        }
        if let value = raw["export"]?.stringValue {
            guard ["json", "csv", "csv_utf8", "xml", "yaml"].contains(value) else { throw invalid("\"export\" must be one of json, csv, csv_utf8, xml, yaml") }
            query.export = value
        }
        return query
    }

    /// A comma string, a JSON array string, or an array of strings.
    static func list(_ value: JSON, _ name: String) throws -> [String] {
        switch value {
        case .string(let text):
            if text.hasPrefix("["), let parsed = try? JSON.parse(text), let items = parsed.arrayValue {
                return try items.map { try string($0, name) }
            }
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .array(let items):
            return try items.flatMap { item -> [String] in
                let text = try string(item, name)
                return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        case .object:
            throw invalid("\"\(name)\" must be a comma separated list or an array")
        default:
            return [value.description]
        }
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
        value.intValue ?? value.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
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
        if let maximum { defaultLimit = min(defaultLimit, maximum) }
        relationalDepth = max(2, try env.int("MAX_RELATIONAL_DEPTH", default: 10, in: 1...1000))
    }
}
