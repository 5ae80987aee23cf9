import PluginKit

/// `endpoint.rest`: Directus's REST API — schema routes now; items and system collections next.
///
/// HTTP concerns live here (query strings, bodies, status codes, wrapping
/// `data`); everything about data and permissions is the engine's, reached
/// through `service_call` with the request's context.
final class RESTPlugin: Plugin {
    static let info = PluginInfo(id: "endpoint.rest", version: "1.0.0", kinds: [.endpoint],
                                 description: "Directus REST API")

    init(host: PluginHost) throws {
        try SchemaRoutes.register(host)
        try SchemaSnapshotRoutes.register(host)
        try ItemsRoutes.register(host)
        try ItemWriteRoutes.register(host)
        try AuthRoutes.register(host)
        try MeRoutes.register(host)
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: RESTPlugin.self)
}
