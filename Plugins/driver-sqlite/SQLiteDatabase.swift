import CSQLite
import Foundation
import PlinthJSON
import SQLCompiler
import SQLPlan

/// One SQLite database file: a small pool of connections in WAL mode.
///
/// Readers run concurrently; writers take the write lock with
/// `BEGIN IMMEDIATE` and wait up to the busy timeout for each other.
final class SQLiteDatabase: @unchecked Sendable {
    let path: String
    let compiler = Compiler(dialect: SQLiteDialect())
    private var idle: [SQLiteConnection] = []
    private var created = 0
    private let maxConnections: Int
    private let busyTimeout: Int32
    private let condition = NSCondition()
    private var statements = 0

    init(path: String, maxConnections: Int, busyTimeout: Int32) throws {
        self.path = path
        self.maxConnections = max(1, maxConnections)
        self.busyTimeout = busyTimeout
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, path != ":memory:" {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let first = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
        if path != ":memory:" { try first.run("PRAGMA journal_mode = WAL") }
        idle.append(first)
        created = 1
    }

    /// Takes a connection, waiting for one when all are busy.
    func acquire() throws -> SQLiteConnection {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty {
            if created < maxConnections {
                created += 1
                condition.unlock()
                defer { condition.lock() }
                do {
                    return try SQLiteConnection(path: path, busyTimeout: busyTimeout)
                } catch {
                    condition.lock()
                    created -= 1
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
        return idle.removeLast()
    }

    func release(_ connection: SQLiteConnection) {
        condition.lock()
        statements += connection.executed
        connection.executed = 0
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// Statements run so far by every connection.
    var statementCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return statements
    }

    /// Runs `body` on a pooled connection.
    func with<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        return try body(connection)
    }
}

/// A transaction: one connection held from BEGIN to COMMIT or ROLLBACK.
///
/// Table rebuilds need foreign keys off (dropping the old table would
/// otherwise fire ON DELETE actions), and SQLite only lets that change
/// outside a transaction, so such a transaction is opened with them off and
/// checked with `foreign_key_check` before it commits.
final class SQLiteTransaction {
    let database: SQLiteDatabase
    let connection: SQLiteConnection
    let foreignKeysOff: Bool

    init(database: SQLiteDatabase, foreignKeysOff: Bool = false) throws {
        self.database = database
        self.foreignKeysOff = foreignKeysOff
        connection = try database.acquire()
        do {
            if foreignKeysOff { try connection.run("PRAGMA foreign_keys = OFF") }
            try connection.run("BEGIN IMMEDIATE")
        } catch {
            finish()
            throw error
        }
    }

    func commit() throws {
        defer { finish() }
        do {
            if foreignKeysOff {
                let rows = try connection.query(database.compiler.plain("PRAGMA foreign_key_check"))
                if let first = rows.first {
                    throw DriverError("foreign_key", "the change leaves rows in \(first.first?.stringValue ?? "a table") pointing at rows that do not exist")
                }
            }
            try connection.run("COMMIT")
        } catch {
            try? connection.run("ROLLBACK")
            throw error
        }
    }

    func rollback() throws {
        defer { finish() }
        try connection.run("ROLLBACK")
    }

    private func finish() {
        if foreignKeysOff { try? connection.run("PRAGMA foreign_keys = ON") }
        database.release(connection)
    }
}
