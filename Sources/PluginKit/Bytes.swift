import PluginABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between Swift values and the ABI's borrowed views and owned buffers.
public enum Bytes {
    /// Copies a borrowed view into a String (invalid UTF-8 is repaired).
    public static func string(_ view: plinth_str) -> String {
        guard let ptr = view.ptr, view.len > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: ptr, count: Int(view.len)), as: UTF8.self)
    }

    /// Copies a borrowed view into a byte array.
    public static func array(_ view: plinth_str) -> [UInt8] {
        guard let ptr = view.ptr, view.len > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: ptr, count: Int(view.len)))
    }

    /// Runs `body` with a borrowed view of `string`'s UTF-8 bytes.
    public static func withView<R>(_ string: String, _ body: (plinth_str) throws -> R) rethrows -> R {
        var copy = string
        return try copy.withUTF8 { utf8 in
            try body(plinth_str(ptr: utf8.baseAddress, len: UInt64(utf8.count)))
        }
    }

    /// Runs `body` with a borrowed view of `bytes`.
    public static func withView<R>(_ bytes: [UInt8], _ body: (plinth_str) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            try body(plinth_str(ptr: buffer.baseAddress, len: UInt64(buffer.count)))
        }
    }

    /// Makes a view of a static string that stays valid for the process lifetime.
    ///
    /// The bytes are copied once into memory that is never freed; use it for
    /// descriptor and registration fields, not per call.
    public static func permanent(_ string: String) -> plinth_str {
        let utf8 = Array(string.utf8)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: max(utf8.count, 1))
        memory.initialize(from: utf8, count: utf8.count)
        return plinth_str(ptr: UnsafePointer(memory), len: UInt64(utf8.count))
    }

    /// Makes an owned buffer holding a copy of `bytes`, released with `free`.
    public static func buffer(_ bytes: [UInt8]) -> plinth_buffer {
        if bytes.isEmpty { return plinth_buffer() }
        guard let memory = malloc(bytes.count)?.assumingMemoryBound(to: UInt8.self) else {
            return plinth_buffer()
        }
        bytes.withUnsafeBufferPointer { memory.initialize(from: $0.baseAddress!, count: bytes.count) }
        return plinth_buffer(ptr: memory, len: UInt64(bytes.count), release: releaseMalloced, release_ctx: nil)
    }

    /// Makes an owned buffer holding `string`'s UTF-8 bytes.
    public static func buffer(_ string: String) -> plinth_buffer {
        buffer(Array(string.utf8))
    }

    /// Copies an owned buffer's bytes and releases it.
    public static func take(_ buffer: plinth_buffer) -> [UInt8] {
        defer { release(buffer) }
        guard let ptr = buffer.ptr, buffer.len > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: ptr, count: Int(buffer.len)))
    }

    /// Copies an owned buffer's bytes as a String and releases it.
    public static func takeString(_ buffer: plinth_buffer) -> String {
        String(decoding: take(buffer), as: UTF8.self)
    }

    /// Releases an owned buffer without reading it.
    public static func release(_ buffer: plinth_buffer) {
        if let release = buffer.release, let ptr = buffer.ptr {
            release(buffer.release_ctx, ptr, buffer.len)
        }
    }
}

private let releaseMalloced: plinth_release_fn = { _, ptr, _ in
    free(ptr)
}
