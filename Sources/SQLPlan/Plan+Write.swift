import PlinthJSON

/// Direct encoding of plans: the same bytes as `plan.json.encoded()` (Plan+Encode.swift, the
/// reference), written without building the JSON tree first. Every read sends a plan, so this
/// is on the path of every request; `PlanEncodingTests` holds the two encodings equal.
extension Plan {
    /// The plan as its versioned JSON text.
    public func encoded() -> [UInt8] {
        var out = PlanWriter()
        out.plan(self)
        return out.bytes
    }
}

struct PlanWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) { JSON.writeString(text, to: &bytes) }

    mutating func json(_ value: JSON) { value.write(to: &bytes) }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// `[a,b,…]` with `element` writing each item.
    mutating func array<T>(_ items: [T], _ element: (inout PlanWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func type(_ type: FieldType?) {
        guard let type else { return }
        raw(",\"t\":")
        string(type.rawValue)
    }

    mutating func plan(_ plan: Plan) {
        raw("{\"v\":")
        int(Plan.version)
        switch plan {
        case .select(let select):
            raw(",\"op\":\"select\",\"select\":")
            self.select(select)
        case .insert(let insert):
            raw(",\"op\":\"insert\",\"table\":")
            string(insert.table)
            raw(",\"columns\":")
            array(insert.columns) { $0.string($1) }
            raw(",\"rows\":")
            array(insert.rows) { writer, row in writer.array(row) { $0.expr($1) } }
            raw(",\"returning\":")
            if let returning = insert.returning { string(returning) } else { raw("null") }
        case .update(let update):
            raw(",\"op\":\"update\",\"table\":")
            string(update.table)
            raw(",\"alias\":")
            string(update.alias)
            raw(",\"set\":")
            array(update.set) { writer, pair in
                writer.raw("[")
                writer.string(pair.column)
                writer.raw(",")
                writer.expr(pair.value)
                writer.raw("]")
            }
            raw(",\"where\":")
            optionalExpr(update.filter)
        case .delete(let delete):
            raw(",\"op\":\"delete\",\"table\":")
            string(delete.table)
            raw(",\"alias\":")
            string(delete.alias)
            raw(",\"where\":")
            optionalExpr(delete.filter)
        case .schema(let changes):
            raw(",\"op\":\"schema\",\"changes\":")
            array(changes) { $0.json($1.json) }
        case .batch(let plans):
            raw(",\"op\":\"batch\",\"plans\":")
            array(plans) { $0.plan($1) }
        case .stats:
            raw(",\"op\":\"stats\"")
        }
        raw("}")
    }

    mutating func optionalExpr(_ expr: Expr?) {
        if let expr { self.expr(expr) } else { raw("null") }
    }

    mutating func select(_ select: Select) {
        raw("{\"table\":")
        string(select.table)
        raw(",\"alias\":")
        string(select.alias)
        raw(",\"fields\":")
        fields(select.fields)
        if let filter = select.filter {
            raw(",\"where\":")
            expr(filter)
        }
        if !select.order.isEmpty {
            raw(",\"order\":")
            array(select.order) { writer, order in
                writer.raw("{\"e\":")
                writer.expr(order.expr)
                writer.raw(",\"desc\":")
                writer.bool(order.descending)
                writer.raw("}")
            }
        }
        if !select.group.isEmpty {
            raw(",\"group\":")
            array(select.group) { $0.expr($1) }
        }
        if let limit = select.limit {
            raw(",\"limit\":")
            int(limit)
        }
        if let offset = select.offset {
            raw(",\"offset\":")
            int(offset)
        }
        if !select.on.isEmpty {
            raw(",\"on\":")
            array(select.on) { writer, pair in
                writer.raw("[")
                writer.expr(pair.outer)
                writer.raw(",")
                writer.string(pair.inner)
                writer.raw("]")
            }
        }
        raw("}")
    }

    /// `{"key":select}`, `opening` being `{"key":`.
    mutating func wrapped(_ opening: StaticString, _ select: Select) {
        raw(opening)
        self.select(select)
        raw("}")
    }

    mutating func fields(_ fields: [(key: String, value: Output)]) {
        array(fields) { writer, field in
            writer.raw("[")
            writer.string(field.key)
            writer.raw(",")
            writer.output(field.value)
            writer.raw("]")
        }
    }

    mutating func output(_ output: Output) {
        switch output {
        case .expr(let expr, let type):
            raw("{\"expr\":")
            self.expr(expr)
            self.type(type)
            raw("}")
        case .one(let select): wrapped("{\"one\":", select)
        case .many(let select): wrapped("{\"many\":", select)
        case .values(let select): wrapped("{\"values\":", select)
        case .object(let fields):
            raw("{\"object\":")
            self.fields(fields)
            raw("}")
        case .anyOf(let discriminator, let key, let targets):
            raw("{\"any\":{\"disc\":")
            expr(discriminator)
            raw(",\"key\":")
            expr(key)
            raw(",\"targets\":")
            array(targets) { writer, target in
                writer.raw("[")
                writer.string(target.collection)
                writer.raw(",")
                writer.select(target.select)
                writer.raw("]")
            }
            raw("}}")
        }
    }

    mutating func expr(_ expr: Expr) {
        switch expr {
        case .column(let table, let name, let type):
            raw("{\"c\":[")
            string(table)
            raw(",")
            string(name)
            raw("]")
            self.type(type)
            raw("}")
        case .value(let value, let type):
            raw("{\"v\":")
            json(value)
            self.type(type)
            raw("}")
        case .list(let values, let type):
            raw("{\"l\":")
            json(.array(values))
            self.type(type)
            raw("}")
        case .compare(let op, let a, let b):
            raw("{\"op\":")
            string(op.rawValue)
            raw(",\"a\":")
            self.expr(a)
            raw(",\"b\":")
            self.expr(b)
            raw("}")
        case .isNull(let inner, let negated):
            negated ? raw("{\"nnull\":") : raw("{\"null\":")
            self.expr(inner)
            raw("}")
        case .and(let items):
            raw("{\"and\":")
            array(items) { $0.expr($1) }
            raw("}")
        case .or(let items):
            raw("{\"or\":")
            array(items) { $0.expr($1) }
            raw("}")
        case .not(let inner):
            raw("{\"not\":")
            self.expr(inner)
            raw("}")
        case .function(let function, let args):
            raw("{\"fn\":")
            string(function.rawValue)
            raw(",\"args\":")
            array(args) { $0.expr($1) }
            raw("}")
        case .aggregate(let aggregate, let argument, let distinct):
            raw("{\"agg\":")
            string(aggregate.rawValue)
            raw(",\"arg\":")
            optionalExpr(argument)
            raw(",\"distinct\":")
            bool(distinct)
            raw("}")
        case .exists(let select): wrapped("{\"exists\":", select)
        case .subquery(let select, let count):
            raw("{\"sub\":")
            self.select(select)
            raw(",\"count\":")
            bool(count)
            raw("}")
        case .caseWhen(let branches, let otherwise):
            raw("{\"case\":")
            array(branches) { writer, branch in
                writer.raw("[")
                writer.expr(branch.0)
                writer.raw(",")
                writer.expr(branch.1)
                writer.raw("]")
            }
            raw(",\"else\":")
            optionalExpr(otherwise)
            raw("}")
        case .bool(let value):
            raw("{\"bool\":")
            bool(value)
            raw("}")
        case .cast(let inner, let type):
            raw("{\"cast\":")
            self.expr(inner)
            raw(",\"t\":")
            string(type.rawValue)
            raw("}")
        }
    }
}
