import PlinthJSON
import SQLPlan

extension Compiler {
    /// `INSERT … [RETURNING pk]`, one statement per row so every row's key comes back in order.
    public func insert(_ insert: Insert) throws -> [SQL] {
        try insert.rows.map { row in
            guard row.count == insert.columns.count else {
                throw DriverError.plan("insert row has \(row.count) values for \(insert.columns.count) columns")
            }
            var sql = newSQL()
            sql += "INSERT INTO " + dialect.quote(insert.table)
            if insert.columns.isEmpty {
                sql += " DEFAULT VALUES"
            } else {
                sql += " (" + insert.columns.map(dialect.quote).joined(separator: ", ") + ") VALUES ("
                for (index, value) in row.enumerated() {
                    if index > 0 { sql += ", " }
                    try expr(value, &sql)
                }
                sql += ")"
            }
            if let returning = insert.returning {
                sql += " RETURNING " + dialect.quote(returning)
            }
            return sql
        }
    }

    /// `UPDATE t AS a SET … WHERE …`.
    public func update(_ update: Update) throws -> SQL {
        guard !update.set.isEmpty else { throw DriverError.plan("update has nothing to set") }
        var sql = newSQL()
        sql += "UPDATE " + dialect.quote(update.table) + " AS " + dialect.quote(update.alias) + " SET "
        for (index, (column, value)) in update.set.enumerated() {
            if index > 0 { sql += ", " }
            sql += dialect.quote(column) + " = "
            try expr(value, &sql)
        }
        if let filter = update.filter {
            sql += " WHERE "
            try expr(filter, &sql)
        }
        return sql
    }

    /// `DELETE FROM t AS a WHERE …`.
    public func delete(_ delete: Delete) throws -> SQL {
        var sql = newSQL()
        sql += "DELETE FROM " + dialect.quote(delete.table) + " AS " + dialect.quote(delete.alias)
        if let filter = delete.filter {
            sql += " WHERE "
            try expr(filter, &sql)
        }
        return sql
    }
}
