import PlinthJSON
import SQLPlan

/// Creating, updating and deleting items, in every batch form Directus accepts.
extension ItemsService {
    /// Runs a write in one transaction, emits its action hooks after the commit, and drops permission
    /// caches when it touched users, roles, policies, access or permissions.
    func write<T>(_ body: (ItemWriter) throws -> T) throws -> T {
        let result: (T, ItemWriter) = try engine.database.transaction { transaction in
            let writer = try ItemWriter(engine: engine, transaction: transaction, context: context)
            return (try body(writer), writer)
        }
        let writer = result.1
        if writer.touchedAccess {
            engine.permissions.invalidate()
            engine.access.invalidate()
        }
        for action in writer.actions {
            engine.bus.action(action.event, payload: action.payload.encoded(), meta: action.meta.encoded(), context: context)
        }
        return result.0
    }

    /// POST: an object creates one item, an array creates each; answers with the created item(s).
    func create(_ data: JSON, query raw: JSONObject) throws -> [UInt8]? {
        if collection.singleton { throw APIError.routeNotFound("/items/\(collection.name)") }
        if let items = data.arrayValue {
            let objects = try items.map { item -> JSONObject in
                guard let object = item.objectValue else { throw APIError.invalidPayload("Items must be objects") }
                return object
            }
            let keys = try write { writer in try objects.map { try writer.create(collection, $0) } }
            return try reread(keys, raw, many: true)
        }
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload must be an object or an array of objects") }
        let key = try write { try $0.create(collection, object) }
        return try reread([key], raw, many: false)
    }

    /// PATCH /items/:collection/:id.
    func updateOne(_ id: String, _ data: JSON, query raw: JSONObject) throws -> [UInt8]? {
        if collection.singleton { throw APIError.routeNotFound("/items/\(collection.name)/\(id)") }
        guard let key = try keyValue(id) else { throw APIError.forbidden() }
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload must be an object") }
        try write { try $0.update(collection, keys: [key], object) }
        return try reread([key], raw, many: false)
    }

    /// PATCH /items/:collection: an array of items with keys, `{keys, data}`, `{query, data}`, or a singleton's upsert.
    func update(_ data: JSON, query raw: JSONObject) throws -> [UInt8]? {
        let pk = collection.primaryKey!
        if collection.singleton {
            guard let object = data.objectValue else { throw APIError.invalidPayload("Payload must be an object") }
            let existing = try write { writer -> JSON in
                if let key = try writer.keysMatching(collection, [:]).first {
                    try writer.update(collection, keys: [key], object)
                    return key
                }
                return try writer.create(collection, object)
            }
            _ = existing
            return try readSingleton(raw)
        }
        if let items = data.arrayValue {
            let keys = try write { writer -> [JSON] in
                try items.map { item in
                    guard var object = item.objectValue, let key = object[pk], !key.isNull else {
                        throw APIError.invalidPayload("Item in update misses primary key")
                    }
                    object[pk] = nil
                    try writer.update(collection, keys: [key], object)
                    return key
                }
            }
            return try reread(keys, raw, many: true)
        }
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload in body is required") }
        guard let changes = object["data"]?.objectValue else { throw APIError.invalidPayload("\"data\" is required") }
        switch try Self.batchSelector(object) {
        case (let keys?, nil):
            guard let list = keys.arrayValue else { throw APIError.invalidPayload("\"keys\" must be an array") }
            try write { try $0.update(collection, keys: list, changes) }
            return try reread(list, raw, many: true)
        case (nil, let query?):
            let filter = try QuerySanitizer.sanitize(try QuerySanitizer.object(query, "query"), limits: engine.limits)
            let keys = try write { writer -> [JSON] in
                let keys = try matching(filter, writer: writer)
                try writer.update(collection, keys: keys, changes)
                return keys
            }
            return try reread(keys, raw, many: true)
        default:
            throw APIError.invalidPayload("\"value\" must contain at least one of [query, keys]")
        }
    }

    /// `keys` or `query` of a batch body; exactly one is allowed (Directus's wording of the Joi checks).
    static func batchSelector(_ object: JSONObject) throws -> (JSON?, JSON?) {
        if object["keys"] != nil, object["query"] != nil {
            throw APIError.invalidPayload("\"value\" contains a conflict between exclusive peers [query, keys]")
        }
        if let keys = object["keys"], keys.arrayValue == nil { throw APIError.invalidPayload("\"keys\" must be an array") }
        return (object["keys"], object["query"])
    }

    /// DELETE /items/:collection/:id.
    func deleteOne(_ id: String) throws {
        if collection.singleton { throw APIError.routeNotFound("/items/\(collection.name)/\(id)") }
        guard let key = try keyValue(id) else { throw APIError.forbidden() }
        try write { try $0.delete(collection, keys: [key]) }
    }

    /// DELETE /items/:collection with an array of keys, `{keys}` or `{query}`.
    func delete(_ data: JSON) throws {
        if let keys = data.arrayValue {
            try write { try $0.delete(collection, keys: keys) }
            return
        }
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload in body is required") }
        switch try Self.batchSelector(object) {
        case (let keys?, nil):
            guard let list = keys.arrayValue else { throw APIError.invalidPayload("\"keys\" must be an array") }
            try write { try $0.delete(collection, keys: list) }
        case (nil, let query?):
            let filter = try QuerySanitizer.sanitize(try QuerySanitizer.object(query, "query"), limits: engine.limits)
            try write { writer in try writer.delete(collection, keys: try matching(filter, writer: writer)) }
        default:
            throw APIError.invalidPayload("\"value\" must contain at least one of [query, keys]")
        }
    }

    /// Keys of the items a `{query}` batch form selects (its filter, search, sort and limit).
    /// Like any read, the query's limit defaults to QUERY_LIMIT_DEFAULT, as Directus reads these keys.
    private func matching(_ query: Query, writer: ItemWriter) throws -> [JSON] {
        var keysQuery = query
        keysQuery.fields = [collection.primaryKey!]
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: writer.variables(), access: FullAccess())
        return try engine.database.rows(try planner.plan(collection, keysQuery), in: writer.transaction).compactMap { $0[collection.primaryKey!] }
    }

    /// The written items read back as the caller with the request's query; nil (204) when the caller may not read them.
    private func reread(_ keys: [JSON], _ raw: JSONObject, many: Bool) throws -> [UInt8]? {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        let pk = collection.primaryKey!
        let byKeys: JSONObject = [pk: ["_in": .array(keys)]]
        query.filter = query.filter.map { ["_and": [.object(byKeys), .object($0)]] } ?? byKeys
        // The key orders the answer; it is read even when not asked for, and left out again.
        let hiddenKey = !query.fields.contains("*") && !query.fields.contains(pk)
        if hiddenKey { query.fields.append(pk) }
        query.limit = -1
        query.offset = nil
        query.page = nil
        query.meta = []
        let planner: ReadPlanner
        do {
            planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
            let rows = try engine.database.rows(try planner.plan(collection, query))
            // Keep the order of the keys written.
            let byKey = Dictionary(rows.compactMap { row in row[pk].map { ($0.stringValue ?? $0.description, row) } }, uniquingKeysWith: { a, _ in a })
            var ordered = keys.compactMap { byKey[$0.stringValue ?? $0.description] }
            if hiddenKey { ordered = ordered.map { row in row.objectValue.map { object in var copy = object; copy[pk] = nil; return .object(copy) } ?? row } }
            if many { return JSON.array(ordered).encoded() }
            guard let first = ordered.first else { return nil }
            return first.encoded()
        } catch let error as APIError where error.code == "FORBIDDEN" {
            return nil
        }
    }
}
