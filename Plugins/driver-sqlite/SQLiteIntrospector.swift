import PlinthJSON
import SQLCompiler

/// Describes a SQLite database the way Directus's schema inspector does,
/// plus the raw details a table rebuild needs.
struct SQLiteIntrospector {
    let connection: SQLiteConnection
    let compiler: Compiler

    /// Every user and system table (and view), with columns, keys and indexes.
    func describe() throws -> JSON {
        let tables = try connection.query(compiler.plain("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        var out: [JSON] = []
        for row in tables {
            guard let name = row[0].stringValue else { continue }
            out.append(try table(name, type: row[1].stringValue ?? "table", sql: row[2].stringValue))
        }
        return ["tables": .array(out)]
    }

    /// One table, or `null` when it does not exist.
    func table(named name: String) throws -> JSON {
        let rows = try connection.query(compiler.plain("SELECT type, sql FROM sqlite_master WHERE name = ?1 AND type IN ('table', 'view')", [.text(name)]))
        guard let row = rows.first else { return .null }
        return try table(name, type: row[0].stringValue ?? "table", sql: row[1].stringValue)
    }

    private func table(_ name: String, type: String, sql: String?) throws -> JSON {
        let dialect = SQLiteDialect()
        let quoted = dialect.quote(name)
        let autoIncrement = (sql ?? "").uppercased().contains("AUTOINCREMENT")
        let columnRows = try connection.query(compiler.plain("PRAGMA table_xinfo(\(quoted))"))
        let foreignRows = try connection.query(compiler.plain("PRAGMA foreign_key_list(\(quoted))"))
        let indexRows = try connection.query(compiler.plain("PRAGMA index_list(\(quoted))"))

        var indexes: [JSON] = []
        var uniqueColumns = Set<String>()
        var indexedColumns = Set<String>()
        for index in indexRows {
            guard let indexName = index[1].stringValue else { continue }
            let columns = try connection.query(compiler.plain("PRAGMA index_info(\(dialect.quote(indexName)))")).compactMap { $0[2].stringValue }
            let unique = index[2].intValue == 1
            let origin = index[3].stringValue ?? "c"
            let indexSQL = try connection.query(compiler.plain("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1", [.text(indexName)])).first?.first ?? .null
            indexes.append(["name": .string(indexName), "columns": .array(columns.map(JSON.string)), "unique": .int(unique ? 1 : 0), "origin": .string(origin), "sql": indexSQL])
            if columns.count == 1 {
                if unique { uniqueColumns.insert(columns[0]) } else { indexedColumns.insert(columns[0]) }
            }
        }
        let pkCount = columnRows.filter { ($0[5].intValue ?? 0) > 0 }.count
        var rawColumns: [JSON] = []
        var columns: [JSON] = []
        for row in columnRows {
            // cid, name, type, notnull, dflt_value, pk, hidden
            guard let columnName = row[1].stringValue else { continue }
            let declared = row[2].stringValue ?? ""
            let isPrimary = (row[5].intValue ?? 0) > 0
            let foreign = foreignRows.first { $0[3].stringValue == columnName }
            rawColumns.append(["name": .string(columnName), "declared_type": .string(declared), "notnull": row[3], "default_raw": row[4], "pk": row[5], "hidden": row[6]])
            columns.append([
                "name": .string(columnName),
                "data_type": .string(SQLiteIntrospector.dataType(declared)),
                "max_length": SQLiteIntrospector.maxLength(declared).map { JSON.int($0) } ?? .null,
                "numeric_precision": .null,
                "numeric_scale": .null,
                "is_nullable": .bool(row[3].intValue != 1),
                "default_value": SQLiteIntrospector.defaultValue(row[4]),
                "is_primary_key": .bool(pkCount == 1 && isPrimary),
                "has_auto_increment": .bool(isPrimary && autoIncrement),
                "is_unique": .bool(uniqueColumns.contains(columnName)),
                "is_indexed": .bool(indexedColumns.contains(columnName)),
                "is_generated": .bool((row[6].intValue ?? 0) != 0),
                "generation_expression": .null,
                "comment": .null,
                "foreign_key_schema": .null,
                "foreign_key_table": foreign?[2] ?? .null,
                "foreign_key_column": foreign?[4] ?? .null,
            ])
        }
        let primary = columnRows.filter { ($0[5].intValue ?? 0) > 0 }.sorted { ($0[5].intValue ?? 0) < ($1[5].intValue ?? 0) }.compactMap { $0[1] }
        let foreignKeys: [JSON] = foreignRows.map { row in
            // id, seq, table, from, to, on_update, on_delete, match
            ["column": row[3], "foreign_key_table": row[2], "foreign_key_column": row[4], "constraint_name": .null,
             "on_update": row[5], "on_delete": row[6], "foreign_key_schema": .null]
        }
        return [
            "name": .string(name),
            "type": .string(type),
            "schema": .null,
            "comment": .null,
            "sql": sql.map(JSON.string) ?? .null,
            "primary_key": .array(primary),
            "columns": .array(columns),
            "foreign_keys": .array(foreignKeys),
            "indexes": .array(indexes),
            "raw": [
                "sql": sql.map(JSON.string) ?? .null,
                "columns": .array(rawColumns),
                "foreign_keys": .array(foreignRows.map { ["id": $0[0], "seq": $0[1], "table": $0[2], "from": $0[3], "to": $0[4], "on_update": $0[5], "on_delete": $0[6]] }),
                "indexes": .array(indexes),
            ],
        ]
    }

    /// The declared type reduced to lower-case letters, as Directus's inspector reports it.
    static func dataType(_ declared: String) -> String {
        let base = declared.split(separator: "(").first.map(String.init) ?? declared
        return String(base.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }

    /// The first number in parentheses of the declared type: varchar(255) → 255.
    static func maxLength(_ declared: String) -> Int? {
        guard let open = declared.firstIndex(of: "("), let close = declared.firstIndex(of: ")"), open < close else { return nil }
        let inside = declared[declared.index(after: open)..<close]
        guard !inside.contains(",") else { return nil }
        return Int(inside.trimmingCharacters(in: .whitespaces))
    }

    /// A column default as Directus normalises it: quotes stripped, NULL as null.
    static func defaultValue(_ raw: JSON) -> JSON {
        guard let text = raw.stringValue else { return raw.isNull ? .null : raw }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "null" { return .null }
        if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
            return .string(String(trimmed.dropFirst().dropLast()))
        }
        return .string(text)
    }
}

import Foundation
