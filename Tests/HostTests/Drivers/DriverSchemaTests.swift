import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// Schema changes, introspection and connection handling through both SQL driver plugins.
@Suite struct DriverSchemaTests {
    typealias F = DriverFixture

    static let owners = TableSpec(name: "owners", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("name", .string),
    ])

    static let notes = TableSpec(name: "notes", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("body", .string, length: 20),
        ColumnSpec("amount", .string, length: 10),
        ColumnSpec("owner", .integer),
    ])

    private func column(_ database: Database, _ table: String, _ name: String) throws -> JSON? {
        let tables = try database.introspect()["tables"]?.arrayValue ?? []
        return tables.first { $0["name"]?.stringValue == table }?["columns"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    @Test(arguments: DriverHarness.clients)
    func alteringATableWithRowsKeepsThem(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let db = fresh.database
        try db.applyChanges([.createTable(Self.owners), .createTable(Self.notes)])
        try F.insert(db, Self.owners, ["name"], [["ann"]])
        try F.insert(db, Self.notes, ["body", "amount", "owner"], [["first", "5", 1], ["second", "7", nil]])

        try db.applyChanges([.alterColumn(table: "notes", column: ColumnSpec("amount", .integer, nullable: false, defaultValue: .value(0)))])
        var typed = Self.notes
        typed.columns[2] = ColumnSpec("amount", .integer)
        #expect(try db.rowsOf(typed, ["id", "amount"]) == [["id": 1, "amount": 5], ["id": 2, "amount": 7]])
        #expect(try column(db, "notes", "amount")?["is_nullable"] == false)
        #expect(throws: DatabaseError.self) { try F.insert(db, Self.notes, ["amount"], [[nil]]) }

        try db.applyChanges([.alterColumn(table: "notes", column: ColumnSpec("body", .text, unique: true))])
        let duplicate = #expect(throws: DatabaseError.self) { try F.insert(db, Self.notes, ["body"], [["first"]]) }
        #expect(duplicate?.kind == "unique")
        try db.applyChanges([.alterColumn(table: "notes", column: ColumnSpec("body", .text))])
        try F.insert(db, Self.notes, ["body"], [["first"]])
        #expect(try column(db, "notes", "body")?["is_unique"] == false)

        try db.applyChanges([.addColumn(table: "notes", column: ColumnSpec("flag", .boolean, nullable: false, defaultValue: .value(true)))])
        #expect(try db.rowsOf(Self.notes.withColumn(ColumnSpec("flag", .boolean)), ["flag"]).map { $0["flag"] } == [true, true, true])

        try db.applyChanges([.addForeignKey(table: "notes", key: ForeignKeySpec(column: "owner", table: "owners", referencedColumn: "id", onDelete: "SET NULL"))])
        #expect(try column(db, "notes", "owner")?["foreign_key_table"] == "owners")
        let orphan = #expect(throws: DatabaseError.self) { try F.insert(db, Self.notes, ["owner"], [[99]]) }
        #expect(orphan?.kind == "foreign_key")
        try db.applyChanges([.dropForeignKey(table: "notes", column: "owner")])
        #expect(try column(db, "notes", "owner")?["foreign_key_table"] == .null)
        try F.insert(db, Self.notes, ["owner"], [[99]])

        try db.applyChanges([.dropColumn(table: "notes", column: "flag")])
        #expect(try column(db, "notes", "flag") == nil)
        let bodies = try db.rowsOf(Self.notes, ["id", "body"]).map { $0["body"] }
        #expect(bodies == ["first", "second", "first", .null])

        try db.applyChanges([.createIndex(table: "notes", name: "notes_body_index", columns: ["body"], unique: false)])
        #expect(try column(db, "notes", "body")?["is_indexed"] == true)
        try db.applyChanges([.dropIndex(table: "notes", name: "notes_body_index"), .createIndex(table: "notes", name: "notes_owner_unique", columns: ["owner"], unique: true)])
        #expect(try column(db, "notes", "body")?["is_indexed"] == false)
        try db.applyChanges([.dropIndex(table: "notes", name: "notes_owner_unique")])

        try db.applyChanges([.renameColumn(table: "notes", from: "body", to: "content")])
        #expect(try db.rowsOf(TableSpec(name: "notes", columns: [ColumnSpec("id", .integer), ColumnSpec("content", .text)]), ["content"]).map { $0["content"] } == bodies)

        try db.applyChanges([.renameTable(from: "notes", to: "memos")])
        #expect(try db.rowsOf(TableSpec(name: "memos", columns: Self.notes.columns), ["id"]).count == 4)
        try db.applyChanges([.dropTable("memos")])
        #expect(try !db.tableNames().contains("memos"))
    }

    @Test(arguments: DriverHarness.clients)
    func createsEverySystemTableInOnePlan(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try fresh.database.applyChanges(SystemTables.all.map(SchemaChange.createTable))
        let tables = try fresh.database.introspect()["tables"]?.arrayValue ?? []
        #expect(Set(tables.compactMap { $0["name"]?.stringValue }) == Set(SystemTables.all.map(\.name)))
        func table(_ name: String) -> JSON? { tables.first { $0["name"]?.stringValue == name } }
        func key(_ name: String, _ column: String) -> JSON? { table(name)?["foreign_keys"]?.arrayValue?.first { $0["column"]?.stringValue == column } }
        #expect(key("directus_users", "role")?["foreign_key_table"] == "directus_roles")
        #expect(key("directus_users", "role")?["on_delete"] == "SET NULL")
        #expect(key("directus_collections", "group")?["foreign_key_table"] == "directus_collections")
        let declaredKeys = SystemTables.all.reduce(0) { $0 + $1.foreignKeys.count }
        #expect(tables.reduce(0) { $0 + ($1["foreign_keys"]?.arrayValue?.count ?? 0) } == declaredKeys)
        let stamp = table("directus_activity")?["columns"]?.arrayValue?.first { $0["name"] == "timestamp" }
        #expect(stamp?["data_type"] == (client == "pg" ? "timestamp with time zone" : "datetime"))
        #expect(stamp?["default_value"] == "CURRENT_TIMESTAMP")
    }

    @Test(arguments: DriverHarness.clients)
    func moreCallersThanConnectionsWaitForOne(client: String) throws {
        let fresh = try DriverHarness.open(client, pool: 2)
        try F.seed(fresh.database)
        let database = fresh.database
        let counts = Counts()
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            do {
                if index % 3 == 0 {
                    try F.insert(database, F.labels, ["code"], [[.string("c\(index)")]])
                }
                counts.add(try F.ids(database, nil).count)
            } catch {
                counts.fail("\(error)")
            }
        }
        #expect(counts.failures.isEmpty)
        #expect(counts.values == Array(repeating: 5, count: 24))
        #expect(try database.rowsOf(F.labels).count == 2 + 8)
    }

    /// Results gathered from concurrent callers.
    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Int] = []
        private(set) var failures: [String] = []
        func add(_ value: Int) { lock.withLock { values.append(value) } }
        func fail(_ message: String) { lock.withLock { failures.append(message) } }
    }

    @Test func aDroppedPostgresConnectionIsReestablished() throws {
        let fresh = try DriverHarness.open("pg", pool: 2)
        try F.seed(fresh.database)
        let url = try #require(ProcessInfo.processInfo.environment["PLINTH_TEST_PG_URL"])
        let kill = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '\(fresh.applicationName!)'"

        let killed = try DriverHarness.psql(url, kill)
        #expect(Int(killed.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 1)
        #expect(try F.ids(fresh.database, nil) == [1, 2, 3, 4, 5])

        // Both pooled connections in use at once, then killed: each comes back.
        let tx = try fresh.database.begin()
        #expect(try F.ids(fresh.database, nil, in: tx).count == 5)
        #expect(try F.ids(fresh.database, nil).count == 5)
        try DriverHarness.psql(url, kill)
        let lost = #expect(throws: DatabaseError.self) { try F.ids(fresh.database, nil, in: tx) }
        #expect(lost?.kind == "connection")
        try? tx.rollback()
        #expect(try F.insert(fresh.database, F.labels, ["code"], [["after"]]) == ["after"])
        #expect(try F.ids(fresh.database, nil).count == 5)
    }

    @Test func openingAnUnreachablePostgresServerFailsNamingIt() throws {
        let settings = try DatabaseSettings(Environment(["DB_CLIENT": "pg", "DB_HOST": "127.0.0.1", "DB_PORT": "1", "DB_DATABASE": "nowhere", "DB_USER": "x"]), dataPath: "/tmp")
        let error = #expect(throws: ConfigError.self) { try Database.open(settings, registry: try DriverHarness.runtime.registry) }
        #expect(error?.description.contains("127.0.0.1:1/nowhere") == true)
    }
}

extension TableSpec {
    func withColumn(_ column: ColumnSpec) -> TableSpec {
        var copy = self
        copy.columns.append(column)
        return copy
    }
}
