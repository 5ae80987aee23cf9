import PlinthJSON
import SQLPlan

extension Compiler {
    /// Renders an expression, binding every value.
    public func expr(_ expr: Expr, _ sql: inout SQL) throws {
        switch expr {
        case .column(let table, let name, _):
            sql += dialect.quote(table) + "." + dialect.quote(name)
        case .value(let value, let type):
            try bind(value, type, &sql)
        case .list(let values, let type):
            sql += "("
            for (index, value) in values.enumerated() {
                if index > 0 { sql += ", " }
                try bind(value, type, &sql)
            }
            sql += ")"
        case .compare(let op, let left, let right):
            try compare(op, left, right, &sql)
        case .isNull(let inner, let negated):
            sql += "("
            try self.expr(inner, &sql)
            sql += negated ? " IS NOT NULL)" : " IS NULL)"
        case .and(let items):
            try junction(items, "AND", empty: dialect.boolean(true), &sql)
        case .or(let items):
            try junction(items, "OR", empty: dialect.boolean(false), &sql)
        case .not(let inner):
            sql += "(NOT "
            try self.expr(inner, &sql)
            sql += ")"
        case .function(let function, let args):
            var rendered: [String] = []
            var path: String?
            for (index, arg) in args.enumerated() {
                if function == .json || function == .jsonValue, index == 1, case .value(let value, _) = arg, let text = value.stringValue {
                    // The path is written into the SQL, not bound.
                    if compilesShapes, PlanShape.placeholder(value) != nil { sql.dependOnValues() }
                    path = text
                    continue
                }
                var part = newSQLContinuing(sql)
                try self.expr(arg, &part)
                sql.adopt(part)
                rendered.append(part.text)
            }
            sql += try dialect.function(function, rendered, jsonPath: path)
        case .aggregate(let aggregate, let arg, let distinct):
            sql += aggregate.rawValue.uppercased() + "("
            if let arg {
                if distinct { sql += "DISTINCT " }
                try self.expr(arg, &sql)
            } else {
                sql += "*"
            }
            sql += ")"
        case .exists(let select):
            sql += "EXISTS (SELECT 1"
            try fromClause(select, &sql, correlated: true)
            sql += ")"
        case .subquery(let select, let count):
            if count {
                sql += "(SELECT COUNT(*)"
                try fromClause(Select(table: select.table, alias: select.alias, filter: select.filter, on: select.on), &sql, correlated: true)
                sql += ")"
            } else {
                guard let (_, first) = select.fields.first, case .expr(let value, _) = first else {
                    throw DriverError.plan("a scalar subquery needs one expression field")
                }
                sql += "(SELECT "
                try self.expr(value, &sql)
                try fromClause(Select.limited(select, 1), &sql, correlated: true)
                sql += ")"
            }
        case .caseWhen(let branches, let otherwise):
            sql += "(CASE"
            for (condition, value) in branches {
                sql += " WHEN "
                try self.expr(condition, &sql)
                sql += " THEN "
                try self.expr(value, &sql)
            }
            if let otherwise {
                sql += " ELSE "
                try self.expr(otherwise, &sql)
            }
            sql += " END)"
        case .bool(let value):
            sql += dialect.boolean(value)
        case .cast(let inner, let type):
            var part = newSQLContinuing(sql)
            try self.expr(inner, &part)
            sql.adopt(part)
            sql += dialect.cast(part.text, to: type)
        }
    }

    /// Binds a value converted for `type`, or, compiling a shape, the place of its value.
    private func bind(_ value: JSON, _ type: FieldType?, _ sql: inout SQL) throws {
        if compilesShapes, let index = PlanShape.placeholder(value) {
            sql.bind(.value(index, type))
        } else {
            sql.bind(try dialect.bind(value, type: type))
        }
    }

    /// The text a substring test matches.
    static func patternText(_ op: CompareOp, _ value: JSON) throws -> String {
        switch value {
        case .string(let string): return string
        case .number(let number): return number
        case .bool(let flag): return flag ? "true" : "false"
        default: throw DriverError.plan("\(op.rawValue) needs a text value")
        }
    }

    private func junction(_ items: [Expr], _ keyword: String, empty: String, _ sql: inout SQL) throws {
        guard !items.isEmpty else {
            sql += "(" + empty + ")"
            return
        }
        sql += "("
        for (index, item) in items.enumerated() {
            if index > 0 { sql += " \(keyword) " }
            try expr(item, &sql)
        }
        sql += ")"
    }

    private func compare(_ op: CompareOp, _ left: Expr, _ right: Expr, _ sql: inout SQL) throws {
        switch op {
        case .eq, .neq, .lt, .lte, .gt, .gte:
            if case .value(.null, _) = right, op == .eq || op == .neq {
                try expr(.isNull(left, negated: op == .neq), &sql)
                return
            }
            let symbol = ["eq": "=", "neq": "<>", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="][op.rawValue]!
            sql += "("
            try expr(left, &sql)
            sql += " \(symbol) "
            try expr(right, &sql)
            sql += ")"
        case .in, .nin:
            if case .list(let values, _) = right, values.isEmpty {
                sql += "(" + dialect.boolean(op == .nin) + ")"
                return
            }
            sql += "("
            try expr(left, &sql)
            sql += op == .in ? " IN " : " NOT IN "
            if case .list = right {
                try expr(right, &sql)
            } else {
                sql += "("
                try expr(right, &sql)
                sql += ")"
            }
            sql += ")"
        case .between, .nbetween:
            guard case .list(let values, let type) = right, values.count == 2 else {
                throw DriverError.plan("between needs a list of two values")
            }
            sql += "("
            try expr(left, &sql)
            sql += op == .between ? " BETWEEN " : " NOT BETWEEN "
            try bind(values[0], type, &sql)
            sql += " AND "
            try bind(values[1], type, &sql)
            sql += ")"
        case .contains, .icontains, .startsWith, .istartsWith, .endsWith, .iendsWith:
            var leftSQL = newSQLContinuing(sql)
            try expr(left, &leftSQL)
            sql.adopt(leftSQL)
            var rightSQL = newSQLContinuing(sql)
            var isPattern = false
            if case .value(let value, _) = right {
                if compilesShapes, let index = PlanShape.placeholder(value) {
                    rightSQL.bind(.pattern(index, op))
                } else {
                    rightSQL.bind(.text(dialect.likePattern(op, try Self.patternText(op, value))))
                }
                isPattern = true
            } else {
                try expr(right, &rightSQL)
            }
            sql.adopt(rightSQL)
            sql += dialect.stringTest(op, left: leftSQL.text, right: rightSQL.text, rightIsPattern: isPattern)
        case .regex:
            throw DriverError.plan("regular expressions are only evaluated in validation rules, not in SQL")
        }
    }
}
