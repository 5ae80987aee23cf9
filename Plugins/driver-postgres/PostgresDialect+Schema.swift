import PlinthJSON
import SQLCompiler
import SQLPlan

/// DDL for PostgreSQL with the types knex emits for Directus (so a database
/// Plinth creates matches one Directus creates), altered in place: DDL is
/// transactional, so no table is ever rebuilt.
extension PostgresDialect {
    func columnType(_ column: ColumnSpec) throws -> String {
        if column.autoIncrement { return column.type == .bigInteger ? "bigserial" : "serial" }
        switch column.type {
        case .string: return "varchar(\(column.length ?? 255))"
        case .hash: return "varchar(255)"
        case .text, .csv: return "text"
        case .integer: return "integer"
        case .bigInteger: return "bigint"
        case .float: return "real"
        case .decimal: return "numeric(\(column.precision ?? 10), \(column.scale ?? 5))"
        case .boolean: return "boolean"
        case .uuid: return "uuid"
        case .json: return "json"
        case .date: return "date"
        case .time: return "time"
        case .dateTime: return "timestamp"
        case .timestamp: return "timestamptz"
        case .binary: return "bytea"
        case .geometry: return "geometry(Geometry, 4326)"
        case .geometryPoint, .geometryLineString, .geometryPolygon, .geometryMultiPoint, .geometryMultiLineString, .geometryMultiPolygon:
            return "geometry(\(column.type.rawValue.dropFirst("geometry.".count)), 4326)"
        case .alias, .unknown: throw DriverError.plan("a column of type \(column.type.rawValue) cannot be created")
        }
    }

    func columnDefinition(_ column: ColumnSpec, inCreateTable: Bool) throws -> String {
        var sql = quote(column.name) + " " + (try columnType(column))
        if !column.nullable || column.primaryKey || column.autoIncrement { sql += " NOT NULL" }
        if let fallback = column.defaultValue, !column.autoIncrement { sql += " DEFAULT " + defaultClause(fallback, type: column.type) }
        // In CREATE TABLE the key is a table constraint (named <table>_pkey, as knex's is).
        if !inCreateTable, column.primaryKey || column.autoIncrement { sql += " PRIMARY KEY" }
        return sql
    }

    /// `defaultSQL`, except that numbers for a boolean column become TRUE/FALSE (PostgreSQL has no integer → boolean assignment cast).
    func defaultClause(_ value: DefaultValue, type: FieldType) -> String {
        if type == .boolean, case .value(.number(let text)) = value { return boolean(text != "0") }
        return defaultSQL(value, type: type)
    }

    func schemaStatements(_ change: SchemaChange, introspect: (String) throws -> JSON) throws -> [String] {
        switch change {
        case .createTable(let spec):
            let parts = try createTable(spec)
            return parts.create + parts.foreignKeys
        case .dropTable(let name):
            return ["DROP TABLE " + quote(name)]
        case .renameTable(let from, let to):
            return ["ALTER TABLE " + quote(from) + " RENAME TO " + quote(to)]
        case .addColumn(let table, let column):
            var statements = ["ALTER TABLE " + quote(table) + " ADD COLUMN " + (try columnDefinition(column, inCreateTable: false))]
            if column.unique, !column.primaryKey { statements.append(addUnique(table, [column.name])) }
            return statements
        case .alterColumn(let table, let column):
            return try alterColumn(table, column, current: try existing(table, introspect))
        case .dropColumn(let table, let column):
            return ["ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column)]
        case .renameColumn(let table, let from, let to):
            return ["ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to)]
        case .createIndex(let table, let name, let columns, let unique):
            // knex makes unique indexes constraints; Directus reads uniqueness from constraints.
            if unique { return ["ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " UNIQUE (" + columns.map(quote).joined(separator: ", ") + ")"] }
            return ["CREATE INDEX " + quote(name) + " ON " + quote(table) + " (" + columns.map(quote).joined(separator: ", ") + ")"]
        case .dropIndex(let table, let name):
            let index = (try existing(table, introspect)["indexes"]?.arrayValue ?? []).first { $0["name"]?.stringValue == name }
            if let origin = index?["origin"]?.stringValue, origin != "c" {
                return ["ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name)]
            }
            return ["DROP INDEX " + quote(name)]
        case .addForeignKey(let table, let key):
            // Replaces the column's current key, as the SQLite driver does.
            return dropForeignKeys(table, key.column, try existing(table, introspect)) + [addForeignKey(table, key)]
        case .dropForeignKey(let table, let column):
            return dropForeignKeys(table, column, try existing(table, introspect))
        }
    }

    /// CREATE TABLE with its keys and indexes, and apart the foreign keys, which
    /// run after every table of the plan exists (references may point forward).
    func createTable(_ spec: TableSpec) throws -> (create: [String], foreignKeys: [String]) {
        var parts = try spec.columns.map { try columnDefinition($0, inCreateTable: true) }
        let keys = spec.columns.filter { $0.primaryKey || $0.autoIncrement }.map(\.name)
        if !keys.isEmpty { parts.append("PRIMARY KEY (" + keys.map(quote).joined(separator: ", ") + ")") }
        for column in spec.columns where column.unique && !keys.contains(column.name) {
            parts.append("CONSTRAINT " + quote(constraintName(spec.name, [column.name], "unique")) + " UNIQUE (" + quote(column.name) + ")")
        }
        for index in spec.indexes where index.unique {
            parts.append("CONSTRAINT " + quote(index.name) + " UNIQUE (" + index.columns.map(quote).joined(separator: ", ") + ")")
        }
        var create = ["CREATE TABLE " + quote(spec.name) + " (" + parts.joined(separator: ", ") + ")"]
        for index in spec.indexes where !index.unique {
            create.append("CREATE INDEX " + quote(index.name) + " ON " + quote(spec.name) + " (" + index.columns.map(quote).joined(separator: ", ") + ")")
        }
        return (create, spec.foreignKeys.map { addForeignKey(spec.name, $0) })
    }

    func addForeignKey(_ table: String, _ key: ForeignKeySpec) -> String {
        var sql = "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(key.name ?? constraintName(table, [key.column], "foreign"))
            + " FOREIGN KEY (" + quote(key.column) + ") REFERENCES " + quote(key.table) + " (" + quote(key.referencedColumn) + ")"
        if let onDelete = key.onDelete { sql += " ON DELETE " + referentialAction(onDelete) }
        if let onUpdate = key.onUpdate { sql += " ON UPDATE " + referentialAction(onUpdate) }
        return sql
    }

    /// One of the five referential actions SQL allows; anything else is NO ACTION.
    private func referentialAction(_ action: String) -> String {
        let upper = action.uppercased()
        return ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"].contains(upper) ? upper : "NO ACTION"
    }

    private func addUnique(_ table: String, _ columns: [String]) -> String {
        "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(constraintName(table, columns, "unique")) + " UNIQUE (" + columns.map(quote).joined(separator: ", ") + ")"
    }

    private func dropForeignKeys(_ table: String, _ column: String, _ current: JSON) -> [String] {
        (current["foreign_keys"]?.arrayValue ?? []).filter { $0["column"]?.stringValue == column }.compactMap { $0["constraint_name"]?.stringValue }
            .map { "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote($0) }
    }

    private func existing(_ table: String, _ introspect: (String) throws -> JSON) throws -> JSON {
        let json = try introspect(table)
        guard !json.isNull else { throw DriverError("other", "table \(table) does not exist", table: table) }
        return json
    }

    /// ALTER COLUMN steps that bring the column from its introspected state to `column`.
    private func alterColumn(_ table: String, _ column: ColumnSpec, current: JSON) throws -> [String] {
        guard let state = current["columns"]?.arrayValue?.first(where: { $0["name"]?.stringValue == column.name }) else {
            throw DriverError("other", "column \(column.name) does not exist in \(table)", table: table, column: column.name)
        }
        let alter = "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column.name)
        let isPrimary = state["is_primary_key"]?.boolValue == true
        let serial = state["has_auto_increment"]?.boolValue == true
        var statements: [String] = []
        var hasDefault = !(state["default_value"]?.isNull ?? true)
        if !serial || !column.autoIncrement {
            var target = column
            target.autoIncrement = false
            if target.length == nil { target.length = state["max_length"]?.intValue.flatMap { $0 > 0 ? $0 : nil } }
            if target.precision == nil { target.precision = state["numeric_precision"]?.intValue }
            if target.scale == nil { target.scale = state["numeric_scale"]?.intValue }
            if !sameType(target, state) {
                // The old default may not cast to the new type.
                if hasDefault { statements.append(alter + " DROP DEFAULT") }
                hasDefault = false
                let type = try columnType(target)
                statements.append(alter + " TYPE " + type + " USING " + quote(column.name) + "::" + type)
            }
            if let fallback = column.defaultValue {
                statements.append(alter + " SET DEFAULT " + defaultClause(fallback, type: column.type))
            } else if hasDefault {
                statements.append(alter + " DROP DEFAULT")
            }
        }
        let wasNullable = state["is_nullable"]?.boolValue ?? true
        let nullable = column.nullable && !column.primaryKey && !column.autoIncrement && !isPrimary
        if wasNullable != nullable { statements.append(alter + (nullable ? " DROP NOT NULL" : " SET NOT NULL")) }
        // Identity needs NOT NULL first.
        if column.autoIncrement, !serial { statements.append(alter + " ADD GENERATED BY DEFAULT AS IDENTITY") }
        if !column.primaryKey, !isPrimary {
            let wasUnique = state["is_unique"]?.boolValue == true
            if column.unique, !wasUnique { statements.append(addUnique(table, [column.name])) }
            if !column.unique, wasUnique {
                for index in current["indexes"]?.arrayValue ?? [] where index["origin"]?.stringValue == "u"
                    && index["columns"]?.arrayValue == [.string(column.name)] {
                    statements.append("ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(index["name"]?.stringValue ?? ""))
                }
            }
        }
        return statements
    }

    /// Whether the column already has the type `column` asks for. Wider kin count as
    /// the same (double precision for float, jsonb for json) so an alter that only
    /// changes nullability never narrows a user's column.
    private func sameType(_ column: ColumnSpec, _ state: JSON) -> Bool {
        let dataType = state["data_type"]?.stringValue ?? ""
        switch column.type {
        case .string: return ["character varying", "character"].contains(dataType) && state["max_length"]?.intValue == (column.length ?? 255)
        case .hash: return dataType == "character varying"
        case .text: return dataType == "text"
        case .csv: return ["text", "character varying"].contains(dataType)
        case .integer: return ["integer", "smallint"].contains(dataType)
        case .bigInteger: return dataType == "bigint"
        case .float: return ["real", "double precision"].contains(dataType)
        case .decimal:
            return dataType == "numeric" && state["numeric_precision"]?.intValue == (column.precision ?? 10) && state["numeric_scale"]?.intValue == (column.scale ?? 5)
        case .boolean, .uuid, .date: return dataType == column.type.rawValue
        case .json: return ["json", "jsonb"].contains(dataType)
        case .time: return dataType.hasPrefix("time with")
        case .dateTime: return dataType == "timestamp without time zone"
        case .timestamp: return dataType == "timestamp with time zone"
        case .binary: return dataType == "bytea"
        default: return column.type.isGeometry ? dataType.lowercased().hasPrefix("geometry") : true
        }
    }
}
