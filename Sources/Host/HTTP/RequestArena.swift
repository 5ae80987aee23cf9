import Foundation
import NIOCore
import PluginABI

/// The memory behind one `plinth_http_request`: every string and the header
/// and parameter arrays in two allocations, freed when the request ends.
///
/// Views into it stay valid for the arena's lifetime, which covers a
/// PLINTH_PENDING response until completion.
final class RequestArena: @unchecked Sendable {
    private let bytes: UnsafeMutableRawPointer
    private let pairs: UnsafeMutablePointer<plinth_kv>
    private var used = 0
    private let capacity: Int
    private(set) var request = plinth_http_request()
    /// The context the request's `context` handle points to, kept alive with the arena.
    let context: CallContext

    init(method: String, path: String, query: String, headers: [(String, String)], params: [(String, String)],
         body: ByteBuffer?, remoteAddress: String, context: CallContext) {
        self.context = context
        var size = method.utf8.count + path.utf8.count + query.utf8.count + remoteAddress.utf8.count + (body?.readableBytes ?? 0)
        for (name, value) in headers { size += name.utf8.count + value.utf8.count }
        for (name, value) in params { size += name.utf8.count + value.utf8.count }
        capacity = max(size, 1)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        pairs = UnsafeMutablePointer<plinth_kv>.allocate(capacity: max(headers.count + params.count, 1))

        let methodView = copy(method)
        let pathView = copy(path)
        let queryView = copy(query)
        for (index, (name, value)) in headers.enumerated() {
            pairs[index] = plinth_kv(name: copy(name), value: copy(value))
        }
        for (index, (name, value)) in params.enumerated() {
            pairs[headers.count + index] = plinth_kv(name: copy(name), value: copy(value))
        }
        var bodyView = plinth_str()
        if let body, body.readableBytes > 0 {
            body.withUnsafeReadableBytes { raw in
                bodyView = copy(raw)
            }
        }
        request = plinth_http_request(
            struct_size: UInt32(MemoryLayout<plinth_http_request>.size), reserved: 0,
            method: methodView, path: pathView, query: queryView,
            headers: UnsafePointer(pairs), headers_len: UInt64(headers.count),
            params: UnsafePointer(pairs + headers.count), params_len: UInt64(params.count),
            body: bodyView, remote_address: copy(remoteAddress), context: context.handle
        )
    }

    deinit {
        bytes.deallocate()
        pairs.deallocate()
    }

    private func copy(_ string: String) -> plinth_str {
        var text = string
        return text.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
    }

    private func copy(_ raw: UnsafeRawBufferPointer) -> plinth_str {
        guard raw.count > 0 else { return plinth_str(ptr: nil, len: 0) }
        let target = bytes + used
        target.copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        used += raw.count
        return plinth_str(ptr: UnsafePointer(target.assumingMemoryBound(to: UInt8.self)), len: UInt64(raw.count))
    }
}
