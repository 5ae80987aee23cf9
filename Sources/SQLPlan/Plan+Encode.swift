import PlinthJSON

/// Encoding of plans to their versioned JSON form (docs/plugins/sql-driver.md).
extension Plan {
    /// The plan as `{"v":1,"op":…}` JSON.
    public var json: JSON {
        var object: JSONObject = ["v": .int(Plan.version)]
        switch self {
        case .select(let select):
            object["op"] = "select"
            object["select"] = select.json
        case .insert(let insert):
            object["op"] = "insert"
            object["table"] = .string(insert.table)
            object["columns"] = .array(insert.columns.map(JSON.string))
            object["rows"] = .array(insert.rows.map { .array($0.map(\.json)) })
            object["returning"] = insert.returning.map(JSON.string) ?? .null
        case .update(let update):
            object["op"] = "update"
            object["table"] = .string(update.table)
            object["alias"] = .string(update.alias)
            object["set"] = .array(update.set.map { .array([.string($0.column), $0.value.json]) })
            object["where"] = update.filter?.json ?? .null
        case .delete(let delete):
            object["op"] = "delete"
            object["table"] = .string(delete.table)
            object["alias"] = .string(delete.alias)
            object["where"] = delete.filter?.json ?? .null
        case .schema(let changes):
            object["op"] = "schema"
            object["changes"] = .array(changes.map(\.json))
        case .batch(let plans):
            object["op"] = "batch"
            object["plans"] = .array(plans.map(\.json))
        case .stats:
            object["op"] = "stats"
        }
        return .object(object)
    }
}

extension Expr {
    public var json: JSON {
        switch self {
        case .column(let table, let name, let type): return typed(["c": [.string(table), .string(name)]], type)
        case .value(let value, let type): return typed(["v": value], type)
        case .list(let values, let type): return typed(["l": .array(values)], type)
        case .compare(let op, let a, let b): return ["op": .string(op.rawValue), "a": a.json, "b": b.json]
        case .isNull(let expr, let negated): return [negated ? "nnull" : "null": expr.json]
        case .and(let items): return ["and": .array(items.map(\.json))]
        case .or(let items): return ["or": .array(items.map(\.json))]
        case .not(let expr): return ["not": expr.json]
        case .function(let fn, let args): return ["fn": .string(fn.rawValue), "args": .array(args.map(\.json))]
        case .aggregate(let agg, let arg, let distinct): return ["agg": .string(agg.rawValue), "arg": arg?.json ?? .null, "distinct": .bool(distinct)]
        case .exists(let select): return ["exists": select.json]
        case .subquery(let select, let count): return ["sub": select.json, "count": .bool(count)]
        case .caseWhen(let branches, let otherwise):
            return ["case": .array(branches.map { .array([$0.0.json, $0.1.json]) }), "else": otherwise?.json ?? .null]
        case .bool(let value): return ["bool": .bool(value)]
        case .cast(let inner, let type): return ["cast": inner.json, "t": .string(type.rawValue)]
        }
    }

    private func typed(_ object: JSONObject, _ type: FieldType?) -> JSON {
        var object = object
        if let type { object["t"] = .string(type.rawValue) }
        return .object(object)
    }
}

extension Select {
    public var json: JSON {
        var object: JSONObject = ["table": .string(table), "alias": .string(alias)]
        object["fields"] = .array(fields.map { .array([.string($0.key), $0.value.json]) })
        if let filter { object["where"] = filter.json }
        if !order.isEmpty { object["order"] = .array(order.map { ["e": $0.expr.json, "desc": .bool($0.descending)] }) }
        if !group.isEmpty { object["group"] = .array(group.map(\.json)) }
        if let limit { object["limit"] = .int(limit) }
        if let offset { object["offset"] = .int(offset) }
        if !on.isEmpty { object["on"] = .array(on.map { .array([$0.outer.json, .string($0.inner)]) }) }
        return .object(object)
    }
}

extension Output {
    public var json: JSON {
        switch self {
        case .expr(let expr, let type):
            var object: JSONObject = ["expr": expr.json]
            if let type { object["t"] = .string(type.rawValue) }
            return .object(object)
        case .one(let select): return ["one": select.json]
        case .many(let select): return ["many": select.json]
        case .values(let select): return ["values": select.json]
        case .object(let fields): return ["object": .array(fields.map { .array([.string($0.key), $0.value.json]) })]
        case .anyOf(let discriminator, let key, let targets):
            return ["any": ["disc": discriminator.json, "key": key.json,
                            "targets": .array(targets.map { .array([.string($0.collection), $0.select.json]) })]]
        }
    }
}

extension SchemaChange {
    public var json: JSON {
        switch self {
        case .createTable(let spec): return ["change": "create_table", "spec": spec.json]
        case .dropTable(let name): return ["change": "drop_table", "table": .string(name)]
        case .renameTable(let from, let to): return ["change": "rename_table", "table": .string(from), "to": .string(to)]
        case .addColumn(let table, let column): return ["change": "add_column", "table": .string(table), "column": column.json]
        case .alterColumn(let table, let column): return ["change": "alter_column", "table": .string(table), "column": column.json]
        case .dropColumn(let table, let column): return ["change": "drop_column", "table": .string(table), "column": .string(column)]
        case .renameColumn(let table, let from, let to): return ["change": "rename_column", "table": .string(table), "column": .string(from), "to": .string(to)]
        case .createIndex(let table, let name, let columns, let unique):
            return ["change": "create_index", "table": .string(table), "name": .string(name), "columns": .array(columns.map(JSON.string)), "unique": .bool(unique)]
        case .dropIndex(let table, let name): return ["change": "drop_index", "table": .string(table), "name": .string(name)]
        case .addForeignKey(let table, let key): return ["change": "add_foreign_key", "table": .string(table), "key": key.json]
        case .dropForeignKey(let table, let column): return ["change": "drop_foreign_key", "table": .string(table), "column": .string(column)]
        }
    }
}

extension TableSpec {
    public var json: JSON {
        [
            "name": .string(name),
            "columns": .array(columns.map(\.json)),
            "foreign_keys": .array(foreignKeys.map(\.json)),
            "indexes": .array(indexes.map { ["name": .string($0.name), "columns": .array($0.columns.map(JSON.string)), "unique": .bool($0.unique)] }),
        ]
    }
}

extension ColumnSpec {
    public var json: JSON {
        var object: JSONObject = ["name": .string(name), "type": .string(type.rawValue), "nullable": .bool(nullable)]
        if let length { object["length"] = .int(length) }
        if let precision { object["precision"] = .int(precision) }
        if let scale { object["scale"] = .int(scale) }
        switch defaultValue {
        case .value(let value): object["default"] = ["value": value]
        case .now: object["default"] = ["now": true]
        case nil: break
        }
        if primaryKey { object["primary"] = true }
        if autoIncrement { object["auto_increment"] = true }
        if unique { object["unique"] = true }
        return .object(object)
    }
}

extension ForeignKeySpec {
    public var json: JSON {
        var object: JSONObject = ["column": .string(column), "table": .string(table), "references": .string(referencedColumn)]
        if let onDelete { object["on_delete"] = .string(onDelete) }
        if let onUpdate { object["on_update"] = .string(onUpdate) }
        if let name { object["name"] = .string(name) }
        return .object(object)
    }
}
