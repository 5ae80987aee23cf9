import PlinthJSON
import SQLPlan

/// `/collections`: list, read, create (table + metadata), update metadata, delete.
struct CollectionsService {
    let session: SchemaSession

    init(session: SchemaSession) {
        self.session = session
    }

    init(engine: Engine) {
        session = SchemaSession(engine: engine)
    }

    var engine: Engine { session.engine }

    func list(_ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        return .array(schema.collections.map { SchemaObjects.collection($0, vendor: schema.vendor) })
    }

    func read(_ name: String, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let schema = session.schema
        guard let info = schema.collection(name) else { throw APIError.forbidden() }
        return SchemaObjects.collection(info, vendor: schema.vendor)
    }

    /// Creates one collection (or each of an array, all in one batch) and returns it (them).
    func create(_ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        let payloads = data.arrayValue ?? [data]
        var plans: [Plan] = []
        var names: [String] = []
        var schema = session.schema
        for payload in payloads {
            let (name, steps) = try createPlans(payload, schema: schema, pending: names)
            names.append(name)
            plans += steps
        }
        try session.run(plans)
        schema = session.schema
        let created = names.compactMap { schema.collection($0).map { SchemaObjects.collection($0, vendor: schema.vendor) } }
        return data.arrayValue != nil ? .array(created) : (created.first ?? .null)
    }

    private func createPlans(_ payload: JSON, schema: SchemaModel, pending: [String]) throws -> (String, [Plan]) {
        guard let object = payload.objectValue else { throw APIError.invalidPayload("\"collection\" is required") }
        guard let nameValue = object["collection"] else { throw APIError.invalidPayload("\"collection\" is required") }
        guard let name = nameValue.stringValue, !name.isEmpty else { throw APIError.invalidPayload("\"collection\" must be a non-empty string") }
        if name.hasPrefix("directus_") { throw APIError.invalidPayload("Collections can't start with \"directus_\"") }
        if name.contains("/") { throw APIError.invalidPayload("Collection name can't contain \"/\"") }
        if schema.collection(name) != nil || pending.contains(name) { throw APIError.invalidPayload("Collection \"\(name)\" already exists") }
        // JSON is nil-literal expressible, so test for null explicitly rather than with `?:`.
        let hasTable = object["schema"].map { !$0.isNull } ?? false
        let meta = object["meta"]?.objectValue
        var plans: [Plan] = []
        if hasTable {
            if let fields = object["fields"], !fields.isNull, fields.arrayValue == nil { throw APIError.invalidPayload("\"fields\" must be an array") }
            var fields = try (object["fields"]?.arrayValue ?? []).map(FieldPayload.init)
            if !fields.contains(where: { $0.isPrimaryKey || $0.hasAutoIncrement }) {
                fields.insert(try FieldPayload(Self.defaultPrimaryKey), at: 0)
            }
            for index in fields.indices {
                fields[index].addVendorFlag(vendor: schema.vendor)
                fields[index].meta?["collection"] = .string(name)
                let fieldName = fields[index].field
                fields[index].meta?["field"] = .string(fieldName)
            }
            let columns = try fields.compactMap { try $0.column() }
            plans.append(.schema([.createTable(TableSpec(name: name, columns: columns))] + fields.filter(\.wantsIndex).map {
                .createIndex(table: name, name: "\(name)_\($0.field)_index".lowercased(), columns: [$0.field], unique: false)
            }))
            var sortInGroup: [String: Int] = [:]
            for (index, field) in fields.enumerated() {
                guard var fieldMeta = field.meta else { continue }
                if fieldMeta["sort"] == nil || fieldMeta["sort"]?.isNull == true {
                    if let group = fieldMeta["group"]?.stringValue {
                        sortInGroup[group, default: 0] += 1
                        fieldMeta["sort"] = .int(sortInGroup[group]!)
                    } else {
                        fieldMeta["sort"] = .int(index + 1)
                    }
                }
                plans.append(Self.insert(SystemTables.fields, MetaRows.field(fieldMeta, collection: name, field: field.field)))
            }
        }
        if let meta {
            plans.append(Self.insert(SystemTables.collections, MetaRows.collection(meta, name: name)))
        }
        return (name, plans)
    }

    /// Updates the metadata of one collection (creating its row when missing).
    func update(_ name: String, _ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        guard let info = session.schema.collection(name) else { throw APIError.forbidden() }
        if let meta = data["meta"]?.objectValue {
            try session.run(metaPlans(info, meta))
        }
        return try read(name, context)
    }

    /// PATCH /collections: `[{collection, meta}]` in one batch.
    func updateMany(_ data: JSON, _ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        guard let items = data.arrayValue else { throw APIError.invalidPayload("Input should be an array of collection changes") }
        var plans: [Plan] = []
        var names: [String] = []
        for item in items {
            guard let name = item["collection"]?.stringValue else { throw APIError.invalidPayload("Collection in update misses collection key") }
            guard let info = session.schema.collection(name) else { throw APIError.forbidden() }
            if let meta = item["meta"]?.objectValue { plans += metaPlans(info, meta) }
            names.append(name)
        }
        if !plans.isEmpty {
            try session.run(plans)
        }
        return .array(try names.map { try read($0, context) })
    }

    private func metaPlans(_ info: CollectionInfo, _ meta: JSONObject) -> [Plan] {
        var row = MetaRows.collection(meta, name: info.name)
        if info.meta != nil, info.meta?["system"] == nil {
            row["collection"] = nil
            guard !row.isEmpty else { return [] }
            return [Self.update(SystemTables.collections, row, where: ["collection": .string(info.name)])]
        }
        return [Self.insert(SystemTables.collections, row)]
    }

    static let defaultPrimaryKey: JSON = [
        "field": "id", "type": "integer",
        "meta": ["hidden": true, "interface": "numeric", "readonly": true],
        "schema": ["is_primary_key": true, "has_auto_increment": true],
    ]

    static func insert(_ table: TableSpec, _ row: JSONObject) -> Plan {
        .insert(Insert(table: table.name, columns: row.keys, rows: [row.keys.map { .value(row[$0]!, type: table.type(of: $0)) }]))
    }

    static func update(_ table: TableSpec, _ row: JSONObject, where equals: JSONObject) -> Plan {
        .update(Update(table: table.name, alias: "t", set: row.keys.map { ($0, .value(row[$0]!, type: table.type(of: $0))) },
                       filter: table.condition(equals, alias: "t")))
    }

    static func delete(_ table: TableSpec, where equals: JSONObject) -> Plan {
        .delete(Delete(table: table.name, alias: "t", filter: table.condition(equals, alias: "t")))
    }
}
