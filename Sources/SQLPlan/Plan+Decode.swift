import PlinthJSON

/// A plan that is not valid JSON of the expected shape, with the path to the problem.
public struct PlanError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Decoding of plans from their versioned JSON form, read straight into plan values (no `JSON`
/// tree in between, which cost as much as the rest of the decoding). Members may come in any
/// order and unknown members are ignored; schema changes, rare and small, go through `JSON`.
extension Plan {
    /// Parses and decodes a plan, refusing another format version.
    public init(bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBufferPointer { buffer in
            let reader = JSONReader(buffer)
            do {
                let plan = try Plan(reader: reader)
                try reader.finish()
                return plan
            } catch let error as JSONParseError {
                throw PlanError("plan is not valid JSON: \(error)")
            }
        }
    }

    public init(json: JSON) throws {
        try self.init(bytes: json.encoded())
    }

    init(reader: JSONReader) throws {
        var version: JSON?
        var op: String?
        var select: Select?
        var table: String?, alias: String?, returning: String?
        var columns: [String]?, rows: [[Expr]]?, set: [(column: String, value: Expr)]?
        var filter: Expr?
        var changes: [SchemaChange]?, plans: [Plan]?
        var isObject = false
        do {
            try reader.object { key in
                isObject = true
                switch key {
                case "v": version = try reader.value()
                case "op": op = try reader.string()
                case "select": select = try Select(reader: reader)
                case "table": table = try reader.string()
                case "alias": alias = try reader.string()
                case "returning": returning = try reader.null() ? nil : try reader.string()
                case "columns": columns = try reader.elements { try reader.string() }
                case "rows": rows = try reader.elements { try reader.elements { try Expr(reader: reader) } }
                case "set":
                    set = try reader.elements {
                        let (column, value) = try Self.pair(reader, "set entries are [column, expr]", reader.string) { try Expr(reader: reader) }
                        return (column: column, value: value)
                    }
                case "where": filter = try Expr.optional(reader)
                case "changes": changes = try reader.elements { try SchemaChange(json: try reader.value()) }
                case "plans": plans = try reader.elements { try Plan(reader: reader) }
                default: try reader.skip()
                }
            }
        } catch let error as JSONParseError where !isObject && reader.offset == error.offset {
            throw PlanError("plan must be an object")
        }
        guard version?.intValue == Plan.version else {
            throw PlanError("plan version \(version?.description ?? "missing") is not supported (expected \(Plan.version))")
        }
        func required<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else { throw PlanError("missing \"\(key)\"") }
            return value
        }
        switch try required(op, "op") {
        case "select": self = .select(try required(select, "select"))
        case "insert":
            self = .insert(Insert(table: try required(table, "table"), columns: try required(columns, "columns"),
                                  rows: try required(rows, "rows"), returning: returning))
        case "update":
            self = .update(Update(table: try required(table, "table"), alias: try required(alias, "alias"), set: try required(set, "set"), filter: filter))
        case "delete": self = .delete(Delete(table: try required(table, "table"), alias: try required(alias, "alias"), filter: filter))
        case "schema": self = .schema(try required(changes, "changes"))
        case "batch": self = .batch(try required(plans, "plans"))
        case "stats": self = .stats
        case let other: throw PlanError("unknown plan op \"\(other)\"")
        }
    }

    /// A two-element array, its elements read by `first` and `second`.
    static func pair<A, B>(_ reader: JSONReader, _ shape: String, _ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        var a: A?, b: B?, index = 0
        try reader.array {
            switch index {
            case 0: a = try first()
            case 1: b = try second()
            default: throw PlanError(shape)
            }
            index += 1
        }
        guard let a, let b else { throw PlanError(shape) }
        return (a, b)
    }
}

extension Expr {
    init(reader: JSONReader) throws {
        var first: String?
        var type: FieldType?
        var table: String?, name: String?
        var value: JSON?, list: [JSON]?
        var opName: String?, a: Expr?, b: Expr?, operand: Expr?
        var items: [Expr]?, function: String?, aggregate: String?, argument: Expr?, distinct = false
        var select: Select?, count = false
        var branches: [(Expr, Expr)]?, otherwise: Expr?, flag = false
        try reader.object { key in
            if first == nil { first = key }
            switch key {
            case "t": type = try reader.null() ? nil : try FieldType.decode(.string(try reader.string()))
            case "c":
                (table, name) = try Plan.pair(reader, "column must be [alias, name]", reader.string, reader.string)
            case "v": value = try reader.value()
            case "l": list = try reader.value().arrayValue
            case "op": opName = try reader.string()
            case "a": a = try Expr(reader: reader)
            case "b": b = try Expr(reader: reader)
            case "null", "nnull", "not", "cast": operand = try Expr(reader: reader)
            case "and", "or", "args": items = try reader.elements { try Expr(reader: reader) }
            case "fn": function = try reader.string()
            case "agg": aggregate = try reader.string()
            case "arg": argument = try Expr.optional(reader)
            case "distinct": distinct = try reader.bool()
            case "exists", "sub": select = try Select(reader: reader)
            case "count": count = try reader.bool()
            case "case":
                branches = try reader.elements {
                    try Plan.pair(reader, "case branches are [when, then]", { try Expr(reader: reader) }, { try Expr(reader: reader) })
                }
            case "else": otherwise = try Expr.optional(reader)
            case "bool": flag = try reader.bool()
            default: try reader.skip()
            }
        }
        func required<T>(_ value: T?, _ what: String) throws -> T {
            guard let value else { throw PlanError(what) }
            return value
        }
        switch try required(first, "expression must be an object with members") {
        case "c": self = .column(table: try required(table, "column must be [alias, name]"), name: try required(name, "column must be [alias, name]"), type: type)
        case "v": self = .value(try required(value, "missing \"v\""), type: type)
        case "l": self = .list(try required(list, "\"l\" must be an array"), type: type)
        case "op":
            let name = try required(opName, "\"op\" must be a string")
            guard let op = CompareOp(rawValue: name) else { throw PlanError("unknown operator \"\(name)\"") }
            self = .compare(op, try required(a, "missing \"a\""), try required(b, "missing \"b\""))
        case "null": self = .isNull(try required(operand, "missing \"null\""), negated: false)
        case "nnull": self = .isNull(try required(operand, "missing \"nnull\""), negated: true)
        case "and": self = .and(try required(items, "\"and\" must be an array"))
        case "or": self = .or(try required(items, "\"or\" must be an array"))
        case "not": self = .not(try required(operand, "missing \"not\""))
        case "fn":
            let name = try required(function, "\"fn\" must be a string")
            guard let fn = Function(rawValue: name) else { throw PlanError("unknown function \"\(name)\"") }
            self = .function(fn, try required(items, "\"args\" must be an array"))
        case "agg":
            let name = try required(aggregate, "\"agg\" must be a string")
            guard let agg = Aggregate(rawValue: name) else { throw PlanError("unknown aggregate \"\(name)\"") }
            self = .aggregate(agg, argument, distinct: distinct)
        case "exists": self = .exists(try required(select, "missing \"exists\""))
        case "sub": self = .subquery(try required(select, "missing \"sub\""), count: count)
        case "case": self = .caseWhen(try required(branches, "\"case\" must be an array"), otherwise: otherwise)
        case "bool": self = .bool(flag)
        case "cast": self = .cast(try required(operand, "missing \"cast\""), try required(type, "cast needs a type \"t\""))
        case let other: throw PlanError("unknown expression \"\(other)\"")
        }
    }

    /// An expression, or nil for `null`.
    static func optional(_ reader: JSONReader) throws -> Expr? {
        try reader.null() ? nil : try Expr(reader: reader)
    }
}

extension Select {
    init(reader: JSONReader) throws {
        var table: String?, alias: String?
        var fields: [(key: String, value: Output)] = []
        var filter: Expr?, order: [Order] = [], group: [Expr] = []
        var limit: Int?, offset: Int?
        var on: [(outer: Expr, inner: String)] = []
        try reader.object { key in
            switch key {
            case "table": table = try reader.string()
            case "alias": alias = try reader.string()
            case "fields": fields = try Output.fields(reader)
            case "where": filter = try Expr.optional(reader)
            case "order":
                order = try reader.elements {
                    var expr: Expr?, descending = false
                    try reader.object { key in
                        switch key {
                        case "e": expr = try Expr(reader: reader)
                        case "desc": descending = try reader.bool()
                        default: try reader.skip()
                        }
                    }
                    guard let expr else { throw PlanError("order terms are {\"e\": expr}") }
                    return Order(expr, descending: descending)
                }
            case "group": group = try reader.elements { try Expr(reader: reader) }
            case "limit": limit = try reader.null() ? nil : try reader.int()
            case "offset": offset = try reader.null() ? nil : try reader.int()
            case "on":
                on = try reader.elements {
                    let (outer, inner) = try Plan.pair(reader, "on pairs are [outer expr, inner column]", { try Expr(reader: reader) }, reader.string)
                    return (outer: outer, inner: inner)
                }
            default: try reader.skip()
            }
        }
        guard let table else { throw PlanError("\"table\" must be a string") }
        guard let alias else { throw PlanError("\"alias\" must be a string") }
        self.init(table: table, alias: alias, fields: fields, filter: filter, order: order, group: group, limit: limit, offset: offset, on: on)
    }
}

extension Output {
    /// `[[key, output], …]`.
    static func fields(_ reader: JSONReader) throws -> [(key: String, value: Output)] {
        try reader.elements {
            let (key, value) = try Plan.pair(reader, "fields are [key, output]", reader.string) { try Output(reader: reader) }
            return (key: key, value: value)
        }
    }

    init(reader: JSONReader) throws {
        var first: String?
        var expr: Expr?, type: FieldType?, select: Select?, fields: [(key: String, value: Output)]?
        var discriminator: Expr?, key: Expr?, targets: [(collection: String, select: Select)]?
        try reader.object { member in
            if first == nil { first = member }
            switch member {
            case "expr": expr = try Expr(reader: reader)
            case "t": type = try reader.null() ? nil : try FieldType.decode(.string(try reader.string()))
            case "one", "many", "values": select = try Select(reader: reader)
            case "object": fields = try Output.fields(reader)
            case "any":
                try reader.object { member in
                    switch member {
                    case "disc": discriminator = try Expr(reader: reader)
                    case "key": key = try Expr(reader: reader)
                    case "targets":
                        targets = try reader.elements {
                            let (collection, select) = try Plan.pair(reader, "targets are [collection, select]", reader.string) { try Select(reader: reader) }
                            return (collection: collection, select: select)
                        }
                    default: try reader.skip()
                    }
                }
            default: try reader.skip()
            }
        }
        func required<T>(_ value: T?, _ what: String) throws -> T {
            guard let value else { throw PlanError(what) }
            return value
        }
        switch try required(first, "output must be an object") {
        case "expr": self = .expr(try required(expr, "missing \"expr\""), type: type)
        case "one": self = .one(try required(select, "missing \"one\""))
        case "many": self = .many(try required(select, "missing \"many\""))
        case "values": self = .values(try required(select, "missing \"values\""))
        case "object": self = .object(try required(fields, "\"object\" must be an array"))
        case "any":
            self = .anyOf(discriminator: try required(discriminator, "missing \"disc\""), key: try required(key, "missing \"key\""),
                          targets: try required(targets, "\"targets\" must be an array"))
        case let other: throw PlanError("unknown output \"\(other)\"")
        }
    }
}

extension SchemaChange {
    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("schema change must be an object") }
        switch try object.string("change") {
        case "create_table": self = .createTable(try TableSpec(json: try object.require("spec")))
        case "drop_table": self = .dropTable(try object.string("table"))
        case "rename_table": self = .renameTable(from: try object.string("table"), to: try object.string("to"))
        case "add_column": self = .addColumn(table: try object.string("table"), column: try ColumnSpec(json: try object.require("column")))
        case "alter_column": self = .alterColumn(table: try object.string("table"), column: try ColumnSpec(json: try object.require("column")))
        case "drop_column": self = .dropColumn(table: try object.string("table"), column: try object.string("column"))
        case "rename_column": self = .renameColumn(table: try object.string("table"), from: try object.string("column"), to: try object.string("to"))
        case "create_index":
            self = .createIndex(table: try object.string("table"), name: try object.string("name"),
                                columns: try object.array("columns").map { try $0.requireString("column") }, unique: object["unique"]?.boolValue ?? false)
        case "drop_index": self = .dropIndex(table: try object.string("table"), name: try object.string("name"))
        case "add_foreign_key": self = .addForeignKey(table: try object.string("table"), key: try ForeignKeySpec(json: try object.require("key")))
        case "drop_foreign_key": self = .dropForeignKey(table: try object.string("table"), column: try object.string("column"))
        case let other: throw PlanError("unknown schema change \"\(other)\"")
        }
    }
}

extension TableSpec {
    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("table spec must be an object") }
        self.init(name: try object.string("name"), columns: try object.array("columns").map(ColumnSpec.init(json:)),
                  foreignKeys: try (object["foreign_keys"]?.arrayValue ?? []).map(ForeignKeySpec.init(json:)),
                  indexes: try (object["indexes"]?.arrayValue ?? []).map { index in
                      guard let name = index["name"]?.stringValue, let columns = index["columns"]?.arrayValue else { throw PlanError("indexes need name and columns") }
                      return (name, try columns.map { try $0.requireString("column") }, index["unique"]?.boolValue ?? false)
                  })
    }
}

extension ColumnSpec {
    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("column spec must be an object") }
        self.init(try object.string("name"), try FieldType.decode(try object.require("type")),
                  length: object["length"]?.intValue, precision: object["precision"]?.intValue, scale: object["scale"]?.intValue,
                  nullable: object["nullable"]?.boolValue ?? true, primaryKey: object["primary"]?.boolValue ?? false,
                  autoIncrement: object["auto_increment"]?.boolValue ?? false, unique: object["unique"]?.boolValue ?? false)
        if let fallback = object["default"]?.objectValue {
            defaultValue = fallback["now"]?.boolValue == true ? .now : fallback["value"].map(DefaultValue.value)
        }
    }
}

extension ForeignKeySpec {
    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("foreign key must be an object") }
        self.init(column: try object.string("column"), table: try object.string("table"), referencedColumn: try object.string("references"),
                  onDelete: object["on_delete"]?.stringValue, onUpdate: object["on_update"]?.stringValue, name: object["name"]?.stringValue)
    }
}

extension FieldType {
    static func decode(_ json: JSON) throws -> FieldType {
        guard let name = json.stringValue, let type = FieldType(rawValue: name) else { throw PlanError("unknown field type \(json)") }
        return type
    }
}

extension JSONObject {
    func require(_ key: String) throws -> JSON {
        guard let value = self[key] else { throw PlanError("missing \"\(key)\"") }
        return value
    }

    func optional(_ key: String) throws -> JSON? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws -> String {
        guard let value = self[key]?.stringValue else { throw PlanError("\"\(key)\" must be a string") }
        return value
    }

    func array(_ key: String) throws -> [JSON] {
        guard let value = self[key]?.arrayValue else { throw PlanError("\"\(key)\" must be an array") }
        return value
    }
}

extension JSON {
    func requireString(_ what: String) throws -> String {
        guard let value = stringValue else { throw PlanError("\(what) must be a string") }
        return value
    }
}
