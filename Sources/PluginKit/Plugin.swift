@_exported import PluginABI

/// What a plugin says about itself: the fields of its ABI descriptor.
public struct PluginInfo: Sendable {
    /// Unique id, `[a-z0-9._-]{1,64}`, e.g. "endpoint.server".
    public var id: String
    /// The plugin's own version.
    public var version: String
    /// The kinds of capability the plugin registers.
    public var kinds: Kinds
    /// One line for humans.
    public var description: String

    /// Creates the description of a plugin.
    public init(id: String, version: String, kinds: Kinds, description: String = "") {
        self.id = id
        self.version = version
        self.kinds = kinds
        self.description = description
    }

    /// Capability kinds, as bits of the descriptor's `kinds` field.
    public struct Kinds: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let endpoint = Kinds(rawValue: PLINTH_KIND_ENDPOINT)
        public static let hook = Kinds(rawValue: PLINTH_KIND_HOOK)
        public static let storage = Kinds(rawValue: PLINTH_KIND_STORAGE)
        public static let sqlDriver = Kinds(rawValue: PLINTH_KIND_SQL_DRIVER)
        public static let authProvider = Kinds(rawValue: PLINTH_KIND_AUTH_PROVIDER)
        public static let operation = Kinds(rawValue: PLINTH_KIND_OPERATION)
        public static let transformer = Kinds(rawValue: PLINTH_KIND_TRANSFORMER)
    }
}

/// A plugin written in Swift.
///
/// The lifecycle is the ABI's: `init(host:)` registers capabilities and must
/// have no other side effects; `configure`, `start` and `stop` follow.
/// Export it with `PluginExport.descriptor(for:)` from the entry function:
///
/// ```swift
/// @_cdecl("plinth_extension_v1")
/// public func plinthExtension() -> UnsafeRawPointer {
///     PluginExport.descriptor(for: HelloPlugin.self)
/// }
/// ```
public protocol Plugin: AnyObject {
    /// The plugin's descriptor fields.
    static var info: PluginInfo { get }
    /// Registers the plugin's capabilities with the host.
    init(host: PluginHost) throws
    /// Receives the plugin's configuration (`{"v":1,"id","file","data_dir"}`).
    func configure(_ configJSON: String) throws
    /// Starts background work.
    func start() throws
    /// Stops background work before the process exits.
    func stop()
}

extension Plugin {
    public func configure(_ configJSON: String) throws {}
    public func start() throws {}
    public func stop() {}
}

/// Builds the static descriptor a Swift plugin's entry function returns.
public enum PluginExport {
    /// Returns the descriptor for `type`, creating it once per process.
    ///
    /// A shared object exports exactly one plugin; calling this with two
    /// different types in one image returns the first type's descriptor.
    public static func descriptor<P: Plugin>(for type: P.Type) -> UnsafeRawPointer {
        exportLock.lock()
        defer { exportLock.unlock() }
        if let existing = exported { return UnsafeRawPointer(existing) }
        factory = { host in try P(host: host) }
        let info = P.info
        let descriptor = UnsafeMutablePointer<plinth_descriptor>.allocate(capacity: 1)
        descriptor.initialize(to: plinth_descriptor(
            struct_size: UInt32(MemoryLayout<plinth_descriptor>.size),
            abi_major: UInt32(PLINTH_ABI_MAJOR),
            abi_minor: UInt32(PLINTH_ABI_MINOR),
            kinds: info.kinds.rawValue,
            id: Bytes.permanent(info.id),
            version: Bytes.permanent(info.version),
            toolchain: Bytes.permanent(Toolchain.current),
            description: Bytes.permanent(info.description),
            register_plugin: registerTrampoline,
            configure: configureTrampoline,
            start: startTrampoline,
            stop: stopTrampoline
        ))
        exported = descriptor
        return UnsafeRawPointer(descriptor)
    }
}

private let exportLock = Mutex()
nonisolated(unsafe) private var exported: UnsafeMutablePointer<plinth_descriptor>?
nonisolated(unsafe) private var factory: ((PluginHost) throws -> any Plugin)?

private let registerTrampoline: plinth_register_fn = { selfHandle, api, outState, outError in
    guard let api, let factory else { return PLINTH_ERR_INVALID }
    do {
        let host = PluginHost(api: api, plugin: selfHandle)
        let plugin = try factory(host)
        outState?.pointee = Unmanaged.passRetained(PluginBox(plugin)).toOpaque()
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: outError)
    }
}

private let configureTrampoline: plinth_configure_fn = { state, config, outError in
    guard let state else { return PLINTH_ERR_INVALID }
    do {
        try PluginBox.from(state).plugin.configure(Bytes.string(config))
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: outError)
    }
}

private let startTrampoline: plinth_start_fn = { state, outError in
    guard let state else { return PLINTH_ERR_INVALID }
    do {
        try PluginBox.from(state).plugin.start()
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: outError)
    }
}

private let stopTrampoline: plinth_stop_fn = { state in
    guard let state else { return }
    PluginBox.from(state).plugin.stop()
}

/// Holds a plugin instance behind the ABI's `void *state`.
final class PluginBox {
    let plugin: any Plugin
    init(_ plugin: any Plugin) { self.plugin = plugin }
    static func from(_ pointer: UnsafeMutableRawPointer) -> PluginBox {
        Unmanaged<PluginBox>.fromOpaque(pointer).takeUnretainedValue()
    }
}
