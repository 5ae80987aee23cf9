import Foundation
import PluginKit

/// A growable byte buffer in malloc'd memory whose bytes become the call's result buffer
/// without a copy (`take`). The drivers write their JSON results into one.
public final class ByteWriter {
    // Written only by the one thread that runs the plan: no dynamic exclusivity checks, which
    // cost a runtime call on every append from the drivers' modules.
    @exclusivity(unchecked) @usableFromInline private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    public var count: Int { length }
    @exclusivity(unchecked) @usableFromInline var length = 0
    @exclusivity(unchecked) @usableFromInline var capacity: Int
    /// False once `take` has handed the memory over.
    private var owned = true

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { if owned { free(base) } }

    /// A writer filled by `body`, first sized by `sizeHint` — what the connection's previous
    /// result took, so that one rarely grows — which is then set from this result (at most 256 KiB).
    public static func filled(sizeHint: inout Int, _ body: (ByteWriter) throws -> Void) rethrows -> ByteWriter {
        let out = ByteWriter(capacity: sizeHint)
        try body(out)
        sizeHint = min(out.count + 64, 262_144)
        return out
    }

    @inlinable @inline(__always)
    public func reserve(_ extra: Int) {
        if length + extra > capacity { grow(to: length + extra) }
    }

    @usableFromInline func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        guard let grown = realloc(base, size) else { fatalError("out of memory growing a result buffer to \(size) bytes") }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = size
    }

    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        base[length] = byte
        length += 1
    }

    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeRawPointer, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + self.length).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: length)
        self.length += length
    }

    /// Appends an integer in decimal, as `%lld` writes it.
    public func appendInteger(_ value: Int64) {
        reserve(20)
        // Digits of the magnitude, last first, then reversed into place.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var index = 0
            repeat {
                scratch[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                index += 1
            } while magnitude > 0
            if value < 0 { base[length] = UInt8(ascii: "-"); length += 1 }
            for offset in 0..<index { base[length + offset] = scratch[index - 1 - offset] }
            return index
        }
        length += count
    }

    /// Drops what was written after the first `count` bytes.
    public func truncate(to count: Int) {
        precondition(count >= 0 && count <= length, "ByteWriter.truncate past its end")
        length = count
    }

    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0.baseAddress ?? UnsafeRawPointer(base), count: $0.count) }
    }

    /// The bytes written so far, as a copy (for tests and small results).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the memory over as an owned buffer (released with `free`); the writer must not be used after.
    public func take() -> plinth_buffer {
        precondition(owned, "ByteWriter.take called twice")
        owned = false
        return plinth_buffer(ptr: base, len: UInt64(count), release: releaseMalloced, release_ctx: nil)
    }
}

private let releaseMalloced: plinth_release_fn = { _, ptr, _ in free(ptr) }
