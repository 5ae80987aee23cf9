import PluginKit

/// `example.swift`: a hello endpoint and a `server.start` action hook.
///
/// Copy this file, then change the id and the routes. Everything the plugin
/// offers is registered in `init(host:)`; the host calls the closures later,
/// from its own threads.
final class ExamplePlugin: Plugin {
    /// The descriptor fields the host validates before it runs any other code.
    static let info = PluginInfo(
        id: "example.swift",
        version: "1.0.0",
        kinds: [.endpoint, .hook],
        description: "Template extension: a hello endpoint and a server.start hook"
    )

    /// Registers the route and the hook.
    ///
    /// Registration must have no other side effects: files, sockets and
    /// threads belong in `start()`, which runs once every plugin is configured.
    init(host: PluginHost) throws {
        // The handler touches no disk, network or database, so it may run on
        // the HTTP event loop (mayBlock defaults to false). A handler that calls
        // `host.call` or anything slow must pass `mayBlock: true`.
        // The body is a fixed literal; build dynamic JSON with PlinthJSON
        // (add its product to the target) so that text is escaped.
        try host.route("GET", "/example-swift/hello") { _ in
            .json(#"{"data":{"message":"Hello from Swift","plugin":"example.swift"}}"#)
        }

        // Actions run after the event, on the host's pool; they can neither
        // change nor block what happened. A thrown error is only logged.
        try host.action("server.start") { _ in
            host.log(.info, "example.swift: server.start received")
        }
    }
}

/// The entry point the host finds with `dlsym`; the `_v1` suffix is the ABI major.
@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: ExamplePlugin.self)
}
