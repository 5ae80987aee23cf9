import CSQLite
import Foundation
import PlinthJSON
import PluginKit
import SQLCompiler
import SQLPlan

/// `driver.sqlite`: the embedded database, on libsqlite3.
final class SQLitePlugin: Plugin {
    static let info = PluginInfo(id: "driver.sqlite", version: "1.0.0", kinds: [.sqlDriver],
                                 description: "SQLite driver (DB_CLIENT=sqlite3)")

    init(host: PluginHost) throws {
        // Before any connection opens: without memory statistics, allocations take no global lock.
        _ = plinth_sqlite_disable_memstatus()
        try SQLiteTrace.start(path: host.config("SQLITE_TRACE"))
        try host.register(PLINTH_CAP_SQL_DRIVER, plinth_sql_driver_v1(
            struct_size: UInt32(MemoryLayout<plinth_sql_driver_v1>.size),
            flags: PLINTH_FLAG_MAY_BLOCK,
            client: Bytes.permanent("sqlite3,sqlite"),
            ctx: nil,
            open: sqliteOpen, close: sqliteClose, begin: sqliteBegin, commit: sqliteCommit,
            rollback: sqliteRollback, execute: sqliteExecute, introspect: sqliteIntrospect
        ))
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: SQLitePlugin.self)
}

/// Reports a thrown error as the ABI's SQL error JSON and status.
func report(_ error: any Error, _ out: UnsafeMutablePointer<plinth_buffer>?) -> plinth_status {
    let driverError = (error as? DriverError) ?? DriverError("other", "\(error)")
    var object: JSONObject = ["kind": .string(driverError.kind), "message": .string(driverError.message)]
    object["table"] = driverError.table.map(JSON.string) ?? .null
    object["column"] = driverError.column.map(JSON.string) ?? .null
    object["constraint"] = driverError.constraint.map(JSON.string) ?? .null
    out?.pointee = Bytes.buffer(JSON.object(object).encoded())
    switch driverError.kind {
    case "invalid_plan", "syntax": return PLINTH_ERR_INVALID
    case "connection": return PLINTH_ERR_UNAVAILABLE
    case "unique", "foreign_key", "not_null", "too_long", "out_of_range", "invalid_text": return PLINTH_ERR_REJECTED
    default: return PLINTH_ERR_FAILED
    }
}

private func database(_ pointer: UnsafeMutableRawPointer?) -> SQLiteDatabase {
    Unmanaged<SQLiteDatabase>.fromOpaque(pointer!).takeUnretainedValue()
}

private func transaction(_ pointer: UnsafeMutableRawPointer?) -> SQLiteTransaction {
    Unmanaged<SQLiteTransaction>.fromOpaque(pointer!).takeUnretainedValue()
}

private let sqliteOpen: @convention(c) (UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, config, outDB, outError in
    do {
        let json = try JSON.parse(Bytes.array(config))
        guard let filename = json["filename"]?.stringValue, !filename.isEmpty else {
            throw DriverError("invalid_plan", "DB_FILENAME is required for SQLite")
        }
        let pool = json["pool"]?["max"]?.intValue ?? 8
        let busy = Int32(json["busy_timeout"]?.intValue ?? 5000)
        let db = try SQLiteDatabase(path: filename, maxConnections: pool, busyTimeout: busy)
        outDB?.pointee = Unmanaged.passRetained(db).toOpaque()
        return PLINTH_OK
    } catch let error as DriverError {
        _ = report(error, outError)
        return PLINTH_ERR_UNAVAILABLE
    } catch {
        return report(DriverError("invalid_plan", "bad configuration: \(error)"), outError)
    }
}

private let sqliteClose: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, db in
    if let db { Unmanaged<SQLiteDatabase>.fromOpaque(db).release() }
}

private let sqliteBegin: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, options, outTx, outError in
    do {
        let schema = options.len > 0 ? ((try? JSON.parse(Bytes.array(options)))?["schema"]?.boolValue ?? false) : false
        let tx = try SQLiteTransaction(database: database(db), foreignKeysOff: schema)
        outTx?.pointee = Unmanaged.passRetained(tx).toOpaque()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let sqliteCommit: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, tx, outError in
    let unmanaged = Unmanaged<SQLiteTransaction>.fromOpaque(tx!)
    defer { unmanaged.release() }
    do {
        try unmanaged.takeUnretainedValue().commit()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let sqliteRollback: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, tx, outError in
    let unmanaged = Unmanaged<SQLiteTransaction>.fromOpaque(tx!)
    defer { unmanaged.release() }
    do {
        try unmanaged.takeUnretainedValue().rollback()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let sqliteExecute: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, tx, planJSON, outResult, outError in
    do {
        let bytes = Bytes.array(planJSON)
        if let shape = PlanShape(of: bytes) {
            // A select: compiled once per shape on each connection (ReadCache).
            let cached: ByteWriter?
            if let tx {
                let transaction = transaction(tx)
                cached = try SQLiteExecutor(database: transaction.database, connection: transaction.connection, rebuildsAllowed: transaction.foreignKeysOff)
                    .run(bytes, shape: shape)
            } else {
                let pool = database(db)
                cached = try pool.with { try SQLiteExecutor(database: pool, connection: $0, rebuildsAllowed: false).run(bytes, shape: shape) }
            }
            if let cached {
                outResult?.pointee = cached.take()
                return PLINTH_OK
            }
        }
        let result: ByteWriter
        let plan = try Plan(bytes: bytes)
        if let tx {
            let transaction = transaction(tx)
            result = try SQLiteExecutor(database: transaction.database, connection: transaction.connection, rebuildsAllowed: transaction.foreignKeysOff).run(plan)
        } else if plan.writesSeveralStatements {
            let transaction = try SQLiteTransaction(database: database(db), foreignKeysOff: plan.rebuildsTables)
            do {
                result = try SQLiteExecutor(database: transaction.database, connection: transaction.connection, rebuildsAllowed: transaction.foreignKeysOff).run(plan)
            } catch {
                try? transaction.rollback()
                throw error
            }
            try transaction.commit()
        } else {
            let pool = database(db)
            result = try pool.with { try SQLiteExecutor(database: pool, connection: $0, rebuildsAllowed: false).run(plan) }
        }
        outResult?.pointee = result.take()
        return PLINTH_OK
    } catch let error as PlanError {
        return report(DriverError.plan(error.message), outError)
    } catch {
        return report(error, outError)
    }
}

private let sqliteIntrospect: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, tx, outJSON, outError in
    do {
        let describe: (SQLiteConnection, Compiler) throws -> JSON = { try SQLiteIntrospector(connection: $0, compiler: $1).describe() }
        let json: JSON
        if let tx {
            let transaction = transaction(tx)
            json = try describe(transaction.connection, transaction.database.compiler)
        } else {
            let pool = database(db)
            json = try pool.with { try describe($0, pool.compiler) }
        }
        outJSON?.pointee = Bytes.buffer(json.encoded())
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}
