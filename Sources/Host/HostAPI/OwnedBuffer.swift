import Foundation
import PluginABI

/// Host-side handling of `plinth_buffer`: taking plugin bytes and handing bytes to plugins.
enum OwnedBuffer {
    /// Copies a plugin's buffer and releases it.
    static func take(_ buffer: plinth_buffer) -> [UInt8] {
        defer { release(buffer) }
        guard let ptr = buffer.ptr, buffer.len > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: ptr, count: Int(buffer.len)))
    }

    /// Releases a buffer without reading it.
    static func release(_ buffer: plinth_buffer) {
        if let release = buffer.release, let ptr = buffer.ptr {
            release(buffer.release_ctx, ptr, buffer.len)
        }
    }

    /// Makes a buffer the plugin releases, holding a copy of `bytes`.
    static func make(_ bytes: [UInt8]) -> plinth_buffer {
        guard !bytes.isEmpty, let memory = malloc(bytes.count)?.assumingMemoryBound(to: UInt8.self) else {
            return plinth_buffer()
        }
        bytes.withUnsafeBufferPointer { memory.initialize(from: $0.baseAddress!, count: bytes.count) }
        return plinth_buffer(ptr: memory, len: UInt64(bytes.count), release: releaseMalloced, release_ctx: nil)
    }

    static func make(_ string: String) -> plinth_buffer {
        make(Array(string.utf8))
    }
}

private let releaseMalloced: plinth_release_fn = { _, ptr, _ in free(ptr) }
