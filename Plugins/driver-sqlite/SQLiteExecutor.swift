import CSQLite
import PlinthJSON
import SQLCompiler
import SQLPlan

/// Runs plans on one SQLite connection and produces their JSON results.
struct SQLiteExecutor {
    let database: SQLiteDatabase
    let connection: SQLiteConnection
    /// Whether foreign keys are off for this transaction, so tables may be rebuilt.
    let rebuildsAllowed: Bool

    var compiler: Compiler { database.compiler }

    /// Runs a plan; its JSON result goes to a buffer handed over without a copy.
    func run(_ plan: Plan) throws -> ByteWriter {
        try ByteWriter.filled(sizeHint: &connection.resultSizeHint) { try run(plan, into: $0) }
    }

    private func run(_ plan: Plan, into out: ByteWriter) throws {
        switch plan {
        case .select(let select):
            // One column per field, the objects assembled here (SQLiteRows); or, when a field's
            // JSON-ness cannot be told from the plan, one json_object column per row.
            let sql: SQL
            let appendRow: (OpaquePointer) throws -> Void
            if let kinds = SQLiteRows.kinds(of: select.fields), let (columns, keys) = try compiler.selectColumns(select) {
                let rows = SQLiteRows(keys: keys, kinds: kinds)
                sql = columns
                appendRow = { try rows.appendRow($0, to: out) }
            } else {
                sql = try compiler.select(select)
                appendRow = { SQLiteConnection.appendText($0, to: out) }
            }
            let statement = try connection.prepare(sql)
            out.append(UInt8(ascii: "["))
            var first = true
            try connection.step(statement, sql: sql.text) { statement in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try appendRow(statement)
            }
            out.append(UInt8(ascii: "]"))
        case .insert(let insert):
            var keys: [JSON] = []
            for sql in try compiler.insert(insert) {
                let statement = try connection.prepare(sql)
                var key = JSON.null
                try connection.step(statement, sql: sql.text) { key = SQLiteConnection.value($0, 0) }
                if insert.returning != nil { keys.append(key) }
            }
            out.append(JSON.object(["keys": .array(keys)]).encoded())
        case .update(let update):
            out.append(try change(compiler.update(update)))
        case .delete(let delete):
            out.append(try change(compiler.delete(delete)))
        case .schema(let changes):
            let introspector = SQLiteIntrospector(connection: connection, compiler: compiler)
            let dialect = SQLiteDialect()
            for change in changes {
                if SQLiteDialect.requiresRebuild(change), !rebuildsAllowed {
                    throw DriverError.plan("this schema change rebuilds a SQLite table; run it outside a transaction or in one begun with {\"schema\":true}")
                }
                for statement in try dialect.schemaStatements(change, introspect: { try introspector.table(named: $0) }) {
                    try connection.run(statement)
                }
            }
            out.append(Array("{}".utf8))
        case .batch(let plans):
            out.append(Array("{\"results\":[".utf8))
            for (index, step) in plans.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try run(step, into: out)
            }
            out.append(Array("]}".utf8))
        case .stats:
            out.append(JSON.object(["statements": .int(database.statementCount + connection.executed)]).encoded())
        }
    }

    private func change(_ sql: SQL) throws -> [UInt8] {
        let statement = try connection.prepare(sql)
        try connection.step(statement, sql: sql.text) { _ in }
        return JSON.object(["count": .int(connection.changes)]).encoded()
    }
}

extension Plan {
    /// Whether running the plan needs an explicit transaction (more than one statement that writes).
    var writesSeveralStatements: Bool {
        switch self {
        case .select, .stats, .update, .delete: return false
        case .insert(let insert): return insert.rows.count > 1
        case .schema, .batch: return true
        }
    }

    /// Whether any schema change in the plan rebuilds a table.
    var rebuildsTables: Bool {
        switch self {
        case .schema(let changes): return changes.contains(where: SQLiteDialect.requiresRebuild)
        case .batch(let plans): return plans.contains(where: \.rebuildsTables)
        default: return false
        }
    }
}

extension SQLiteDialect {
    /// Changes ALTER TABLE cannot make in SQLite.
    static func requiresRebuild(_ change: SchemaChange) -> Bool {
        switch change {
        case .alterColumn, .dropColumn, .addForeignKey, .dropForeignKey: return true
        case .addColumn(_, let column):
            return column.primaryKey || column.autoIncrement || column.defaultValue == .now
                || (!column.nullable && (column.defaultValue == nil || column.defaultValue == .value(.null)))
        default: return false
        }
    }
}
