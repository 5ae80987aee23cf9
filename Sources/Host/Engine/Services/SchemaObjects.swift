import PlinthJSON
import SQLPlan

/// The JSON objects /collections, /fields and /relations return, in Directus's key orders per vendor.
enum SchemaObjects {
    static func collection(_ info: CollectionInfo, vendor: String) -> JSON {
        ["collection": .string(info.name), "meta": info.meta.map(JSON.object) ?? .null, "schema": tableSchema(info.table, vendor: vendor)]
    }

    static func tableSchema(_ table: JSON?, vendor: String) -> JSON {
        guard let table else { return .null }
        if vendor == "postgres" {
            return ["schema": table["schema"] ?? "public", "name": table["name"] ?? .null, "comment": table["comment"] ?? .null]
        }
        return ["name": table["name"] ?? .null, "sql": table["sql"] ?? .null]
    }

    /// A field object; `listOrder` gives readAll's key order (schema before meta), otherwise readOne's.
    static func field(_ info: FieldInfo, vendor: String, listOrder: Bool) -> JSON {
        let schema = columnSchema(info, vendor: vendor)
        let meta = info.meta.map(JSON.object) ?? .null
        var object: JSONObject = ["collection": .string(info.collection), "field": .string(info.name), "type": .string(info.type.rawValue)]
        if listOrder {
            object["schema"] = schema
            object["meta"] = meta
        } else {
            object["meta"] = meta
            object["schema"] = schema
        }
        return .object(object)
    }

    static func columnSchema(_ info: FieldInfo, vendor: String) -> JSON {
        guard let column = info.column else { return .null }
        let keys = vendor == "postgres" ? postgresColumnKeys : sqliteColumnKeys
        var object = JSONObject()
        for key in keys {
            switch key {
            case "table": object[key] = .string(info.collection)
            case "default_value": object[key] = defaultValue(column["default_value"] ?? .null, type: info.type)
            case "foreign_key_schema": object[key] = column[key] ?? (column["foreign_key_table"]?.isNull == false ? "public" : .null)
            default: object[key] = column[key] ?? .null
            }
        }
        return .object(object)
    }

    static let sqliteColumnKeys = ["name", "table", "data_type", "default_value", "max_length", "numeric_precision", "numeric_scale",
                                   "is_generated", "generation_expression", "is_nullable", "is_unique", "is_indexed", "is_primary_key",
                                   "has_auto_increment", "foreign_key_column", "foreign_key_table"]
    static let postgresColumnKeys = ["name", "table", "data_type", "default_value", "generation_expression", "max_length",
                                     "numeric_precision", "numeric_scale", "is_generated", "is_nullable", "is_unique", "is_indexed",
                                     "is_primary_key", "has_auto_increment", "foreign_key_schema", "foreign_key_table", "foreign_key_column", "comment"]

    /// A column default as the API shows it: numbers as numbers, booleans as booleans, JSON parsed.
    static func defaultValue(_ raw: JSON, type: FieldType) -> JSON {
        guard let text = raw.stringValue else { return raw }
        if text == "0000-00-00 00:00:00" { return .null }
        switch type {
        case .integer, .bigInteger, .decimal, .float:
            if let number = Double(text), number.isFinite { return .number(Int64(exactly: number).map(String.init) ?? text) }
            return raw
        case .boolean:
            return .bool(["1", "true"].contains(text.lowercased()))
        case .json:
            return (try? JSON.parse(text)) ?? raw
        default:
            return raw
        }
    }

    /// A relation object; `meta` may be nil for a foreign key without metadata.
    static func relation(collection: String, field: String, related: String?, foreignKey: JSON?, meta: JSONObject?, vendor: String) -> JSON {
        var schema = JSON.null
        if let key = foreignKey {
            let keys = vendor == "postgres"
                ? ["constraint_name", "table", "column", "foreign_key_schema", "foreign_key_table", "foreign_key_column", "on_update", "on_delete"]
                : ["table", "column", "foreign_key_table", "foreign_key_column", "on_update", "on_delete", "constraint_name"]
            var object = JSONObject()
            for name in keys {
                switch name {
                case "table": object[name] = .string(collection)
                case "foreign_key_schema": object[name] = key[name] ?? "public"
                default: object[name] = key[name] ?? .null
                }
            }
            schema = .object(object)
        }
        return ["collection": .string(collection), "field": .string(field), "related_collection": related.map(JSON.string) ?? .null,
                "schema": schema, "meta": meta.map(JSON.object) ?? .null]
    }
}
