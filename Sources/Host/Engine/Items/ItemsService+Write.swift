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
                        throw APIError.invalidPayload("Each item in a batch update needs its primary key \"\(pk)\"")
                    }
                    object[pk] = nil
                    try writer.update(collection, keys: [key], object)
                    return key
                }
            }
            return try reread(keys, raw, many: true)
        }
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload must be an array or an object") }
        guard let changes = object["data"]?.objectValue else { throw APIError.invalidPayload("\"data\" is required") }
        switch (object["keys"], object["query"]) {
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
            throw APIError.invalidPayload("Either \"keys\" or \"query\" is required, not both")
        }
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
        guard let object = data.objectValue else { throw APIError.invalidPayload("Payload must be an array of keys, {\"keys\"} or {\"query\"}") }
        switch (object["keys"], object["query"]) {
        case (let keys?, nil):
            guard let list = keys.arrayValue else { throw APIError.invalidPayload("\"keys\" must be an array") }
            try write { try $0.delete(collection, keys: list) }
        case (nil, let query?):
            let filter = try QuerySanitizer.sanitize(try QuerySanitizer.object(query, "query"), limits: engine.limits)
            try write { writer in try writer.delete(collection, keys: try matching(filter, writer: writer)) }
        default:
            throw APIError.invalidPayload("Either \"keys\" or \"query\" is required, not both")
        }
    }

    /// Keys of the items a `{query}` batch form selects (its filter, search, sort and limit).
    private func matching(_ query: Query, writer: ItemWriter) throws -> [JSON] {
        var keysQuery = query
        keysQuery.fields = [collection.primaryKey!]
        if keysQuery.limit == nil { keysQuery.limit = -1 }
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: writer.variables(), access: FullAccess())
        return try engine.database.rows(try planner.plan(collection, keysQuery), in: writer.transaction).compactMap { $0[collection.primaryKey!] }
    }

    /// The written items read back as the caller with the request's query; nil (204) when the caller may not read them.
    private func reread(_ keys: [JSON], _ raw: JSONObject, many: Bool) throws -> [UInt8]? {
        var query = try QuerySanitizer.sanitize(raw, limits: engine.limits)
        let pk = collection.primaryKey!
        query.filter = [pk: ["_in": .array(keys)]]
        query.limit = -1
        query.offset = nil
        query.page = nil
        query.meta = []
        // Rows are matched to the written keys by primary key, so read it even when not asked for.
        let pkRequested = query.fields.isEmpty || query.fields.contains("*") || query.fields.contains(pk)
        if !pkRequested { query.fields.append(pk) }
        let planner: ReadPlanner
        do {
            planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: try accessPolicy())
            let rows = try engine.database.rows(try planner.plan(collection, query))
            // Keep the order of the keys written.
            let byKey = Dictionary(rows.compactMap { row in row[pk].map { ($0.stringValue ?? $0.description, row) } }, uniquingKeysWith: { a, _ in a })
            var ordered = keys.compactMap { byKey[$0.stringValue ?? $0.description] }
            if !pkRequested {
                ordered = ordered.map { row in
                    guard case .object(var object) = row else { return row }
                    object[pk] = nil
                    return .object(object)
                }
            }
            if many { return JSON.array(ordered).encoded() }
            guard let first = ordered.first else { return nil }
            return first.encoded()
        } catch let error as APIError where error.code == "FORBIDDEN" {
            return nil
        }
    }
}
