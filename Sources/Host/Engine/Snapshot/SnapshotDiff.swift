import PlinthJSON

/// The difference between the instance's snapshot (lhs) and an uploaded one (rhs), as /schema/diff returns it.
enum SnapshotDiff {
    static func compute(current: JSON, after: JSON) -> JSON {
        let currentCollections = (current["collections"]?.arrayValue ?? []).map(Snapshot.collection)
        let afterCollections = (after["collections"]?.arrayValue ?? []).map(Snapshot.collection)
        var collections: [JSON] = []
        for item in currentCollections {
            let name = item["collection"]
            let match = afterCollections.first { $0["collection"] == name }
            collections.append(["collection": name ?? .null, "diff": .array(DeepDiff.diff(item, match))])
        }
        for item in afterCollections where !currentCollections.contains(where: { $0["collection"] == item["collection"] }) {
            collections.append(["collection": item["collection"] ?? .null, "diff": .array(DeepDiff.diff(nil, item))])
        }

        let currentFields = current["fields"]?.arrayValue ?? []
        let afterFields = after["fields"]?.arrayValue ?? []
        var fields: [JSON] = []
        for item in currentFields {
            let key = (item["collection"], item["field"])
            let match = afterFields.first { ($0["collection"], $0["field"]) == key }
            let autoIncrementKey = item["schema"]?["is_primary_key"]?.boolValue == true && item["schema"]?["has_auto_increment"]?.boolValue == true
            let lhs = Snapshot.field(item, includeSchema: !autoIncrementKey)
            let rhs = match.map { Snapshot.field($0, includeSchema: !autoIncrementKey) }
            if let rhs, (lhs["type"]?.stringValue == "alias") != (rhs["type"]?.stringValue == "alias") {
                fields.append(["collection": key.0 ?? .null, "field": key.1 ?? .null, "diff": .array(DeepDiff.diff(lhs, nil))])
                fields.append(["collection": key.0 ?? .null, "field": key.1 ?? .null, "diff": .array(DeepDiff.diff(nil, Snapshot.field(match!)))])
                continue
            }
            fields.append(["collection": key.0 ?? .null, "field": key.1 ?? .null, "diff": .array(DeepDiff.diff(lhs, rhs))])
        }
        for item in afterFields where !currentFields.contains(where: { ($0["collection"], $0["field"]) == (item["collection"], item["field"]) }) {
            fields.append(["collection": item["collection"] ?? .null, "field": item["field"] ?? .null, "diff": .array(DeepDiff.diff(nil, Snapshot.field(item)))])
        }

        // Snapshots from before Directus 11.13 have no systemFields: leave system indexes alone rather than drop them.
        let currentSystem = after["systemFields"] == nil ? [] : current["systemFields"]?.arrayValue ?? []
        let afterSystem = after["systemFields"]?.arrayValue ?? []
        var systemFields: [JSON] = []
        for item in currentSystem {
            let match = afterSystem.first { ($0["collection"], $0["field"]) == (item["collection"], item["field"]) } ?? inverted(item)
            systemFields.append(["collection": item["collection"] ?? .null, "field": item["field"] ?? .null, "diff": .array(DeepDiff.diff(item, match))])
        }
        for item in afterSystem where item["schema"]?["is_indexed"]?.boolValue == true
            && !currentSystem.contains(where: { ($0["collection"], $0["field"]) == (item["collection"], item["field"]) }) {
            systemFields.append(["collection": item["collection"] ?? .null, "field": item["field"] ?? .null, "diff": .array(DeepDiff.diff(inverted(item), item))])
        }

        let currentRelations = (current["relations"]?.arrayValue ?? []).map(Snapshot.relation)
        let afterRelations = (after["relations"]?.arrayValue ?? []).map(Snapshot.relation)
        var relations: [JSON] = []
        for item in currentRelations {
            let match = afterRelations.first { ($0["collection"], $0["field"]) == (item["collection"], item["field"]) }
            relations.append(["collection": item["collection"] ?? .null, "field": item["field"] ?? .null,
                              "related_collection": item["related_collection"] ?? .null, "diff": .array(DeepDiff.diff(item, match))])
        }
        for item in afterRelations where !currentRelations.contains(where: { ($0["collection"], $0["field"]) == (item["collection"], item["field"]) }) {
            relations.append(["collection": item["collection"] ?? .null, "field": item["field"] ?? .null,
                              "related_collection": item["related_collection"] ?? .null, "diff": .array(DeepDiff.diff(nil, item))])
        }

        let changed: (JSON) -> Bool = { !($0["diff"]?.arrayValue?.isEmpty ?? true) }
        let deleted = Set(collections.filter { $0["diff"]?[0]?["kind"]?.stringValue == "D" && $0["diff"]?[0]?["path"] == nil }.compactMap { $0["collection"]?.stringValue })
        let keep: (JSON) -> Bool = { changed($0) && !deleted.contains($0["collection"]?.stringValue ?? "") }
        return [
            "collections": .array(collections.filter(changed)),
            "fields": .array(fields.filter(keep)),
            "systemFields": .array(systemFields.filter(changed)),
            "relations": .array(relations.filter(keep)),
        ]
    }

    /// A system field entry with `is_indexed` flipped (a missing entry means "not indexed").
    private static func inverted(_ item: JSON) -> JSON {
        ["collection": item["collection"] ?? .null, "field": item["field"] ?? .null,
         "schema": ["is_indexed": .bool(!(item["schema"]?["is_indexed"]?.boolValue ?? false))]]
    }

    /// Whether a diff changes nothing.
    static func isEmpty(_ diff: JSON) -> Bool {
        ["collections", "fields", "systemFields", "relations"].allSatisfy { diff[$0]?.arrayValue?.isEmpty ?? true }
    }
}
