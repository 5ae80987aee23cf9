import Foundation
import PlinthJSON
import PluginABI
import SQLPlan

/// The platform's database: plans go to the SQL driver plugin serving `DB_CLIENT`.
///
/// Every method blocks; call them from the blocking pool. The engine never
/// writes SQL: it builds `Plan`s and reads JSON results.
public final class Database: @unchecked Sendable {
    /// The DB_CLIENT value ("sqlite3", "pg", …).
    public let client: String
    /// The driver's plugin id.
    public let driverID: String
    private let driver: plinth_sql_driver_v1
    private let handle: UnsafeMutableRawPointer?

    init(client: String, driver: plinth_sql_driver_v1, plugin: LoadedPlugin, handle: UnsafeMutableRawPointer?) {
        self.client = client
        self.driver = driver
        self.driverID = plugin.id
        self.handle = handle
    }

    deinit {
        driver.close?(driver.ctx, handle)
    }

    /// Whether the database is PostgreSQL (for the few decisions that depend on the vendor, such as snapshot `vendor`).
    public var vendor: String { client == "pg" || client == "postgres" ? "postgres" : "sqlite" }

    /// Opens the database configured in `settings` through the registered driver.
    static func open(_ settings: DatabaseSettings, registry: Registry) throws -> Database {
        guard let (driver, plugin) = registry.sqlDrivers[settings.client] else {
            let known = registry.sqlDrivers.keys.sorted().joined(separator: ", ")
            throw ConfigError("No SQL driver plugin serves DB_CLIENT=\(settings.client) (loaded drivers: \(known.isEmpty ? "none" : known)).")
        }
        var handle: UnsafeMutableRawPointer?
        var error = plinth_buffer()
        let status = ABIText.withView(settings.driverConfig.encoded()) { driver.open(driver.ctx, $0, &handle, &error) }
        let bytes = OwnedBuffer.take(error)
        guard status == PLINTH_OK else {
            let reason = DatabaseError(status: status, bytes: bytes).message
            throw ConfigError("Cannot connect to the database \(settings.location): \(reason)")
        }
        return Database(client: settings.client, driver: driver, plugin: plugin, handle: handle)
    }

    // MARK: Running plans

    /// Runs a plan and returns its raw JSON result.
    @discardableResult
    public func execute(_ plan: Plan, in transaction: Transaction? = nil) throws -> [UInt8] {
        try execute(text: plan.encoded(), in: transaction)
    }

    /// Runs a plan given as its JSON text and returns its raw JSON result.
    func execute(text: [UInt8], in transaction: Transaction? = nil) throws -> [UInt8] {
        var result = plinth_buffer()
        var error = plinth_buffer()
        let status = ABIText.withView(text) { planView in
            driver.execute(driver.ctx, handle, transaction?.handle, planView, &result, &error)
        }
        guard status == PLINTH_OK else {
            OwnedBuffer.release(result)
            throw DatabaseError(status: status, bytes: OwnedBuffer.take(error))
        }
        OwnedBuffer.release(error)
        return OwnedBuffer.take(result)
    }

    /// Runs a select and returns its rows.
    public func rows(_ select: Select, in transaction: Transaction? = nil) throws -> [JSON] {
        let bytes = try execute(.select(select), in: transaction)
        return try JSON.parse(bytes).arrayValue ?? []
    }

    /// Inserts rows and returns the primary keys of the new rows (when `returning` is set).
    @discardableResult
    public func insert(_ insert: Insert, in transaction: Transaction? = nil) throws -> [JSON] {
        try JSON.parse(execute(.insert(insert), in: transaction))["keys"]?.arrayValue ?? []
    }

    /// Runs an update and returns the number of rows changed.
    @discardableResult
    public func update(_ update: Update, in transaction: Transaction? = nil) throws -> Int {
        try JSON.parse(execute(.update(update), in: transaction))["count"]?.intValue ?? 0
    }

    /// Runs a delete and returns the number of rows removed.
    @discardableResult
    public func delete(_ delete: Delete, in transaction: Transaction? = nil) throws -> Int {
        try JSON.parse(execute(.delete(delete), in: transaction))["count"]?.intValue ?? 0
    }

    /// Describes tables, columns, keys and indexes.
    public func introspect(in transaction: Transaction? = nil) throws -> JSON {
        var result = plinth_buffer()
        var error = plinth_buffer()
        let status = driver.introspect(driver.ctx, handle, transaction?.handle, &result, &error)
        guard status == PLINTH_OK else {
            OwnedBuffer.release(result)
            throw DatabaseError(status: status, bytes: OwnedBuffer.take(error))
        }
        OwnedBuffer.release(error)
        return try JSON.parse(OwnedBuffer.take(result))
    }

    /// Names of the tables (not views) in the database.
    public func tableNames() throws -> Set<String> {
        Set((try introspect()["tables"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
    }

    // MARK: Transactions

    /// Starts a transaction on one pooled connection; `schemaChanges` allows table rebuilds in it.
    public func begin(schemaChanges: Bool = false) throws -> Transaction {
        var tx: UnsafeMutableRawPointer?
        var error = plinth_buffer()
        let options = schemaChanges ? #"{"v":1,"schema":true}"# : "{}"
        let status = ABIText.withView(options) { driver.begin(driver.ctx, handle, $0, &tx, &error) }
        guard status == PLINTH_OK, let tx else { throw DatabaseError(status: status, bytes: OwnedBuffer.take(error)) }
        OwnedBuffer.release(error)
        return Transaction(database: self, handle: tx)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(schemaChanges: Bool = false, _ body: (Transaction) throws -> T) throws -> T {
        let transaction = try begin(schemaChanges: schemaChanges)
        do {
            let result = try body(transaction)
            try transaction.commit()
            return result
        } catch {
            transaction.rollbackIfOpen()
            throw error
        }
    }

    fileprivate func finish(_ handle: UnsafeMutableRawPointer, commit: Bool) throws {
        var error = plinth_buffer()
        let status = commit ? driver.commit(driver.ctx, handle, &error) : driver.rollback(driver.ctx, handle, &error)
        guard status == PLINTH_OK else { throw DatabaseError(status: status, bytes: OwnedBuffer.take(error)) }
        OwnedBuffer.release(error)
    }
}

/// One open transaction. Commit or roll back exactly once.
public final class Transaction: @unchecked Sendable {
    unowned let database: Database
    let handle: UnsafeMutableRawPointer
    private var open = true

    init(database: Database, handle: UnsafeMutableRawPointer) {
        self.database = database
        self.handle = handle
    }

    public func commit() throws {
        guard open else { return }
        open = false
        try database.finish(handle, commit: true)
    }

    public func rollback() throws {
        guard open else { return }
        open = false
        try database.finish(handle, commit: false)
    }

    func rollbackIfOpen() {
        try? rollback()
    }

    deinit {
        if open { try? database.finish(handle, commit: false) }
    }
}
