import PlinthJSON
import SQLCompiler
import SQLPlan

/// DDL for SQLite, with knex's types (so Directus reads the tables back the same way)
/// and the documented 12-step table rebuild for changes ALTER TABLE cannot make.
extension SQLiteDialect {
    func columnType(_ column: ColumnSpec) throws -> String {
        switch column.type {
        case .string: return "varchar(\(column.length ?? 255))"
        case .hash: return "varchar(255)"
        case .text, .csv: return "text"
        case .integer: return "integer"
        case .bigInteger: return "bigint"
        case .float, .decimal: return "float"
        case .boolean: return "boolean"
        case .uuid: return "char(36)"
        case .json: return "json"
        case .date: return "date"
        case .time: return "time"
        case .dateTime, .timestamp: return "datetime"
        case .binary: return "blob"
        case .geometry: return "geometry"
        case .geometryPoint, .geometryLineString, .geometryPolygon, .geometryMultiPoint, .geometryMultiLineString, .geometryMultiPolygon:
            return String(column.type.rawValue.dropFirst("geometry.".count))
        case .alias, .unknown: throw DriverError.plan("a column of type \(column.type.rawValue) cannot be created")
        }
    }

    func columnDefinition(_ column: ColumnSpec, inCreateTable: Bool) throws -> String {
        if column.autoIncrement {
            return quote(column.name) + " integer NOT NULL PRIMARY KEY AUTOINCREMENT"
        }
        var sql = quote(column.name) + " " + (try columnType(column))
        if !column.nullable || column.primaryKey { sql += " NOT NULL" }
        if let fallback = column.defaultValue { sql += " DEFAULT " + defaultSQL(fallback, type: column.type) }
        return sql
    }

    func schemaStatements(_ change: SchemaChange, introspect: (String) throws -> JSON) throws -> [String] {
        switch change {
        case .createTable(let spec):
            return try createTable(spec)
        case .dropTable(let name):
            return ["DROP TABLE " + quote(name)]
        case .renameColumn(let table, let from, let to):
            return ["ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to)]
        case .renameTable(let from, let to):
            return ["ALTER TABLE " + quote(from) + " RENAME TO " + quote(to)]
        case .addColumn(let table, let column) where canAddInPlace(column):
            var statements = ["ALTER TABLE " + quote(table) + " ADD COLUMN " + (try columnDefinition(column, inCreateTable: false))]
            if column.unique {
                statements.append("CREATE UNIQUE INDEX " + quote(constraintName(table, [column.name], "unique")) + " ON " + quote(table) + " (" + quote(column.name) + ")")
            }
            return statements
        case .createIndex(let table, let name, let columns, let unique):
            return ["CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table) + " (" + columns.map(quote).joined(separator: ", ") + ")"]
        case .dropIndex(_, let name):
            return ["DROP INDEX " + quote(name)]
        case .addColumn(let table, _), .alterColumn(let table, _), .dropColumn(let table, _), .addForeignKey(let table, _), .dropForeignKey(let table, _):
            var definition = try RawTable(json: try introspect(table))
            try definition.apply(change, dialect: self)
            return try rebuild(definition)
        }
    }

    private func canAddInPlace(_ column: ColumnSpec) -> Bool {
        !column.primaryKey && !column.autoIncrement && column.defaultValue != .now
            && (column.nullable || (column.defaultValue != nil && column.defaultValue != .value(.null)))
    }

    private func createTable(_ spec: TableSpec) throws -> [String] {
        var parts = try spec.columns.map { try columnDefinition($0, inCreateTable: true) }
        let keys = spec.columns.filter { $0.primaryKey && !$0.autoIncrement }.map(\.name)
        if !keys.isEmpty { parts.append("PRIMARY KEY (" + keys.map(quote).joined(separator: ", ") + ")") }
        for key in spec.foreignKeys { parts.append(foreignKey(key, table: spec.name)) }
        var statements = ["CREATE TABLE " + quote(spec.name) + " (" + parts.joined(separator: ", ") + ")"]
        for column in spec.columns where column.unique && !column.primaryKey {
            statements.append("CREATE UNIQUE INDEX " + quote(constraintName(spec.name, [column.name], "unique")) + " ON " + quote(spec.name) + " (" + quote(column.name) + ")")
        }
        for index in spec.indexes {
            statements.append("CREATE " + (index.unique ? "UNIQUE " : "") + "INDEX " + quote(index.name) + " ON " + quote(spec.name) + " (" + index.columns.map(quote).joined(separator: ", ") + ")")
        }
        return statements
    }

    func foreignKey(_ key: ForeignKeySpec, table: String) -> String {
        var sql = "CONSTRAINT " + quote(key.name ?? constraintName(table, [key.column], "foreign")) + " FOREIGN KEY (" + quote(key.column) + ") REFERENCES " + quote(key.table) + " (" + quote(key.referencedColumn) + ")"
        if let onDelete = key.onDelete { sql += " ON DELETE " + ForeignKeyAction.validated(onDelete) }
        if let onUpdate = key.onUpdate { sql += " ON UPDATE " + ForeignKeyAction.validated(onUpdate) }
        return sql
    }

    /// Creates the new table, copies the rows, swaps it in and restores the indexes.
    private func rebuild(_ table: RawTable) throws -> [String] {
        let temporary = "_plinth_rebuild_" + table.name
        var parts = table.columns.map(\.definition)
        if !table.primaryKey.isEmpty, !table.columns.contains(where: \.autoIncrement) {
            parts.append("PRIMARY KEY (" + table.primaryKey.map(quote).joined(separator: ", ") + ")")
        }
        parts += table.foreignKeys.map { foreignKey($0, table: table.name) }
        let copied = table.columns.filter(\.copy).map { quote($0.name) }.joined(separator: ", ")
        var statements = [
            "CREATE TABLE " + quote(temporary) + " (" + parts.joined(separator: ", ") + ")",
        ]
        if !copied.isEmpty {
            statements.append("INSERT INTO " + quote(temporary) + " (" + copied + ") SELECT " + copied + " FROM " + quote(table.name))
        }
        statements.append("DROP TABLE " + quote(table.name))
        statements.append("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(table.name))
        statements += table.indexes
        return statements
    }
}

/// Referential actions, checked against the five SQL allows.
enum ForeignKeyAction {
    static func validated(_ action: String) -> String {
        let upper = action.uppercased()
        return ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"].contains(upper) ? upper : "NO ACTION"
    }
}

/// A table as SQLite describes it, in the form a rebuild needs.
struct RawTable {
    struct Column {
        var name: String
        var definition: String
        var autoIncrement: Bool
        /// Whether the column's values are copied from the old table.
        var copy: Bool
    }

    var name: String
    var columns: [Column]
    var primaryKey: [String]
    var foreignKeys: [ForeignKeySpec]
    /// CREATE INDEX statements to run after the rebuild.
    var indexes: [String]
    /// Columns that have a single-column unique index, by index statement.
    var uniqueIndexColumns: [String: String]

    init(json: JSON) throws {
        guard let name = json["name"]?.stringValue, let raw = json["raw"] else { throw DriverError.plan("no such table") }
        self.name = name
        let dialect = SQLiteDialect()
        let autoIncrementTable = (raw["sql"]?.stringValue ?? "").uppercased().contains("AUTOINCREMENT")
        let pkColumns = (raw["columns"]?.arrayValue ?? []).filter { ($0["pk"]?.intValue ?? 0) > 0 }
        primaryKey = pkColumns.sorted { ($0["pk"]?.intValue ?? 0) < ($1["pk"]?.intValue ?? 0) }.compactMap { $0["name"]?.stringValue }
        columns = (raw["columns"]?.arrayValue ?? []).map { column in
            let columnName = column["name"]?.stringValue ?? ""
            // SQLite reports the standard type names (INT, INTEGER, REAL, TEXT, BLOB, ANY) in upper case
            // whatever the DDL said; knex and Plinth write them in lower case.
            var declared = column["declared_type"]?.stringValue ?? ""
            if ["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"].contains(declared) { declared = declared.lowercased() }
            let isAuto = autoIncrementTable && pkColumns.count == 1 && (column["pk"]?.intValue ?? 0) > 0 && declared.lowercased() == "integer"
            if isAuto {
                return Column(name: columnName, definition: dialect.quote(columnName) + " integer NOT NULL PRIMARY KEY AUTOINCREMENT", autoIncrement: true, copy: true)
            }
            var definition = dialect.quote(columnName) + (declared.isEmpty ? "" : " " + declared)
            if column["notnull"]?.intValue == 1 { definition += " NOT NULL" }
            if let fallback = column["default_raw"]?.stringValue { definition += " DEFAULT " + fallback }
            return Column(name: columnName, definition: definition, autoIncrement: false, copy: true)
        }
        var keys: [Int: ForeignKeySpec] = [:]
        for row in raw["foreign_keys"]?.arrayValue ?? [] {
            guard let id = row["id"]?.intValue, let from = row["from"]?.stringValue, let table = row["table"]?.stringValue else { continue }
            keys[id] = ForeignKeySpec(column: from, table: table, referencedColumn: row["to"]?.stringValue ?? "id",
                                      onDelete: row["on_delete"]?.stringValue, onUpdate: row["on_update"]?.stringValue)
        }
        foreignKeys = keys.keys.sorted().map { keys[$0]! }
        indexes = []
        uniqueIndexColumns = [:]
        for index in raw["indexes"]?.arrayValue ?? [] {
            guard index["name"]?.stringValue != nil, let columnsOfIndex = index["columns"]?.arrayValue?.compactMap(\.stringValue) else { continue }
            let origin = index["origin"]?.stringValue ?? "c"
            let unique = index["unique"]?.intValue == 1
            if origin == "pk" { continue }
            let statement: String
            if origin == "c", let sql = index["sql"]?.stringValue {
                statement = sql
            } else {
                statement = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + dialect.quote(dialect.constraintName(name, columnsOfIndex, unique ? "unique" : "index")) + " ON " + dialect.quote(name) + " (" + columnsOfIndex.map(dialect.quote).joined(separator: ", ") + ")"
            }
            indexes.append(statement)
            if unique, columnsOfIndex.count == 1 { uniqueIndexColumns[columnsOfIndex[0]] = statement }
        }
    }

    mutating func apply(_ change: SchemaChange, dialect: SQLiteDialect) throws {
        switch change {
        case .addColumn(_, let column):
            guard !columns.contains(where: { $0.name == column.name }) else { throw DriverError("other", "column \(column.name) already exists", table: name, column: column.name) }
            columns.append(Column(name: column.name, definition: try dialect.columnDefinition(column, inCreateTable: true), autoIncrement: column.autoIncrement, copy: false))
            if column.primaryKey && !column.autoIncrement { primaryKey = [column.name] }
            setUnique(column.name, column.unique, dialect: dialect)
        case .alterColumn(_, let column):
            guard let index = columns.firstIndex(where: { $0.name == column.name }) else { throw DriverError("other", "no column \(column.name)", table: name, column: column.name) }
            if columns[index].autoIncrement, column.autoIncrement || column.primaryKey {
                break
            }
            columns[index].definition = try dialect.columnDefinition(column, inCreateTable: true)
            columns[index].autoIncrement = column.autoIncrement
            if !primaryKey.contains(column.name) { setUnique(column.name, column.unique, dialect: dialect) }
        case .dropColumn(_, let column):
            guard columns.contains(where: { $0.name == column }) else { throw DriverError("other", "no column \(column)", table: name, column: column) }
            columns.removeAll { $0.name == column }
            foreignKeys.removeAll { $0.column == column }
            let quoted = dialect.quote(column)
            indexes.removeAll { $0.contains(quoted) || $0.contains("(\(column))") || $0.contains("`\(column)`") }
            primaryKey.removeAll { $0 == column }
        case .addForeignKey(_, let key):
            foreignKeys.removeAll { $0.column == key.column }
            foreignKeys.append(key)
        case .dropForeignKey(_, let column):
            foreignKeys.removeAll { $0.column == column }
        default:
            break
        }
    }

    private mutating func setUnique(_ column: String, _ unique: Bool, dialect: SQLiteDialect) {
        if let existing = uniqueIndexColumns[column], !unique {
            indexes.removeAll { $0 == existing }
            uniqueIndexColumns[column] = nil
        } else if unique, uniqueIndexColumns[column] == nil {
            let statement = "CREATE UNIQUE INDEX " + dialect.quote(dialect.constraintName(name, [column], "unique")) + " ON " + dialect.quote(name) + " (" + dialect.quote(column) + ")"
            indexes.append(statement)
            uniqueIndexColumns[column] = statement
        }
    }
}
