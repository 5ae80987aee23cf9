import PlinthJSON
import SQLPlan

/// Turns plans into SQL for one dialect.
///
/// Values are always bound, never spliced; identifiers are quoted. The
/// compiler is stateless apart from the SQL under construction, so one
/// instance can serve every connection.
public struct Compiler: Sendable {
    public let dialect: any Dialect
    /// Whether plans are `PlanShape`s: their values are placeholders, bound later (`ReusableSQL`).
    public let compilesShapes: Bool

    public init(dialect: any Dialect) {
        self.dialect = dialect
        self.compilesShapes = false
    }

    private init(dialect: any Dialect, compilesShapes: Bool) {
        self.dialect = dialect
        self.compilesShapes = compilesShapes
    }

    /// The same compiler for plan shapes: the SQL it returns has `sources` for the shape's values.
    public var forShapes: Compiler { Compiler(dialect: dialect, compilesShapes: true) }

    func newSQL() -> SQL {
        let dialect = self.dialect
        return SQL(placeholder: { dialect.placeholder($0) })
    }

    /// SQL text with no parameters (pragmas, catalog queries, DDL).
    public func plain(_ text: String) -> SQL {
        var sql = newSQL()
        sql += text
        return sql
    }

    /// SQL text with bound parameters, for the drivers' own catalog queries.
    public func plain(_ text: String, _ parameters: [Bound]) -> SQL {
        var sql = newSQL()
        sql.appendBound(text, parameters)
        return sql
    }

    // MARK: Reads

    /// A statement returning one row per item, each a single JSON text column.
    public func select(_ select: Select) throws -> SQL {
        var sql = newSQL()
        sql += "SELECT "
        try rowJSON(select, &sql)
        sql += " AS " + dialect.quote("_json")
        try fromClause(select, &sql, correlated: false)
        return sql
    }

    /// A statement returning one column per field of `select` — each the expression the field's
    /// value has inside `select(_:)`'s JSON object, or the form the dialect's driver formats itself
    /// (`Dialect.columnOutput`) — for a driver that assembles the top-level objects itself. Nil for
    /// a select without fields (SQL needs at least one column).
    public func selectColumns(_ select: Select) throws -> (sql: SQL, keys: [String])? {
        guard !select.fields.isEmpty else { return nil }
        var sql = newSQL()
        sql += "SELECT "
        for (index, (_, output)) in select.fields.enumerated() {
            if index > 0 { sql += ", " }
            var part = newSQLContinuing(sql)
            if case .expr(let expr, let type) = output {
                var inner = newSQLContinuing(sql)
                try self.expr(expr, &inner)
                part.adopt(inner)
                part += dialect.columnOutput(inner.text, type: type) ?? dialect.output(inner.text, type: type)
            } else {
                try self.output(output, &part)
            }
            var text = part.text
            if case .expr(.value, _) = output, part.parameters.count == sql.parameters.count + 1,
               text == dialect.placeholder(part.parameters.count), let bound = part.parameters.last {
                // The column's type follows the value's: not the same SQL for every value of a shape.
                if part.sources.last?.position == part.parameters.count - 1 { part.dependOnValues() }
                text = dialect.valueColumn(text, bound)
            }
            sql.adopt(part)
            sql += text
        }
        try fromClause(select, &sql, correlated: false)
        return (sql, select.fields.map(\.key))
    }

    /// The JSON object (or single value for `values`) of one row of `select`.
    func rowJSON(_ select: Select, _ sql: inout SQL) throws {
        try object(select.fields, &sql)
    }

    func object(_ fields: [(key: String, value: Output)], _ sql: inout SQL) throws {
        var pairs: [(key: String, sql: String)] = []
        for (key, output) in fields {
            var part = newSQLContinuing(sql)
            try self.output(output, &part)
            pairs.append((key, part.text))
            sql.adopt(part)
        }
        sql += dialect.jsonObject(pairs)
    }

    func output(_ output: Output, _ sql: inout SQL) throws {
        switch output {
        case .expr(let expr, let type):
            var inner = newSQLContinuing(sql)
            try self.expr(expr, &inner)
            sql.adopt(inner)
            sql += dialect.output(inner.text, type: type)
        case .object(let fields):
            try object(fields, &sql)
        case .one(let nested):
            var inner = newSQLContinuing(sql)
            inner += "(SELECT "
            try rowJSON(nested, &inner)
            try fromClause(Select.limited(nested, 1), &inner, correlated: true)
            inner += ")"
            sql.adopt(inner)
            sql += dialect.embedJSON(inner.text)
        case .many(let nested):
            var row = newSQLContinuing(sql)
            try rowJSON(nested, &row)
            sql.adopt(row)
            var from = newSQLContinuing(sql)
            try fromClause(nested, &from, correlated: true)
            sql.adopt(from)
            sql += dialect.jsonArray(rowJSON: row.text, from: from.text, rowIsJSON: true)
        case .values(let nested):
            guard let (_, first) = nested.fields.first, case .expr(let expr, let type) = first else {
                throw DriverError.plan("a values output needs exactly one expression field")
            }
            var row = newSQLContinuing(sql)
            try self.expr(expr, &row)
            sql.adopt(row)
            let value = dialect.output(row.text, type: type)
            var from = newSQLContinuing(sql)
            try fromClause(nested, &from, correlated: true)
            sql.adopt(from)
            sql += dialect.jsonArray(rowJSON: value, from: from.text, rowIsJSON: false)
        case .anyOf(let discriminator, let key, let targets):
            var disc = newSQLContinuing(sql)
            try expr(discriminator, &disc)
            sql.adopt(disc)
            var keySQL = newSQLContinuing(sql)
            try expr(key, &keySQL)
            sql.adopt(keySQL)
            var branches: [(collection: String, json: String)] = []
            for (collection, target) in targets {
                var inner = newSQLContinuing(sql)
                inner += "(SELECT "
                try rowJSON(target, &inner)
                try fromClause(Select.limited(target, 1), &inner, correlated: true)
                inner += ")"
                sql.adopt(inner)
                branches.append((collection, inner.text))
            }
            sql += dialect.anyOf(discriminator: disc.text, key: keySQL.text, branches: branches)
        }
    }

    /// ` FROM t AS a [WHERE …] [GROUP BY …] [ORDER BY …] [LIMIT … OFFSET …]`.
    func fromClause(_ select: Select, _ sql: inout SQL, correlated: Bool) throws {
        sql += " FROM " + dialect.quote(select.table) + " AS " + dialect.quote(select.alias)
        var conditions: [Expr] = []
        for (outer, inner) in select.on {
            conditions.append(.compare(.eq, .column(table: select.alias, name: inner, type: nil), outer))
        }
        if let filter = select.filter { conditions.append(filter) }
        if !conditions.isEmpty {
            sql += " WHERE "
            try expr(conditions.count == 1 ? conditions[0] : .and(conditions), &sql)
        }
        if !select.group.isEmpty {
            sql += " GROUP BY "
            for (index, term) in select.group.enumerated() {
                if index > 0 { sql += ", " }
                try expr(term, &sql)
            }
        }
        if !select.order.isEmpty {
            sql += " ORDER BY "
            for (index, term) in select.order.enumerated() {
                if index > 0 { sql += ", " }
                try expr(term.expr, &sql)
                sql += term.descending ? " DESC" : " ASC"
            }
        }
        if let limit = select.limit, limit >= 0 {
            sql += " LIMIT "
            sql.bind(.integer(Int64(limit)))
        } else if select.offset != nil {
            sql += " LIMIT " + dialect.noLimit
        }
        if let offset = select.offset, offset > 0 {
            sql += " OFFSET "
            sql.bind(.integer(Int64(offset)))
        }
    }

    /// Continues numbering parameters after those already in `sql`.
    func newSQLContinuing(_ sql: SQL) -> SQL {
        var fresh = newSQL()
        fresh.reserveParameters(from: sql)
        return fresh
    }
}

extension Select {
    /// The same select with at most `count` rows.
    static func limited(_ select: Select, _ count: Int) -> Select {
        var copy = select
        if copy.limit == nil || copy.limit! > count || copy.limit! < 0 { copy.limit = count }
        return copy
    }
}

