import Foundation
import PluginABI

/// A hook or operation call that may answer PLINTH_PENDING and finish later with `call_complete`.
///
/// The plugin receives `handle` as its `plinth_call *`. The plugin's
/// reference is taken before the callback runs and dropped when it returns
/// anything but PLINTH_PENDING, or when it completes. A completion arriving
/// after the waiter gave up is accepted and its buffers released.
final class PendingCall: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false
    private var abandoned = false
    private var result: (status: plinth_status, payload: plinth_buffer, error: plinth_buffer) = (PLINTH_OK, plinth_buffer(), plinth_buffer())

    /// Creates a call and takes the plugin's reference to it.
    static func make() -> PendingCall {
        let call = PendingCall()
        _ = Unmanaged.passRetained(call)
        return call
    }

    /// The handle handed to the plugin.
    var handle: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?) -> PendingCall? {
        guard let handle else { return nil }
        return Unmanaged<PendingCall>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// The callback returned without PLINTH_PENDING: the plugin will not complete it.
    func returnedSynchronously() {
        Unmanaged.passUnretained(self).release()
    }

    /// Waits for completion and returns its outputs, or nil after `timeout` seconds.
    func wait(timeout: TimeInterval) -> (status: plinth_status, payload: plinth_buffer, error: plinth_buffer)? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !done {
            if !condition.wait(until: deadline) {
                abandoned = true
                return nil
            }
        }
        let outputs = result
        result = (result.status, plinth_buffer(), plinth_buffer())
        return outputs
    }

    /// Records the completion; false when the call was already completed.
    func complete(status: plinth_status, payload: plinth_buffer, error: plinth_buffer) -> Bool {
        condition.lock()
        guard !done else {
            condition.unlock()
            return false
        }
        done = true
        let discard = abandoned
        if !discard { result = (status, payload, error) }
        condition.broadcast()
        condition.unlock()
        if discard {
            OwnedBuffer.release(payload)
            OwnedBuffer.release(error)
        }
        Unmanaged.passUnretained(self).release()
        return true
    }
}
