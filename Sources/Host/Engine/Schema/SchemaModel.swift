import PlinthJSON
import SQLPlan

/// The schema the engine works from: every collection with its fields and every relation,
/// merged from database introspection and Directus's metadata tables.
///
/// Immutable; the engine replaces it after every schema change.
public final class SchemaModel: @unchecked Sendable {
    /// Database vendor as Directus names it in snapshots: "sqlite" or "postgres".
    public let vendor: String
    /// Collections in Directus's listing order.
    public let collections: [CollectionInfo]
    /// Relations known to Directus (metadata rows, system relations), each with its foreign key if any.
    public let relations: [RelationInfo]
    /// Foreign keys of the database, including those without metadata (for /relations).
    public let foreignKeys: [JSON]
    private let byName: [String: CollectionInfo]
    /// `relations` by many side and by one side (collection, then field), the first of each kept:
    /// the planner looks relations up for every field it reads.
    private let byMany: [String: [String: RelationInfo]]
    private let byOne: [String: [String: RelationInfo]]

    init(vendor: String, collections: [CollectionInfo], relations: [RelationInfo], foreignKeys: [JSON]) {
        self.vendor = vendor
        self.collections = collections
        self.relations = relations
        self.foreignKeys = foreignKeys
        byName = Dictionary(collections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var byMany: [String: [String: RelationInfo]] = [:]
        var byOne: [String: [String: RelationInfo]] = [:]
        for relation in relations {
            if byMany[relation.collection]?[relation.field] == nil { byMany[relation.collection, default: [:]][relation.field] = relation }
            if let related = relation.relatedCollection, let oneField = relation.oneField, byOne[related]?[oneField] == nil {
                byOne[related, default: [:]][oneField] = relation
            }
        }
        self.byMany = byMany
        self.byOne = byOne
    }

    public func collection(_ name: String) -> CollectionInfo? { byName[name] }

    public func field(_ collection: String, _ field: String) -> FieldInfo? {
        byName[collection]?.field(field)
    }

    /// The relation whose many side is `collection.field` (an M2O, or the item side of an M2A).
    public func relation(many collection: String, field: String) -> RelationInfo? {
        byMany[collection]?[field]
    }

    /// The relation whose one side exposes `collection.field` (an O2M alias).
    public func relation(one collection: String, field: String) -> RelationInfo? {
        byOne[collection]?[field]
    }
}

/// One collection: a table (or a folder without one) with its metadata.
public struct CollectionInfo: Sendable {
    public let name: String
    /// The directus_collections row (casts applied), the system row, or nil.
    public let meta: JSONObject?
    /// The introspected table, or nil for a folder.
    public let table: JSON?
    /// Fields: columns in table order, then alias fields in metadata order.
    public let fields: [FieldInfo]
    public let primaryKey: String?
    /// Position of each field in `fields` by name (the first of a name).
    private let positions: [String: Int]

    public init(name: String, meta: JSONObject?, table: JSON?, fields: [FieldInfo], primaryKey: String?) {
        self.name = name
        self.meta = meta
        self.table = table
        self.fields = fields
        self.primaryKey = primaryKey
        var positions: [String: Int] = [:]
        for (index, field) in fields.enumerated() where positions[field.name] == nil { positions[field.name] = index }
        self.positions = positions
    }

    public var isSystem: Bool { name.hasPrefix("directus_") }
    public var isFolder: Bool { table == nil }
    public var singleton: Bool { meta?["singleton"]?.boolValue ?? false }
    /// "all", "activity" or nil; collections without metadata are tracked fully, as in Directus.
    public var accountability: String? {
        guard let meta else { return "all" }
        return meta["accountability"]?.stringValue
    }
    public var sortField: String? { meta?["sort_field"]?.stringValue }

    public func field(_ name: String) -> FieldInfo? { positions[name].map { fields[$0] } }
    public var primaryKeyField: FieldInfo? { primaryKey.flatMap(field) }
}

/// One field: a column and/or a directus_fields row.
public struct FieldInfo: Sendable {
    public let collection: String
    public let name: String
    public let type: FieldType
    /// The introspected column, or nil for an alias field.
    public let column: JSONObject?
    /// The directus_fields row (casts applied), the system row, or nil.
    public let meta: JSONObject?
    public let special: [String]

    public var isAlias: Bool { column == nil }
    public var isPrimaryKey: Bool { column?["is_primary_key"]?.boolValue ?? false }
    public var hasAutoIncrement: Bool { column?["has_auto_increment"]?.boolValue ?? false }
    public var isNullable: Bool { column?["is_nullable"]?.boolValue ?? true }
    public var maxLength: Int? { column?["max_length"]?.intValue }
    public var searchable: Bool { meta?["searchable"]?.boolValue ?? true }
    public func has(_ flag: String) -> Bool { special.contains(flag) }
}

/// One relation, keyed by its many side.
public struct RelationInfo: Sendable {
    /// The directus_relations row (casts applied) or system row.
    public let meta: JSONObject?
    /// The database foreign key of `collection.field`, if any.
    public let foreignKey: JSON?
    public let collection: String
    public let field: String
    public let relatedCollection: String?

    public var oneField: String? { meta?["one_field"]?.stringValue }
    public var oneCollectionField: String? { meta?["one_collection_field"]?.stringValue }
    public var oneAllowedCollections: [String] { meta?["one_allowed_collections"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public var junctionField: String? { meta?["junction_field"]?.stringValue }
    public var sortField: String? { meta?["sort_field"]?.stringValue }
    public var deselectAction: String { meta?["one_deselect_action"]?.stringValue ?? "nullify" }
}
