import PlinthJSON
import SQLPlan

/// `/fields`: list, read, create (column and/or metadata), update, delete.
struct FieldsService {
    let session: SchemaSession

    init(session: SchemaSession) {
        self.session = session
    }

    init(engine: Engine) {
        session = SchemaSession(engine: engine)
    }

    var engine: Engine { session.engine }

    func list(collection: String?, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        var collections = schema.collections.filter { !$0.isFolder || !$0.fields.isEmpty }
        if let collection {
            guard let info = schema.collection(collection) else { throw Self.missingCollection(collection) }
            collections = [info]
        }
        var fields: [JSON] = []
        for info in collections {
            for field in info.fields where !field.isAlias || field.special.contains(where: FieldPayload.aliasTypes.contains) {
                fields.append(SchemaObjects.field(field, vendor: schema.vendor, listOrder: true))
            }
        }
        return .array(fields)
    }

    func read(_ collection: String, _ field: String, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard let info = schema.collection(collection) else { throw Self.missingCollection(collection) }
        guard let fieldInfo = info.field(field) else { throw APIError.forbidden() }
        return SchemaObjects.field(fieldInfo, vendor: schema.vendor, listOrder: false)
    }

    /// The 403 Directus answers for a collection that does not exist (or may not be seen).
    static func missingCollection(_ name: String) -> APIError {
        let reason = "You don't have permission to access collection \"\(name)\" or it does not exist. Queried in root."
        return APIError(code: "FORBIDDEN", status: 403, message: reason, extensions: ["reason": .string(reason)])
    }

    func create(_ collection: String, _ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard let info = schema.collection(collection) else { throw Self.missingCollection(collection) }
        var payload = try FieldPayload(data)
        if info.field(payload.field) != nil {
            throw APIError.invalidPayload("Field \"\(payload.field)\" already exists in collection \"\(collection)\"")
        }
        payload.addVendorFlag(vendor: schema.vendor)
        var plans: [Plan] = []
        if let column = try payload.column() {
            guard !info.isFolder else { throw APIError.invalidPayload("Collection \"\(collection)\" has no table") }
            plans.append(.schema([.addColumn(table: collection, column: column)]
                + (payload.wantsIndex ? [.createIndex(table: collection, name: "\(collection)_\(payload.field)_index".lowercased(), columns: [payload.field], unique: false)] : [])))
        }
        if var meta = payload.meta {
            if meta["sort"] == nil || meta["sort"]?.isNull == true {
                let group = meta["group"]?.stringValue
                let siblings = info.fields.filter { $0.meta?["system"] == nil && $0.meta?["group"]?.stringValue == group }
                meta["sort"] = .int((siblings.compactMap { $0.meta?["sort"]?.intValue }.max() ?? 0) + 1)
            }
            plans.append(CollectionsService.insert(SystemTables.fields, MetaRows.field(meta, collection: collection, field: payload.field)))
        }
        try session.run(plans)
        return try read(collection, payload.field, context)
    }

    func update(_ collection: String, _ field: String, _ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        var object = data.objectValue ?? JSONObject()
        if object["field"] == nil { object["field"] = .string(field) }
        try session.run(updatePlans(collection, field, object))
        return try read(collection, field, context)
    }

    /// PATCH /fields/:collection with an array of field changes, in one batch.
    func updateMany(_ collection: String, _ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        guard let items = data.arrayValue else { throw APIError.invalidPayload("Submitted body has to be an array") }
        var plans: [Plan] = []
        var names: [String] = []
        for item in items {
            guard let object = item.objectValue, let field = object["field"]?.stringValue else { throw APIError.invalidPayload("\"field\" is required") }
            plans += try updatePlans(collection, field, object)
            names.append(field)
        }
        try session.run(plans)
        return .array(try names.map { try read(collection, $0, context) })
    }

    private func updatePlans(_ collection: String, _ field: String, _ object: JSONObject) throws -> [Plan] {
        let schema = session.schema
        guard let info = schema.collection(collection) else { throw Self.missingCollection(collection) }
        guard let existing = info.field(field) else { throw APIError.forbidden() }
        var changes = object
        if changes["type"] == nil || changes["type"]?.isNull == true, !existing.isAlias { changes["type"] = .string(existing.type.rawValue) }
        let payload = try FieldPayload(.object(changes))
        var plans: [Plan] = []
        if existing.meta?["system"] != nil {
            let extra = changes.keys.filter { !["collection", "field", "type", "schema"].contains($0) }
            let schemaKeys = payload.schema?.keys ?? []
            guard extra.isEmpty, schemaKeys.allSatisfy({ $0 == "is_indexed" }) else {
                throw APIError.invalidPayload("Only \"schema.is_indexed\" may be modified for system fields")
            }
            return indexPlans(collection, field, wanted: payload.schema?["is_indexed"]?.boolValue, existing: existing)
        }
        if existing.isAlias != !payload.hasColumn, object["type"] != nil {
            throw APIError.invalidPayload("Alias type cannot be changed")
        }
        if let wanted = payload.schema, !Self.unchanged(wanted, existing, vendor: session.schema.vendor, type: payload.type), let column = try payload.column(existing: existing) {
            plans.append(.schema([.alterColumn(table: collection, column: column)]))
            plans += indexPlans(collection, field, wanted: payload.schema?["is_indexed"]?.boolValue, existing: existing)
        }
        if let meta = payload.meta {
            var row = MetaRows.field(meta, collection: collection, field: field)
            if existing.meta == nil || existing.meta?["system"] != nil {
                plans.append(CollectionsService.insert(SystemTables.fields, row))
            } else {
                row["collection"] = nil
                row["field"] = nil
                if !row.isEmpty {
                    plans.append(CollectionsService.update(SystemTables.fields, row, where: ["collection": .string(collection), "field": .string(field)]))
                }
            }
        }
        return plans
    }

    /// Whether every column property the payload states already holds (and the type is the same), so no ALTER is needed.
    static func unchanged(_ wanted: JSONObject, _ existing: FieldInfo, vendor: String, type: FieldType?) -> Bool {
        guard type == nil || type == existing.type, let current = SchemaObjects.columnSchema(existing, vendor: vendor).objectValue else { return false }
        let compared = ["data_type", "default_value", "max_length", "numeric_precision", "numeric_scale", "is_nullable", "is_unique", "is_primary_key", "has_auto_increment"]
        for key in compared where wanted.contains(key) {
            guard let value = wanted[key], let now = current[key] else { return false }
            if key == "data_type" { continue }
            if !DeepDiff.same(value, now) { return false }
        }
        return true
    }

    private func indexPlans(_ collection: String, _ field: String, wanted: Bool?, existing: FieldInfo) -> [Plan] {
        guard let wanted, !existing.isPrimaryKey else { return [] }
        let current = existing.column?["is_indexed"]?.boolValue ?? false
        let name = "\(collection)_\(field)_index".lowercased()
        if wanted && !current { return [.schema([.createIndex(table: collection, name: name, columns: [field], unique: false)])] }
        if !wanted && current { return [.schema([.dropIndex(table: collection, name: name)])] }
        return []
    }
}
