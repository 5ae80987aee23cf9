import Foundation
import PlinthJSON
import PluginKit
import SQLCompiler
import SQLPlan

/// `driver.postgres`: PostgreSQL, on libpq.
final class PostgresPlugin: Plugin {
    static let info = PluginInfo(id: "driver.postgres", version: "1.0.0", kinds: [.sqlDriver],
                                 description: "PostgreSQL driver (DB_CLIENT=pg)")

    init(host: PluginHost) throws {
        try host.register(PLINTH_CAP_SQL_DRIVER, plinth_sql_driver_v1(
            struct_size: UInt32(MemoryLayout<plinth_sql_driver_v1>.size),
            flags: PLINTH_FLAG_MAY_BLOCK,
            client: Bytes.permanent("pg,postgres"),
            ctx: nil,
            open: postgresOpen, close: postgresClose, begin: postgresBegin, commit: postgresCommit,
            rollback: postgresRollback, execute: postgresExecute, introspect: postgresIntrospect
        ))
    }
}

@_cdecl("plinth_extension_v1")
public func plinthExtension() -> UnsafeRawPointer {
    PluginExport.descriptor(for: PostgresPlugin.self)
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

private func database(_ pointer: UnsafeMutableRawPointer?) -> PostgresDatabase {
    Unmanaged<PostgresDatabase>.fromOpaque(pointer!).takeUnretainedValue()
}

private func transaction(_ pointer: UnsafeMutableRawPointer?) -> PostgresTransaction {
    Unmanaged<PostgresTransaction>.fromOpaque(pointer!).takeUnretainedValue()
}

private let postgresOpen: @convention(c) (UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, config, outDB, outError in
    do {
        let json = try JSON.parse(Bytes.array(config))
        let db = try PostgresDatabase(settings: try PostgresSettings(json: json))
        outDB?.pointee = Unmanaged.passRetained(db).toOpaque()
        return PLINTH_OK
    } catch let error as DriverError {
        return report(error, outError)
    } catch {
        return report(DriverError("invalid_plan", "bad configuration: \(error)"), outError)
    }
}

private let postgresClose: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, db in
    if let db { Unmanaged<PostgresDatabase>.fromOpaque(db).release() }
}

// PostgreSQL's DDL is transactional and needs no special mode, so the begin options are ignored.
private let postgresBegin: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, _, outTx, outError in
    do {
        let tx = try PostgresTransaction(database: database(db))
        outTx?.pointee = Unmanaged.passRetained(tx).toOpaque()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let postgresCommit: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, tx, outError in
    let unmanaged = Unmanaged<PostgresTransaction>.fromOpaque(tx!)
    defer { unmanaged.release() }
    do {
        try unmanaged.takeUnretainedValue().commit()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let postgresRollback: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, tx, outError in
    let unmanaged = Unmanaged<PostgresTransaction>.fromOpaque(tx!)
    defer { unmanaged.release() }
    do {
        try unmanaged.takeUnretainedValue().rollback()
        return PLINTH_OK
    } catch {
        return report(error, outError)
    }
}

private let postgresExecute: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, tx, planJSON, outResult, outError in
    do {
        let bytes = Bytes.array(planJSON)
        if let shape = PlanShape(of: bytes) {
            // A select: compiled once per shape on each connection (ReadCache).
            let cached: ByteWriter?
            if let tx {
                let transaction = transaction(tx)
                cached = try PostgresExecutor(database: transaction.database, connection: transaction.connection).run(bytes, shape: shape)
            } else {
                let pool = database(db)
                cached = try pool.with { try PostgresExecutor(database: pool, connection: $0).run(bytes, shape: shape) }
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
            let executor = PostgresExecutor(database: transaction.database, connection: transaction.connection)
            result = plan.writes ? try transaction.run { try executor.run(plan) } : try executor.run(plan)
        } else {
            let pool = database(db)
            result = try pool.with { connection in
                let executor = PostgresExecutor(database: pool, connection: connection)
                guard plan.writesSeveralStatements else { return try executor.run(plan) }
                return try PostgresTransaction.implicit(on: connection) { try executor.run(plan) }
            }
        }
        outResult?.pointee = result.take()
        return PLINTH_OK
    } catch let error as PlanError {
        return report(DriverError.plan(error.message), outError)
    } catch {
        return report(error, outError)
    }
}

private let postgresIntrospect: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<plinth_buffer>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { _, db, tx, outJSON, outError in
    do {
        let describe: (PostgresConnection, Compiler) throws -> JSON = { try PostgresIntrospector(connection: $0, compiler: $1).describe() }
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
