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

    var filters: FilterCompiler { FilterCompiler(schema: schema, aliases: aliases, variables: variables) }

    /// The compiler for the caller's own filters: every field they name must be readable by the caller.
    var callerFilters: FilterCompiler {
        var compiler = filters
        let access = self.access
        compiler.checkField = { collection, field in
            guard let grant = try access.read(collection.name), grant.allows(field) else { throw APIError.forbidden() }
        }
        return compiler
    }

    /// The top-level select of `collection` for `query`.
    func plan(_ collection: CollectionInfo, _ query: Query) throws -> Select {
        try select(collection, query, depth: 1, nested: false)
    }

    func select(_ collection: CollectionInfo, _ query: Query, depth: Int, nested: Bool) throws -> Select {
        guard collection.primaryKey != nil else { throw APIError.forbidden() }
        guard let grant = try access.read(collection.name) else { throw APIError.forbidden() }
        let alias = aliases.make()
        var select = Select(table: collection.name, alias: alias)
        if query.aggregate.isEmpty {
            for request in try FieldTree(schema: schema).requests(query.fields, collection: collection, aliases: query.alias) {
                if let output = try output(request, collection: collection, alias: alias, grant: grant, query: query, depth: depth) {
                    select.fields.append((request.key, try restricted(output, request, collection: collection, alias: alias, grant: grant)))
                }
            }
        } else {
            try aggregate(query, collection: collection, alias: alias, into: &select)
        }
        select.filter = try condition(query, collection: collection, alias: alias, grant: grant)
        select.order = try order(query, collection: collection, alias: alias, nested: nested)
        let limit = query.limit ?? (nested ? -1 : limits.defaultLimit)
        select.limit = limit < 0 ? nil : limit
        if let page = query.page, let pageSize = select.limit { select.offset = (page - 1) * pageSize } else { select.offset = query.offset }
        return select
    }

    /// The WHERE of a read: the query's filter, its search, and the caller's item rule.
    func condition(_ query: Query, collection: CollectionInfo, alias: String, grant: ReadAccess) throws -> Expr? {
        var terms: [Expr] = []
        if let filter = query.filter, !filter.isEmpty { terms.append(try callerFilters.compile(filter, collection: collection, alias: alias)) }
        if let search = query.search, !search.isEmpty, let expression = Search.expression(search, collection: collection, alias: alias) { terms.append(expression) }
        if let rule = grant.rule, !rule.isEmpty { terms.append(try filters.compile(rule, collection: collection, alias: alias)) }
        return terms.isEmpty ? nil : (terms.count == 1 ? terms[0] : .and(terms))
    }

    private func output(_ request: FieldRequest, collection: CollectionInfo, alias: String, grant: ReadAccess, query: Query, depth: Int) throws -> Output? {
        switch request {
        case .field(let name, _):
            guard let field = collection.field(name) else { throw FieldTree.unknown(name, collection.name) }
            guard grant.allows(name) else {
                if query.fields.contains(where: { $0 == "*" || $0.hasPrefix("*.") }) { return nil }
                throw APIError.forbidden()
            }
            if field.isAlias { return try keys(field, collection: collection, alias: alias) }
            return Self.columnOutput(field, alias: alias)
        case .function(let name, let fieldName, let argument, _):
            guard let field = collection.field(fieldName), grant.allows(fieldName) else { throw APIError.forbidden() }
            let column = Expr.column(table: alias, name: field.name, type: field.type)
            switch name {
            case "count": return .expr(try filters.countExpression(field, alias: alias), type: .integer)
            case "json": return .expr(.function(.json, [column, .value(.string(argument ?? ""), type: .string)]), type: .json)
            default: return .expr(.function(Function(rawValue: name)!, [column]), type: .integer)
            }
        case .relation(let name, let key, let children, let scopes):
            guard let field = collection.field(name) else { throw FieldTree.unknown(name, collection.name) }
            guard grant.allows(name) else { throw APIError.forbidden() }
            guard depth < limits.relationalDepth else {
                throw APIError(code: "LIMIT_EXCEEDED", status: 400, message: "Max relational depth exceeded.")
            }
            let deep = try QuerySanitizer.object(query.deep[key] ?? .object([:]), "deep")
            return try relation(field, collection: collection, alias: alias, children: children, scopes: scopes, deep: deep, depth: depth)
        }
    }

    /// A field granted by only some of the caller's permissions reads as null on items only the others match.
    private func restricted(_ output: Output, _ request: FieldRequest, collection: CollectionInfo, alias: String, grant: ReadAccess) throws -> Output {
        let name: String
        switch request {
        case .field(let field, _): name = field
        case .function(_, let field, _, _): name = field
        case .relation(let field, _, _, _): name = field
        }
        guard let rule = grant.fieldRule(name) else { return output }
        let condition = try filters.compile(rule, collection: collection, alias: alias)
        func narrowed(_ select: Select) -> Select {
            var select = select
            select.filter = select.filter.map { .and([$0, condition]) } ?? condition
            return select
        }
        switch output {
        case .expr(let expr, let type): return .expr(.caseWhen([(condition, expr)], otherwise: .value(.null, type: nil)), type: type)
        case .one(let select): return .one(narrowed(select))
        case .many(let select): return .many(narrowed(select))
        case .values(let select): return .values(narrowed(select))
        case .object, .anyOf: throw APIError.forbidden()
        }
    }

    /// A column as the API returns it: typed, concealed values masked.
    static func columnOutput(_ field: FieldInfo, alias: String) -> Output {
        let column = Expr.column(table: alias, name: field.name, type: field.type)
        if field.has("conceal") || field.has("hash") || field.type == .hash {
            return .expr(.caseWhen([(.isNull(column, negated: false), .value(.null, type: nil))], otherwise: .value("**********", type: .string)), type: .string)
        }
        var type = field.type
        if field.has("cast-boolean") { type = .boolean }
        if field.has("cast-json") { type = .json }
        if field.has("cast-csv") { type = .csv }
        return .expr(column, type: type)
    }

    /// An O2M or M2A alias read without sub-fields: the keys of the related (junction) items.
    private func keys(_ field: FieldInfo, collection: CollectionInfo, alias: String) throws -> Output? {
        guard let relation = schema.relation(one: collection.name, field: field.name), let child = schema.collection(relation.collection),
              let childKey = child.primaryKey, let parentKey = collection.primaryKey else { return nil }
        guard try access.read(child.name) != nil else { return nil }
        let inner = aliases.make()
        let order = relation.sortField.map { [Order(.column(table: inner, name: $0, type: nil))] } ?? [Order(.column(table: inner, name: childKey, type: nil))]
        let keyField = child.field(childKey)
        return .values(Select(table: child.name, alias: inner, fields: [("key", .expr(.column(table: inner, name: childKey, type: keyField?.type), type: keyField?.type))],
                              order: order, on: [(.column(table: alias, name: parentKey, type: nil), relation.field)]))
    }
}
