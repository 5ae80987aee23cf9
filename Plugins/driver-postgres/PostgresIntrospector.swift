import PlinthJSON
import SQLCompiler

/// Describes a PostgreSQL schema (the connection's current one, normally
/// `public`) the way Directus's Postgres inspector does, in the JSON shape the
/// SQLite driver uses. Four catalog queries cover every table at once.
struct PostgresIntrospector {
    let connection: PostgresConnection
    let compiler: Compiler

    /// Every table and view of the current schema, with columns, keys and indexes.
    func describe() throws -> JSON {
        ["tables": .array(try tables(named: nil))]
    }

    /// One table, or `null` when it does not exist.
    func table(named name: String) throws -> JSON {
        try tables(named: name).first ?? .null
    }

    private func tables(named name: String?) throws -> [JSON] {
        let filter: [Bound] = [name.map(Bound.text) ?? .null]
        let tables = try connection.query(compiler.plain("""
            SELECT c.relname::text, CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END, n.nspname::text, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') AND ($1::text IS NULL OR c.relname = $1::text)
            ORDER BY c.relname
            """, filter))
        guard !tables.isEmpty else { return [] }
        let columns = Dictionary(grouping: try connection.query(compiler.plain("""
            SELECT c.relname::text, a.attname::text, a.atttypid::regtype::text,
              CASE WHEN a.atttypid IN (1042, 1043) THEN a.atttypmod - 4 WHEN a.atttypid IN (1560, 1562) THEN a.atttypmod END,
              CASE a.atttypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24 WHEN 701 THEN 53
                WHEN 1700 THEN CASE WHEN a.atttypmod = -1 THEN NULL ELSE ((a.atttypmod - 4) >> 16) & 65535 END END,
              CASE WHEN a.atttypid IN (20, 21, 23) THEN 0 WHEN a.atttypid = 1700 THEN CASE WHEN a.atttypmod = -1 THEN NULL ELSE (a.atttypmod - 4) & 65535 END END,
              NOT a.attnotnull,
              CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
              a.attgenerated = 's',
              CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
              col_description(c.oid, a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
              AND ($1::text IS NULL OR c.relname = $1::text)
            ORDER BY c.relname, a.attnum
            """, filter))) { $0[0].stringValue ?? "" }
        let constraints = Dictionary(grouping: try connection.query(compiler.plain("""
            SELECT c.relname::text, k.conname::text, k.contype::text,
              to_json(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)),
              f.relname::text, fn.nspname::text,
              to_json(ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)),
              k.confupdtype::text, k.confdeltype::text,
              k.contype = 'p' AND array_length(k.conkey, 1) = 1 AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname),
                (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = k.conkey[1])) IS NOT NULL
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class f ON f.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
            WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f') AND ($1::text IS NULL OR c.relname = $1::text)
            ORDER BY c.relname, k.conname
            """, filter))) { $0[0].stringValue ?? "" }
        let indexes = Dictionary(grouping: try connection.query(compiler.plain("""
            SELECT t.relname::text, i.relname::text, x.indisunique,
              (SELECT k.contype::text FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x') LIMIT 1),
              to_json(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n ORDER BY u.i)),
              x.indnatts, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND ($1::text IS NULL OR t.relname = $1::text)
            ORDER BY t.relname, i.relname
            """, filter))) { $0[0].stringValue ?? "" }
        return tables.map { row in
            let name = row[0].stringValue ?? ""
            return table(row, columns: columns[name] ?? [], constraints: constraints[name] ?? [], indexes: indexes[name] ?? [])
        }
    }

    private func table(_ row: [JSON], columns columnRows: [[JSON]], constraints: [[JSON]], indexes indexRows: [[JSON]]) -> JSON {
        // Directus counts only single-column constraints for a column's flags.
        var primaryKey: [JSON] = []
        var primary = Set<String>(), unique = Set<String>(), autoIncrement = Set<String>()
        var foreign: [String: [JSON]] = [:]
        var foreignKeys: [JSON] = []
        for constraint in constraints {
            let keyColumns = constraint[3].arrayValue?.compactMap(\.stringValue) ?? []
            let kind = constraint[2].stringValue ?? ""
            if kind == "p" { primaryKey = keyColumns.map(JSON.string) }
            guard keyColumns.count == 1, let column = keyColumns.first else { continue }
            switch kind {
            case "p":
                primary.insert(column)
                unique.insert(column)
                if constraint[9].boolValue == true { autoIncrement.insert(column) }
            case "u":
                unique.insert(column)
            default:
                guard let referenced = constraint[6].arrayValue, referenced.count == 1 else { continue }
                if foreign[column] == nil { foreign[column] = [constraint[5], constraint[4], referenced[0]] }
                foreignKeys.append(["column": .string(column), "foreign_key_table": constraint[4], "foreign_key_column": referenced[0],
                                    "constraint_name": constraint[1], "on_update": Self.action(constraint[7]), "on_delete": Self.action(constraint[8]),
                                    "foreign_key_schema": constraint[5]])
            }
        }
        var indexed = Set<String>()
        let indexes: [JSON] = indexRows.map { index in
            let columns = index[4].arrayValue ?? []
            let isUnique = index[2].boolValue == true
            if !isUnique, index[5].intValue == 1, columns.count == 1, let column = columns[0].stringValue { indexed.insert(column) }
            let origin = index[3].stringValue == "p" ? "pk" : index[3].stringValue == "u" ? "u" : "c"
            return ["name": index[1], "columns": .array(columns), "unique": .int(isUnique ? 1 : 0), "origin": .string(origin), "sql": index[6]]
        }
        let columns: [JSON] = columnRows.map { column in
            let name = column[1].stringValue ?? ""
            let reference = foreign[name]
            return [
                "name": column[1],
                "data_type": column[2],
                "max_length": column[3],
                "numeric_precision": column[4],
                "numeric_scale": column[5],
                "is_nullable": column[6],
                "default_value": Self.defaultValue(column[7]),
                "is_primary_key": .bool(primary.contains(name)),
                "has_auto_increment": .bool(autoIncrement.contains(name)),
                "is_unique": .bool(unique.contains(name)),
                "is_indexed": .bool(indexed.contains(name)),
                "is_generated": column[8],
                "generation_expression": column[9],
                "comment": column[10],
                "foreign_key_schema": reference?[0] ?? .null,
                "foreign_key_table": reference?[1] ?? .null,
                "foreign_key_column": reference?[2] ?? .null,
            ]
        }
        return [
            "name": row[0],
            "type": row[1],
            "schema": row[2],
            "comment": row[3],
            "sql": .null,
            "primary_key": .array(primaryKey),
            "columns": .array(columns),
            "foreign_keys": .array(foreignKeys),
            "indexes": .array(indexes),
        ]
    }

    /// pg_constraint's action letters as SQL spells them.
    static func action(_ letter: JSON) -> JSON {
        let names = ["r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT", "a": "NO ACTION"]
        return letter.stringValue.flatMap { names[$0] }.map(JSON.string) ?? .null
    }

    /// A column default as Directus's `parseDefaultValue` normalises it: `nextval(…)` as is,
    /// otherwise cut at the first `::`, NULL as null, surrounding quotes stripped.
    static func defaultValue(_ raw: JSON) -> JSON {
        guard let text = raw.stringValue else { return .null }
        if text.hasPrefix("nextval(") { return raw }
        let value = text.range(of: "::").map { String(text[..<$0.lowerBound]) } ?? text
        if value.lowercased() == "null" { return .null }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") { return .string(String(value.dropFirst().dropLast())) }
        return .string(value)
    }
}
