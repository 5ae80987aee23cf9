import PluginABI

/// An event delivered to a PluginKit hook.
public struct Event {
    let raw: UnsafePointer<plinth_event>

    /// The emitted event's name, e.g. "articles.items.create".
    public var name: String { Bytes.string(raw.pointee.name) }
    /// The payload as JSON bytes (copied).
    public var payload: [UInt8] { Bytes.array(raw.pointee.payload) }
    /// The payload as JSON text (copied).
    public var payloadString: String { Bytes.string(raw.pointee.payload) }
    /// The event's meta object as JSON text (copied).
    public var meta: String { Bytes.string(raw.pointee.meta) }
    /// The caller and transaction, or nil for init and schedule hooks.
    public var context: Context? { raw.pointee.context.map { Context(handle: $0) } }
}

extension PluginHost {
    /// Registers a filter hook: runs before `event`; return new payload bytes to replace it,
    /// nil to keep it, or throw (e.g. `PluginError.directus`) to veto.
    public func filter(_ event: String, priority: Int32 = 0, mayBlock: Bool = false, _ handler: @escaping (Event) throws -> [UInt8]?) throws {
        try hook(PLINTH_HOOK_FILTER, event, priority: priority, mayBlock: mayBlock, Hook(handler))
    }

    /// Registers an action hook: runs after `event` committed; cannot change or block it.
    public func action(_ event: String, mayBlock: Bool = false, _ handler: @escaping (Event) throws -> Void) throws {
        try hook(PLINTH_HOOK_ACTION, event, priority: 0, mayBlock: mayBlock, Hook { try handler($0); return nil })
    }

    /// Registers an init hook on a lifecycle point ("app.before", "routes.after", …).
    public func onInit(_ event: String, _ handler: @escaping (Event) throws -> Void) throws {
        try hook(PLINTH_HOOK_INIT, event, priority: 0, mayBlock: false, Hook { try handler($0); return nil })
    }

    /// Registers a schedule hook on a 5- or 6-field cron expression.
    public func schedule(_ cron: String, mayBlock: Bool = true, _ handler: @escaping () throws -> Void) throws {
        try hook(PLINTH_HOOK_SCHEDULE, cron, priority: 0, mayBlock: mayBlock, Hook { _ in try handler(); return nil })
    }

    private func hook(_ type: Int32, _ event: String, priority: Int32, mayBlock: Bool, _ box: Hook) throws {
        let table = plinth_hook_v1(
            struct_size: UInt32(MemoryLayout<plinth_hook_v1>.size),
            type: type,
            flags: mayBlock ? PLINTH_FLAG_MAY_BLOCK : 0,
            priority: priority,
            event: Bytes.permanent(event),
            run: hookTrampoline,
            ctx: Unmanaged.passRetained(box).toOpaque()
        )
        try register(PLINTH_CAP_HOOK, table)
    }
}

/// A registered hook's handler, kept alive for the process lifetime.
final class Hook {
    let handler: (Event) throws -> [UInt8]?
    init(_ handler: @escaping (Event) throws -> [UInt8]?) { self.handler = handler }
}

private let hookTrampoline: plinth_hook_fn = { ctx, event, _, outPayload, outError in
    guard let ctx, let event else { return PLINTH_ERR_INVALID }
    let hook = Unmanaged<Hook>.fromOpaque(ctx).takeUnretainedValue()
    do {
        if let replacement = try hook.handler(Event(raw: event)) {
            outPayload?.pointee = Bytes.buffer(replacement)
        }
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: outError)
    }
}
