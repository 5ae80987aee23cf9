import PluginABI

/// One capability a plugin registered, copied out of its ABI table.
enum Registration {
    case endpoint(EndpointRoute)
    case hook(HookEntry)
    case storage(plinth_storage_v1, driver: String)
    case sqlDriver(plinth_sql_driver_v1, clients: [String])
    case authProvider(plinth_auth_provider_v1, driver: String)
    case operation(plinth_operation_v1, id: String)
    case transformer(plinth_transformer_v1, name: String)
}

extension Registration {
    /// A name no two registrations of the same kind may share (routes are checked by pattern instead).
    var exclusiveName: String? {
        switch self {
        case .storage(_, let driver): return "storage driver \"\(driver)\""
        case .sqlDriver(_, let clients): return "SQL driver for \"\(clients.joined(separator: ","))\""
        case .authProvider(_, let driver): return "auth provider driver \"\(driver)\""
        case .operation(_, let id): return "operation \"\(id)\""
        case .transformer(_, let name): return "image transformer \"\(name)\""
        case .endpoint, .hook: return nil
        }
    }
}

/// An HTTP route served by an endpoint plugin.
struct EndpointRoute: @unchecked Sendable {
    let plugin: LoadedPlugin
    let method: String
    let path: String
    let mayBlock: Bool
    /// PLINTH_FLAG_LONG_BLOCK: runs on the slow pool (since ABI 1.1).
    var longBlock = false
    let handle: plinth_endpoint_fn
    let ctx: UnsafeMutableRawPointer?
}

/// A hook handler on one event.
struct HookEntry: @unchecked Sendable {
    let plugin: LoadedPlugin
    let type: Int32
    let mayBlock: Bool
    let priority: Int32
    let event: String
    let run: plinth_hook_fn
    let ctx: UnsafeMutableRawPointer?
    /// Registration order across all plugins, the tie-breaker after priority.
    var sequence: Int = 0
}

/// Text helpers for the ABI's views.
enum ABIText {
    static func string(_ view: plinth_str) -> String {
        guard let ptr = view.ptr, view.len > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: ptr, count: Int(view.len)), as: UTF8.self)
    }

    static func withView<R>(_ string: String, _ body: (plinth_str) throws -> R) rethrows -> R {
        var copy = string
        return try copy.withUTF8 { try body(plinth_str(ptr: $0.baseAddress, len: UInt64($0.count))) }
    }

    static func withView<R>(_ bytes: [UInt8], _ body: (plinth_str) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(plinth_str(ptr: $0.baseAddress, len: UInt64($0.count))) }
    }
}
