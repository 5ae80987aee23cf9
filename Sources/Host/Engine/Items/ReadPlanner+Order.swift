import PlinthJSON
import SQLPlan

extension ReadPlanner {
    /// ORDER BY terms: `field`, `-field`, M2O paths (`author.name`), functions (`year(date)`), aggregate outputs (`count.id`).
    /// Without a sort, top-level reads are ordered by primary key so pages are stable.
    func order(_ query: Query, collection: CollectionInfo, alias: String, nested: Bool, path: String = "") throws -> [Order] {
        guard let sort = query.sort, !sort.isEmpty else {
            if !query.aggregate.isEmpty || !query.groupBy.isEmpty { return [] }
            return collection.primaryKey.map { [Order(.column(table: alias, name: $0, type: nil))] } ?? []
        }
        return try sort.map { term in
            let descending = term.hasPrefix("-")
            let field = descending ? String(term.dropFirst()) : term
            return Order(try sortExpression(field, collection: collection, alias: alias, query: query, path: path), descending: descending)
        }
    }

    private func sortExpression(_ path: String, collection: CollectionInfo, alias: String, query: Query, path level: String) throws -> Expr {
        if !query.aggregate.isEmpty, let dot = path.firstIndex(of: ".") {
            let function = String(path[..<dot])
            let field = String(path[path.index(after: dot)...])
            if query.aggregate.contains(where: { $0.function == function }) {
                return try aggregateExpression(function, field, collection: collection, alias: alias)
            }
        }
        if let function = try FieldTree.function(path) {
            let field = try readable(function.field, in: collection, path: level)
            try FieldTree.allow(function.name, on: field)
            if function.name == "count" { return try filters.countExpression(field, alias: alias) }
            let column = Expr.column(table: alias, name: field.name, type: field.type)
            // The scalar at the path: a JSON value itself has no order on PostgreSQL.
            if function.name == "json" { return .function(.jsonValue, [column, .value(.string(function.argument ?? ""), type: .string)]) }
            return .function(Function(rawValue: function.name)!, [column])
        }
        if let aliased = query.alias.first(where: { $0.name == path }) {
            return try sortExpression(aliased.field, collection: collection, alias: alias, query: query, path: level)
        }
        let (head, rest) = FieldTree.split(path)
        let field = try readable(head, in: collection, path: level)
        guard let rest else {
            guard !field.isAlias else { throw APIError.invalidQuery("Field \"\(head)\" can't be used to sort") }
            let column = Expr.column(table: alias, name: head, type: field.type)
            // Items whose permission hides the field sort as if it were null. Grouped reads sort by the
            // grouped column itself, which must be the same expression as in GROUP BY.
            guard query.aggregate.isEmpty, query.groupBy.isEmpty,
                  let shown = try filters.visibility(of: head, in: collection, alias: alias) else { return column }
            return .caseWhen([(shown, column)], otherwise: .value(.null, type: nil))
        }
        guard let relation = schema.relation(many: collection.name, field: head), let related = relation.relatedCollection,
              let target = schema.collection(related), let key = target.primaryKey else {
            throw APIError.invalidQuery("Sorting by \"\(path)\" needs a many-to-one relation")
        }
        let inner = aliases.make()
        let value = try sortExpression(rest, collection: target, alias: inner, query: Query(), path: AccessErrors.join(level, head))
        return .subquery(Select(table: target.name, alias: inner, fields: [("v", .expr(value, type: nil))],
                                on: [(.column(table: alias, name: head, type: nil), key)]), count: false)
    }
}
