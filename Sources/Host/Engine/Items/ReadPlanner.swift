import PlinthJSON
import SQLPlan

/// Builds the plan of a read: one `Select` tree for a collection, its requested fields, relations
/// (nested to any depth, with `deep` queries), filters, search, sort and paging.
struct ReadPlanner {
    let schema: SchemaModel
    let limits: QueryLimits
    let aliases: AliasSource
    let variables: DynamicVariables
    let access: AccessPolicy

    /// Compiles the caller's filters: fields it may not read are refused.
    var filters: FilterCompiler { FilterCompiler(schema: schema, aliases: aliases, variables: variables, access: access.restricted ? access : nil) }
    /// Compiles permission rules, which may name any field.
    var rules: FilterCompiler { FilterCompiler(schema: schema, aliases: aliases, variables: variables) }

    /// The top-level select of `collection` for `query`.
    func plan(_ collection: CollectionInfo, _ query: Query) throws -> Select {
        try select(collection, query, depth: 1, nested: false, path: "")
    }

    /// The select of one level; `path` is its relational path, named in errors; `via` is the relation that led here.
    func select(_ collection: CollectionInfo, _ query: Query, depth: Int, nested: Bool, path: String, via: RelationInfo? = nil) throws -> Select {
        guard collection.primaryKey != nil, let grant = try access.read(collection.name) else { throw AccessErrors.collection(collection.name, path: path) }
        let alias = aliases.make()
        var select = Select(table: collection.name, alias: alias)
        if query.aggregate.isEmpty {
            let backlink = query.backlink ? nil : via
            for request in try FieldTree(schema: schema).requests(query.fields, collection: collection, aliases: query.alias, path: path, backlink: backlink) {
                if let output = try output(request, collection: collection, alias: alias, grant: grant, query: query, depth: depth, path: path) {
                    select.fields.append((request.key, output))
                }
            }
        } else {
            try aggregate(query, collection: collection, alias: alias, into: &select)
        }
        select.filter = try condition(query, collection: collection, alias: alias, grant: grant, path: path)
        select.order = try order(query, collection: collection, alias: alias, nested: nested, path: path)
        let limit = query.limit ?? limits.defaultLimit
        select.limit = limit < 0 ? nil : limit
        if let page = query.page, page > 1, let pageSize = select.limit {
            // A page replaces the offset at the top level; in nested lists Directus adds the two.
            select.offset = (page - 1) * pageSize + (nested ? query.offset ?? 0 : 0)
        } else {
            select.offset = query.offset
        }
        return select
    }

    /// The WHERE of a read: the query's filter, its search, and the caller's item rule.
    func condition(_ query: Query, collection: CollectionInfo, alias: String, grant: ReadAccess, path: String = "") throws -> Expr? {
        var terms: [Expr] = []
        if let filter = query.filter, !filter.isEmpty { terms.append(try filters.compile(filter, collection: collection, alias: alias, path: path)) }
        if let search = query.search, !search.isEmpty,
           let expression = try Search.expression(search, collection: collection, alias: alias, grant: grant,
                                                  visibility: { try filters.visibility(of: $0, in: collection, alias: alias) }) {
            terms.append(expression)
        }
        if let rule = grant.rule, !rule.isEmpty { terms.append(try rules.compile(FilterRules.normalize(rule), collection: collection, alias: alias)) }
        return terms.isEmpty ? nil : (terms.count == 1 ? terms[0] : .and(terms))
    }

    private func output(_ request: FieldRequest, collection: CollectionInfo, alias: String, grant: ReadAccess, query: Query, depth: Int, path: String) throws -> Output? {
        switch request {
        case .field(let name, _):
            guard let field = collection.field(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
            guard grant.allows(name) else {
                if query.fields.contains(where: { $0 == "*" || $0.hasPrefix("*.") }) { return nil }
                throw FieldTree.unknown(name, collection.name, path: path)
            }
            if field.isAlias { return try shown(try keys(field, collection: collection, alias: alias), name, grant, collection, alias) }
            return try shown(Self.columnOutput(field, alias: alias), name, grant, collection, alias)
        case .function(let name, let fieldName, let argument, _):
            guard let field = collection.field(fieldName), grant.allows(fieldName) else { throw FieldTree.unknown(fieldName, collection.name, path: path) }
            let column = Expr.column(table: alias, name: field.name, type: field.type)
            let output: Output
            switch name {
            case "count": output = .expr(try filters.countExpression(field, alias: alias), type: Self.functionType(name, field))
            case "json": output = .expr(.function(.json, [column, .value(.string(argument ?? ""), type: .string)]), type: .json)
            default: output = .expr(.function(Function(rawValue: name)!, [column]), type: Self.functionType(name, field))
            }
            return try shown(output, fieldName, grant, collection, alias)
        case .relation(let name, let key, let children, let scopes):
            guard let field = collection.field(name), grant.allows(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
            guard depth < limits.relationalDepth else { throw QuerySanitizer.invalid("Max relational depth exceeded") }
            var deep = try QuerySanitizer.object(query.deep[key] ?? .object([:]), "deep")
            // Many-to-any scopes sit beside the field: `deep[item:headings]`.
            for (name, value) in query.deep where name.hasPrefix(key + ":") { deep[name] = value }
            let output = try relation(field, collection: collection, alias: alias, children: children, scopes: scopes, deep: deep, depth: depth,
                                      path: AccessErrors.join(path, key), backlink: query.backlink)
            return try shown(output, name, grant, collection, alias)
        }
    }

    /// An output limited to the items whose permission shows `field`, when the caller's permissions show
    /// it on some items only: null (or an empty list) elsewhere, as Directus's CASE WHEN does.
    private func shown(_ output: Output?, _ field: String, _ grant: ReadAccess, _ collection: CollectionInfo, _ alias: String) throws -> Output? {
        guard let output, let guards = grant.guardRules(for: field) else { return output }
        let condition = Expr.or(try guards.map { try rules.compile(FilterRules.normalize($0), collection: collection, alias: alias) })
        func restrict(_ select: Select) -> Select {
            var copy = select
            copy.filter = copy.filter.map { .and([condition, $0]) } ?? condition
            return copy
        }
        switch output {
        case .expr(let expr, let type): return .expr(.caseWhen([(condition, expr)], otherwise: .value(.null, type: nil)), type: type)
        case .one(let select): return .one(restrict(select))
        case .many(let select): return .many(restrict(select))
        case .values(let select): return .values(restrict(select))
        case .anyOf(let discriminator, let key, let targets):
            return .anyOf(discriminator: .caseWhen([(condition, discriminator)], otherwise: .value(.null, type: nil)),
                          key: .caseWhen([(condition, key)], otherwise: .value(.null, type: nil)),
                          targets: targets.map { ($0.collection, restrict($0.select)) })
        case .object: return output
        }
    }

    /// The field `name` of `collection` when it exists and the caller may read it (sorts, groups, aggregates).
    func readable(_ name: String, in collection: CollectionInfo, path: String) throws -> FieldInfo {
        guard let field = collection.field(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
        if access.restricted {
            guard let grant = try access.read(collection.name) else { throw AccessErrors.collection(collection.name, path: path) }
            guard grant.allows(name) else { throw FieldTree.unknown(name, collection.name, path: path) }
        }
        return field
    }

    /// A column as the API returns it: typed, concealed values masked.
    static func columnOutput(_ field: FieldInfo, alias: String) -> Output {
        let column = Expr.column(table: alias, name: field.name, type: field.type)
        if field.has("conceal") || field.has("hash") || field.type == .hash {
            let empty = Expr.or([.isNull(column, negated: false), .compare(.eq, column, .value("", type: .string))])
            return .expr(.caseWhen([(empty, .value(.null, type: nil))], otherwise: .value("**********", type: .string)), type: .string)
        }
        return .expr(column, type: outputType(field))
    }

    /// The type a function's result is returned as. PostgreSQL's COUNT is a bigint and EXTRACT a numeric,
    /// both of which reach Directus clients as strings; `json_array_length` is an integer.
    static func functionType(_ function: String, _ field: FieldInfo) -> FieldType {
        if function == "count" { return field.isAlias ? .bigInteger : .integer }
        return .decimal
    }

    /// The type a field is returned as, after its cast specials.
    static func outputType(_ field: FieldInfo) -> FieldType {
        if field.has("cast-boolean") { return .boolean }
        if field.has("cast-json") { return .json }
        if field.has("cast-csv") { return .csv }
        return field.type
    }

    /// An O2M or M2A alias read without sub-fields: the keys of the related (junction) items.
    private func keys(_ field: FieldInfo, collection: CollectionInfo, alias: String) throws -> Output? {
        guard let relation = schema.relation(one: collection.name, field: field.name), let child = schema.collection(relation.collection),
              let childKey = child.primaryKey, let parentKey = collection.primaryKey else { return nil }
        guard try access.read(child.name) != nil else { return nil }
        let inner = aliases.make()
        let order = relation.sortField.map { [Order(.column(table: inner, name: $0, type: nil))] } ?? [Order(.column(table: inner, name: childKey, type: nil))]
        let keyField = child.field(childKey)
        var select = Select(table: child.name, alias: inner, fields: [("key", .expr(.column(table: inner, name: childKey, type: keyField?.type), type: keyField?.type))],
                            order: order, on: [(.column(table: alias, name: parentKey, type: nil), relation.field)])
        select.limit = limits.defaultLimit
        return .values(select)
    }
}
