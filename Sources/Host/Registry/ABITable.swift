import Foundation
import PluginABI

/// Reads a size-prefixed ABI struct the way the ABI guide prescribes.
///
/// Copies `min(struct_size, sizeof(T))` bytes into a zeroed `T`, refuses a
/// struct larger than the host knows, and refuses one smaller than `minimum`
/// (the size the struct had when its capability first appeared).
enum ABITable {
    enum Failure: Error {
        case tooLarge(found: Int, known: Int)
        case tooSmall(found: Int, minimum: Int)
    }

    static func read<T>(_ raw: UnsafeRawPointer, as type: T.Type, minimum: Int = MemoryLayout<T>.size) throws -> T {
        let declared = Int(raw.load(as: UInt32.self))
        let known = MemoryLayout<T>.size
        if declared > known { throw Failure.tooLarge(found: declared, known: known) }
        if declared < minimum { throw Failure.tooSmall(found: declared, minimum: minimum) }
        let local = UnsafeMutableRawPointer.allocate(byteCount: known, alignment: MemoryLayout<T>.alignment)
        defer { local.deallocate() }
        local.initializeMemory(as: UInt8.self, repeating: 0, count: known)
        local.copyMemory(from: raw, byteCount: declared)
        return local.load(as: T.self)
    }
}
