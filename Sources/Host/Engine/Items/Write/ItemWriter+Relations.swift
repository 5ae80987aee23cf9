import PlinthJSON
import SQLPlan

extension ItemWriter {
    /// Nested many-to-one values: an object creates (or, with its key, updates) the related item and the
    /// column takes its key; a many-to-any `item` object does the same in the collection its row names.
    func resolveToOne(_ columns: inout JSONObject, _ collection: CollectionInfo, parentRevision: JSON?) throws {
        for (key, value) in columns {
            guard let object = value.objectValue, let relation = schema.relation(many: collection.name, field: key) else { continue }
            let targetName: String?
            if let related = relation.relatedCollection {
                targetName = related
            } else if let discriminator = relation.oneCollectionField {
                targetName = columns[discriminator]?.stringValue
                guard let name = targetName, relation.oneAllowedCollections.contains(name) else {
                    throw APIError.invalidPayload("\"\(discriminator)\" must name one of \(relation.oneAllowedCollections.joined(separator: ", ")) to create \"\(key)\"")
                }
            } else {
                targetName = nil
            }
            guard let name = targetName, let target = schema.collection(name), let pk = target.primaryKey else { continue }
            let nestedKey: JSON
            if let existing = object[pk], !existing.isNull, try !keysMatching(target, [pk: ["_eq": existing]]).isEmpty {
                var changes = object
                changes[pk] = nil
                if !changes.isEmpty { try update(target, keys: [existing], changes, parentRevision: parentRevision) }
                nestedKey = existing
            } else {
                nestedKey = try create(target, object, parentRevision: parentRevision)
            }
            // A many-to-any item column holds text whatever the key type.
            columns[key] = relation.relatedCollection == nil ? .string(nestedKey.stringValue ?? nestedKey.description) : nestedKey
        }
    }

    /// Writes a one-to-many (or M2M / M2A junction) alias: an array replaces the related items,
    /// `{create, update, delete}` changes them one by one; items no longer related are nullified or
    /// deleted per the relation's `one_deselect_action`.
    func writeToMany(_ collection: CollectionInfo, field: String, parentKey: JSON, value: JSON, parentRevision: JSON?) throws {
        guard !value.isNull, let relation = schema.relation(one: collection.name, field: field),
              let child = schema.collection(relation.collection), let childKey = child.primaryKey else { return }
        let link = relation.field
        if let detailed = value.objectValue {
            for item in detailed["create"]?.arrayValue ?? [] {
                guard var object = item.objectValue else { throw APIError.invalidPayload("\"\(field).create\" must contain objects") }
                object[link] = parentKey
                try create(child, object, parentRevision: parentRevision)
            }
            for item in detailed["update"]?.arrayValue ?? [] {
                guard var object = item.objectValue, let key = object[childKey], !key.isNull else {
                    throw APIError.invalidPayload("\"\(field).update\" items need their primary key \"\(childKey)\"")
                }
                object[childKey] = nil
                object[link] = parentKey
                try update(child, keys: [key], object, parentRevision: parentRevision)
            }
            let removed = (detailed["delete"]?.arrayValue ?? []).filter { !$0.isNull }
            if !removed.isEmpty { try deselect(child, relation, keys: removed) }
            return
        }
        guard let items = value.arrayValue else { throw APIError.invalidPayload("\"\(field)\" must be an array or an object with create, update and delete") }
        let current = try keysMatching(child, [link: ["_eq": parentKey]])
        var kept: [String] = []
        for item in items {
            if let object = item.objectValue {
                if let key = object[childKey], !key.isNull, try !keysMatching(child, [childKey: ["_eq": key]]).isEmpty {
                    var changes = object
                    changes[childKey] = nil
                    changes[link] = parentKey
                    try update(child, keys: [key], changes, parentRevision: parentRevision)
                    kept.append(key.stringValue ?? key.description)
                } else {
                    var object = object
                    object[link] = parentKey
                    let key = try create(child, object, parentRevision: parentRevision)
                    kept.append(key.stringValue ?? key.description)
                }
            } else if !item.isNull {
                try update(child, keys: [item], [link: parentKey], parentRevision: parentRevision)
                kept.append(item.stringValue ?? item.description)
            }
        }
        let removed = current.filter { !kept.contains($0.stringValue ?? $0.description) }
        if !removed.isEmpty { try deselect(child, relation, keys: removed) }
    }

    /// Items leaving a to-many relation: deleted, or their link set to null.
    private func deselect(_ child: CollectionInfo, _ relation: RelationInfo, keys: [JSON]) throws {
        if relation.deselectAction == "delete" {
            try delete(child, keys: keys)
        } else {
            try update(child, keys: keys, [relation.field: .null])
        }
    }
}
