import PlinthJSON
import SQLPlan

extension FieldsService {
    /// DELETE /fields/:c/:f — the column, its relations and every reference to it, in one batch.
    func delete(_ collection: String, _ field: String, _ context: CallContext?) throws {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard let info = schema.collection(collection) else { throw Self.missingCollection(collection) }
        guard let existing = info.field(field), existing.meta?["system"] == nil, !info.isSystem else { throw APIError.forbidden() }
        var plans: [Plan] = []
        let here: JSONObject = ["collection": .string(collection), "field": .string(field)]

        if let relation = schema.relation(many: collection, field: field) {
            plans.append(CollectionsService.delete(SystemTables.relations, where: ["many_collection": .string(collection), "many_field": .string(field)]))
            if let related = relation.relatedCollection, let alias = relation.oneField, !(related == collection && alias == field) {
                plans.append(CollectionsService.delete(SystemTables.fields, where: ["collection": .string(related), "field": .string(alias)]))
            }
        }
        for relation in schema.relations where relation.relatedCollection == collection && relation.oneField == field {
            plans.append(CollectionsService.update(SystemTables.relations, ["one_field": .null],
                                                   where: ["many_collection": .string(relation.collection), "many_field": .string(relation.field)]))
        }
        if !existing.isAlias {
            plans.append(.schema([.dropColumn(table: collection, column: field)]))
        }
        for (key, value) in [("archive_field", field), ("sort_field", field)] where info.meta?[key]?.stringValue == value {
            plans.append(CollectionsService.update(SystemTables.collections, [key: .null], where: ["collection": .string(collection)]))
        }
        plans.append(CollectionsService.update(SystemTables.fields, ["group": .null], where: ["collection": .string(collection), "group": .string(field)]))
        plans.append(CollectionsService.delete(SystemTables.fields, where: here))
        for permission in try session.rows(of: SystemTables.permissions, columns: ["id", "fields"], where: ["collection": .string(collection)]) {
            guard let list = permission["fields"]?.stringValue, let id = permission["id"] else { continue }
            let fields = list.split(separator: ",").map(String.init)
            guard fields.contains(field) else { continue }
            let remaining = fields.filter { $0 != field }
            plans.append(CollectionsService.update(SystemTables.permissions, ["fields": remaining.isEmpty ? .null : .string(remaining.joined(separator: ","))], where: ["id": id]))
        }
        try session.run(plans)
    }
}
