import Foundation
import PluginABI

/// Reads and checks one capability table handed to `register_capability`.
enum CapabilityReader {
    struct Refused: Error {
        let status: plinth_status
        let reason: String
    }

    static func read(_ capability: String, table: UnsafeRawPointer, plugin: LoadedPlugin) throws -> Registration {
        switch capability {
        case PLINTH_CAP_ENDPOINT: return try endpoint(sized(table, plinth_endpoint_v1.self), plugin)
        case PLINTH_CAP_HOOK: return try hook(sized(table, plinth_hook_v1.self), plugin)
        case PLINTH_CAP_STORAGE:
            let t = try sized(table, plinth_storage_v1.self)
            try require(t.open != nil && t.stat != nil && t.read != nil && t.write_begin != nil && t.write_chunk != nil
                        && t.write_finish != nil && t.remove != nil && t.list != nil, "a storage driver needs every callback but close")
            return .storage(t, driver: try name(t.driver, "driver"))
        case PLINTH_CAP_SQL_DRIVER:
            let t = try sized(table, plinth_sql_driver_v1.self)
            try require(t.open != nil && t.begin != nil && t.commit != nil && t.rollback != nil && t.execute != nil && t.introspect != nil,
                        "a SQL driver needs open, begin, commit, rollback, execute and introspect")
            let clients = try name(t.client, "client").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .sqlDriver(t, clients: clients)
        case PLINTH_CAP_AUTH_PROVIDER:
            let t = try sized(table, plinth_auth_provider_v1.self)
            try require(t.open != nil && (t.login != nil || t.authorize != nil), "an auth provider needs open and login or authorize")
            try require((t.authorize == nil) == (t.callback == nil), "authorize and callback come together")
            return .authProvider(t, driver: try name(t.driver, "driver"))
        case PLINTH_CAP_OPERATION:
            let t = try sized(table, plinth_operation_v1.self)
            try require(t.run != nil, "an operation needs run")
            return .operation(t, id: try name(t.id, "id"))
        case PLINTH_CAP_TRANSFORMER:
            let t = try sized(table, plinth_transformer_v1.self)
            try require(t.transform != nil, "an image transformer needs transform")
            return .transformer(t, name: try name(t.name, "name"))
        default:
            throw Refused(status: PLINTH_ERR_UNSUPPORTED, reason: "unknown capability \"\(capability)\"")
        }
    }

    private static func sized<T>(_ table: UnsafeRawPointer, _ type: T.Type) throws -> T {
        do {
            return try ABITable.read(table, as: type)
        } catch ABITable.Failure.tooLarge(let found, let known) {
            throw Refused(status: PLINTH_ERR_TOO_LARGE, reason: "struct_size \(found) is larger than the \(known) bytes the host knows")
        } catch ABITable.Failure.tooSmall(let found, let minimum) {
            throw Refused(status: PLINTH_ERR_INVALID, reason: "struct_size \(found) is smaller than the minimum \(minimum)")
        }
    }

    private static func require(_ condition: Bool, _ reason: String) throws {
        if !condition { throw Refused(status: PLINTH_ERR_INVALID, reason: reason) }
    }

    private static func name(_ view: plinth_str, _ what: String) throws -> String {
        let text = ABIText.string(view)
        try require(!text.isEmpty, "\(what) is empty")
        return text
    }

    private static func endpoint(_ t: plinth_endpoint_v1, _ plugin: LoadedPlugin) throws -> Registration {
        guard let handle = t.handle else { throw Refused(status: PLINTH_ERR_INVALID, reason: "endpoint has no handle callback") }
        let method = ABIText.string(t.method)
        let path = ABIText.string(t.path)
        try require(method == "*" || (!method.isEmpty && method.utf8.allSatisfy { (0x41...0x5A).contains($0) }),
                    "method \"\(method)\" is not an upper-case HTTP method or \"*\"")
        try require(path.hasPrefix("/"), "path \"\(path)\" does not start with /")
        let segments = Router.segments(path)
        for (index, segment) in segments.enumerated() {
            if segment == "*" { try require(index == segments.count - 1, "\"*\" must be the last segment of \(path)") }
            if segment.hasPrefix(":") { try require(segment.count > 1, "empty parameter name in \(path)") }
        }
        let mayBlock = t.flags & PLINTH_FLAG_MAY_BLOCK != 0
        return .endpoint(EndpointRoute(plugin: plugin, method: method, path: path, mayBlock: mayBlock,
                                       longBlock: mayBlock && t.flags & PLINTH_FLAG_LONG_BLOCK != 0, handle: handle, ctx: t.ctx))
    }

    private static func hook(_ t: plinth_hook_v1, _ plugin: LoadedPlugin) throws -> Registration {
        guard let run = t.run else { throw Refused(status: PLINTH_ERR_INVALID, reason: "hook has no run callback") }
        try require((PLINTH_HOOK_FILTER...PLINTH_HOOK_SCHEDULE).contains(t.type), "unknown hook type \(t.type)")
        let event = try name(t.event, "event")
        if t.type == PLINTH_HOOK_SCHEDULE {
            do { _ = try Cron(event) } catch { throw Refused(status: PLINTH_ERR_INVALID, reason: "\(error)") }
        }
        return .hook(HookEntry(plugin: plugin, type: t.type, mayBlock: t.flags & PLINTH_FLAG_MAY_BLOCK != 0,
                               priority: t.priority, event: event, run: run, ctx: t.ctx))
    }
}
