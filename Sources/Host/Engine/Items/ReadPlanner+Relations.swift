import PlinthJSON
import SQLPlan

extension ReadPlanner {
    /// A relation read as nested data: M2O → one object, O2M/M2M → array of objects, M2A item → the scoped collection's object.
    /// Related collections the caller may not read are left out, as Directus does.
    func relation(_ field: FieldInfo, collection: CollectionInfo, alias: String, children: [String], scopes: [String: [String]],
                  deep: JSONObject, depth: Int, path: String, backlink: Bool) throws -> Output? {
        // Many-to-one, or the item side of a many-to-any junction.
        if let relation = schema.relation(many: collection.name, field: field.name) {
            if let related = relation.relatedCollection {
                guard let target = schema.collection(related), let key = target.primaryKey, try access.read(target.name) != nil else { return nil }
                var nested = try select(target, try childQuery(children.isEmpty ? ["*"] : children, deep, backlink: backlink), depth: depth + 1, nested: true,
                                        path: path, via: relation)
                nested.on = [(.column(table: alias, name: field.name, type: nil), key)]
                nested.order = []
                return .one(nested)
            }
            guard let discriminator = relation.oneCollectionField else { return nil }
            var targets: [(collection: String, select: Select)] = []
            for scope in scopes.keys where !relation.oneAllowedCollections.contains(scope) {
                throw APIError.invalidQuery("\"\(scope)\" is not an allowed collection of \"\(collection.name).\(field.name)\"")
            }
            // Unscoped sub-fields apply to every allowed collection; scoped ones only to theirs.
            let wanted = scopes.isEmpty && !children.isEmpty ? Dictionary(uniqueKeysWithValues: relation.oneAllowedCollections.map { ($0, children) }) : scopes
            for (scope, paths) in wanted.sorted(by: { $0.key < $1.key }) {
                guard let target = schema.collection(scope), let key = target.primaryKey, try access.read(target.name) != nil else { continue }
                let scopeDeep = try QuerySanitizer.object(deep.first(where: { $0.key.hasSuffix(":" + scope) })?.value ?? .object([:]), "deep")
                var nested = try select(target, try childQuery(paths, scopeDeep, backlink: backlink), depth: depth + 1, nested: true, path: path, via: relation)
                let match = Expr.compare(.eq, .cast(.column(table: nested.alias, name: key, type: nil), .string), .column(table: alias, name: field.name, type: nil))
                nested.filter = nested.filter.map { .and([match, $0]) } ?? match
                nested.order = []
                targets.append((scope, nested))
            }
            return .anyOf(discriminator: .column(table: alias, name: discriminator, type: .string), key: .column(table: alias, name: field.name, type: .string), targets: targets)
        }
        // One-to-many (also the junction side of M2M and M2A).
        guard let relation = schema.relation(one: collection.name, field: field.name), let child = schema.collection(relation.collection),
              let parentKey = collection.primaryKey, try access.read(child.name) != nil else { return nil }
        var query = try childQuery(children.isEmpty ? ["*"] : children, deep, backlink: backlink)
        if query.sort == nil, let sortField = relation.sortField { query.sort = [sortField] }
        var nested = try select(child, query, depth: depth + 1, nested: true, path: path, via: relation)
        nested.on = [(.column(table: alias, name: parentKey, type: nil), relation.field)]
        return .many(nested)
    }

    /// The query of a nested read: its fields, plus `_filter`, `_sort`, `_limit`, … from `deep`, and deeper `deep` keys.
    func childQuery(_ fields: [String], _ deep: JSONObject, backlink: Bool = true) throws -> Query {
        var raw: JSONObject = ["fields": .array(fields.map(JSON.string)), "backlink": .bool(backlink)]
        var nestedDeep = JSONObject()
        for (key, value) in deep {
            if key.hasPrefix("_") {
                let name = String(key.dropFirst())
                guard ["filter", "sort", "limit", "offset", "page", "search", "alias", "aggregate", "groupBy"].contains(name) else {
                    throw APIError.invalidQuery("\"\(key)\" is not allowed in deep")
                }
                raw[name] = value
            } else {
                nestedDeep[key] = value
            }
        }
        raw["deep"] = .object(nestedDeep)
        return try QuerySanitizer.sanitize(raw, limits: limits, nested: true)
    }
}
