import PlinthJSON
import PluginKit

/// `/collections`, `/fields` and `/relations`.
enum SchemaRoutes {
    static func register(_ host: PluginHost) throws {
        for method in ["GET", "SEARCH"] {
            try host.rest(method, "/collections") { .data(try $0.call("collections.list/1", [:])) }
            try host.rest(method, "/fields") { .data(try $0.call("fields.list/1", [:])) }
            try host.rest(method, "/fields/:collection") { exchange in
                .data(try exchange.call("fields.list/1", ["collection": param(exchange, "collection")]))
            }
            try host.rest(method, "/relations") { .data(try $0.call("relations.list/1", [:])) }
            try host.rest(method, "/relations/:collection") { exchange in
                .data(try exchange.call("relations.list/1", ["collection": param(exchange, "collection")]))
            }
        }
        try host.rest("GET", "/collections/:collection") { exchange in
            .data(try exchange.call("collections.read/1", ["collection": param(exchange, "collection")]))
        }
        try host.rest("POST", "/collections") { .data(try $0.call("collections.create/1", ["data": try $0.body()])) }
        try host.rest("PATCH", "/collections") { .data(try $0.call("collections.update_many/1", ["data": try $0.body()])) }
        try host.rest("PATCH", "/collections/:collection") { exchange in
            .data(try exchange.call("collections.update/1", ["collection": param(exchange, "collection"), "data": try exchange.body()]))
        }
        try host.rest("DELETE", "/collections/:collection") { exchange in
            _ = try exchange.call("collections.delete/1", ["collection": param(exchange, "collection")])
            return Exchange.noContent
        }

        try host.rest("GET", "/fields/:collection/:field") { exchange in
            .data(try exchange.call("fields.read/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field")]))
        }
        try host.rest("POST", "/fields/:collection") { exchange in
            .data(try exchange.call("fields.create/1", ["collection": param(exchange, "collection"), "data": try exchange.body()]))
        }
        try host.rest("PATCH", "/fields/:collection") { exchange in
            .data(try exchange.call("fields.update_many/1", ["collection": param(exchange, "collection"), "data": try exchange.body()]))
        }
        try host.rest("PATCH", "/fields/:collection/:field") { exchange in
            .data(try exchange.call("fields.update/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field"), "data": try exchange.body()]))
        }
        try host.rest("DELETE", "/fields/:collection/:field") { exchange in
            _ = try exchange.call("fields.delete/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field")])
            return Exchange.noContent
        }

        try host.rest("GET", "/relations/:collection/:field") { exchange in
            .data(try exchange.call("relations.read/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field")]))
        }
        try host.rest("POST", "/relations") { .data(try $0.call("relations.create/1", ["data": try $0.body()])) }
        try host.rest("PATCH", "/relations/:collection/:field") { exchange in
            .data(try exchange.call("relations.update/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field"), "data": try exchange.body()]))
        }
        try host.rest("DELETE", "/relations/:collection/:field") { exchange in
            _ = try exchange.call("relations.delete/1", ["collection": param(exchange, "collection"), "field": param(exchange, "field")])
            return Exchange.noContent
        }
    }

    static func param(_ exchange: Exchange, _ name: String) -> JSON {
        .string(exchange.request.param(name) ?? "")
    }
}
