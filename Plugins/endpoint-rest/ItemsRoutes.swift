import PlinthJSON
import PluginKit

/// `/items/:collection` and `/items/:collection/:id`.
enum ItemsRoutes {
    static func register(_ host: PluginHost) throws {
        for method in ["GET", "SEARCH"] {
            try host.rest(method, "/items/:collection") { exchange in
                let body = try exchange.call("items.read/1", ["collection": SchemaRoutes.param(exchange, "collection"), "query": .object(try exchange.query())])
                return .json(body)
            }
        }
        try host.rest("GET", "/items/:collection/:id") { exchange in
            let body = try exchange.call("items.read/1", ["collection": SchemaRoutes.param(exchange, "collection"), "id": SchemaRoutes.param(exchange, "id"),
                                                          "query": .object(try exchange.query())])
            return .json(body)
        }
    }
}
