import Foundation
import Logging
import PluginABI

/// Delivers events to hook plugins.
///
/// Filters run in ascending priority, then registration order, each seeing
/// the previous one's payload; any of them may veto. Actions run after the
/// fact on the blocking pool and never hold up the caller. Init hooks run at
/// lifecycle points; schedule hooks belong to the `Scheduler`.
public final class EventBus: @unchecked Sendable {
    private var filters: [String: [HookEntry]] = [:]
    private var actions: [String: [HookEntry]] = [:]
    private var inits: [String: [HookEntry]] = [:]
    private(set) var schedules: [HookEntry] = []
    private var sequence = 0
    let pool: BlockingPool
    let logger: Logger
    /// How long a hook that returned PLINTH_PENDING may take before it counts as failed.
    var pendingTimeout: TimeInterval = 30

    init(pool: BlockingPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    func add(_ hook: HookEntry) {
        var hook = hook
        sequence += 1
        hook.sequence = sequence
        switch hook.type {
        case PLINTH_HOOK_FILTER:
            filters[hook.event, default: []].append(hook)
            filters[hook.event]!.sort { ($0.priority, $0.sequence) < ($1.priority, $1.sequence) }
        case PLINTH_HOOK_ACTION: actions[hook.event, default: []].append(hook)
        case PLINTH_HOOK_INIT: inits[hook.event, default: []].append(hook)
        default: schedules.append(hook)
        }
    }

    func remove(where predicate: (HookEntry) -> Bool) {
        for key in filters.keys { filters[key]!.removeAll(where: predicate) }
        for key in actions.keys { actions[key]!.removeAll(where: predicate) }
        for key in inits.keys { inits[key]!.removeAll(where: predicate) }
        schedules.removeAll(where: predicate)
    }

    /// Whether any filter listens to `event` (lets callers skip encoding payloads).
    public func hasFilters(_ event: String) -> Bool {
        !(filters[event]?.isEmpty ?? true)
    }

    /// Whether any action listens to `event`.
    public func hasActions(_ event: String) -> Bool {
        !(actions[event]?.isEmpty ?? true)
    }

    /// Runs the filters of `event` over `payload` and returns the final payload.
    ///
    /// Blocks while hooks run: call it from the blocking pool, never from the event loop.
    public func filter(_ event: String, payload: [UInt8], meta: [UInt8], context: CallContext?) throws -> [UInt8] {
        guard let hooks = filters[event], !hooks.isEmpty else { return payload }
        var current = payload
        for hook in hooks {
            let outcome = invoke(hook, event: event, payload: current, meta: meta, context: context)
            if outcome.status < 0 {
                throw HookRejection(plugin: hook.plugin.id, error: APIError.fromPlugin(outcome.error, status: outcome.status))
            }
            if let replacement = outcome.payload { current = replacement }
        }
        return current
    }

    /// Queues the actions of `event` on the blocking pool and returns at once.
    public func action(_ event: String, payload: [UInt8], meta: [UInt8], context: CallContext?) {
        guard let hooks = actions[event], !hooks.isEmpty else { return }
        for hook in hooks {
            pool.submit { [self] in
                let outcome = invoke(hook, event: event, payload: payload, meta: meta, context: context)
                if outcome.status < 0 {
                    logger.warning("action hook failed", metadata: ["plugin": "\(hook.plugin.id)", "event": "\(event)", "status": "\(outcome.status)", "error": "\(String(decoding: outcome.error, as: UTF8.self))"])
                }
            }
        }
    }

    /// Runs the actions of `event` on the calling thread and waits for them (for `server.stop`,
    /// which must finish before plugins stop).
    public func actionNow(_ event: String) {
        for hook in actions[event] ?? [] {
            let outcome = invoke(hook, event: event, payload: Array("null".utf8), meta: Array("{}".utf8), context: nil)
            if outcome.status < 0 {
                logger.warning("action hook failed", metadata: ["plugin": "\(hook.plugin.id)", "event": "\(event)", "error": "\(String(decoding: outcome.error, as: UTF8.self))"])
            }
        }
    }

    /// Runs the init hooks of a lifecycle point in order; a failure is logged, not fatal.
    public func runInit(_ event: String, meta: [UInt8] = Array("{}".utf8)) {
        for hook in inits[event] ?? [] {
            let outcome = invoke(hook, event: event, payload: Array("null".utf8), meta: meta, context: nil)
            if outcome.status < 0 {
                logger.error("init hook failed", metadata: ["plugin": "\(hook.plugin.id)", "event": "\(event)", "error": "\(String(decoding: outcome.error, as: UTF8.self))"])
            }
        }
    }

    struct Outcome {
        var status: plinth_status
        var payload: [UInt8]?
        var error: [UInt8]
    }

    /// Calls one hook and waits for it, also when it answers PLINTH_PENDING.
    func invoke(_ hook: HookEntry, event: String, payload: [UInt8], meta: [UInt8], context: CallContext?) -> Outcome {
        let call = PendingCall.make()
        var outPayload = plinth_buffer()
        var outError = plinth_buffer()
        let status: plinth_status = ABIText.withView(event) { name in
            ABIText.withView(payload) { payloadView in
                ABIText.withView(meta) { metaView in
                    var raw = plinth_event(struct_size: UInt32(MemoryLayout<plinth_event>.size), type: hook.type, name: name,
                                           payload: payloadView, meta: metaView, context: context?.handle)
                    let status = hook.run(hook.ctx, &raw, call.handle, &outPayload, &outError)
                    guard status == PLINTH_PENDING else {
                        call.returnedSynchronously()
                        return status
                    }
                    // The views must outlive the pending call, so wait inside their scope.
                    guard let outputs = call.wait(timeout: pendingTimeout) else { return PLINTH_ERR_TIMEOUT }
                    outPayload = outputs.payload
                    outError = outputs.error
                    return outputs.status
                }
            }
        }
        let replaced = outPayload.ptr == nil ? nil : OwnedBuffer.take(outPayload)
        var error = OwnedBuffer.take(outError)
        if status == PLINTH_ERR_TIMEOUT && error.isEmpty {
            error = Array("hook did not complete within \(Int(pendingTimeout)) s".utf8)
        }
        return Outcome(status: status, payload: replaced, error: error)
    }
}
