import PlinthJSON
import SQLPlan

/// Row-level conveniences over plans for the engine's own tables.
///
/// Columns are typed from a `TableSpec` so values bind correctly (dates,
/// booleans, JSON) on every database.
extension Database {
    /// Rows of `table` (all its columns, or `columns`) matching `equals`, in primary-key order.
    public func rows(of table: TableSpec, columns: [String]? = nil, where equals: JSONObject = [:], limit: Int? = nil,
                     in transaction: Transaction? = nil) throws -> [JSONObject] {
        let names = columns ?? table.columns.map(\.name)
        let select = Select(
            table: table.name, alias: "t",
            fields: names.map { name in (name, .expr(.column(table: "t", name: name, type: table.type(of: name)), type: table.type(of: name))) },
            filter: table.condition(equals, alias: "t"),
            order: table.columns.filter(\.primaryKey).map { Order(.column(table: "t", name: $0.name, type: nil)) },
            limit: limit
        )
        return try rows(select, in: transaction).compactMap(\.objectValue)
    }

    /// Inserts one row and returns its primary key.
    @discardableResult
    public func insertRow(into table: TableSpec, _ values: JSONObject, in transaction: Transaction? = nil) throws -> JSON {
        let key = table.columns.first(where: \.primaryKey)?.name
        let insert = Insert(table: table.name, columns: values.keys,
                            rows: [values.keys.map { .value(values[$0]!, type: table.type(of: $0)) }], returning: key)
        return try self.insert(insert, in: transaction).first ?? .null
    }

    /// Sets `values` on the rows matching `equals`; returns how many changed.
    @discardableResult
    public func updateRows(of table: TableSpec, set values: JSONObject, where equals: JSONObject, in transaction: Transaction? = nil) throws -> Int {
        try update(Update(table: table.name, alias: "t", set: values.keys.map { ($0, .value(values[$0]!, type: table.type(of: $0))) },
                          filter: table.condition(equals, alias: "t")), in: transaction)
    }

    /// Deletes the rows matching `equals`; returns how many went.
    @discardableResult
    public func deleteRows(of table: TableSpec, where equals: JSONObject, in transaction: Transaction? = nil) throws -> Int {
        try delete(Delete(table: table.name, alias: "t", filter: table.condition(equals, alias: "t")), in: transaction)
    }
}

extension TableSpec {
    /// The Directus type of a column, if the table has it.
    func type(of column: String) -> FieldType? {
        columns.first { $0.name == column }?.type
    }

    /// `column = value AND …` (IS NULL for null values), or nil for no condition.
    func condition(_ equals: JSONObject, alias: String) -> Expr? {
        guard !equals.isEmpty else { return nil }
        let terms: [Expr] = equals.map { key, value in
            let column = Expr.column(table: alias, name: key, type: type(of: key))
            return value.isNull ? .isNull(column, negated: false) : .compare(.eq, column, .value(value, type: type(of: key)))
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }
}
