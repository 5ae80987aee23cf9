import PlinthJSON

/// The read events of items: `items.query` and `items.read` filters (and their `<collection>.` forms),
/// emitted only when a hook listens, so unhooked reads pay nothing.
extension ItemsService {
    /// The event name prefix: `items` for user collections, `users`, `files`, … for system ones.
    var eventScope: String {
        collection.isSystem ? String(collection.name.dropFirst("directus_".count)) : "items"
    }

    /// Both names of an event: the generic one and the collection-scoped one (user collections only).
    func eventNames(_ action: String) -> [String] {
        collection.isSystem ? ["\(eventScope).\(action)"] : ["items.\(action)", "\(collection.name).items.\(action)"]
    }

    /// Lets `items.query` filters rewrite the query (as JSON), then re-sanitises it.
    func emitQuery(_ query: Query) throws -> Query {
        let names = eventNames("query").filter(engine.bus.hasFilters)
        guard !names.isEmpty else { return query }
        var payload = query.json.encoded()
        let meta = JSON.object(["collection": .string(collection.name)]).encoded()
        for name in names { payload = try engine.bus.filter(name, payload: payload, meta: meta, context: context) }
        guard let object = try JSON.parse(payload).objectValue else { return query }
        return try QuerySanitizer.sanitize(object, limits: engine.limits)
    }

    /// Lets `items.read` filters rewrite the results.
    func emitRead(_ data: [UInt8], query: Query) throws -> [UInt8] {
        let names = eventNames("read").filter(engine.bus.hasFilters)
        guard !names.isEmpty else { return data }
        var payload = data
        let meta = JSON.object(["collection": .string(collection.name), "query": query.json]).encoded()
        for name in names { payload = try engine.bus.filter(name, payload: payload, meta: meta, context: context) }
        return payload
    }
}

extension Query {
    /// The query as Directus's query object, for hooks.
    var json: JSON {
        var object: JSONObject = ["fields": .array(fields.map(JSON.string))]
        if let filter { object["filter"] = .object(filter) }
        if let search { object["search"] = .string(search) }
        if let sort { object["sort"] = .array(sort.map(JSON.string)) }
        if let limit { object["limit"] = .int(limit) }
        if let offset { object["offset"] = .int(offset) }
        if let page { object["page"] = .int(page) }
        if !meta.isEmpty { object["meta"] = .array(meta.map(JSON.string)) }
        if !aggregate.isEmpty { object["aggregate"] = .object(JSONObject(aggregate.map { ($0.function, JSON.array($0.fields.map(JSON.string))) })) }
        if !groupBy.isEmpty { object["groupBy"] = .array(groupBy.map(JSON.string)) }
        if !deep.isEmpty { object["deep"] = .object(deep) }
        if !alias.isEmpty { object["alias"] = .object(JSONObject(alias.map { ($0.name, JSON.string($0.field)) })) }
        if !backlink { object["backlink"] = false }
        return .object(object)
    }
}
