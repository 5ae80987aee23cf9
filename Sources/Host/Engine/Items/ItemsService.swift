import Foundation
import PlinthJSON
import SQLPlan

/// Reading and writing items of one collection as one caller: permissions, events, query language.
struct ItemsService {
    let engine: Engine
    let context: CallContext?
    let collection: CollectionInfo

    /// The collection by name; unknown collections and collections without a single primary key are FORBIDDEN.
    init(engine: Engine, context: CallContext?, collection name: String) throws {
        guard let info = engine.schema.collection(name), !info.isFolder, info.primaryKey != nil else { throw AccessErrors.collection(name) }
        self.engine = engine
        self.context = context
        self.collection = info
    }

    var accountability: Accountability { context?.accountability ?? .system }
    var schema: SchemaModel { engine.schema }

    /// The caller's read permissions as the planner sees them.
    func accessPolicy() throws -> AccessPolicy {
        accountability.admin ? FullAccess() : try engine.permissions.policy(for: accountability, action: "read")
    }

    func variables() -> DynamicVariables {
        DynamicVariables(accountability: accountability) { [engine] collection, id, path in
            let service = try ItemsService(engine: engine, context: nil, collection: collection)
            var query = Query()
            query.fields = [path]
            query.filter = [service.collection.primaryKey!: ["_eq": .string(id)]]
            query.limit = 1
            let row = try service.rows(query)
            return ItemsService.value(at: path, in: row.first ?? .null)
        }
    }

    /// Rows for a query with full access (the engine's own lookups).
    func rows(_ query: Query) throws -> [JSON] {
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: FullAccess())
        return try engine.database.rows(try planner.plan(collection, query))
    }

    /// GET /items/:collection — the items as JSON bytes, and `meta` when asked for.
    func readByQuery(_ raw: JSONObject) throws -> (data: [UInt8], meta: JSON?) {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        query = try emitQuery(query)
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
        let select = try planner.plan(collection, query)
        var data = try engine.database.execute(.select(select))
        data = try emitRead(data, query: query)
        return (data, try meta(query, planner: planner))
    }

    /// SEARCH /items/:collection with `{"keys": […]}` — the items with those keys, read with the query.
    func readMany(_ keys: [JSON], _ raw: JSONObject) throws -> [UInt8] {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        query = try emitQuery(query)
        let pk = collection.primaryKey!
        let byKey: JSONObject = [pk: ["_in": .array(keys)]]
        query.filter = query.filter.map { ["_and": [.object(byKey), .object($0)]] } ?? byKey
        if raw["limit"] == nil { query.limit = keys.count }
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
        let data = try engine.database.execute(.select(try planner.plan(collection, query)))
        return try emitRead(data, query: query)
    }

    /// GET /items/:collection/:id — one item, or FORBIDDEN when it does not exist or may not be read.
    func readOne(_ id: String, _ raw: JSONObject) throws -> [UInt8] {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        guard let key = try keyValue(id) else { throw APIError.forbidden() }
        query = try emitQuery(query)
        let pk = collection.primaryKey!
        query.filter = query.filter.map { ["_and": [.object([pk: ["_eq": key]]), .object($0)]] } ?? [pk: ["_eq": key]]
        query.limit = 1
        query.offset = nil
        query.page = nil
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
        guard let row = Self.onlyRow(try engine.database.execute(.select(try planner.plan(collection, query)))) else { throw APIError.forbidden() }
        return try emitRead(row, query: query)
    }

    /// The row of a driver's result for a read of at most one row (`[{…}]`), nil for `[]`:
    /// the bytes between the brackets, not parsed and written again.
    static func onlyRow(_ result: [UInt8]) -> [UInt8]? {
        guard result.count >= 4, result.first == UInt8(ascii: "["), result.last == UInt8(ascii: "]"),
              result[1] == UInt8(ascii: "{"), result[result.count - 2] == UInt8(ascii: "}") else {
            guard result != Array("[]".utf8) else { return nil }
            // Anything else is not a driver's row array: read it the long way.
            return (try? JSON.parse(result))?.arrayValue?.first?.encoded()
        }
        return Array(result[1..<(result.count - 1)])
    }

    /// GET on a singleton: its item, and `meta` when asked for (Directus counts singletons too).
    func readSingletonWithMeta(_ raw: JSONObject) throws -> (data: [UInt8], meta: JSON?) {
        let query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
        return (try readSingleton(raw), try meta(query, planner: planner))
    }

    /// A singleton's one item; without a row, its fields' defaults.
    func readSingleton(_ raw: JSONObject) throws -> [UInt8] {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        query.limit = 1
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
        if let row = Self.onlyRow(try engine.database.execute(.select(try planner.plan(collection, query)))) { return row }
        // No row yet: the key as null and the fields that have a default, as Directus answers.
        let wanted = query.fields.contains("*") ? nil : Set(query.fields)
        var defaults = JSONObject()
        for field in collection.fields where FieldTree.isReadable(field) && !field.isAlias && wanted?.contains(field.name) != false {
            if field.isPrimaryKey { defaults[field.name] = .null; continue }
            let value = SchemaObjects.defaultValue(field.column?["default_value"] ?? .null, type: field.type)
            if !value.isNull { defaults[field.name] = value }
        }
        return JSON.object(defaults).encoded()
    }

    /// `total_count` (every item the caller may read) and `filter_count` (those matching filter and search).
    private func meta(_ query: Query, planner: ReadPlanner) throws -> JSON? {
        guard !query.meta.isEmpty else { return nil }
        var meta = JSONObject()
        guard let grant = try planner.access.read(collection.name) else { throw APIError.forbidden() }
        for name in query.meta {
            var counted = Query()
            if name == "filter_count" {
                counted.filter = query.filter
                counted.search = query.search
            }
            let alias = planner.aliases.make()
            let select = Select(table: collection.name, alias: alias, fields: [("count", .expr(.aggregate(.count, nil, distinct: false), type: .integer))],
                                filter: try planner.condition(counted, collection: collection, alias: alias, grant: grant))
            meta[name] = try engine.database.rows(select).first?["count"] ?? 0
        }
        return .object(meta)
    }

    /// The primary key value of `id` typed for the key field, or nil when it cannot be a key.
    func keyValue(_ id: String) throws -> JSON? {
        guard let field = collection.primaryKeyField else { return nil }
        return Coercion.value(.string(id), field.type)
    }

    static func value(at path: String, in row: JSON) -> JSON {
        var current = row
        for part in path.split(separator: ".") {
            if let array = current.arrayValue { current = .array(array.map { $0[String(part)] ?? .null }) } else { current = current[String(part)] ?? .null }
        }
        return current
    }
}
