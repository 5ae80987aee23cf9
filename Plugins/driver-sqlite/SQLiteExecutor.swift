import CSQLite
import PlinthJSON
import SQLCompiler
import SQLPlan

/// A compiled read: its statement, and how a row becomes JSON — one column per field assembled
/// by `SQLiteRows`, or, when a field's JSON-ness cannot be told from the plan, one json_object
/// column per row (`rows` nil).
struct SQLiteRead<Statement: Sendable>: Sendable {
    let sql: Statement
    let rows: SQLiteRows?
}

extension SQLiteRead<SQL> {
    init(_ select: Select, compiler: Compiler) throws {
        if let kinds = SQLiteRows.kinds(of: select.fields), let (columns, keys) = try compiler.selectColumns(select) {
            self.init(sql: columns, rows: SQLiteRows(keys: keys, kinds: kinds))
        } else {
            self.init(sql: try compiler.select(select), rows: nil)
        }
    }
}

extension SQLiteRead<ReusableSQL> {
    /// The read of a plan shape's select, or nil when its SQL depends on the shape's values.
    init?(shape select: Select, compiler: Compiler) throws {
        let read = try SQLiteRead<SQL>(select, compiler: compiler.forShapes)
        guard let sql = read.sql.reusableForm else { return nil }
        self.init(sql: sql, rows: read.rows)
    }
}

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
            let read = try SQLiteRead(select, compiler: compiler)
            try run(read.sql, rows: read.rows, into: out)
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

    /// Runs a select plan's text with the read compiled for its shape on this connection
    /// (compiling it the first time); nil when the shape's SQL cannot be reused or the text is not
    /// a plan of the shape: then the caller decodes the plan and runs it as any other.
    func run(_ bytes: [UInt8], shape: PlanShape) throws -> ByteWriter? {
        guard let read = connection.reads.read(shape, compile: { try SQLiteRead(shape: $0, compiler: compiler) }),
              let values = try? shape.values(in: bytes) else { return nil }
        let sql = try read.sql.bound(to: values, compiler)
        return try ByteWriter.filled(sizeHint: &connection.resultSizeHint) { try run(sql, rows: read.rows, into: $0) }
    }

    /// Runs a read's statement and writes its rows as a JSON array.
    private func run(_ sql: SQL, rows: SQLiteRows?, into out: ByteWriter) throws {
        let statement = try connection.prepare(sql)
        out.append(UInt8(ascii: "["))
        var first = true
        try connection.step(statement, sql: sql.text) { statement in
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            if let rows { try rows.appendRow(statement, to: out) } else { SQLiteConnection.appendText(statement, to: out) }
        }
        out.append(UInt8(ascii: "]"))
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
