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
    /// The caller's read access when its filter must only name fields and collections it may read;
    /// nil for permission rules and the engine's own filters.
    var access: AccessPolicy? = nil

    /// The field `name` of `collection` when it exists and (for a checked caller) may be read.
    private func field(_ name: String, in collection: CollectionInfo, path: String) throws -> FieldInfo {
        guard let field = collection.field(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
        if let access {
            guard let grant = try access.read(collection.name) else { throw AccessErrors.collection(collection.name, path: path) }
            guard grant.allows(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
        }
        return field
    }

    /// `path` is the relational path of this level, named in errors.
    func compile(_ filter: JSONObject, collection: CollectionInfo, alias: String, path: String = "") throws -> Expr {
        var terms: [Expr] = []
        for (key, value) in filter {
            switch key {
            case "_and", "_or":
                guard let items = value.arrayValue else { throw APIError.invalidQuery("\"\(key)\" must be an array") }
                let parts = try items.map { item -> Expr in
                    guard let object = item.objectValue else { throw APIError.invalidQuery("\"\(key)\" must contain objects") }
                    return try compile(object, collection: collection, alias: alias, path: path)
                }
                terms.append(key == "_and" ? .and(parts) : .or(parts))
            default:
                terms.append(try rule(key, value, collection: collection, alias: alias, path: path))
            }
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    /// One `key: value` rule. For a checked caller whose permissions show the field on some items only, the
    /// rule matches only those items, so a filter cannot reveal values the caller is not shown.
    private func rule(_ key: String, _ value: JSON, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        let result = try unguardedRule(key, value, collection: collection, alias: alias, path: path)
        guard !key.hasPrefix("$FOLLOW(") else { return result }
        let name = (try FieldTree.function(key)?.field) ?? String(key.split(separator: ":", maxSplits: 1)[0])
        guard let condition = try visibility(of: name, in: collection, alias: alias) else { return result }
        return .and([condition, result])
    }

    /// The condition under which a checked caller is shown `field`, or nil when it is shown on every item it reads.
    func visibility(of field: String, in collection: CollectionInfo, alias: String) throws -> Expr? {
        guard let access, let grant = try access.read(collection.name), let guards = grant.guardRules(for: field) else { return nil }
        let rules = FilterCompiler(schema: schema, aliases: aliases, variables: variables)
        return .or(try guards.map { try rules.compile(FilterRules.normalize($0), collection: collection, alias: alias) })
    }

    /// One `key: value` rule, where key is a field, a function of a field, or `$FOLLOW(collection, field)`.
    private func unguardedRule(_ key: String, _ value: JSON, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        guard let object = value.objectValue else { throw APIError.invalidQuery("Invalid filter for \"\(key)\": expected an object") }
        if key.hasPrefix("$FOLLOW(") {
            return try follow(key, object, collection: collection, alias: alias, path: path)
        }
        if let function = try FieldTree.function(key) {
            let field = try field(function.field, in: collection, path: path)
            guard function.name != "json" else { throw FieldTree.unknown(key, collection.name, path: path) }
            try FieldTree.allow(function.name, on: field, key: key, collection: collection.name)
            if function.name == "count" {
                return try operators(object, subject: try countExpression(field, alias: alias), type: .integer, field: field, accepting: .integer)
            }
            let expression = Expr.function(Function(rawValue: function.name)!, [.column(table: alias, name: field.name, type: field.type)])
            return try operators(object, subject: expression, type: .integer, field: field, accepting: .integer)
        }
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        let field = try field(parts[0], in: collection, path: path)
        let nestedPath = AccessErrors.join(path, key)
        if parts.count == 2 {
            return try anyScope(field, scope: parts[1], object, collection: collection, alias: alias, path: nestedPath)
        }
        let operatorKeys = object.keys.filter { $0.hasPrefix("_") && !["_and", "_or"].contains($0) }
        if let relation = schema.relation(one: collection.name, field: field.name), field.isAlias {
            return try oneToMany(relation, object, collection: collection, alias: alias, path: nestedPath)
        }
        if let nested = operatorKeys.first(where: { $0 == "_some" || $0 == "_none" }) {
            throw APIError.invalidQuery("\"\(nested)\" can only be used with top level relational alias field")
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
            let condition = try compile(object, collection: target, alias: inner, path: nestedPath)
            return .exists(Select(table: target.name, alias: inner, filter: condition, on: [(.column(table: alias, name: field.name, type: nil), key)]))
        }
        throw APIError.invalidQuery("You have to provide a collection scope when sorting or filtering on a many-to-any item")
    }

    /// An O2M alias: nested rules mean "some related item matches"; `_some`/`_none` say so explicitly.
    private func oneToMany(_ relation: RelationInfo, _ object: JSONObject, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        guard let child = schema.collection(relation.collection) else {
            throw APIError.invalidQuery("Relation of \"\(relation.oneField ?? "")\" is incomplete")
        }
        return try reverse(child, link: relation.field, object, collection: collection, alias: alias, path: path)
    }

    /// Items of `child` whose `link` points at this item: `_some` (also implicit), `_none`, and `_null`/`_nnull` for "has none"/"has some".
    private func reverse(_ child: CollectionInfo, link: String, _ object: JSONObject, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        guard let key = collection.primaryKey else { throw AccessErrors.collection(collection.name, path: path) }
        func exists(_ rules: JSONObject) throws -> Expr {
            let inner = aliases.make()
            let condition = rules.isEmpty ? nil : try compile(rules, collection: child, alias: inner, path: path)
            return .exists(Select(table: child.name, alias: inner, filter: condition, on: [(.column(table: alias, name: key, type: nil), link)]))
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
    private func anyScope(_ field: FieldInfo, scope: String, _ object: JSONObject, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        guard let relation = schema.relation(many: collection.name, field: field.name), let discriminator = relation.oneCollectionField,
              relation.oneAllowedCollections.contains(scope), let target = schema.collection(scope), let key = target.primaryKey else {
            throw APIError.invalidQuery("\"\(scope)\" is not an allowed collection of \"\(collection.name).\(field.name)\"")
        }
        let inner = aliases.make()
        let condition = try compile(object, collection: target, alias: inner, path: path)
        let matches = Expr.compare(.eq, .cast(.column(table: inner, name: key, type: nil), .string), .column(table: alias, name: field.name, type: nil))
        return .and([
            .compare(.eq, .column(table: alias, name: discriminator, type: .string), .value(.string(scope), type: .string)),
            .exists(Select(table: target.name, alias: inner, filter: .and([matches, condition]))),
        ])
    }

    /// `$FOLLOW(collection, field)`: items of `collection` whose `field` points at this item.
    private func follow(_ key: String, _ object: JSONObject, collection: CollectionInfo, alias: String, path: String) throws -> Expr {
        let inside = key.dropFirst("$FOLLOW(".count).dropLast()
        let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard key.hasSuffix(")"), parts.count == 2, let target = schema.collection(parts[0]), target.field(parts[1]) != nil else {
            throw APIError.invalidQuery("Invalid $FOLLOW filter \"\(key)\"")
        }
        return try reverse(target, link: parts[1], object, collection: collection, alias: alias, path: AccessErrors.join(path, key))
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
