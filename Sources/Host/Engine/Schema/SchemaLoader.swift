import Logging
import PlinthJSON
import SQLPlan

/// Builds the `SchemaModel` from the database and Directus's metadata.
struct SchemaLoader {
    let database: Database
    let logger: Logger
    /// Tables never served (DB_EXCLUDE_TABLES).
    let excludedTables: Set<String>

    /// The metadata tables read with Directus's casts: `special` and `one_allowed_collections` are CSV lists.
    static let fieldsForReading = SystemTables.fields.retyped(["special": .csv])
    static let relationsForReading = SystemTables.relations.retyped(["one_allowed_collections": .csv])

    func load(in transaction: Transaction? = nil) throws -> SchemaModel {
        let introspection = try database.introspect(in: transaction)
        let tables = (introspection["tables"]?.arrayValue ?? []).filter {
            guard let name = $0["name"]?.stringValue else { return false }
            return !excludedTables.contains(name)
        }
        let tablesByName = Dictionary(tables.compactMap { table in table["name"]?.stringValue.map { ($0, table) } }, uniquingKeysWith: { a, _ in a })

        let collectionRows = try database.rows(of: SystemTables.collections, in: transaction)
        let fieldRows = try database.rows(of: Self.fieldsForReading, in: transaction)
        let relationRows = try database.rows(of: Self.relationsForReading, in: transaction)

        var metaByCollection: [String: JSONObject] = [:]
        for row in collectionRows { if let name = row["collection"]?.stringValue { metaByCollection[name] = row } }
        for row in SystemCollections.all { if let name = row["collection"]?.stringValue, metaByCollection[name] == nil { metaByCollection[name] = row } }

        var fieldMeta: [String: [JSONObject]] = [:]
        for row in fieldRows + SystemFields.all {
            guard let collection = row["collection"]?.stringValue else { continue }
            fieldMeta[collection, default: []].append(row)
        }

        // Directus's order: metadata rows (user rows by name, then system rows), then untracked tables.
        var names = collectionRows.compactMap { $0["collection"]?.stringValue }.sorted()
        names += SystemCollections.all.compactMap { $0["collection"]?.stringValue }.filter { tablesByName[$0] != nil && !names.contains($0) }
        let known = Set(names)
        names += tables.compactMap { $0["name"]?.stringValue }.filter { !known.contains($0) }

        var collections: [CollectionInfo] = []
        for name in names {
            let table = tablesByName[name]
            let metas = fieldMeta[name] ?? []
            let fields = Self.fields(collection: name, table: table, metas: metas)
            let keys = table?["primary_key"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if table != nil, keys.count != 1 {
                logger.warning("Collection \(name) has \(keys.isEmpty ? "no" : "a composite") primary key; it is listed but not served.")
            }
            collections.append(CollectionInfo(name: name, meta: metaByCollection[name], table: table, fields: fields, primaryKey: keys.count == 1 ? keys[0] : nil))
        }

        var foreignKeys: [JSON] = []
        for table in tables {
            for key in table["foreign_keys"]?.arrayValue ?? [] {
                var entry = key.objectValue ?? JSONObject()
                entry["table"] = table["name"]
                foreignKeys.append(.object(entry))
            }
        }
        var relations: [RelationInfo] = []
        for row in relationRows + SystemRelations.all {
            guard let many = row["many_collection"]?.stringValue, let field = row["many_field"]?.stringValue else { continue }
            if relations.contains(where: { $0.collection == many && $0.field == field }) { continue }
            let key = foreignKeys.first { $0["table"]?.stringValue == many && $0["column"]?.stringValue == field }
            relations.append(RelationInfo(meta: row, foreignKey: key, collection: many, field: field, relatedCollection: row["one_collection"]?.stringValue))
        }
        return SchemaModel(vendor: database.vendor, collections: collections, relations: relations, foreignKeys: foreignKeys)
    }

    /// Columns in table order, then metadata rows without a column.
    static func fields(collection: String, table: JSON?, metas: [JSONObject]) -> [FieldInfo] {
        var byField: [String: JSONObject] = [:]
        for meta in metas {
            if let field = meta["field"]?.stringValue, byField[field] == nil { byField[field] = meta }
        }
        var fields: [FieldInfo] = []
        var seen = Set<String>()
        for column in table?["columns"]?.arrayValue ?? [] {
            guard let object = column.objectValue, let name = object["name"]?.stringValue else { continue }
            let meta = byField[name]
            let special = specials(meta)
            let type = LocalType.resolve(dataType: object["data_type"]?.stringValue, precision: object["numeric_precision"]?.intValue,
                                         scale: object["numeric_scale"]?.intValue, maxLength: object["max_length"]?.intValue, special: special)
            fields.append(FieldInfo(collection: collection, name: name, type: type, column: object, meta: meta, special: special))
            seen.insert(name)
        }
        for meta in metas {
            guard let name = meta["field"]?.stringValue, !seen.contains(name) else { continue }
            seen.insert(name)
            fields.append(FieldInfo(collection: collection, name: name, type: .alias, column: nil, meta: meta, special: specials(meta)))
        }
        return fields
    }

    static func specials(_ meta: JSONObject?) -> [String] {
        meta?["special"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

extension TableSpec {
    /// The same table with some columns read as other types (Directus's read casts).
    func retyped(_ types: [String: FieldType]) -> TableSpec {
        var copy = self
        copy.columns = columns.map { column in
            var column = column
            if let type = types[column.name] { column.type = type }
            return column
        }
        return copy
    }
}
