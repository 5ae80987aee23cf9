import CLibPQ
import Foundation
import PlinthJSON
import SQLCompiler
import SQLPlan

/// One PostgreSQL database: a pool of between `min` and `max` connections.
///
/// A caller waits when every connection is busy. A connection whose server
/// side went away (restart, `pg_terminate_backend`, network) is re-established
/// when it is taken from the pool, and a plan that fails because of it outside
/// a transaction runs once more on the fresh session.
final class PostgresDatabase: @unchecked Sendable {
    let settings: PostgresSettings
    let compiler = Compiler(dialect: PostgresDialect())
    private var idle: [PostgresConnection] = []
    private var created = 0
    private let condition = NSCondition()
    private var statements = 0
    /// How long `acquire` waits for a busy pool before giving up.
    private let acquireTimeout: TimeInterval = 30

    init(settings: PostgresSettings) throws {
        self.settings = settings
        // Opening the first connections now is what makes a bad host or password fail at start.
        for _ in 0..<settings.poolMin { idle.append(try PostgresConnection(settings: settings)) }
        created = idle.count
    }

    /// Takes a connection, waiting for one when all are busy.
    func acquire() throws -> PostgresConnection {
        condition.lock()
        let deadline = Date().addingTimeInterval(acquireTimeout)
        while idle.isEmpty {
            if created < settings.poolMax {
                created += 1
                condition.unlock()
                do {
                    return try PostgresConnection(settings: settings)
                } catch {
                    discard()
                    throw error
                }
            }
            guard condition.wait(until: deadline) else {
                condition.unlock()
                throw DriverError("connection", "all \(settings.poolMax) PostgreSQL connections stayed busy for \(Int(acquireTimeout)) s; raise DB_POOL__MAX")
            }
        }
        let connection = idle.removeLast()
        condition.unlock()
        do {
            try connection.revalidate()
        } catch {
            discard()
            throw error
        }
        return connection
    }

    /// Returns a connection; one left inside a transaction (a failed commit path) is rolled back first.
    func release(_ connection: PostgresConnection) {
        if !connection.isBroken, connection.inTransaction { try? connection.run("ROLLBACK") }
        condition.lock()
        statements += connection.executed
        connection.executed = 0
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// Forgets a connection that could not be made or restored, freeing its slot.
    private func discard() {
        condition.lock()
        created -= 1
        condition.signal()
        condition.unlock()
    }

    /// Statements run so far by every connection.
    var statementCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return statements
    }

    /// Runs `body` on a pooled connection, once more on a fresh session when the connection dropped.
    func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        do {
            return try body(connection)
        } catch let error as DriverError where error.kind == "connection" && connection.isBroken {
            try connection.reconnect()
            return try body(connection)
        }
    }
}

/// A transaction: one connection held from BEGIN to COMMIT or ROLLBACK.
final class PostgresTransaction {
    let database: PostgresDatabase
    let connection: PostgresConnection

    init(database: PostgresDatabase) throws {
        self.database = database
        connection = try database.acquire()
        do {
            try connection.run("BEGIN")
        } catch {
            database.release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction of its own on `connection` (a plan run without `begin`):
    /// committed when it returns, rolled back when it throws.
    static func implicit<T>(on connection: PostgresConnection, _ body: () throws -> T) throws -> T {
        try connection.run("BEGIN")
        let result: T
        do {
            result = try body()
        } catch {
            if !connection.isBroken { try? connection.run("ROLLBACK") }
            throw error
        }
        try connection.run("COMMIT")
        return result
    }

    /// Runs a plan so that, when it fails, the transaction is as before it and stays usable
    /// (PostgreSQL otherwise refuses every later statement of a transaction with an error).
    func run<T>(_ body: () throws -> T) throws -> T {
        try connection.run("SAVEPOINT plinth_plan")
        do {
            let result = try body()
            try connection.run("RELEASE SAVEPOINT plinth_plan")
            return result
        } catch {
            if !connection.isBroken { try? connection.run("ROLLBACK TO SAVEPOINT plinth_plan; RELEASE SAVEPOINT plinth_plan") }
            throw error
        }
    }

    func commit() throws {
        defer { database.release(connection) }
        // COMMIT of a failed transaction "succeeds" as a ROLLBACK: report that as the error it is.
        guard PQtransactionStatus(connection.handle) != PQTRANS_INERROR else {
            try? connection.run("ROLLBACK")
            throw DriverError("other", "the transaction was rolled back because a statement in it failed")
        }
        try connection.run("COMMIT")
    }

    func rollback() throws {
        defer { database.release(connection) }
        guard !connection.isBroken else { return }
        try connection.run("ROLLBACK")
    }
}
