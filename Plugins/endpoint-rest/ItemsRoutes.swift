import PluginKit

/// `/items/:collection` and `/items/:collection/:id` for user collections (the engine refuses `directus_*` here).
enum ItemsRoutes {
    static func register(_ host: PluginHost) throws {
        let items = CollectionEndpoint(collection: { $0.request.param("collection") ?? "" })
        try host.rest("GET", "/items/:collection", items.list)
        try host.rest("SEARCH", "/items/:collection", items.list)
        try host.rest("GET", "/items/:collection/:id", items.readOne)
        try host.rest("POST", "/items/:collection", items.create)
        try host.rest("PATCH", "/items/:collection", items.update)
        try host.rest("PATCH", "/items/:collection/:id", items.updateOne)
        try host.rest("DELETE", "/items/:collection", items.delete)
        try host.rest("DELETE", "/items/:collection/:id", items.deleteOne)
    }
}
