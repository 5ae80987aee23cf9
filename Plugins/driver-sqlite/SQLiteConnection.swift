import CSQLite
import Foundation
import PlinthJSON
import SQLCompiler

/// One SQLite connection with its prepared-statement cache. Used by one thread at a time.
final class SQLiteConnection {
    let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    private var statementOrder: [String] = []
    private let cacheLimit = 256
    /// Statements run, for the `stats` plan.
    var executed = 0
    /// The size of this connection's last read result: the next one reserves that much up front
    /// instead of growing (and copying) its buffer a dozen times.
    var resultSizeHint = 256
    /// Reads compiled by plan shape.
    let reads = ReadCache<SQLiteRead<ReusableSQL>>()

    init(path: String, busyTimeout: Int32) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw DriverError("connection", "cannot open SQLite database \(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        guard SQLiteDates.register(on: db) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close_v2(db)
            throw DriverError("connection", "cannot register date functions on \(path): \(message)")
        }
        sqlite3_busy_timeout(db, busyTimeout)
        SQLiteTrace.attach(db)
        try run("PRAGMA foreign_keys = ON")
        try run("PRAGMA synchronous = NORMAL")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without parameters or results (pragmas, transaction control).
    func run(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        executed += 1
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw classify(message: message, sql: sql)
        }
    }

    /// Prepares (or reuses) a statement and binds its parameters.
    func prepare(_ sql: SQL) throws -> OpaquePointer {
        let statement: OpaquePointer
        if let cached = statements[sql.text] {
            sqlite3_reset(cached)
            sqlite3_clear_bindings(cached)
            statement = cached
        } else {
            var prepared: OpaquePointer?
            guard sqlite3_prepare_v3(handle, sql.text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK, let prepared else {
                throw classify(message: String(cString: sqlite3_errmsg(handle)), sql: sql.text)
            }
            cache(sql.text, prepared)
            statement = prepared
        }
        for (offset, value) in sql.parameters.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let integer): status = sqlite3_bind_int64(statement, index, integer)
            case .double(let double): status = sqlite3_bind_double(statement, index, double)
            case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, SQLiteConnection.transient)
            case .blob(let bytes): status = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLiteConnection.transient) }
            }
            guard status == SQLITE_OK else { throw classify(message: String(cString: sqlite3_errmsg(handle)), sql: sql.text) }
        }
        return statement
    }

    private func cache(_ text: String, _ statement: OpaquePointer) {
        if statements.count >= cacheLimit, let oldest = statementOrder.first {
            statementOrder.removeFirst()
            if let evicted = statements.removeValue(forKey: oldest) { sqlite3_finalize(evicted) }
        }
        statements[text] = statement
        statementOrder.append(text)
    }

    /// Steps a prepared statement; calls `row` for each result row.
    func step(_ statement: OpaquePointer, sql: String, row: (OpaquePointer) throws -> Void) throws {
        executed += 1
        defer { sqlite3_reset(statement) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_ROW {
                try row(statement)
            } else if status == SQLITE_DONE {
                return
            } else {
                throw classify(message: String(cString: sqlite3_errmsg(handle)), sql: sql)
            }
        }
    }

    /// Runs a query and returns its rows as JSON values (typed from SQLite's storage classes).
    func query(_ sql: SQL) throws -> [[JSON]] {
        let statement = try prepare(sql)
        var rows: [[JSON]] = []
        try step(statement, sql: sql.text) { statement in
            rows.append((0..<sqlite3_column_count(statement)).map { SQLiteConnection.value(statement, $0) })
        }
        return rows
    }

    /// Number of rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    static func value(_ statement: OpaquePointer, _ column: Int32) -> JSON {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            return .string(String(cString: text))
        }
    }

    /// The text of column 0 appended to `out` (JSON produced by the statement).
    static func appendText(_ statement: OpaquePointer, to out: ByteWriter) {
        guard let text = sqlite3_column_text(statement, 0) else {
            RowWriter.appendNull(to: out)
            return
        }
        out.append(text, count: Int(sqlite3_column_bytes(statement, 0)))
    }

    /// Maps SQLite's extended result code and message to a driver error kind.
    func classify(message: String, sql: String) -> DriverError {
        let code = sqlite3_extended_errcode(handle)
        switch code {
        case Int32(PLINTH_SQLITE_CONSTRAINT_UNIQUE), Int32(PLINTH_SQLITE_CONSTRAINT_PRIMARYKEY):
            let (table, column) = SQLiteConnection.tableColumn(message)
            return DriverError("unique", message, table: table, column: column)
        case Int32(PLINTH_SQLITE_CONSTRAINT_NOTNULL):
            let (table, column) = SQLiteConnection.tableColumn(message)
            return DriverError("not_null", message, table: table, column: column)
        case Int32(PLINTH_SQLITE_CONSTRAINT_FOREIGNKEY):
            return DriverError("foreign_key", message)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return DriverError("connection", "database is busy: \(message)")
        case SQLITE_TOOBIG:
            return DriverError("too_long", message)
        default:
            if (code & 0xff) == SQLITE_ERROR { return DriverError("syntax", message) }
            return DriverError("other", message)
        }
    }

    /// "UNIQUE constraint failed: articles.title" → ("articles", "title").
    static func tableColumn(_ message: String) -> (String?, String?) {
        guard let colon = message.range(of: ": ") else { return (nil, nil) }
        let target = message[colon.upperBound...].split(separator: ",").first.map(String.init) ?? ""
        let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : (nil, nil)
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
