import PluginABI
import PluginKit

/// `endpoint.server`: `/server/ping`, `/server/health`, `/server/info` and `/extensions`.
///
/// A built-in plugin with no back door: the host's state is reached only
/// through `service_call`, as any third-party plugin would.
final class ServerPlugin: Plugin {
    static let info = PluginInfo(
        id: "endpoint.server",
        version: "1.0.0",
        kinds: [.endpoint],
        description: "Server ping, health and info, and the extension list"
    )

    init(host: Host) throws {
        try host.route("GET", "/server/ping") { _ in
            .text("pong", contentType: "text/html; charset=utf-8")
        }
        try host.route("GET", "/server/health", mayBlock: true) { request in
            Self.call(host, "server.health/1", request, wrap: false, contentType: "application/health+json; charset=utf-8")
        }
        try host.route("GET", "/server/info", mayBlock: true) { request in
            Self.call(host, "server.info/1", request, wrap: true)
        }
        try host.route("GET", "/extensions", mayBlock: true) { request in
            Self.call(host, "extensions.list/1", request, wrap: true)
        }
    }

    /// Calls a service as the request's caller and answers with its result or its error.
    static func call(_ host: Host, _ service: String, _ request: Request, wrap: Bool, contentType: String = "application/json; charset=utf-8") -> Response {
        do {
            let result = try host.call(service, context: request.context)
            let body = wrap ? Array("{\"data\":".utf8) + result + [UInt8(ascii: "}")] : result
            return Response(status: 200, headers: [("content-type", contentType)], body: body)
        } catch let error as PluginError {
            return ErrorEnvelope.response(from: error)
        } catch {
            return .error(code: "INTERNAL_SERVER_ERROR", message: "An unexpected error occurred.", status: 500)
        }
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ServerPlugin.self)
}
