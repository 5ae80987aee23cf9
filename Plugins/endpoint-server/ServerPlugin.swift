import PluginKit

/// `endpoint.server`: `/server/ping`, `/server/health`, `/server/info` and `/extensions`.
///
/// A built-in plugin with no back door: the host's state is reached only
/// through `service_call`, as any third-party plugin would. Service errors
/// thrown from a handler answer as their Directus envelope.
final class ServerPlugin: Plugin {
    static let info = PluginInfo(
        id: "endpoint.server",
        version: "1.0.0",
        kinds: [.endpoint],
        description: "Server ping, health and info, and the extension list"
    )

    init(host: PluginHost) throws {
        try host.route("GET", "/server/ping") { _ in
            .text("pong", contentType: "text/html; charset=utf-8")
        }
        try host.route("GET", "/server/health", mayBlock: true) { request in
            let body = try host.call("server.health/1", context: request.context)
            // Directus answers 503 when a check errors.
            let failing = String(decoding: body.prefix(32), as: UTF8.self).hasPrefix(#"{"status":"error""#)
            return Response(status: failing ? 503 : 200, headers: [("content-type", "application/health+json; charset=utf-8")], body: body)
        }
        try host.route("GET", "/server/info", mayBlock: true) { request in
            .json(Self.data(try host.call("server.info/1", context: request.context)))
        }
        try host.route("GET", "/extensions", mayBlock: true) { request in
            .json(Self.data(try host.call("extensions.list/1", context: request.context)))
        }
    }

    /// Wraps an encoded result as `{"data": …}` without re-encoding it.
    static func data(_ result: [UInt8]) -> [UInt8] {
        Array("{\"data\":".utf8) + result + [UInt8(ascii: "}")]
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ServerPlugin.self)
}
