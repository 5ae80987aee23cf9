import PluginKit

/// The routes of Directus's system collections: `/users`, `/roles`, `/policies`, … over `directus_*` tables.
///
/// They have the CRUD semantics of `/items` (the engine serves them with `"system": true`).
/// Only the plain CRUD paths are registered here: the router prefers a literal segment over
/// `:id`, so routes such as `/users/me`, `/permissions/me` or `/policies/me/globals` registered
/// elsewhere take precedence without any coordination.
enum SystemRoutes {
    /// How a system collection's router differs from the standard CRUD set.
    enum Kind {
        /// GET, SEARCH, GET /:id, POST, PATCH, PATCH /:id, DELETE, DELETE /:id.
        case crud
        /// CRUD whose list always returns every item (`limit` is ignored).
        case crudUnlimitedList
        /// CRUD whose writes take JSON only: a multipart body (a file upload) is refused.
        case crudJSONWrites
        /// GET, SEARCH and GET /:id; writes have no route (404 ROUTE_NOT_FOUND).
        case readOnly
        /// A singleton: GET and PATCH (an upsert) on the collection path only.
        case singleton
    }

    /// Path segment, collection and kind of every system router, as in Directus 11.
    static let routers: [(path: String, collection: String, kind: Kind)] = [
        ("users", "directus_users", .crud),
        ("roles", "directus_roles", .crud),
        ("policies", "directus_policies", .crud),
        ("access", "directus_access", .crud),
        ("permissions", "directus_permissions", .crudUnlimitedList),
        ("files", "directus_files", .crudJSONWrites),
        ("folders", "directus_folders", .crud),
        ("presets", "directus_presets", .crud),
        ("notifications", "directus_notifications", .crud),
        ("comments", "directus_comments", .crud),
        ("shares", "directus_shares", .crud),
        ("translations", "directus_translations", .crud),
        ("versions", "directus_versions", .crud),
        ("flows", "directus_flows", .crud),
        ("operations", "directus_operations", .crud),
        ("dashboards", "directus_dashboards", .crud),
        ("panels", "directus_panels", .crud),
        ("activity", "directus_activity", .readOnly),
        ("revisions", "directus_revisions", .readOnly),
        ("settings", "directus_settings", .singleton),
    ]

    static func register(_ host: PluginHost) throws {
        for router in routers {
            // Every system collection's primary key is `id`, so SEARCH can take `{"keys": […]}`.
            let endpoint = CollectionEndpoint(collection: { _ in router.collection }, system: true, primaryKey: "id",
                                              unlimitedList: router.kind == .crudUnlimitedList)
            let base = "/" + router.path
            switch router.kind {
            case .singleton:
                try host.rest("GET", base, endpoint.list)
                try host.rest("PATCH", base, endpoint.update)
            case .readOnly:
                try registerReads(host, base, endpoint)
            case .crud, .crudUnlimitedList:
                try registerReads(host, base, endpoint)
                try registerWrites(host, base, create: endpoint.create, updateOne: endpoint.updateOne, endpoint)
            case .crudJSONWrites:
                try registerReads(host, base, endpoint)
                try registerWrites(host, base, create: jsonOnly(endpoint.create), updateOne: jsonOnly(endpoint.updateOne), endpoint)
            }
        }
    }

    private static func registerReads(_ host: PluginHost, _ base: String, _ endpoint: CollectionEndpoint) throws {
        try host.rest("GET", base, endpoint.list)
        try host.rest("SEARCH", base, endpoint.list)
        try host.rest("GET", base + "/:id", endpoint.readOne)
    }

    private static func registerWrites(_ host: PluginHost, _ base: String, create: @escaping (Exchange) throws -> Response,
                                       updateOne: @escaping (Exchange) throws -> Response, _ endpoint: CollectionEndpoint) throws {
        try host.rest("POST", base, create)
        try host.rest("PATCH", base, endpoint.update)
        try host.rest("PATCH", base + "/:id", updateOne)
        try host.rest("DELETE", base, endpoint.delete)
        try host.rest("DELETE", base + "/:id", endpoint.deleteOne)
    }

    /// Refuses multipart bodies with 415, so an upload is never misread as a JSON payload.
    private static func jsonOnly(_ handler: @escaping (Exchange) throws -> Response) -> (Exchange) throws -> Response {
        { exchange in
            let type = (exchange.request.header("content-type") ?? "").split(separator: ";").first.map(String.init) ?? ""
            if type.lowercased().hasPrefix("multipart/") {
                throw PluginError.directus(code: "UNSUPPORTED_MEDIA_TYPE",
                                           message: "Unsupported media type \"\(type)\" in file upload: this server keeps file metadata only; send it as JSON.",
                                           status: 415)
            }
            return try handler(exchange)
        }
    }
}
