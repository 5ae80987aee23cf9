import CLibPQ
import PlinthJSON
import SQLCompiler
import SQLPlan

/// A read compiled for a plan shape: the column statement with its keys (nil for a select
/// without fields), the fields whose types choose how columns are written, and the
/// json_build_object statement.
struct PostgresRead: Sendable {
    let columns: (sql: ReusableSQL, keys: [String])?
    let fields: [(key: String, value: Output)]
    let json: ReusableSQL

    /// The read of a plan shape's select, or nil when its SQL depends on the shape's values.
    init?(shape select: Select, compiler: Compiler) throws {
        let shapes = compiler.forShapes
        guard let json = try shapes.select(select).reusableForm else { return nil }
        if let (columns, keys) = try shapes.selectColumns(select) {
            guard let reusable = columns.reusableForm else { return nil }
            self.columns = (reusable, keys)
        } else {
            self.columns = nil
        }
        self.fields = select.fields
        self.json = json
    }
}

/// Runs plans on one PostgreSQL connection and produces their JSON results.
struct PostgresExecutor {
    let database: PostgresDatabase
    let connection: PostgresConnection

    var compiler: Compiler { database.compiler }

    /// Runs a plan; its JSON result goes to a buffer handed over without a copy.
    func run(_ plan: Plan) throws -> ByteWriter {
        try ByteWriter.filled(sizeHint: &connection.resultSizeHint) { try run(plan, into: $0) }
    }

    private func run(_ plan: Plan, into out: ByteWriter) throws {
        switch plan {
        case .select(let select):
            try read(select, into: out)
        case .insert(let insert):
            var keys: [JSON] = []
            for sql in try compiler.insert(insert) {
                let key = try connection.execute(sql) { PQntuples($0) > 0 && PQnfields($0) > 0 ? PostgresConnection.value($0, 0, 0) : .null }
                if insert.returning != nil { keys.append(key) }
            }
            try resyncSequence(after: insert)
            out.append(JSON.object(["keys": .array(keys)]).encoded())
        case .update(let update):
            let count = try connection.execute(compiler.update(update), PostgresConnection.changes)
            out.append(JSON.object(["count": .int(count)]).encoded())
        case .delete(let delete):
            let count = try connection.execute(compiler.delete(delete), PostgresConnection.changes)
            out.append(JSON.object(["count": .int(count)]).encoded())
        case .schema(let changes):
            try schema(changes)
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

    /// A read: one column per field with the objects written here (PostgresRows), unless the
    /// result has a column or a value PostgresRows does not write; then, and from then on for
    /// that statement, one json_build_object column per row.
    ///
    /// Inside a transaction reads always take the JSON statement. Its result is one json column
    /// whatever the table's columns are, while a prepared column read fails with "cached plan must
    /// not change result type" once a column's type has changed, and there that error would
    /// abort the caller's transaction instead of being retried.
    private func read(_ select: Select, into out: ByteWriter) throws {
        try read(columns: connection.inTransaction ? nil : try compiler.selectColumns(select), fields: select.fields,
                 json: { try compiler.select(select) }, into: out)
    }

    /// Runs a select plan's text with the read compiled for its shape on this connection
    /// (compiling it the first time); nil when the shape's SQL cannot be reused or the text is not
    /// a plan of the shape: then the caller decodes the plan and runs it as any other.
    func run(_ bytes: [UInt8], shape: PlanShape) throws -> ByteWriter? {
        guard let read = connection.reads.read(shape, compile: { try PostgresRead(shape: $0, compiler: compiler) }),
              let values = try? shape.values(in: bytes) else { return nil }
        let columns = try connection.inTransaction ? nil : read.columns.map { (try $0.sql.bound(to: values, compiler), $0.keys) }
        return try ByteWriter.filled(sizeHint: &connection.resultSizeHint) { out in
            try self.read(columns: columns, fields: read.fields, json: { try read.json.bound(to: values, compiler) }, into: out)
        }
    }

    private func read(columns: (sql: SQL, keys: [String])?, fields: [(key: String, value: Output)], json: () throws -> SQL, into out: ByteWriter) throws {
        if let (columns, keys) = columns, !connection.readsAsJSON(columns.text) {
            let written = try connection.execute(columns) { result -> Bool in
                guard let kinds = PostgresRows.kinds(of: result, fields: fields) else { return false }
                return PostgresRows(keys: keys, kinds: kinds).appendRows(result, to: out)
            }
            if written { return }
            connection.readAsJSON(columns.text)
        }
        try connection.execute(json()) { PostgresConnection.appendRows($0, to: out) }
    }

    /// An insert that gave an auto-increment key explicitly moves the key's sequence past the table's
    /// largest key, so the next insert without a key does not collide (Directus does the same).
    private func resyncSequence(after insert: Insert) throws {
        guard let key = insert.returning, let index = insert.columns.firstIndex(of: key),
              insert.rows.contains(where: { row in
                  if case .value(.number(let text), _) = row[index] { return Int64(text) != nil }
                  return false
              }) else { return }
        let dialect = PostgresDialect()
        let sql = compiler.plain("SELECT setval(seq, (SELECT MAX(\(dialect.quote(key))) FROM \(dialect.quote(insert.table)))) FROM "
                                 + "(SELECT pg_get_serial_sequence($1, $2) AS seq) AS s WHERE seq IS NOT NULL",
                                 [.text(dialect.quote(insert.table)), .text(key)])
        _ = try connection.query(sql)
    }

    /// Foreign keys of the tables a plan creates wait until those tables all exist, because
    /// references may point forward (directus_users → directus_roles) or at the table itself.
    /// They are added before any later change that is not another CREATE TABLE or index.
    private func schema(_ changes: [SchemaChange]) throws {
        let dialect = PostgresDialect()
        let introspector = PostgresIntrospector(connection: connection, compiler: compiler)
        var pendingKeys: [String] = []
        func addPendingKeys() throws {
            for statement in pendingKeys { try connection.run(statement) }
            pendingKeys = []
        }
        for change in changes {
            switch change {
            case .createTable(let spec):
                let parts = try dialect.createTable(spec)
                for statement in parts.create { try connection.run(statement) }
                pendingKeys += parts.foreignKeys
            case .createIndex:
                for statement in try dialect.schemaStatements(change, introspect: { try introspector.table(named: $0) }) { try connection.run(statement) }
            default:
                try addPendingKeys()
                for statement in try dialect.schemaStatements(change, introspect: { try introspector.table(named: $0) }) { try connection.run(statement) }
            }
        }
        try addPendingKeys()
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

    /// Whether the plan changes anything (and so, inside a transaction, runs behind a savepoint).
    var writes: Bool {
        switch self {
        case .select, .stats: return false
        default: return true
        }
    }
}
