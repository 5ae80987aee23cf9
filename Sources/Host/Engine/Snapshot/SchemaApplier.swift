import PlinthJSON

/// Applies a /schema/diff result in one transaction, in Directus's order: create collections
/// (with their new fields), delete collections, update collections, fields, system fields, relations.
struct SchemaApplier {
    let session: SchemaSession
    let context: CallContext?

    func apply(_ diff: JSON) throws {
        var fieldEntries = diff["fields"]?.arrayValue ?? []
        var relationEntries = diff["relations"]?.arrayValue ?? []
        let collectionEntries = diff["collections"]?.arrayValue ?? []
        let collections = CollectionsService(session: session)
        let fields = FieldsService(session: session)
        let relations = RelationsService(session: session)

        // 1. Created collections, parents before the folders and collections grouped in them.
        var creating = collectionEntries.filter { Self.firstKind($0) == "N" && !Self.hasPath($0) }
        while !creating.isEmpty {
            let names = Set(creating.compactMap { $0["collection"]?.stringValue })
            guard let index = creating.firstIndex(where: { entry in
                guard let group = Self.rhs(entry)?["meta"]?["group"]?.stringValue else { return true }
                return !names.contains(group)
            }) else { throw APIError.invalidPayload("Provided diff has collections grouped in each other in a cycle") }
            let entry = creating.remove(at: index)
            guard var payload = Self.rhs(entry)?.objectValue, let name = entry["collection"]?.stringValue else { continue }
            let newFields = fieldEntries.filter { $0["collection"]?.stringValue == name && Self.firstKind($0) == "N" && !Self.isNestedMeta($0) }
            fieldEntries.removeAll { $0["collection"]?.stringValue == name && Self.firstKind($0) == "N" && !Self.isNestedMeta($0) }
            if payload["schema"] != nil {
                payload["fields"] = .array(newFields.compactMap(Self.rhs).map(Self.uuidShim))
            }
            _ = try collections.create(.object(payload), context)
        }

        // 2. Deleted collections, after the relations that involve them.
        for entry in collectionEntries where Self.firstKind(entry) == "D" && !Self.hasPath(entry) {
            guard let name = entry["collection"]?.stringValue else { continue }
            for relation in session.schema.relations where relation.meta?["system"] == nil && (relation.collection == name || relation.relatedCollection == name) {
                try relations.delete(relation.collection, relation.field, context)
            }
            relationEntries.removeAll { $0["collection"]?.stringValue == name || $0["related_collection"]?.stringValue == name }
            try collections.delete(name, context)
        }

        // 3. Updated collections: only `meta` matters.
        for entry in collectionEntries where Self.hasPath(entry) || ["E", "A"].contains(Self.firstKind(entry)) {
            guard let name = entry["collection"]?.stringValue, let info = session.schema.collection(name) else { continue }
            let current = Snapshot.collection(SchemaObjects.collection(info, vendor: session.schema.vendor))
            let updated = DeepDiff.apply(entry["diff"]?.arrayValue ?? [], to: current)
            _ = try collections.update(name, ["meta": updated["meta"] ?? .null], context)
        }

        // 4. Fields.
        for entry in fieldEntries {
            guard let collection = entry["collection"]?.stringValue, let name = entry["field"]?.stringValue else { continue }
            let changes = entry["diff"]?.arrayValue ?? []
            if Self.firstKind(entry) == "N" && !Self.hasPath(entry), let rhs = Self.rhs(entry) {
                _ = try fields.create(collection, Self.uuidShim(rhs), context)
            } else if Self.firstKind(entry) == "D" && !Self.hasPath(entry) {
                try fields.delete(collection, name, context)
                relationEntries.removeAll { $0["collection"]?.stringValue == collection && $0["field"]?.stringValue == name && Self.firstKind($0) != "N" }
            } else if let info = session.schema.field(collection, name) {
                let current = Snapshot.field(SchemaObjects.field(info, vendor: session.schema.vendor, listOrder: false))
                let updated = DeepDiff.apply(changes, to: current)
                _ = try fields.update(collection, name, updated, context)
            }
        }

        // 5. System fields: only `schema.is_indexed`.
        for entry in diff["systemFields"]?.arrayValue ?? [] {
            guard let collection = entry["collection"]?.stringValue, let name = entry["field"]?.stringValue,
                  let change = entry["diff"]?.arrayValue?.first, let wanted = change["rhs"]?.boolValue else { continue }
            _ = try fields.update(collection, name, ["schema": ["is_indexed": .bool(wanted)]], context)
        }

        // 6. Relations.
        for entry in relationEntries {
            guard let collection = entry["collection"]?.stringValue, let name = entry["field"]?.stringValue else { continue }
            switch Self.firstKind(entry) {
            case "N" where !Self.hasPath(entry):
                if var payload = Self.rhs(entry)?.objectValue {
                    payload["collection"] = .string(collection)
                    payload["field"] = .string(name)
                    _ = try relations.create(.object(payload), context)
                }
            case "D" where !Self.hasPath(entry):
                try relations.delete(collection, name, context)
            default:
                let current = Snapshot.relation(try relations.read(collection, name, context))
                let updated = DeepDiff.apply(entry["diff"]?.arrayValue ?? [], to: current)
                _ = try relations.update(collection, name, updated, context)
            }
        }
    }

    static func firstKind(_ entry: JSON) -> String? { entry["diff"]?[0]?["kind"]?.stringValue }

    static func rhs(_ entry: JSON) -> JSON? { entry["diff"]?[0]?["rhs"] }

    /// Whether the first change is to a part of the item (a property), not the whole item.
    static func hasPath(_ entry: JSON) -> Bool { entry["diff"]?[0]?["path"] != nil }

    /// A meta key added or removed (`N`/`D` with a path under `meta`), which updates rather than creates or deletes.
    static func isNestedMeta(_ entry: JSON) -> Bool {
        guard let first = entry["diff"]?[0], ["N", "D"].contains(first["kind"]?.stringValue ?? ""),
              let path = first["path"]?.arrayValue, path.count >= 2 else { return false }
        return path.first?.stringValue == "meta"
    }

    /// Directus's repair of snapshots from SQLite/MySQL: a 36-character char key or foreign key becomes a uuid.
    static func uuidShim(_ field: JSON) -> JSON {
        guard var object = field.objectValue, var schema = object["schema"]?.objectValue,
              let dataType = schema["data_type"]?.stringValue, ["char", "varchar"].contains(dataType),
              schema["max_length"]?.intValue == 36,
              schema["is_primary_key"]?.boolValue == true || (schema["foreign_key_table"]?.isNull == false && schema["foreign_key_column"]?.isNull == false)
        else { return field }
        object["type"] = "uuid"
        schema["data_type"] = "uuid"
        schema["max_length"] = .null
        object["schema"] = .object(schema)
        return .object(object)
    }
}
