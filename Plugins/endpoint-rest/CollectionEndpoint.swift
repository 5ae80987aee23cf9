import PlinthJSON
import PluginKit

/// The CRUD handlers Directus gives every collection router, shared by `/items/:collection` and the
/// system collection routes (`/roles`, `/users`, …).
///
/// Every handler calls the engine's items services; the engine owns permissions, batch forms,
/// singletons and the `{"data", "meta"}` envelope. What stays here is HTTP: which body goes where,
/// 204 for answers without content, and `?export=` files.
struct CollectionEndpoint {
    /// The collection a request addresses: a path parameter for `/items`, fixed for system routes.
    let collection: (Exchange) -> String
    /// Lets the items services serve a `directus_*` collection (they refuse one otherwise).
    var system = false
    /// The primary key field when it is known without the schema; enables SEARCH's `{"keys": […]}`.
    var primaryKey: String?
    /// Lists return every item whatever `limit` the request sets, as Directus's `/permissions` does
    /// (its controller overrides the limit with -1 so the Studio always sees every permission).
    var unlimitedList = false

    /// GET and SEARCH on the collection: the items (or a singleton's one item).
    func list(_ exchange: Exchange) throws -> Response {
        var query = try exchange.query()
        if unlimitedList { query["limit"] = "-1" }
        if let primaryKey, exchange.request.method == "SEARCH", let keys = try exchange.body()["keys"]?.arrayValue {
            Self.restrict(&query, primaryKey: primaryKey, to: keys)
        }
        return try respond(exchange, call(exchange, "items.read/1", query: query), query)
    }

    /// GET on one item.
    func readOne(_ exchange: Exchange) throws -> Response {
        let query = try exchange.query()
        return try respond(exchange, call(exchange, "items.read/1", query: query, extra: ["id": id(exchange)]), query)
    }

    /// POST: one object or an array of them.
    func create(_ exchange: Exchange) throws -> Response {
        let query = try exchange.query()
        return try respond(exchange, call(exchange, "items.create/1", query: query, extra: ["data": try exchange.body()]), query)
    }

    /// PATCH on the collection: the batch forms, or a singleton's upsert.
    func update(_ exchange: Exchange) throws -> Response {
        let query = try exchange.query()
        return try respond(exchange, call(exchange, "items.update/1", query: query, extra: ["data": try exchange.body()]), query)
    }

    /// PATCH on one item.
    func updateOne(_ exchange: Exchange) throws -> Response {
        let query = try exchange.query()
        return try respond(exchange, call(exchange, "items.update/1", query: query, extra: ["id": id(exchange), "data": try exchange.body()]), query)
    }

    /// DELETE on the collection: an array of keys, `{"keys"}` or `{"query"}`.
    func delete(_ exchange: Exchange) throws -> Response {
        _ = try call(exchange, "items.delete/1", query: nil, extra: ["data": try exchange.body()])
        return Exchange.noContent
    }

    /// DELETE on one item.
    func deleteOne(_ exchange: Exchange) throws -> Response {
        _ = try call(exchange, "items.delete/1", query: nil, extra: ["id": id(exchange)])
        return Exchange.noContent
    }

    private func id(_ exchange: Exchange) -> JSON {
        .string(exchange.request.param("id") ?? "")
    }

    private func call(_ exchange: Exchange, _ service: String, query: JSONObject?, extra: JSONObject = [:]) throws -> [UInt8] {
        var args = extra
        args["collection"] = .string(collection(exchange))
        if let query { args["query"] = .object(query) }
        if system { args["system"] = true }
        return try exchange.call(service, args)
    }

    /// The service's envelope as JSON, as a file when `export` asks for one, or 204 when the
    /// service answered `null` (the caller may write but not read the result).
    private func respond(_ exchange: Exchange, _ envelope: [UInt8], _ query: JSONObject) throws -> Response {
        if envelope == Array("null".utf8) { return Exchange.noContent }
        // The engine has already refused unknown formats with INVALID_QUERY.
        guard let format = query["export"]?.stringValue.flatMap(ExportFormat.init(rawValue:)) else { return .json(envelope) }
        return try ExportFile.response(envelope, format: format, collection: collection(exchange))
    }

    /// Narrows `query` to the items whose key is in `keys`, keeping its own filter.
    static func restrict(_ query: inout JSONObject, primaryKey: String, to keys: [JSON]) {
        let byKey: JSON = [primaryKey: ["_in": .array(keys)]]
        switch query["filter"] {
        case nil, .null?:
            query["filter"] = byKey
        case .object(let filter)?:
            query["filter"] = ["_and": [byKey, .object(filter)]]
        case .string(let text)?:
            // A filter the engine cannot parse stays as it is, so its INVALID_QUERY names the real problem.
            if let filter = try? JSON.parse(text), filter.objectValue != nil { query["filter"] = ["_and": [byKey, filter]] }
        default:
            break
        }
    }
}
