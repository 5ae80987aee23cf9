import PlinthJSON
import SQLPlan

extension CollectionsService {
    /// DELETE /collections/:c — drops the table and every piece of metadata pointing at it, in one batch.
    ///
    /// As in Directus: M2O columns in other collections that point at this
    /// one are dropped with their relations, O2M aliases of its relations
    /// are removed, child folders and collections are un-nested, and its
    /// fields, presets, revisions, activity and permissions are deleted.
    func delete(_ name: String, _ context: CallContext?) throws {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard let info = schema.collection(name) else { throw APIError.forbidden() }
        if info.isSystem { throw APIError.forbidden() }
        var plans: [Plan] = []
        let named: JSON = .string(name)

        if !info.isFolder {
            // Columns elsewhere that reference this collection go first: PostgreSQL refuses to drop a referenced table.
            for relation in schema.relations where relation.relatedCollection == name && relation.collection != name {
                if schema.field(relation.collection, relation.field)?.isAlias == false {
                    plans.append(.schema([.dropColumn(table: relation.collection, column: relation.field)]))
                }
                plans.append(Self.delete(SystemTables.fields, where: ["collection": .string(relation.collection), "field": .string(relation.field)]))
                plans.append(Self.delete(SystemTables.relations, where: ["many_collection": .string(relation.collection), "many_field": .string(relation.field)]))
            }
            // O2M aliases on other collections that show this collection's relations.
            for relation in schema.relations where relation.collection == name {
                if let related = relation.relatedCollection, related != name, let alias = relation.oneField {
                    plans.append(Self.delete(SystemTables.fields, where: ["collection": .string(related), "field": .string(alias)]))
                }
            }
            plans.append(.schema([.dropTable(name)]))
        }
        plans.append(Self.update(SystemTables.collections, ["group": .null], where: ["group": named]))
        plans.append(Self.delete(SystemTables.collections, where: ["collection": named]))
        if !info.isFolder {
            plans.append(Self.delete(SystemTables.fields, where: ["collection": named]))
            plans.append(Self.delete(SystemTables.presets, where: ["collection": named]))
            plans.append(.update(Update(table: "directus_revisions", alias: "t", set: [("parent", .value(.null, type: .integer))], filter: .exists(Select(
                table: "directus_revisions", alias: "p",
                filter: .and([.compare(.eq, .column(table: "p", name: "id", type: nil), .column(table: "t", name: "parent", type: nil)),
                              .compare(.eq, .column(table: "p", name: "collection", type: nil), .value(named, type: .string))])
            )))))
            plans.append(Self.delete(SystemTables.revisions, where: ["collection": named]))
            plans.append(Self.delete(SystemTables.activity, where: ["collection": named]))
            plans.append(Self.delete(SystemTables.permissions, where: ["collection": named]))
            plans.append(Self.delete(SystemTables.relations, where: ["many_collection": named]))
            for relation in schema.relations where relation.oneAllowedCollections.contains(name) && relation.meta?["system"] == nil {
                let remaining = relation.oneAllowedCollections.filter { $0 != name }
                plans.append(Self.update(SystemTables.relations, ["one_allowed_collections": remaining.isEmpty ? .null : .string(remaining.joined(separator: ","))],
                                         where: ["many_collection": .string(relation.collection), "many_field": .string(relation.field)]))
            }
        }
        try session.run(plans)
    }
}
