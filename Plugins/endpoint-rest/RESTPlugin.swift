import PluginKit

/// `endpoint.rest`: Directus's REST API — schema, items and system collection routes (docs/rest.md).
///
/// HTTP concerns live here (query strings, bodies, status codes, wrapping
/// `data`, export files); everything about data and permissions is the engine's,
/// reached through `service_call` with the request's context.
final class RESTPlugin: Plugin {
    static let info = PluginInfo(id: "endpoint.rest", version: "1.0.0", kinds: [.endpoint],
                                 description: "Directus REST API")

    init(host: PluginHost) throws {
        try SchemaRoutes.register(host)
        try SchemaSnapshotRoutes.register(host)
        try ItemsRoutes.register(host)
        try SystemRoutes.register(host)
        try AuthRoutes.register(host)
        try MeRoutes.register(host)
        try AccessMeRoutes.register(host)
        try UserFlowRoutes.register(host)
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: RESTPlugin.self)
}
