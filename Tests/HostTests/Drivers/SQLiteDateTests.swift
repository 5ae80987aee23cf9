import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// The SQLite driver formats the common shapes of stored dates with its own functions
/// (Plugins/driver-sqlite/SQLiteDates.swift) and everything else with strftime; either way a
/// read must answer exactly what SQLite's strftime answers, which the sqlite3 shell computes here.
@Suite struct SQLiteDateTests {
    static let milliseconds: [Int64] = {
        var values: [Int64] = [0, 1, -1, 999, -999, 1000, -1000, -1001, 86_399_999, 86_400_000, -86_400_000, -86_400_001,
                               1_704_067_260_000, 1_709_164_800_000, 1_709_251_199_999, 951_782_400_000, 4_107_542_399_999,
                               -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000,
                               -2_208_988_800_000, -12_219_292_800_000, 100_000_000_000_000_000]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 { values.append(Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &generator)) }
        for _ in 0..<100 { values.append(Int64.random(in: 0...4_102_444_800_000, using: &generator)) }
        return values
    }()

    static let texts: [String] = [
        "2024-01-02 03:04:05", "2024-01-02T03:04:05", "2024-02-29 23:59:59", "2023-02-29 00:00:00", "2024-02-30T10:00:00",
        "2100-02-29 00:00:00", "2000-02-29 12:00:00", "2024-04-31 00:00:00", "2024-13-01 00:00:00", "2024-00-10 00:00:00",
        "2024-01-00 00:00:00", "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-01-01 23:59:60", "0000-01-01 00:00:00",
        "9999-12-31 23:59:59", "2024-01-02", "2024-02-30", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.678",
        "2024-01-02T03:04:05.678Z", "2024-01-02 03:04", "2024-01-02T03:04:05+02:00", "2024-1-2", "20240102", "garbage",
        "", "2024-01-02x03:04:05", "２０２４-01-02", "1704067260000",
    ]

    @Test func everyStoredShapeFormatsAsStrftimeDoes() throws {
        let fresh = try DriverHarness.open("sqlite3")
        let file = try #require(fresh.file)
        let database = fresh.database
        try database.execute(.schema([.createTable(TableSpec(name: "stamps", columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true), ColumnSpec("at", .bigInteger), ColumnSpec("label", .string),
        ]))]))
        var rows: [[Expr]] = []
        for (index, ms) in Self.milliseconds.enumerated() {
            rows.append([.value(.int(index + 1), type: nil), .value(.int(ms), type: nil), .value(.null, type: nil)])
        }
        let base = Self.milliseconds.count
        for (index, text) in Self.texts.enumerated() {
            rows.append([.value(.int(base + index + 1), type: nil), .value(.null, type: nil), .value(.string(text), type: nil)])
        }
        rows.append([.value(.int(base + Self.texts.count + 1), type: nil), .value(.number("1704067260000.5"), type: nil), .value(.null, type: nil)])
        rows.append([.value(.int(base + Self.texts.count + 2), type: nil), .value(.null, type: nil), .value(.null, type: nil)])
        try database.insert(Insert(table: "stamps", columns: ["id", "at", "label"], rows: rows))

        let kinds: [(FieldType, String)] = [(.dateTime, "%Y-%m-%dT%H:%M:%S"), (.timestamp, "%Y-%m-%dT%H:%M:%fZ"), (.date, "%Y-%m-%d")]
        var fields: [(String, Output)] = [("id", .expr(.column(table: "t", name: "id", type: .integer), type: .integer))]
        for (type, _) in kinds {
            fields.append(("at_\(type.rawValue)", .expr(.column(table: "t", name: "at", type: nil), type: type)))
            fields.append(("label_\(type.rawValue)", .expr(.column(table: "t", name: "label", type: nil), type: type)))
        }
        let read = try database.rows(Select(table: "stamps", alias: "t", fields: fields, order: [Order(.column(table: "t", name: "id", type: nil))]))

        // What strftime gives for the same rows, from the sqlite3 shell (one JSON array per row).
        func reference(_ column: String, _ format: String) -> String {
            "CASE WHEN \(column) IS NULL THEN NULL WHEN typeof(\(column)) IN ('integer', 'real') THEN strftime('\(format)', \(column) / 1000.0, 'unixepoch') "
                + "ELSE coalesce(strftime('\(format)', \(column)), \(column)) END"
        }
        let columns = kinds.flatMap { [reference("at", $0.1), reference("label", $0.1)] }.joined(separator: ", ")
        let result = try TestSupport.run("/usr/bin/sqlite3", [file, "SELECT json_array(id, \(columns)) FROM stamps ORDER BY id"])
        #expect(result.status == 0, "\(result.output)")
        let expected = try result.output.split(separator: "\n").map { try JSON.parse(Array($0.utf8)) }
        #expect(read.count == expected.count)
        for (row, want) in zip(read, expected) {
            var index = 1
            for (type, _) in kinds {
                #expect(row["at_\(type.rawValue)"] == want[index], "row \(row["id"]!), at as \(type.rawValue)")
                #expect(row["label_\(type.rawValue)"] == want[index + 1], "row \(row["id"]!), label as \(type.rawValue)")
                index += 2
            }
        }
    }
}
