import Foundation
import NIOCore
import PluginABI

/// The `plinth_response` an endpoint plugin fills through the host table.
///
/// Built on one thread at a time; `complete` may come from any thread after
/// the callback returned PLINTH_PENDING, and resumes the waiting request.
final class PluginResponse: @unchecked Sendable {
    var status: Int32 = 200
    var headers: [(String, String)] = []
    var body: ByteBuffer?
    let maxBodySize: Int
    private let lock = NSLock()
    private var completed = false
    private var waiter: CheckedContinuation<Void, Never>?

    init(maxBodySize: Int = Int.max) {
        self.maxBodySize = maxBodySize
    }

    var handle: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?) -> PluginResponse? {
        guard let handle else { return nil }
        return Unmanaged<PluginResponse>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// Suspends until `complete` is called (at once if it already was).
    func waitForCompletion() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if completed {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    /// Marks the response finished; false if it already was.
    func finish() -> Bool {
        lock.lock()
        guard !completed else {
            lock.unlock()
            return false
        }
        completed = true
        let continuation = waiter
        waiter = nil
        lock.unlock()
        continuation?.resume()
        return true
    }

    static let setStatus: @convention(c) (OpaquePointer?, Int32) -> plinth_status = { handle, status in
        guard let response = from(handle), (100...599).contains(status) else { return PLINTH_ERR_INVALID }
        response.status = status
        return PLINTH_OK
    }

    static let addHeader: @convention(c) (OpaquePointer?, plinth_str, plinth_str) -> plinth_status = { handle, name, value in
        guard let response = from(handle) else { return PLINTH_ERR_INVALID }
        let headerName = ABIText.string(name)
        let headerValue = ABIText.string(value)
        guard !headerName.isEmpty, !headerName.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" || $0 == " " }),
              !headerValue.contains(where: { $0 == "\r" || $0 == "\n" }) else { return PLINTH_ERR_INVALID }
        response.headers.append((headerName, headerValue))
        return PLINTH_OK
    }

    static let setBody: @convention(c) (OpaquePointer?, plinth_str) -> plinth_status = { handle, body in
        guard let response = from(handle) else { return PLINTH_ERR_INVALID }
        guard body.len <= UInt64(response.maxBodySize) else { return PLINTH_ERR_TOO_LARGE }
        var buffer = ByteBufferAllocator().buffer(capacity: Int(body.len))
        if let ptr = body.ptr, body.len > 0 {
            buffer.writeBytes(UnsafeRawBufferPointer(start: ptr, count: Int(body.len)))
        }
        response.body = buffer
        return PLINTH_OK
    }

    static let takeBody: @convention(c) (OpaquePointer?, plinth_buffer) -> plinth_status = { handle, body in
        defer { OwnedBuffer.release(body) }
        guard let response = from(handle) else { return PLINTH_ERR_INVALID }
        var buffer = ByteBufferAllocator().buffer(capacity: Int(body.len))
        if let ptr = body.ptr, body.len > 0 {
            buffer.writeBytes(UnsafeRawBufferPointer(start: ptr, count: Int(body.len)))
        }
        response.body = buffer
        return PLINTH_OK
    }

    static let complete: @convention(c) (OpaquePointer?) -> plinth_status = { handle in
        guard let response = from(handle), response.finish() else { return PLINTH_ERR_INVALID }
        return PLINTH_OK
    }
}
