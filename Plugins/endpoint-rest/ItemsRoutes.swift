import PlinthJSON
import PluginKit

/// `/items/:collection` and `/items/:collection/:id`.
enum ItemsRoutes {
    static func register(_ host: PluginHost) throws {
        for method in ["GET", "SEARCH"] {
            try host.rest(method, "/items/:collection") { exchange in
                var args: JSONObject = ["collection": SchemaRoutes.param(exchange, "collection"), "query": .object(try exchange.query())]
                // SEARCH may name the items by key instead of by query.
                if method == "SEARCH", let keys = try exchange.body()["keys"], keys.arrayValue != nil { args["keys"] = keys }
                return .json(try exchange.call("items.read/1", args))
            }
        }
        try host.rest("GET", "/items/:collection/:id") { exchange in
            let body = try exchange.call("items.read/1", ["collection": SchemaRoutes.param(exchange, "collection"), "id": SchemaRoutes.param(exchange, "id"),
                                                          "query": .object(try exchange.query())])
            return .json(body)
        }
    }
}

/// POST, PATCH and DELETE on `/items/:collection[/:id]`.
enum ItemWriteRoutes {
    static func register(_ host: PluginHost) throws {
        try host.rest("POST", "/items/:collection") { exchange in
            answer(try exchange.call("items.create/1", ["collection": SchemaRoutes.param(exchange, "collection"), "data": try exchange.body(), "query": .object(try exchange.query())]))
        }
        try host.rest("PATCH", "/items/:collection") { exchange in
            answer(try exchange.call("items.update/1", ["collection": SchemaRoutes.param(exchange, "collection"), "data": try exchange.body(), "query": .object(try exchange.query())]))
        }
        try host.rest("PATCH", "/items/:collection/:id") { exchange in
            answer(try exchange.call("items.update/1", ["collection": SchemaRoutes.param(exchange, "collection"), "id": SchemaRoutes.param(exchange, "id"),
                                                        "data": try exchange.body(), "query": .object(try exchange.query())]))
        }
        try host.rest("DELETE", "/items/:collection") { exchange in
            _ = try exchange.call("items.delete/1", ["collection": SchemaRoutes.param(exchange, "collection"), "data": try exchange.body()])
            return Exchange.noContent
        }
        try host.rest("DELETE", "/items/:collection/:id") { exchange in
            _ = try exchange.call("items.delete/1", ["collection": SchemaRoutes.param(exchange, "collection"), "id": SchemaRoutes.param(exchange, "id")])
            return Exchange.noContent
        }
    }

    /// The service's envelope, or 204 when the caller may not read what was written.
    static func answer(_ body: [UInt8]) -> Response {
        body == Array("null".utf8) ? Exchange.noContent : .json(body)
    }
}
