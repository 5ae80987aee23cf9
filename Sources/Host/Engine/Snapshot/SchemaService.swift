import PlinthJSON

/// `/schema/snapshot`, `/schema/diff` and `/schema/apply` (admin only).
struct SchemaService {
    let engine: Engine

    func snapshot(_ context: CallContext?) throws -> JSON {
        try engine.requireAdmin(context)
        return Snapshot.make(engine.schema)
    }

    /// The diff from this instance to `uploaded`, or nil when there is none.
    func diff(_ uploaded: JSON, force: Bool, _ context: CallContext?) throws -> JSON? {
        try engine.requireAdmin(context)
        try validate(uploaded, force: force)
        let current = Snapshot.make(engine.schema)
        let diff = SnapshotDiff.compute(current: current, after: uploaded)
        if SnapshotDiff.isEmpty(diff) { return nil }
        return ["hash": .string(Snapshot.hash(current)), "diff": diff]
    }

    /// Applies `{hash, diff}` in one transaction; refuses a diff made against another schema unless forced.
    func apply(_ body: JSON, force: Bool, _ context: CallContext?) throws {
        try engine.requireAdmin(context)
        guard let hash = body["hash"]?.stringValue else { throw APIError.invalidPayload("\"hash\" is required") }
        guard let diff = body["diff"]?.objectValue else { throw APIError.invalidPayload("\"diff\" is required") }
        for key in ["collections", "fields", "systemFields", "relations"] where diff[key]?.arrayValue == nil {
            throw APIError.invalidPayload("\"diff.\(key)\" is required")
        }
        let diffJSON = JSON.object(diff)
        if SnapshotDiff.isEmpty(diffJSON) { return }
        let current = Snapshot.make(engine.schema)
        if hash != Snapshot.hash(current) && !force {
            try conflicts(diffJSON, current: current)
            throw APIError.invalidPayload("Provided hash does not match the current instance's schema hash, indicating the schema has changed after this diff was generated. Please generate a new diff and try again or use the \"force\" query parameter to bypass this check")
        }
        try engine.database.transaction(schemaChanges: true) { transaction in
            let session = SchemaSession(engine: engine, transaction: transaction)
            try SchemaApplier(session: session, context: context).apply(diffJSON)
        }
        try engine.reloadSchema()
    }

    private func validate(_ snapshot: JSON, force: Bool) throws {
        guard snapshot.objectValue != nil else { throw APIError.invalidPayload("No data was included in the body") }
        guard snapshot["version"]?.intValue == 1 else { throw APIError.invalidPayload("\"version\" must be [1]") }
        guard let version = snapshot["directus"]?.stringValue else { throw APIError.invalidPayload("\"directus\" is required") }
        for key in ["collections", "fields", "relations"] where snapshot[key]?.arrayValue == nil {
            throw APIError.invalidPayload("\"\(key)\" is required")
        }
        guard !force else { return }
        let bypass = "You can bypass this check by passing the \"force\" query parameter"
        if version != Snapshot.directusVersion {
            throw APIError.invalidPayload("Provided snapshot's directus version \(version) does not match the current instance's version \(Snapshot.directusVersion). \(bypass)")
        }
        guard let vendor = snapshot["vendor"]?.stringValue else {
            throw APIError.invalidPayload("Provided snapshot does not contain the \"vendor\" property. \(bypass)")
        }
        if vendor != engine.schema.vendor {
            throw APIError.invalidPayload("Provided snapshot's vendor \(vendor) does not match the current instance's vendor \(engine.schema.vendor). \(bypass)")
        }
    }

    /// The specific conflicts Directus reports before falling back to the hash mismatch.
    private func conflicts(_ diff: JSON, current: JSON) throws {
        let schema = engine.schema
        let again = "Please generate a new diff and try again"
        for entry in diff["collections"]?.arrayValue ?? [] {
            guard let name = entry["collection"]?.stringValue else { continue }
            let kind = SchemaApplier.firstKind(entry)
            if SchemaApplier.hasPath(entry) { continue }
            if kind == "N", schema.collection(name) != nil { throw APIError.invalidPayload("Provided diff is trying to create collection \"\(name)\" but it already exists. \(again)") }
            if kind == "D", schema.collection(name) == nil { throw APIError.invalidPayload("Provided diff is trying to delete collection \"\(name)\" but it does not exist. \(again)") }
        }
        for entry in diff["fields"]?.arrayValue ?? [] {
            guard let collection = entry["collection"]?.stringValue, let field = entry["field"]?.stringValue else { continue }
            let kind = SchemaApplier.firstKind(entry)
            if kind == "N", !SchemaApplier.isNestedMeta(entry), schema.field(collection, field) != nil {
                throw APIError.invalidPayload("Provided diff is trying to create field \"\(collection).\(field)\" but it already exists. \(again)")
            }
            if kind == "D", !SchemaApplier.isNestedMeta(entry), schema.field(collection, field) == nil {
                throw APIError.invalidPayload("Provided diff is trying to delete field \"\(collection).\(field)\" but it does not exist. \(again)")
            }
        }
        for entry in diff["relations"]?.arrayValue ?? [] {
            guard let collection = entry["collection"]?.stringValue, let field = entry["field"]?.stringValue else { continue }
            let related = entry["related_collection"]?.stringValue
            let kind = SchemaApplier.firstKind(entry)
            if kind == "N", schema.relation(many: collection, field: field) != nil {
                throw APIError.invalidPayload("Provided diff is trying to create relation \"\(collection).\(field)-> \(related ?? "")\" but it already exists. \(again)")
            }
            if kind == "D", schema.relation(many: collection, field: field) == nil {
                throw APIError.invalidPayload("Provided diff is trying to delete relation \"\(collection).\(field)\(related.map { "-> \($0)" } ?? "")\" but it does not exist. \(again)")
            }
        }
    }
}
