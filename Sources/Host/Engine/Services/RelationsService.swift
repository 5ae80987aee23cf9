import PlinthJSON
import SQLPlan

/// `/relations`: relations are keyed by their many side (collection, field); M2O foreign keys are created with them.
struct RelationsService {
    let session: SchemaSession

    init(session: SchemaSession) {
        self.session = session
    }

    init(engine: Engine) {
        session = SchemaSession(engine: engine)
    }

    var engine: Engine { session.engine }

    /// Every database foreign key (with its metadata row, or null), then every metadata row without a foreign key.
    func list(collection: String?, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        if let collection, schema.collection(collection) == nil { throw FieldsService.missingCollection(collection) }
        var out: [JSON] = []
        var covered = Set<String>()
        for key in schema.foreignKeys {
            guard let table = key["table"]?.stringValue, let column = key["column"]?.stringValue else { continue }
            if let collection, table != collection { continue }
            let relation = schema.relation(many: table, field: column)
            covered.insert(table + "." + column)
            out.append(SchemaObjects.relation(collection: table, field: column, related: key["foreign_key_table"]?.stringValue,
                                              foreignKey: key, meta: relation?.meta, vendor: schema.vendor))
        }
        for relation in schema.relations where !covered.contains(relation.collection + "." + relation.field) {
            if let collection, relation.collection != collection { continue }
            out.append(object(relation, schema))
        }
        return .array(out)
    }

    func read(_ collection: String, _ field: String, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard schema.collection(collection) != nil else { throw FieldsService.missingCollection(collection) }
        if let relation = schema.relation(many: collection, field: field) { return object(relation, schema) }
        if let key = schema.foreignKeys.first(where: { $0["table"]?.stringValue == collection && $0["column"]?.stringValue == field }) {
            return SchemaObjects.relation(collection: collection, field: field, related: key["foreign_key_table"]?.stringValue, foreignKey: key, meta: nil, vendor: schema.vendor)
        }
        throw APIError.forbidden()
    }

    private func object(_ relation: RelationInfo, _ schema: SchemaModel) -> JSON {
        SchemaObjects.relation(collection: relation.collection, field: relation.field, related: relation.relatedCollection,
                               foreignKey: relation.foreignKey, meta: relation.meta, vendor: schema.vendor)
    }

    func create(_ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let (collection, field, related) = try validate(data, creating: true)
        var plans: [Plan] = []
        if let related {
            plans.append(.schema([.addForeignKey(table: collection, key: try foreignKey(collection, field, related, data["schema"]))]))
        }
        var row = MetaRows.relation(data["meta"]?.objectValue ?? JSONObject())
        row["many_collection"] = .string(collection)
        row["many_field"] = .string(field)
        row["one_collection"] = related.map(JSON.string) ?? .null
        plans.append(CollectionsService.insert(SystemTables.relations, row))
        try session.run(plans)
        return try read(collection, field, context)
    }

    func update(_ collection: String, _ field: String, _ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        var object = data.objectValue ?? JSONObject()
        object["collection"] = .string(collection)
        object["field"] = .string(field)
        _ = try validate(.object(object), creating: false)
        let schema = session.schema
        let existing = schema.relation(many: collection, field: field)
        var plans: [Plan] = []
        if let related = existing?.relatedCollection ?? schema.foreignKeys.first(where: { $0["table"]?.stringValue == collection && $0["column"]?.stringValue == field })?["foreign_key_table"]?.stringValue {
            let key = try foreignKey(collection, field, related, object["schema"])
            plans.append(.schema([.dropForeignKey(table: collection, column: field), .addForeignKey(table: collection, key: key)]))
        }
        if let meta = object["meta"]?.objectValue {
            var row = MetaRows.relation(meta)
            if existing?.meta == nil || existing?.meta?["system"] != nil {
                row["many_collection"] = .string(collection)
                row["many_field"] = .string(field)
                row["one_collection"] = existing?.relatedCollection.map(JSON.string) ?? .null
                plans.append(CollectionsService.insert(SystemTables.relations, row))
            } else {
                for key in ["many_collection", "many_field"] { row[key] = nil }
                if !row.isEmpty {
                    plans.append(CollectionsService.update(SystemTables.relations, row, where: ["many_collection": .string(collection), "many_field": .string(field)]))
                }
            }
        }
        if !plans.isEmpty {
            try session.run(plans)
        }
        return try read(collection, field, context)
    }

    /// Removes the relation's metadata and, where the database names it, its foreign key; columns stay.
    func delete(_ collection: String, _ field: String, _ context: CallContext?) throws {
        try engine.requireAdmin(context)
        _ = try validate(["collection": .string(collection), "field": .string(field)], creating: false)
        let schema = session.schema
        var plans: [Plan] = []
        if let key = schema.foreignKeys.first(where: { $0["table"]?.stringValue == collection && $0["column"]?.stringValue == field }),
           key["constraint_name"]?.stringValue != nil {
            plans.append(.schema([.dropForeignKey(table: collection, column: field)]))
        }
        plans.append(CollectionsService.delete(SystemTables.relations, where: ["many_collection": .string(collection), "many_field": .string(field)]))
        try session.run(plans)
    }

    /// Directus's checks, in order; returns (collection, field, related collection).
    private func validate(_ data: JSON, creating: Bool) throws -> (String, String, String?) {
        guard let collection = data["collection"]?.stringValue else { throw APIError.invalidPayload("\"collection\" is required") }
        guard let field = data["field"]?.stringValue else { throw APIError.invalidPayload("\"field\" is required") }
        let schema = session.schema
        guard let info = schema.collection(collection) else { throw APIError.invalidPayload("Collection \"\(collection)\" doesn't exist") }
        guard let fieldInfo = info.field(field) else { throw APIError.invalidPayload("Field \"\(field)\" doesn't exist in collection \"\(collection)\"") }
        let related = data["related_collection"]?.stringValue
        if let related, schema.collection(related) == nil { throw APIError.invalidPayload("Collection \"\(related)\" doesn't exist") }
        if let onDelete = data["schema"]?["on_delete"]?.stringValue, !["NO ACTION", "SET NULL", "SET DEFAULT", "CASCADE", "RESTRICT"].contains(onDelete) {
            throw APIError.invalidPayload("\"schema.on_delete\" must be one of [NO ACTION, SET NULL, SET DEFAULT, CASCADE, RESTRICT]")
        }
        if creating {
            if fieldInfo.isPrimaryKey { throw APIError.invalidPayload("Field \"\(field)\" in collection \"\(collection)\" is a primary key") }
            if schema.relation(many: collection, field: field) != nil {
                throw APIError.invalidPayload("Field \"\(field)\" in collection \"\(collection)\" already has an associated relationship")
            }
        } else if schema.relation(many: collection, field: field) == nil,
                  !schema.foreignKeys.contains(where: { $0["table"]?.stringValue == collection && $0["column"]?.stringValue == field }) {
            throw APIError.invalidPayload("Field \"\(field)\" in collection \"\(collection)\" doesn't have a relationship.")
        }
        return (collection, field, related)
    }

    private func foreignKey(_ collection: String, _ field: String, _ related: String, _ schema: JSON?) throws -> ForeignKeySpec {
        guard let key = session.schema.collection(related)?.primaryKey else { throw APIError.invalidPayload("Collection \"\(related)\" has no primary key") }
        return ForeignKeySpec(column: field, table: related, referencedColumn: key,
                              onDelete: schema?["on_delete"]?.stringValue, onUpdate: schema?["on_update"]?.stringValue,
                              name: "\(collection)_\(field)_foreign".lowercased())
    }
}
