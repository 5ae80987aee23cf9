import PluginABI

/// The host's services, as seen by one plugin.
///
/// Wraps the ABI's host function table and the plugin's own handle. Safe to
/// use from any thread; keep it for the plugin's lifetime.
public final class PluginHost: @unchecked Sendable {
    /// The host function table.
    public let api: UnsafePointer<plinth_host_api>
    /// This plugin's handle, passed back on every host call.
    public let plugin: OpaquePointer?

    init(api: UnsafePointer<plinth_host_api>, plugin: OpaquePointer?) {
        self.api = api
        self.plugin = plugin
    }

    /// The host's ABI minor version; slots added later than it are absent.
    public var abiMinor: UInt32 { api.pointee.abi_minor }

    /// Whether the host supports a capability or service id, e.g. "plinth.storage/1".
    public func supports(_ id: String) -> Bool {
        guard let supports = api.pointee.supports else { return false }
        return Bytes.withView(id) { supports(plugin, $0) } == PLINTH_OK
    }

    /// Log levels of `log(_:_:)`.
    public enum LogLevel: Int32, Sendable {
        case trace = 0, debug, info, warn, error
    }

    /// Writes one line to the host log, tagged with this plugin's id.
    public func log(_ level: LogLevel, _ message: String) {
        _ = Bytes.withView(message) { api.pointee.log?(plugin, level.rawValue, $0) }
    }

    /// Reads a configuration value (environment or `.env`), or nil when unset.
    public func config(_ key: String) -> String? {
        var value = plinth_buffer()
        let status = Bytes.withView(key) { api.pointee.config_get?(plugin, $0, &value) ?? PLINTH_ERR_UNSUPPORTED }
        guard status == PLINTH_OK else { return nil }
        return Bytes.takeString(value)
    }

    /// Registers a raw capability table under its capability id.
    ///
    /// Prefer the typed helpers (`route`, `filter`, …); this is for kinds
    /// PluginKit does not wrap. The table is copied by the host.
    public func register<Table>(_ capability: String, _ table: Table) throws {
        var table = table
        let status = withUnsafePointer(to: &table) { pointer in
            Bytes.withView(capability) { api.pointee.register_capability?(plugin, $0, UnsafeRawPointer(pointer)) }
        } ?? PLINTH_ERR_UNSUPPORTED
        try PluginError.check(status, plinth_buffer(), "registering \(capability)")
    }

    /// Calls an engine service by versioned id with JSON arguments and returns its JSON result.
    ///
    /// With `context` the call runs as that request's caller; without, with full access.
    /// Blocks: call it only from callbacks registered with `mayBlock: true`.
    public func call(_ service: String, args: String = "{}", context: Context? = nil) throws -> [UInt8] {
        guard let serviceCall = api.pointee.service_call else {
            throw PluginError(PLINTH_ERR_UNSUPPORTED, "host has no service_call")
        }
        var result = plinth_buffer()
        var error = plinth_buffer()
        let status = Bytes.withView(service) { name in
            Bytes.withView(args) { serviceCall(plugin, context?.handle, name, $0, &result, &error) }
        }
        if status < 0 {
            Bytes.release(result)
            throw PluginError(status, Bytes.takeString(error))
        }
        Bytes.release(error)
        return Bytes.take(result)
    }

    /// Runs the filter hooks for `event` over a JSON payload and returns the final payload.
    public func emitFilter(_ event: String, payload: String, meta: String = "{}", context: Context? = nil) throws -> [UInt8] {
        guard let emit = api.pointee.emit_filter else { throw PluginError(PLINTH_ERR_UNSUPPORTED, "host has no emit_filter") }
        var out = plinth_buffer()
        var error = plinth_buffer()
        let status = Bytes.withView(event) { e in
            Bytes.withView(payload) { p in
                Bytes.withView(meta) { m in emit(plugin, context?.handle, e, p, m, &out, &error) }
            }
        }
        if status < 0 {
            Bytes.release(out)
            throw PluginError(status, Bytes.takeString(error))
        }
        Bytes.release(error)
        return Bytes.take(out)
    }

    /// Queues the action hooks for `event`; returns at once.
    public func emitAction(_ event: String, payload: String, meta: String = "{}", context: Context? = nil) {
        guard let emit = api.pointee.emit_action else { return }
        _ = Bytes.withView(event) { e in
            Bytes.withView(payload) { p in
                Bytes.withView(meta) { m in emit(plugin, context?.handle, e, p, m) }
            }
        }
    }
}

/// The accountability and transaction a request, event or flow runs in.
public struct Context: @unchecked Sendable {
    /// The host's opaque handle.
    public let handle: OpaquePointer?

    /// Creates a context from the host's handle.
    public init(handle: OpaquePointer?) { self.handle = handle }
}

extension PluginHost {
    /// Reads a context's accountability as JSON (`{"user","role","admin",…}`).
    public func accountability(_ context: Context) throws -> [UInt8] {
        var out = plinth_buffer()
        let status = api.pointee.context_accountability?(context.handle, &out) ?? PLINTH_ERR_UNSUPPORTED
        try PluginError.check(status, plinth_buffer(), "reading accountability")
        return Bytes.take(out)
    }
}
