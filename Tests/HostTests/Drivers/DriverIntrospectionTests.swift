import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// `introspect` describes a table as Directus's schema inspector does for each database.
@Suite struct DriverIntrospectionTests {
    static let things = TableSpec(
        name: "things",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("code", .string, length: 30, nullable: false, unique: true),
            ColumnSpec("price", .decimal, precision: 10, scale: 2, defaultValue: .value(0)),
            ColumnSpec("flag", .boolean, nullable: false, defaultValue: .value(true)),
            ColumnSpec("label", .string, defaultValue: .value("it's")),
            ColumnSpec("made", .timestamp, defaultValue: .now),
            ColumnSpec("owner", .integer),
        ],
        foreignKeys: [ForeignKeySpec(column: "owner", table: "owners", referencedColumn: "id", onDelete: "SET NULL")],
        indexes: [(name: "things_flag_index", columns: ["flag"], unique: false)]
    )

    /// A column object with Directus's defaults for everything not given.
    static func column(_ name: String, _ dataType: String, _ changes: JSONObject = [:]) -> JSON {
        var object: JSONObject = [
            "name": .string(name), "data_type": .string(dataType), "max_length": nil, "numeric_precision": nil, "numeric_scale": nil,
            "is_nullable": true, "default_value": nil, "is_primary_key": false, "has_auto_increment": false, "is_unique": false,
            "is_indexed": false, "is_generated": false, "generation_expression": nil, "comment": nil,
            "foreign_key_schema": nil, "foreign_key_table": nil, "foreign_key_column": nil,
        ]
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }

    static func expectedColumns(_ client: String, schema: String?) -> [JSON] {
        if client == "pg" {
            let schemaName = JSON.string(schema ?? "public")
            return [
                column("id", "integer", ["numeric_precision": 32, "numeric_scale": 0, "is_nullable": false, "default_value": "nextval('things_id_seq'::regclass)",
                                         "is_primary_key": true, "has_auto_increment": true, "is_unique": true]),
                column("code", "character varying", ["max_length": 30, "is_nullable": false, "is_unique": true]),
                column("price", "numeric", ["numeric_precision": 10, "numeric_scale": 2, "default_value": "0"]),
                column("flag", "boolean", ["is_nullable": false, "default_value": "true", "is_indexed": true]),
                column("label", "character varying", ["max_length": 255, "default_value": "it''s"]),
                column("made", "timestamp with time zone", ["default_value": "CURRENT_TIMESTAMP"]),
                column("owner", "integer", ["numeric_precision": 32, "numeric_scale": 0, "foreign_key_schema": schemaName,
                                            "foreign_key_table": "owners", "foreign_key_column": "id"]),
            ]
        }
        return [
            column("id", "integer", ["is_nullable": false, "is_primary_key": true, "has_auto_increment": true]),
            column("code", "varchar", ["max_length": 30, "is_nullable": false, "is_unique": true]),
            column("price", "float", ["default_value": "0"]),
            column("flag", "boolean", ["is_nullable": false, "default_value": "1", "is_indexed": true]),
            column("label", "varchar", ["max_length": 255, "default_value": "it''s"]),
            column("made", "datetime", ["default_value": "CURRENT_TIMESTAMP"]),
            column("owner", "integer", ["foreign_key_table": "owners", "foreign_key_column": "id"]),
        ]
    }

    @Test(arguments: DriverHarness.clients)
    func describesATableLikeDirectusDoes(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try fresh.database.applyChanges([.createTable(DriverSchemaTests.owners), .createTable(Self.things)])
        let tables = try fresh.database.introspect()["tables"]?.arrayValue ?? []
        let things = try #require(tables.first { $0["name"] == "things" })
        #expect(things["type"] == "table")
        #expect(things["schema"] == (fresh.schema.map(JSON.string) ?? .null))
        #expect(things["primary_key"] == ["id"])
        let columns = things["columns"]?.arrayValue ?? []
        let expected = Self.expectedColumns(client, schema: fresh.schema)
        #expect(columns.count == expected.count)
        for (actual, wanted) in zip(columns, expected) {
            #expect(actual == wanted)
        }
        let schema: JSON = fresh.schema.map(JSON.string) ?? .null
        #expect(things["foreign_keys"] == [[
            "column": "owner", "foreign_key_table": "owners", "foreign_key_column": "id",
            "constraint_name": client == "pg" ? "things_owner_foreign" : nil,
            "on_update": "NO ACTION", "on_delete": "SET NULL", "foreign_key_schema": schema,
        ]])
        let indexes = (things["indexes"]?.arrayValue ?? []).map { [$0["name"], $0["columns"], $0["unique"]] }
        #expect(indexes.contains(["things_flag_index", ["flag"], 0]))
        #expect(indexes.contains(["things_code_unique", ["code"], 1]))
        #expect(try fresh.database.introspect()["tables"]?.arrayValue?.count == 2)
    }
}
