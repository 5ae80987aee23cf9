import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// Both SQL drivers write top-level rows themselves from one column per field; nested objects are
/// still the database's own JSON (`json_object`, `json_build_object`). Every value must come out
/// byte for byte as the database writes it.
@Suite struct RowJSONTests {
    static let texts: [String] = [
        "", "plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\rreturn\u{08}back\u{0C}feed",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F} delete", "ünïcødé ✓ 😀 中文",
        "exactly8", "sixteen chars!!!", "\"", "\\", "long " + String(repeating: "abcdefg\"", count: 40) + " end",
        "{\"looks\":\"like json\"}", "[1,2]", "null", "123", "</script>",
    ]
    static let reals = ["0.1", "-0.0", "1.5", "100.0", "0.333333333333333333", "1e300", "-2.5e-300", "123456789.123456789", "6.02214076e23"]
    static let integers = ["0", "-1", "9007199254740993", "-9223372036854775808", "9223372036854775807"]
    /// Reals that are not JSON numbers: both databases write them as strings.
    static let specialReals = ["NaN", "Infinity", "-Infinity"]
    /// Stored dates: fractions cut to milliseconds, infinity (null once formatted), a five-digit year.
    static let dates = ["2024-01-01T10:20:30Z", "2024-02-03T04:05:06.9999Z", "2024-03-04T05:06:07.5Z", "2024-12-31T23:59:59.123456Z",
                        "infinity", "-infinity", "10000-01-01T00:00:00Z"]
    /// The last row's date: PostgreSQL's text of it has an era, which the driver leaves to to_char.
    static let eraDate = "0044-03-15 10:00:00 BC"

    @Test(arguments: DriverHarness.clients)
    func topLevelRowsMatchTheDatabasesJSONByteForByte(client: String) throws {
        let fresh = try DriverHarness.open(client, pool: 1)
        let database = fresh.database
        // PostgreSQL text cannot hold NUL.
        let texts = client == "pg" ? Self.texts.map { $0.replacingOccurrences(of: "\u{0}", with: "") } : Self.texts
        try database.execute(.schema([.createTable(TableSpec(name: "odd", columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true), ColumnSpec("s", .text), ColumnSpec("r", .float),
            ColumnSpec("n", .bigInteger), ColumnSpec("j", .json), ColumnSpec("b", .boolean), ColumnSpec("d", .dateTime),
            ColumnSpec("z", .timestamp), ColumnSpec("u", .uuid), ColumnSpec("m", .decimal, precision: 10, scale: 2), ColumnSpec("tm", .time),
            ColumnSpec("v", .string, length: 20), ColumnSpec("csv", .csv),
        ]))]))
        var rows: [[Expr]] = []
        // A PostgreSQL float field is a `real`, which ends near 3.4e38.
        let reals = Self.reals.map { client == "pg" ? $0.replacingOccurrences(of: "e300", with: "e30").replacingOccurrences(of: "e-300", with: "e-30") : $0 }
            .map(JSON.number) + Self.specialReals.map(JSON.string)
        let count = max(texts.count, reals.count, Self.integers.count)
        for index in 0..<count {
            let text: JSON = index < texts.count ? .string(texts[index]) : .null
            let real: JSON = index < reals.count ? reals[index] : .null
            let integer: JSON = index < Self.integers.count ? .number(Self.integers[index]) : .null
            let json: JSON = index % 3 == 0 ? ["a": [1, "x\ny"], "b": nil] : (index % 3 == 1 ? .string(texts[index]) : .null)
            let date: JSON = index == count - 1 ? .string(Self.eraDate) : (index % 4 == 0 ? .null : .string(Self.dates[index % Self.dates.count]))
            rows.append([.value(.int(index + 1), type: .integer), .value(text, type: .text), .value(real, type: nil),
                         .value(integer, type: nil), .value(json, type: .json), .value(index % 2 == 0 ? true : false, type: .boolean),
                         .value(date, type: .dateTime), .value(date, type: .timestamp),
                         .value(index % 3 == 0 ? .null : .string(String(format: "%08x-0000-4000-8000-%012x", index, index * 7919)), type: .uuid),
                         .value(index % 4 == 0 ? .null : .number(["12.50", "-0.01", "99999999.99"][index % 3]), type: .decimal),
                         .value(index % 4 == 0 ? .null : .string(["00:00:00", "12:34:56", "23:59:59.5"][index % 3]), type: .time),
                         .value(.string(String(texts[index % texts.count].prefix(20))), type: .string),
                         .value(index % 3 == 0 ? .null : .string(["a,b", "", "one \"two\", three"][index % 3]), type: .csv)])
        }
        try database.insert(Insert(table: "odd", columns: ["id", "s", "r", "n", "j", "b", "d", "z", "u", "m", "tm", "v", "csv"], rows: rows))

        func column(_ name: String) -> Expr { .column(table: "t", name: name, type: nil) }
        let fields: [(String, Output)] = [
            ("id", .expr(column("id"), type: .integer)), ("s", .expr(column("s"), type: nil)), ("r", .expr(column("r"), type: nil)),
            ("r_float", .expr(column("r"), type: .float)), ("n", .expr(column("n"), type: nil)), ("j", .expr(column("j"), type: .json)),
            ("b", .expr(column("b"), type: .boolean)), ("d", .expr(column("d"), type: .dateTime)), ("d_date", .expr(column("d"), type: .date)),
            ("d_timestamp", .expr(column("d"), type: .timestamp)), ("z", .expr(column("z"), type: .timestamp)),
            ("z_dateTime", .expr(column("z"), type: .dateTime)), ("z_date", .expr(column("z"), type: .date)),
            ("u", .expr(column("u"), type: .uuid)), ("m", .expr(column("m"), type: .decimal)), ("tm", .expr(column("tm"), type: .time)),
            ("v", .expr(column("v"), type: .string)), ("csv", .expr(column("csv"), type: .csv)),
            ("s as key \"quoted\"\n", .expr(column("s"), type: .string)), ("nested", .object([("s", .expr(column("s"), type: nil))])),
            ("path", .expr(.function(.json, [column("j"), .value("a", type: nil)]), type: nil)),
            ("upper", .expr(.function(.upper, [column("s")]), type: nil)),
            ("others", .many(Select(table: "odd", alias: "o", fields: [("s", .expr(.column(table: "o", name: "s", type: nil), type: nil))],
                                    filter: .compare(.lt, .column(table: "o", name: "id", type: nil), .value(3, type: .integer)),
                                    order: [Order(.column(table: "o", name: "id", type: nil))]))),
        ]
        // A stored date without a field type is a PostgreSQL timestamp, which json_build_object
        // writes in a form of its own: the driver reads such a select through its JSON statement.
        let withRawDate = fields + [("d_raw", .expr(column("d"), type: nil))]
        for fields in [fields, withRawDate] {
            for id in 1...count {
                let filter = Expr.compare(.eq, column("id"), .value(.int(id), type: .integer))
                let direct = try database.execute(.select(Select(table: "odd", alias: "t", fields: fields, filter: filter)))
                let viaDatabase = try database.execute(.select(Select(table: "odd", alias: "t", fields: [("all", .object(fields))], filter: filter)))
                let expected = Array("[{\"all\":".utf8) + Array(direct.dropFirst().dropLast()) + Array("}]".utf8)
                #expect(String(decoding: viaDatabase, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(client) row \(id)")
                #expect(viaDatabase == expected, "\(client) row \(id), bytes")
            }
        }
        if client == "pg" {
            // The column read is one statement (prepared, then run); a read that turns out to
            // need the JSON statement runs both once, and from then on only the JSON one.
            func statements(_ fields: [(String, Output)], _ op: CompareOp, _ id: Int) throws -> Int {
                let before = try JSON.parse(database.execute(.stats))["statements"]?.intValue ?? 0
                _ = try database.execute(.select(Select(table: "odd", alias: "t", fields: fields, filter: .compare(op, column("id"), .value(.int(id), type: .integer)))))
                return (try JSON.parse(database.execute(.stats))["statements"]?.intValue ?? 0) - before
            }
            #expect(try statements(fields, .lt, 5) == 2)
            #expect(try statements(fields, .lt, 6) == 1)
            #expect(try statements(withRawDate, .lt, 5) == 4)
            #expect(try statements(withRawDate, .lt, 6) == 1)
            // A date with an era is read again through the JSON statement, as is every later read of that statement.
            #expect(try statements(fields, .gt, count - 1) == 4)
            #expect(try statements(fields, .gt, count - 2) == 1)
        }
        // Sorted reads pass every column through SQLite's sorter, which drops the mark json_object
        // goes by: the JSON columns must still be embedded, not quoted.
        let order = [Order(column("s"), descending: true), Order(column("id"))]
        let all = try database.rows(Select(table: "odd", alias: "t", fields: fields, order: order))
        let reference = try database.rows(Select(table: "odd", alias: "t", fields: [("all", .object(fields))], order: order))
        #expect(all.count == count)
        #expect(all == reference.map { $0["all"] ?? .null })
        #expect(all.contains { $0["others"]?.arrayValue?.count == 2 && $0["nested"]?.objectValue != nil && $0["b"]?.boolValue != nil })
    }

    /// A column read prepared before a column's type changed cannot run again (PostgreSQL: "cached
    /// plan must not change result type"). Outside a transaction the driver prepares it anew; inside
    /// one, where that error would abort the transaction, reads go through the JSON statement.
    @Test(arguments: DriverHarness.clients)
    func readsSurviveAColumnTypeChangeInAndOutOfTransactions(client: String) throws {
        let fresh = try DriverHarness.open(client, pool: 1)
        let database = fresh.database
        try database.execute(.schema([.createTable(TableSpec(name: "changing", columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true), ColumnSpec("n", .integer),
        ]))]))
        _ = try database.insert(Insert(table: "changing", columns: ["id", "n"], rows: [[.value(1, type: .integer), .value(5, type: .integer)]]))
        let select = Select(table: "changing", alias: "t", fields: [("id", .expr(.column(table: "t", name: "id", type: nil), type: .integer)),
                                                                     ("n", .expr(.column(table: "t", name: "n", type: nil), type: nil))])
        #expect(try database.rows(select) == [["id": 1, "n": 5]])
        try database.execute(.schema([.alterColumn(table: "changing", column: ColumnSpec("n", .bigInteger))]))
        try database.transaction { tx in
            #expect(try database.rows(select, in: tx) == [["id": 1, "n": 5]])
            _ = try database.insert(Insert(table: "changing", columns: ["id", "n"], rows: [[.value(2, type: .integer), .value(6, type: .integer)]]), in: tx)
        }
        #expect(try database.rows(select) == [["id": 1, "n": 5], ["id": 2, "n": 6]])
        try database.execute(.schema([.alterColumn(table: "changing", column: ColumnSpec("n", .string, length: 10))]))
        #expect(try database.rows(select) == [["id": 1, "n": "5"], ["id": 2, "n": "6"]])
    }

    /// PostgreSQL dates reach the year 5874897, but to_char, which formats them in the JSON
    /// statement, stops at 294276: the driver's own formatting must stop there too, so a read
    /// does not answer or fail depending on which statement served it.
    @Test func postgresDatesPastToCharsRangeFailAsInTheJSONStatement() throws {
        let fresh = try DriverHarness.open("pg", pool: 1)
        let database = fresh.database
        try database.execute(.schema([.createTable(TableSpec(name: "far", columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true), ColumnSpec("day", .date),
        ]))]))
        _ = try database.insert(Insert(table: "far", columns: ["id", "day"], rows: [[.value(1, type: .integer), .value("294276-12-31", type: .date)],
                                                                                    [.value(2, type: .integer), .value("294277-01-01", type: .date)]]))
        func read(_ id: Int) throws -> [JSON] {
            try database.rows(Select(table: "far", alias: "t", fields: [("day", .expr(.column(table: "t", name: "day", type: nil), type: .date))],
                                     filter: .compare(.eq, .column(table: "t", name: "id", type: nil), .value(.int(id), type: .integer))))
        }
        #expect(try read(1) == [["day": "294276-12-31"]])
        #expect(throws: DatabaseError.self) { try read(2) }
        #expect(try read(1) == [["day": "294276-12-31"]])
    }
}
