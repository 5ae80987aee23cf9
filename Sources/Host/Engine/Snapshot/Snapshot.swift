import Crypto
import Foundation
import PlinthJSON

/// Directus's schema snapshot: tracked collections, fields and relations, sanitised and sorted
/// so two snapshots of the same schema are byte-identical.
enum Snapshot {
    /// The Directus version snapshots declare; Directus 11.17.4 accepts them without `force`.
    static let directusVersion = "11.17.4"

    static let fieldSchemaKeys = ["name", "table", "data_type", "default_value", "max_length", "numeric_precision", "numeric_scale",
                                  "is_nullable", "is_unique", "is_indexed", "is_primary_key", "is_generated", "generation_expression",
                                  "has_auto_increment", "foreign_key_table", "foreign_key_column"]
    static let relationSchemaKeys = ["table", "column", "foreign_key_table", "foreign_key_column", "constraint_name", "on_update", "on_delete"]

    /// The snapshot of `schema` (GET /schema/snapshot).
    static func make(_ schema: SchemaModel) -> JSON {
        var collections: [JSON] = []
        var fields: [(String, Int, JSON)] = []
        var systemFields: [JSON] = []
        for info in schema.collections {
            let tracked = info.meta != nil && info.meta?["system"] == nil
            if tracked { collections.append(collection(SchemaObjects.collection(info, vendor: schema.vendor))) }
            for field in info.fields {
                if field.meta?["system"] != nil {
                    if field.column?["is_indexed"]?.boolValue == true {
                        systemFields.append(["collection": .string(info.name), "field": .string(field.name), "schema": ["is_indexed": true]])
                    }
                    continue
                }
                guard field.meta != nil else { continue }
                let object = SchemaObjects.field(field, vendor: schema.vendor, listOrder: false)
                fields.append((info.name, field.meta?["id"]?.intValue ?? 0, self.field(object)))
            }
        }
        var relations: [(String, Int, JSON)] = []
        for relation in schema.relations where relation.meta != nil && relation.meta?["system"] == nil {
            let object = SchemaObjects.relation(collection: relation.collection, field: relation.field, related: relation.relatedCollection,
                                                foreignKey: relation.foreignKey, meta: relation.meta, vendor: schema.vendor)
            relations.append((relation.collection, relation.meta?["id"]?.intValue ?? 0, self.relation(object)))
        }
        collections.sort { ($0["collection"]?.stringValue ?? "") < ($1["collection"]?.stringValue ?? "") }
        fields.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        relations.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        systemFields.sort { ($0["collection"]?.stringValue ?? "", $0["field"]?.stringValue ?? "") < ($1["collection"]?.stringValue ?? "", $1["field"]?.stringValue ?? "") }
        return [
            "version": 1,
            "directus": .string(directusVersion),
            "vendor": .string(schema.vendor),
            "collections": .array(collections),
            "fields": .array(fields.map(\.2)),
            "systemFields": .array(systemFields),
            "relations": .array(relations.map(\.2)),
        ]
    }

    /// `{collection, meta, schema: {name}}`; folders have no `schema` key.
    static func collection(_ object: JSON) -> JSON {
        var out: JSONObject = ["collection": object["collection"] ?? .null]
        if let meta = object["meta"] { out["meta"] = sortedKeys(withoutID(meta)) }
        if let name = object["schema"]?["name"] { out["schema"] = ["name": name] }
        return .object(out)
    }

    /// `{collection, field, type, meta, schema: {…16 keys…}}`; alias fields have no `schema` key.
    static func field(_ object: JSON, includeSchema: Bool = true) -> JSON {
        var out: JSONObject = ["collection": object["collection"] ?? .null, "field": object["field"] ?? .null, "type": object["type"] ?? .null]
        if let meta = object["meta"] { out["meta"] = sortedKeys(withoutID(meta)) }
        if includeSchema, let schema = object["schema"]?.objectValue { out["schema"] = pick(schema, fieldSchemaKeys) }
        return .object(out)
    }

    /// `{collection, field, related_collection, meta, schema: {…7 keys…}}`; no `schema` key without a foreign key.
    static func relation(_ object: JSON) -> JSON {
        var out: JSONObject = ["collection": object["collection"] ?? .null, "field": object["field"] ?? .null,
                               "related_collection": object["related_collection"] ?? .null]
        if let meta = object["meta"] { out["meta"] = sortedKeys(withoutID(meta)) }
        if let schema = object["schema"]?.objectValue { out["schema"] = pick(schema, relationSchemaKeys) }
        return .object(out)
    }

    /// lodash `pick`: the listed keys that exist, in list order.
    static func pick(_ object: JSONObject, _ keys: [String]) -> JSON {
        .object(JSONObject(keys.compactMap { key in object[key].map { (key, $0) } }))
    }

    static func withoutID(_ meta: JSON) -> JSON {
        guard var object = meta.objectValue else { return meta }
        object["id"] = nil
        object["system"] = nil
        return .object(object)
    }

    /// Every object's keys sorted alphabetically, recursively; arrays keep their order.
    static func sortedKeys(_ value: JSON) -> JSON {
        switch value {
        case .object(let object): return .object(JSONObject(object.keys.sorted().map { ($0, sortedKeys(object[$0]!)) }))
        case .array(let items): return .array(items.map(sortedKeys))
        default: return value
        }
    }

    /// A hash of the snapshot and version; clients only echo it back to /schema/apply.
    static func hash(_ snapshot: JSON) -> String {
        var bytes = sortedKeys(snapshot).encoded()
        bytes += Array(directusVersion.utf8)
        return Insecure.SHA1.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
