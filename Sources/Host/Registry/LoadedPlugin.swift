import PluginABI

/// A plugin the loader accepted: its descriptor, state and registrations.
///
/// Instances live for the whole process (plugins are never unloaded), so
/// `handle` can be handed to the plugin as its `plinth_plugin *`.
public final class LoadedPlugin: @unchecked Sendable {
    public let id: String
    public let version: String
    public let description: String
    public let kinds: UInt32
    public let abiMajor: UInt32
    public let abiMinor: UInt32
    public let toolchain: String
    public let path: String
    /// True for plugins from the built-in folder, false for EXTENSIONS_PATH.
    public let builtin: Bool
    let descriptor: plinth_descriptor
    unowned let runtime: Runtime
    var state: UnsafeMutableRawPointer?
    /// Capabilities registered during `register`, committed to the registry on success.
    var pending: [Registration] = []
    var started = false

    init(descriptor: plinth_descriptor, path: String, builtin: Bool, runtime: Runtime) {
        self.descriptor = descriptor
        self.id = ABIText.string(descriptor.id)
        self.version = ABIText.string(descriptor.version)
        self.description = ABIText.string(descriptor.description)
        self.kinds = descriptor.kinds
        self.abiMajor = descriptor.abi_major
        self.abiMinor = descriptor.abi_minor
        self.toolchain = ABIText.string(descriptor.toolchain)
        self.path = path
        self.builtin = builtin
        self.runtime = runtime
    }

    /// The opaque handle passed to the plugin; resolves back with `from(_:)`.
    var handle: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?) -> LoadedPlugin? {
        guard let handle else { return nil }
        return Unmanaged<LoadedPlugin>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// Names of the kinds set in the descriptor, for listings.
    public var kindNames: [String] {
        Registry.kindNames.filter { kinds & $0.bit != 0 }.map(\.name)
    }
}
