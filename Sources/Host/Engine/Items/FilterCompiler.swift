import PlinthJSON
import SQLPlan

/// Compiles Directus filter rules into plan expressions.
///
/// Relational rules become correlated EXISTS subqueries (M2O, O2M with the
/// implicit `_some`, `_none`, many-to-any scopes, `$FOLLOW`), so a filter
/// never multiplies rows. Values are coerced to the field's type.
struct FilterCompiler {
    let schema: SchemaModel
    let aliases: AliasSource
    let variables: DynamicVariables
    /// Checks each field a (caller's) filter names, in the collection it belongs to; throws to refuse.
    /// Nil for trusted rules (permissions, the engine's own lookups).
    var checkField: ((CollectionInfo, String) throws -> Void)? = nil

    func compile(_ filter: JSONObject, collection: CollectionInfo, alias: String) throws -> Expr {
        var terms: [Expr] = []
        for (key, value) in filter {
            switch key {
            case "_and", "_or":
                guard let items = value.arrayValue else { throw APIError.invalidQuery("\"\(key)\" must be an array") }
                let parts = try items.map { item -> Expr in
                    guard let object = item.objectValue else { throw APIError.invalidQuery("\"\(key)\" must contain objects") }
                    return try compile(object, collection: collection, alias: alias)
                }
                terms.append(key == "_and" ? .and(parts) : .or(parts))
            default:
                terms.append(try rule(key, value, collection: collection, alias: alias))
            }
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    /// One `key: value` rule, where key is a field, a function of a field, or `$FOLLOW(collection, field)`.
    private func rule(_ key: String, _ value: JSON, collection: CollectionInfo, alias: String) throws -> Expr {
        guard let object = value.objectValue else { throw APIError.invalidQuery("Invalid filter for \"\(key)\": expected an object") }
        if key.hasPrefix("$FOLLOW(") {
            return try follow(key, object, collection: collection, alias: alias)
        }
        if let function = try FieldTree.function(key) {
            guard let field = collection.field(function.field) else { throw FieldTree.unknown(function.field, collection.name) }
            try checkField?(collection, field.name)
            if function.name == "count" {
                return try operators(object, subject: try countExpression(field, alias: alias), type: .integer, field: field)
            }
            guard function.name != "json" else { throw APIError.invalidQuery("json() can't be used in filters; use the _json operator") }
            let expression = Expr.function(Function(rawValue: function.name)!, [.column(table: alias, name: field.name, type: field.type)])
            return try operators(object, subject: expression, type: .integer, field: field)
        }
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard let field = collection.field(parts[0]) else { throw FieldTree.unknown(parts[0], collection.name) }
        try checkField?(collection, field.name)
        if parts.count == 2 {
            return try anyScope(field, scope: parts[1], object, collection: collection, alias: alias)
        }
        let operatorKeys = object.keys.filter { $0.hasPrefix("_") && !["_and", "_or"].contains($0) }
        if let relation = schema.relation(one: collection.name, field: field.name), field.isAlias {
            return try oneToMany(relation, object, collection: collection, alias: alias)
        }
        if !operatorKeys.isEmpty || !FieldTree.isRelational(field, schema) {
            if field.isAlias { throw APIError.invalidQuery("Field \"\(field.name)\" in collection \"\(collection.name)\" can't be filtered") }
            return try operators(object, subject: .column(table: alias, name: field.name, type: field.type), type: field.type, field: field, alias: alias)
        }
        guard let relation = schema.relation(many: collection.name, field: field.name) else {
            throw APIError.invalidQuery("Field \"\(field.name)\" in collection \"\(collection.name)\" is not relational")
        }
        if let related = relation.relatedCollection, let target = schema.collection(related), let key = target.primaryKey {
            let inner = aliases.make()
            let condition = try compile(object, collection: target, alias: inner)
            return .exists(Select(table: target.name, alias: inner, filter: condition, on: [(.column(table: alias, name: field.name, type: nil), key)]))
        }
        throw APIError.invalidQuery("Filter on many-to-any field \"\(field.name)\" needs a collection scope, like \"\(field.name):collection\"")
    }

    /// An O2M alias: nested rules mean "some related item matches"; `_some`/`_none` say so explicitly.
    private func oneToMany(_ relation: RelationInfo, _ object: JSONObject, collection: CollectionInfo, alias: String) throws -> Expr {
        guard let child = schema.collection(relation.collection), let key = collection.primaryKey else {
            throw APIError.invalidQuery("Relation of \"\(relation.oneField ?? "")\" is incomplete")
        }
        func exists(_ rules: JSONObject) throws -> Expr {
            let inner = aliases.make()
            let condition = rules.isEmpty ? nil : try compile(rules, collection: child, alias: inner)
            return .exists(Select(table: child.name, alias: inner, filter: condition, on: [(.column(table: alias, name: key, type: nil), relation.field)]))
        }
        if let some = object["_some"] {
            guard let rules = some.objectValue else { throw APIError.invalidQuery("\"_some\" must be an object") }
            return try exists(rules)
        }
        if let none = object["_none"] {
            guard let rules = none.objectValue else { throw APIError.invalidQuery("\"_none\" must be an object") }
            return .not(try exists(rules))
        }
        if let nullCheck = object["_null"] ?? object["_nnull"] {
            // An alias is "null" when nothing relates to it.
            let wantsEmpty = DynamicVariables.truthy(nullCheck) == (object["_null"] != nil)
            return wantsEmpty ? .not(try exists([:])) : try exists([:])
        }
        return try exists(object)
    }

    /// `item:headings` inside a junction of a many-to-any relation.
    private func anyScope(_ field: FieldInfo, scope: String, _ object: JSONObject, collection: CollectionInfo, alias: String) throws -> Expr {
        guard let relation = schema.relation(many: collection.name, field: field.name), let discriminator = relation.oneCollectionField,
              relation.oneAllowedCollections.contains(scope), let target = schema.collection(scope), let key = target.primaryKey else {
            throw APIError.invalidQuery("\"\(scope)\" is not an allowed collection of \"\(collection.name).\(field.name)\"")
        }
        let inner = aliases.make()
        let condition = try compile(object, collection: target, alias: inner)
        let matches = Expr.compare(.eq, .cast(.column(table: inner, name: key, type: nil), .string), .column(table: alias, name: field.name, type: nil))
        return .and([
            .compare(.eq, .column(table: alias, name: discriminator, type: .string), .value(.string(scope), type: .string)),
            .exists(Select(table: target.name, alias: inner, filter: .and([matches, condition]))),
        ])
    }

    /// `$FOLLOW(collection, field)`: items of `collection` whose `field` points at this item.
    private func follow(_ key: String, _ object: JSONObject, collection: CollectionInfo, alias: String) throws -> Expr {
        let inside = key.dropFirst("$FOLLOW(".count).dropLast()
        let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard key.hasSuffix(")"), parts.count == 2, let target = schema.collection(parts[0]), target.field(parts[1]) != nil, let pk = collection.primaryKey else {
            throw APIError.invalidQuery("Invalid $FOLLOW filter \"\(key)\"")
        }
        try checkField?(target, parts[1])
        let inner = aliases.make()
        let condition = try compile(object, collection: target, alias: inner)
        return .exists(Select(table: target.name, alias: inner, filter: condition, on: [(.column(table: alias, name: pk, type: nil), parts[1])]))
    }

    /// COUNT of related items for `count(o2m)`, or the JSON array length for `count(json)`.
    func countExpression(_ field: FieldInfo, alias: String) throws -> Expr {
        if let relation = schema.relation(one: field.collection, field: field.name), let child = schema.collection(relation.collection),
           let key = schema.collection(field.collection)?.primaryKey {
            return .subquery(Select(table: child.name, alias: aliases.make(), on: [(.column(table: alias, name: key, type: nil), relation.field)]), count: true)
        }
        guard !field.isAlias else { throw APIError.invalidQuery("count() needs a relational or JSON field") }
        return .function(.jsonLength, [.column(table: alias, name: field.name, type: field.type)])
    }
}
