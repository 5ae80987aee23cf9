import CSQLite
import Foundation
import SQLCompiler

/// The statement trace: with `SQLITE_TRACE` set to a path, every statement SQLite runs is appended to that file, one line each.
///
/// It counts what the database really executes (through `sqlite3_trace_v2`),
/// so a benchmark can check how many statements one request costs. Appends
/// are single `write` calls on an `O_APPEND` descriptor, so lines from
/// concurrent connections never interleave.
enum SQLiteTrace {
    /// The open trace file, or -1 when tracing is off.
    nonisolated(unsafe) private(set) static var descriptor: Int32 = -1

    /// Opens the trace file; called once at plugin registration, before any connection exists.
    static func start(path: String?) throws {
        guard let path, !path.isEmpty else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DriverError("connection", "cannot open SQLITE_TRACE \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = fd
    }

    /// Traces the statements of one connection when tracing is on.
    static func attach(_ handle: OpaquePointer) {
        guard descriptor >= 0 else { return }
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, _, _, text in
            guard let text else { return 0 }
            var line = Array(String(cString: text.assumingMemoryBound(to: CChar.self)).utf8)
            for index in line.indices where line[index] == UInt8(ascii: "\n") { line[index] = UInt8(ascii: " ") }
            line.append(UInt8(ascii: "\n"))
            _ = line.withUnsafeBytes { write(SQLiteTrace.descriptor, $0.baseAddress, $0.count) }
            return 0
        }, nil)
    }
}
