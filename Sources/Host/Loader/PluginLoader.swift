import Foundation
import Logging
import PluginABI

/// Finds, opens, validates and registers plugin shared objects.
///
/// Each `.so` is opened once with RTLD_NOW|RTLD_LOCAL|RTLD_NODELETE and never
/// closed (unmapping a Swift image crashes the process). The descriptor is
/// validated before any other plugin code runs; a bad plugin is refused
/// with one log line and the host carries on without it.
final class PluginLoader: @unchecked Sendable {
    unowned let runtime: Runtime
    /// The plugin whose `register` callback is running; only it may register capabilities.
    private var registering: LoadedPlugin?
    private let lock = NSLock()

    init(runtime: Runtime) {
        self.runtime = runtime
    }

    /// Plugin files to load: built-ins first, then EXTENSIONS_PATH, each sorted by name.
    func candidates() -> [(path: String, builtin: Bool)] {
        var result: [(String, Bool)] = []
        let builtinDirectory = PluginLoader.builtinDirectory(runtime.settings.pluginsPath)
        let explicitFolder = runtime.settings.pluginsPath != nil || builtinDirectory.hasSuffix("/plugins")
        for name in PluginLoader.sharedObjects(in: builtinDirectory) where explicitFolder || name.hasPrefix("libplinth-") {
            result.append((builtinDirectory + "/" + name, true))
        }
        let extensions = runtime.settings.extensionsPath
        for name in PluginLoader.sharedObjects(in: extensions) {
            result.append(((extensions as NSString).appendingPathComponent(name), false))
        }
        return result
    }

    /// PLUGINS_PATH, else `<executable dir>/plugins` when it exists, else the executable's directory.
    static func builtinDirectory(_ configured: String?) -> String {
        if let configured { return configured }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let directory = executable.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory + "/plugins", isDirectory: &isDirectory), isDirectory.boolValue {
            return directory + "/plugins"
        }
        return directory
    }

    static func sharedObjects(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".so") }.sorted()
    }

    /// Loads every candidate; returns the refusals (already logged).
    func loadAll() -> [LoadRefusal] {
        var refusals: [LoadRefusal] = []
        for candidate in candidates() {
            do {
                let plugin = try load(path: candidate.path, builtin: candidate.builtin)
                runtime.logger.debug("loaded plugin", metadata: ["plugin": "\(plugin.id)", "version": "\(plugin.version)", "file": "\(candidate.path)"])
            } catch let refusal as LoadRefusal {
                runtime.logger.error("\(refusal.description)")
                refusals.append(refusal)
            } catch {
                let refusal = LoadRefusal(file: candidate.path, reason: "\(error)")
                runtime.logger.error("\(refusal.description)")
                refusals.append(refusal)
            }
        }
        return refusals
    }

    /// Opens, validates and registers one plugin.
    func load(path: String, builtin: Bool) throws -> LoadedPlugin {
        guard let image = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            let detail = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw LoadRefusal(file: path, reason: "expected a loadable shared object, found one dlopen cannot load (\(detail))")
        }
        guard let symbol = dlsym(image, PLINTH_ENTRY_SYMBOL) else {
            throw LoadRefusal(file: path, reason: "expected entry symbol \(PLINTH_ENTRY_SYMBOL), found \(PluginLoader.otherEntry(image) ?? "none") (not a Plinth plugin, or built for another ABI major)")
        }
        let entry = unsafeBitCast(symbol, to: plinth_entry_fn.self)
        guard let raw = entry() else {
            throw LoadRefusal(file: path, reason: "expected a descriptor from \(PLINTH_ENTRY_SYMBOL), found NULL")
        }
        let descriptor = try PluginLoader.readDescriptor(UnsafeRawPointer(raw), path: path)
        let plugin = LoadedPlugin(descriptor: descriptor, path: path, builtin: builtin, runtime: runtime)
        try validate(plugin)
        try register(plugin)
        runtime.registry.commit(plugin)
        return plugin
    }

    static func readDescriptor(_ raw: UnsafeRawPointer, path: String) throws -> plinth_descriptor {
        let major = raw.load(fromByteOffset: 4, as: UInt32.self)
        guard major == UInt32(PLINTH_ABI_MAJOR) else {
            throw LoadRefusal(file: path, reason: "expected ABI major \(PLINTH_ABI_MAJOR), found \(major)")
        }
        do {
            return try ABITable.read(raw, as: plinth_descriptor.self)
        } catch ABITable.Failure.tooLarge(let found, let known) {
            let minor = raw.load(fromByteOffset: 8, as: UInt32.self)
            throw LoadRefusal(file: path, reason: "expected a descriptor of at most \(known) bytes (ABI \(PLINTH_ABI_MAJOR).\(PLINTH_ABI_MINOR)), found struct_size \(found) (built for ABI \(major).\(minor))")
        } catch ABITable.Failure.tooSmall(let found, let minimum) {
            throw LoadRefusal(file: path, reason: "expected a descriptor of at least \(minimum) bytes, found struct_size \(found)")
        }
    }

    private static func otherEntry(_ image: UnsafeMutableRawPointer) -> String? {
        for major in 0...9 where major != Int(PLINTH_ABI_MAJOR) {
            let name = "plinth_extension_v\(major)"
            if dlsym(image, name) != nil { return "\(name) (ABI major \(major))" }
        }
        return nil
    }

    private func validate(_ plugin: LoadedPlugin) throws {
        let path = plugin.path
        guard plugin.descriptor.register_plugin != nil else {
            throw LoadRefusal(file: path, reason: "expected a register function in the descriptor, found NULL")
        }
        guard PluginLoader.isValidID(plugin.id) else {
            throw LoadRefusal(file: path, reason: "expected an id matching [a-z0-9._-]{1,64}, found \"\(plugin.id)\"")
        }
        if plugin.toolchain.hasPrefix("swift-"), plugin.toolchain != HostToolchain.current {
            throw LoadRefusal(file: path, reason: "expected a Swift plugin built with \(HostToolchain.current) (the host's toolchain), found \(plugin.toolchain); rebuild it with the host's toolchain")
        }
        if let existing = runtime.registry.plugin(id: plugin.id) {
            throw LoadRefusal(file: path, reason: "expected a unique id, found \"\(plugin.id)\" already loaded from \(existing.path)")
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    private func register(_ plugin: LoadedPlugin) throws {
        lock.lock()
        registering = plugin
        lock.unlock()
        defer {
            lock.lock()
            registering = nil
            lock.unlock()
        }
        var state: UnsafeMutableRawPointer?
        var error = plinth_buffer()
        let status = plugin.descriptor.register_plugin(plugin.handle, HostTable.pointer, &state, &error)
        if let refusal = LoadRefusal.unless(status, "register", plugin: plugin, message: OwnedBuffer.take(error)) {
            plugin.pending = []
            throw refusal
        }
        plugin.state = state
    }

    /// Handles `register_capability` from the plugin being registered.
    func register(_ plugin: LoadedPlugin, capability: String, table: UnsafeRawPointer) -> plinth_status {
        lock.lock()
        let allowed = registering === plugin
        lock.unlock()
        guard allowed else {
            runtime.logger.warning("capability registered outside register()", metadata: ["plugin": "\(plugin.id)", "capability": "\(capability)"])
            return PLINTH_ERR_INVALID
        }
        do {
            let registration = try CapabilityReader.read(capability, table: table, plugin: plugin)
            if let conflict = runtime.registry.conflict(for: registration, pending: plugin.pending) {
                runtime.logger.warning("capability refused", metadata: ["plugin": "\(plugin.id)", "capability": "\(capability)", "reason": "\(conflict)"])
                return PLINTH_ERR_CONFLICT
            }
            plugin.pending.append(registration)
            return PLINTH_OK
        } catch let refused as CapabilityReader.Refused {
            runtime.logger.warning("capability refused", metadata: ["plugin": "\(plugin.id)", "capability": "\(capability)", "reason": "\(refused.reason)"])
            return refused.status
        } catch {
            return PLINTH_ERR_INVALID
        }
    }
}
