import PlinthJSON

/// A plan that is not valid JSON of the expected shape, with the path to the problem.
public struct PlanError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Decoding of plans from their versioned JSON form.
extension Plan {
    /// Parses and decodes a plan, refusing another format version.
    public init(bytes: [UInt8]) throws {
        let json: JSON
        do { json = try JSON.parse(bytes) } catch { throw PlanError("plan is not valid JSON: \(error)") }
        try self.init(json: json)
    }

    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("plan must be an object") }
        guard object["v"]?.intValue == Plan.version else {
            throw PlanError("plan version \(object["v"]?.description ?? "missing") is not supported (expected \(Plan.version))")
        }
        switch try object.string("op") {
        case "select": self = .select(try Select(json: try object.require("select")))
        case "insert":
            self = .insert(Insert(
                table: try object.string("table"),
                columns: try object.array("columns").map { try $0.requireString("column") },
                rows: try object.array("rows").map { row in try (row.arrayValue ?? []).map(Expr.init(json:)) },
                returning: object["returning"]?.stringValue
            ))
        case "update":
            self = .update(Update(
                table: try object.string("table"), alias: try object.string("alias"),
                set: try object.array("set").map { pair in
                    guard let items = pair.arrayValue, items.count == 2, let column = items[0].stringValue else { throw PlanError("set entries are [column, expr]") }
                    return (column, try Expr(json: items[1]))
                },
                filter: try object.optional("where").map(Expr.init(json:))
            ))
        case "delete":
            self = .delete(Delete(table: try object.string("table"), alias: try object.string("alias"),
                                  filter: try object.optional("where").map(Expr.init(json:))))
        case "schema": self = .schema(try object.array("changes").map(SchemaChange.init(json:)))
        case "batch": self = .batch(try object.array("plans").map(Plan.init(json:)))
        case "stats": self = .stats
        case let other: throw PlanError("unknown plan op \"\(other)\"")
        }
    }
}

extension Expr {
    public init(json: JSON) throws {
        guard let object = json.objectValue, let first = object.firstKey else { throw PlanError("expression must be an object: \(json)") }
        let type = try object.optional("t").map { try FieldType.decode($0) }
        switch first {
        case "c":
            guard let parts = object["c"]?.arrayValue, parts.count == 2, let table = parts[0].stringValue, let name = parts[1].stringValue else {
                throw PlanError("column must be [alias, name]")
            }
            self = .column(table: table, name: name, type: type)
        case "v": self = .value(object["v"]!, type: type)
        case "l": self = .list(try object.array("l"), type: type)
        case "op":
            let name = try object.string("op")
            guard let op = CompareOp(rawValue: name) else { throw PlanError("unknown operator \"\(name)\"") }
            self = .compare(op, try Expr(json: try object.require("a")), try Expr(json: try object.require("b")))
        case "null": self = .isNull(try Expr(json: object["null"]!), negated: false)
        case "nnull": self = .isNull(try Expr(json: object["nnull"]!), negated: true)
        case "and": self = .and(try object.array("and").map(Expr.init(json:)))
        case "or": self = .or(try object.array("or").map(Expr.init(json:)))
        case "not": self = .not(try Expr(json: object["not"]!))
        case "fn":
            let name = try object.string("fn")
            guard let fn = Function(rawValue: name) else { throw PlanError("unknown function \"\(name)\"") }
            self = .function(fn, try object.array("args").map(Expr.init(json:)))
        case "agg":
            let name = try object.string("agg")
            guard let agg = Aggregate(rawValue: name) else { throw PlanError("unknown aggregate \"\(name)\"") }
            self = .aggregate(agg, try object.optional("arg").map(Expr.init(json:)), distinct: object["distinct"]?.boolValue ?? false)
        case "exists": self = .exists(try Select(json: object["exists"]!))
        case "sub": self = .subquery(try Select(json: object["sub"]!), count: object["count"]?.boolValue ?? false)
        case "case":
            let branches = try object.array("case").map { pair -> (Expr, Expr) in
                guard let items = pair.arrayValue, items.count == 2 else { throw PlanError("case branches are [when, then]") }
                return (try Expr(json: items[0]), try Expr(json: items[1]))
            }
            self = .caseWhen(branches, otherwise: try object.optional("else").map(Expr.init(json:)))
        case "bool": self = .bool(object["bool"]?.boolValue ?? false)
        case "cast":
            guard let type else { throw PlanError("cast needs a type \"t\"") }
            self = .cast(try Expr(json: object["cast"]!), type)
        default: throw PlanError("unknown expression \"\(first)\"")
        }
    }
}

extension Select {
    public init(json: JSON) throws {
        guard let object = json.objectValue else { throw PlanError("select must be an object") }
        self.init(table: try object.string("table"), alias: try object.string("alias"))
        fields = try object.array("fields").map(Output.field)
        filter = try object.optional("where").map(Expr.init(json:))
        order = try (object["order"]?.arrayValue ?? []).map { term in
            Order(try Expr(json: term["e"] ?? .null), descending: term["desc"]?.boolValue ?? false)
        }
        group = try (object["group"]?.arrayValue ?? []).map(Expr.init(json:))
        limit = try object.optionalInt("limit")
        offset = try object.optionalInt("offset")
        on = try (object["on"]?.arrayValue ?? []).map { pair in
            guard let items = pair.arrayValue, items.count == 2, let inner = items[1].stringValue else { throw PlanError("on pairs are [outer expr, inner column]") }
            return (try Expr(json: items[0]), inner)
        }
    }
}

extension Output {
    static func field(_ json: JSON) throws -> (key: String, value: Output) {
        guard let items = json.arrayValue, items.count == 2, let key = items[0].stringValue else { throw PlanError("fields are [key, output]") }
        return (key, try Output(json: items[1]))
    }

    public init(json: JSON) throws {
        guard let object = json.objectValue, let first = object.firstKey else { throw PlanError("output must be an object") }
        switch first {
        case "expr": self = .expr(try Expr(json: object["expr"]!), type: try object.optional("t").map { try FieldType.decode($0) })
        case "one": self = .one(try Select(json: object["one"]!))
        case "many": self = .many(try Select(json: object["many"]!))
        case "values": self = .values(try Select(json: object["values"]!))
        case "object": self = .object(try object.array("object").map(Output.field))
        case "any":
            let any = object["any"]?.objectValue ?? JSONObject()
            self = .anyOf(discriminator: try Expr(json: try any.require("disc")), key: try Expr(json: try any.require("key")),
                          targets: try any.array("targets").map { pair in
                              guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue else { throw PlanError("targets are [collection, select]") }
                              return (name, try Select(json: items[1]))
                          })
        default: throw PlanError("unknown output \"\(first)\"")
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

    func optionalInt(_ key: String) throws -> Int? {
        guard let value = try optional(key) else { return nil }
        guard let integer = value.intValue else { throw PlanError("\"\(key)\" must be an integer") }
        return integer
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
