import PlinthJSON
import SQLPlan

/// A field as POST /collections, POST /fields and snapshots describe it: `{field, type, schema, meta}`.
struct FieldPayload {
    static let aliasTypes: Set<String> = ["alias", "o2m", "m2m", "m2a", "o2a", "files", "translations"]

    var field: String
    /// The type as sent; nil for `null` (alias).
    var typeName: String?
    var schema: JSONObject?
    var meta: JSONObject?

    init(_ json: JSON) throws {
        guard let object = json.objectValue else { throw APIError.invalidPayload("\"fields\" must contain objects") }
        guard let field = object["field"] else { throw APIError.invalidPayload("\"field\" is required") }
        guard let name = field.stringValue, !name.isEmpty else { throw APIError.invalidPayload("\"field\" must be a string") }
        self.field = name
        if let type = object["type"], !type.isNull {
            guard let typeName = type.stringValue, FieldType(rawValue: typeName) != nil || Self.aliasTypes.contains(typeName) else {
                let allowed = FieldType.allCases.map(\.rawValue) + Self.aliasTypes.sorted()
                throw APIError.invalidPayload("\"type\" must be one of [\(allowed.joined(separator: ", "))]")
            }
            self.typeName = typeName
        }
        if let schema = object["schema"], !schema.isNull {
            guard let value = schema.objectValue else { throw APIError.invalidPayload("\"schema\" must be of type object") }
            self.schema = value
        }
        if let meta = object["meta"], !meta.isNull {
            guard let value = meta.objectValue else { throw APIError.invalidPayload("\"meta\" must be of type object") }
            self.meta = value
        }
    }

    /// Whether the field has a column (a type that is neither null, an alias type, nor `unknown`).
    var hasColumn: Bool {
        guard let typeName else { return false }
        return !Self.aliasTypes.contains(typeName) && typeName != "unknown"
    }

    var type: FieldType? { typeName.flatMap(FieldType.init(rawValue:)) }

    var isPrimaryKey: Bool { schema?["is_primary_key"]?.boolValue == true }
    var hasAutoIncrement: Bool { schema?["has_auto_increment"]?.boolValue == true }
    var wantsIndex: Bool { schema?["is_indexed"]?.boolValue == true && !isPrimaryKey }

    /// Adds the special Directus adds by itself: cast-json for json, cast-timestamp for timestamps on SQLite.
    mutating func addVendorFlag(vendor: String) {
        let flag: String?
        switch type {
        case .json?: flag = "cast-json"
        case .timestamp? where vendor == "sqlite": flag = "cast-timestamp"
        default: flag = nil
        }
        guard let flag else { return }
        var meta = self.meta ?? JSONObject()
        var special = meta["special"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !special.contains(flag) { special.append(flag) }
        meta["special"] = .array(special.map(JSON.string))
        self.meta = meta
    }

    /// The column to create or alter, merging the payload's schema over `existing` (for alters).
    func column(existing: FieldInfo? = nil) throws -> ColumnSpec? {
        guard hasColumn, let type else { return nil }
        let current = existing?.column
        func value(_ key: String) -> JSON? {
            if let schema, schema.contains(key) { return schema[key] }
            return current?[key]
        }
        var spec = ColumnSpec(field, type)
        spec.autoIncrement = hasAutoIncrement && (type == .integer || type == .bigInteger)
        spec.primaryKey = isPrimaryKey || spec.autoIncrement || (existing?.isPrimaryKey ?? false)
        switch type {
        case .string:
            spec.length = value("max_length")?.intValue ?? 255
        case .float, .decimal:
            spec.precision = value("numeric_precision")?.intValue ?? 10
            spec.scale = value("numeric_scale")?.intValue ?? 5
        default: break
        }
        spec.nullable = value("is_nullable")?.boolValue ?? true
        if spec.primaryKey {
            if schema?["is_nullable"]?.boolValue == true, existing != nil { throw APIError.invalidPayload("Primary key cannot be null") }
            spec.nullable = false
        }
        if let fallback = value("default_value"), !fallback.isNull {
            if let text = fallback.stringValue, ["now()", "current_timestamp"].contains(text.lowercased()) || text.hasPrefix("CURRENT_TIMESTAMP(") {
                spec.defaultValue = .now
            } else if !(spec.autoIncrement && fallback.stringValue?.hasPrefix("nextval(") == true) {
                spec.defaultValue = .value(fallback)
            }
        }
        spec.unique = !spec.primaryKey && (value("is_unique")?.boolValue ?? false)
        return spec
    }
}

/// Rows for directus_collections and directus_fields from metadata objects: known columns only, CSV lists joined.
enum MetaRows {
    static let collectionColumns = SystemTables.collections.columns.map(\.name)
    static let fieldColumns = SystemTables.fields.columns.map(\.name).filter { $0 != "id" }
    static let relationColumns = SystemTables.relations.columns.map(\.name).filter { $0 != "id" }

    static func collection(_ meta: JSONObject, name: String) -> JSONObject {
        var row = pick(meta, collectionColumns)
        row["collection"] = .string(name)
        return row
    }

    static func field(_ meta: JSONObject, collection: String, field: String) -> JSONObject {
        var row = pick(meta, fieldColumns)
        row["collection"] = .string(collection)
        row["field"] = .string(field)
        if let special = meta["special"] { row["special"] = csv(special) }
        return row
    }

    static func relation(_ meta: JSONObject) -> JSONObject {
        var row = pick(meta, relationColumns)
        if let allowed = meta["one_allowed_collections"] { row["one_allowed_collections"] = csv(allowed) }
        return row
    }

    /// An array (or comma string) as the comma-separated text Directus stores; empty becomes null.
    static func csv(_ value: JSON) -> JSON {
        if let items = value.arrayValue {
            let text = items.compactMap { $0.stringValue ?? ($0.isNull ? nil : $0.description) }.joined(separator: ",")
            return text.isEmpty ? .null : .string(text)
        }
        return value
    }

    private static func pick(_ meta: JSONObject, _ columns: [String]) -> JSONObject {
        var row = JSONObject()
        for column in columns where meta.contains(column) { row[column] = meta[column] }
        return row
    }
}
