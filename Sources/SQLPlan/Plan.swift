import PlinthJSON

/// One unit of work for a SQL driver, crossing the ABI as versioned JSON.
///
/// Results (JSON): `select` → an array of objects; `insert` → `{"keys":[…]}`
/// (the primary keys of the new rows, in order); `update`/`delete` →
/// `{"count":N}`; `schema` → `{}`; `batch` → `{"results":[…]}` (all steps in
/// one transaction); `stats` → the driver's counters.
public indirect enum Plan: Sendable {
    case select(Select)
    case insert(Insert)
    case update(Update)
    case delete(Delete)
    case schema([SchemaChange])
    case batch([Plan])
    case stats

    /// The plan format version drivers check.
    public static let version = 1
}

/// `INSERT` of rows with the same columns.
public struct Insert: Sendable {
    public var table: String
    public var columns: [String]
    /// One expression (normally `.value`) per column per row.
    public var rows: [[Expr]]
    /// The primary key column to return, if any.
    public var returning: String?

    public init(table: String, columns: [String], rows: [[Expr]], returning: String? = nil) {
        self.table = table
        self.columns = columns
        self.rows = rows
        self.returning = returning
    }
}

/// `UPDATE table AS alias SET … WHERE …`.
public struct Update: Sendable {
    public var table: String
    public var alias: String
    public var set: [(column: String, value: Expr)]
    public var filter: Expr?

    public init(table: String, alias: String, set: [(column: String, value: Expr)], filter: Expr?) {
        self.table = table
        self.alias = alias
        self.set = set
        self.filter = filter
    }
}

/// `DELETE FROM table AS alias WHERE …`.
public struct Delete: Sendable {
    public var table: String
    public var alias: String
    public var filter: Expr?

    public init(table: String, alias: String, filter: Expr?) {
        self.table = table
        self.alias = alias
        self.filter = filter
    }
}

/// A change to tables, columns, indexes or foreign keys.
public enum SchemaChange: Sendable {
    case createTable(TableSpec)
    case dropTable(String)
    case renameTable(from: String, to: String)
    case addColumn(table: String, column: ColumnSpec)
    /// Replaces a column's type, nullability, default and uniqueness with `column`'s.
    case alterColumn(table: String, column: ColumnSpec)
    case dropColumn(table: String, column: String)
    /// Renames a column in place, keeping its position, definition, keys and indexes.
    case renameColumn(table: String, from: String, to: String)
    case createIndex(table: String, name: String, columns: [String], unique: Bool)
    case dropIndex(table: String, name: String)
    case addForeignKey(table: String, key: ForeignKeySpec)
    /// Drops the foreign key on `column`.
    case dropForeignKey(table: String, column: String)
}

/// A table to create.
public struct TableSpec: Sendable {
    public var name: String
    public var columns: [ColumnSpec]
    public var foreignKeys: [ForeignKeySpec]
    /// Extra indexes: (name, columns, unique).
    public var indexes: [(name: String, columns: [String], unique: Bool)]

    public init(name: String, columns: [ColumnSpec], foreignKeys: [ForeignKeySpec] = [], indexes: [(name: String, columns: [String], unique: Bool)] = []) {
        self.name = name
        self.columns = columns
        self.foreignKeys = foreignKeys
        self.indexes = indexes
    }
}

/// A column definition in Directus types; drivers choose the SQL type.
public struct ColumnSpec: Sendable {
    public var name: String
    public var type: FieldType
    /// Length of string types (default 255).
    public var length: Int?
    public var precision: Int?
    public var scale: Int?
    public var nullable: Bool
    public var defaultValue: DefaultValue?
    public var primaryKey: Bool
    public var autoIncrement: Bool
    public var unique: Bool

    public init(_ name: String, _ type: FieldType, length: Int? = nil, precision: Int? = nil, scale: Int? = nil,
                nullable: Bool = true, defaultValue: DefaultValue? = nil, primaryKey: Bool = false,
                autoIncrement: Bool = false, unique: Bool = false) {
        self.name = name
        self.type = type
        self.length = length
        self.precision = precision
        self.scale = scale
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.primaryKey = primaryKey
        self.autoIncrement = autoIncrement
        self.unique = unique
    }
}

/// A column default.
public enum DefaultValue: Sendable, Equatable {
    case value(JSON)
    /// The current timestamp at insert.
    case now
}

/// A foreign key from `column` to `table.column`.
public struct ForeignKeySpec: Sendable {
    public var column: String
    public var table: String
    public var referencedColumn: String
    /// "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT".
    public var onDelete: String?
    public var onUpdate: String?
    /// Constraint name; drivers default to `<table>_<column>_foreign`, as knex does.
    public var name: String?

    public init(column: String, table: String, referencedColumn: String, onDelete: String? = nil, onUpdate: String? = nil, name: String? = nil) {
        self.column = column
        self.table = table
        self.referencedColumn = referencedColumn
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.name = name
    }
}
