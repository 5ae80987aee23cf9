import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// Both drivers compile a select once per plan shape and bind each plan's values into it
/// (`ReadCache`, `PlanShape` in sql-common). Every read here runs three ways — the first plan of
/// its shape, the same plan again (from the cache), and the plan's text with a space after its
/// members `v` and `op` swapped, which the shape scanner does not take, so it is decoded and
/// compiled as before — and the three answers, rows or errors, must be the same bytes.
@Suite struct ReadCacheTests {
    static let allFields: [(key: String, value: Output)] = ["id", "title", "published", "meta", "tags", "price", "created", "happened", "day", "author"]
        .map { name in (name, .expr(DriverFixture.column("t", name, DriverFixture.articles.type(of: name)), type: DriverFixture.articles.type(of: name))) }

    /// The answer of `text` as "ok <json>" or "error <kind: message>".
    static func outcome(_ database: Database, _ text: [UInt8], in transaction: Transaction? = nil) -> String {
        do { return "ok " + String(decoding: try database.execute(text: text, in: transaction), as: UTF8.self) } catch { return "error \(error)" }
    }

    /// The plan's answer, checked to be the same through the cache (twice) and decoded as before.
    @discardableResult
    static func agreed(_ database: Database, _ plan: Plan, in transaction: Transaction? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        agreed(database, plan.encoded(), in: transaction, sourceLocation: sourceLocation)
    }

    @discardableResult
    static func agreed(_ database: Database, _ text: [UInt8], in transaction: Transaction? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let first = outcome(database, text, in: transaction)
        let again = outcome(database, text, in: transaction)
        // The same length, so a JSON error's offset is the same too.
        let swapped = String(decoding: text, as: UTF8.self).replacingOccurrences(of: #"{"v":1,"op":"select","#, with: #"{"op":"select","v":1,"#)
        #expect(swapped.utf8.count == text.count && Array(swapped.utf8) != text, sourceLocation: sourceLocation)
        let decoded = outcome(database, Array(swapped.utf8), in: transaction)
        #expect(first == decoded, sourceLocation: sourceLocation)
        #expect(again == decoded, sourceLocation: sourceLocation)
        return decoded
    }

    static func articles(_ filter: Expr?, fields: [(key: String, value: Output)] = [("id", .expr(DriverFixture.column("t", "id"), type: .integer))],
                         limit: Int? = nil) -> Plan {
        .select(Select(table: "articles", alias: "t", fields: fields, filter: filter, order: [Order(DriverFixture.column("t", "id"))], limit: limit))
    }

    /// The ids of an answer's rows.
    static func ids(_ answer: String) -> [Int] {
        guard answer.hasPrefix("ok "), let rows = try? JSON.parse(String(answer.dropFirst(3))).arrayValue else { return [-1] }
        return rows.compactMap { $0["id"]?.intValue }
    }

    static func id(_ name: String) -> Expr { DriverFixture.column("t", name, DriverFixture.articles.type(of: name)) }

    @Test(arguments: DriverHarness.clients)
    func plansOfOneShapeWithOtherValuesReadTheirOwnRows(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let database = fresh.database
        try DriverFixture.seed(database)
        // By key: the same shape for every key, each read its own row; a missing key reads none.
        for key in [1, 2, 5, 999, 1] {
            let answer = Self.agreed(database, Self.articles(.compare(.eq, Self.id("id"), .value(.int(key), type: .integer)), fields: Self.allFields, limit: 1))
            #expect(Self.ids(answer) == (key == 999 ? [] : [key]))
        }
        // Substring tests: the LIKE pattern is made from each value, its wildcards escaped.
        let contains: [(CompareOp, JSON, [Int])] = [(.contains, "o", [1, 2]), (.contains, "%", [3]), (.contains, "_", [4]),
                                                    (.contains, "\\", [5]), (.icontains, "HELLO", [1, 2]), (.contains, "HELLO", []),
                                                    (.startsWith, "hello", [2]), (.iendsWith, "CASE", [4]), (.contains, 100, [3])]
        for (op, value, expected) in contains {
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(op, Self.id("title"), .value(value, type: .string))))) == expected, "\(op) \(value)")
        }
        // Lists: a list's length is part of the shape, its values are not.
        for (values, expected) in [([1, 2], [1, 2]), ([4, 5], [4, 5]), ([3], [3]), ([], []), ([9, 5, 1], [1, 5])] as [([Int], [Int])] {
            let filter = Expr.compare(.in, Self.id("id"), .list(values.map(JSON.int), type: .integer))
            #expect(Self.ids(Self.agreed(database, Self.articles(filter))) == expected)
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.nin, Self.id("id"), .list(values.map(JSON.int), type: .integer)))))
                    == [1, 2, 3, 4, 5].filter { !values.contains($0) })
        }
        for (low, high) in [(1, 2), (4, 5), (5, 1)] {
            let answer = Self.agreed(database, Self.articles(.compare(.between, Self.id("id"), .list([.int(low), .int(high)], type: .integer))))
            #expect(Self.ids(answer) == Array(low...max(low, high)).filter { low <= high && $0 <= 5 })
        }
        // A null value is part of the shape (= NULL is compiled as IS NULL); other values are not.
        let author = Self.id("author")
        for _ in 0..<2 {
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.eq, author, .value(.null, type: .uuid))))) == [4])
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.eq, author, .value(.string(DriverFixture.ada), type: .uuid))))) == [1, 2])
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.neq, author, .value(.null, type: .uuid))))) == [1, 2, 3, 5])
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.neq, author, .value(.string(DriverFixture.brian), type: .uuid))))) == [1, 2])
        }
        // Booleans, dates and JSON values bound per plan, in a nested select too.
        for flag in [true, false, true] {
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.eq, Self.id("published"), .value(.bool(flag), type: .boolean)))))
                    == (flag ? [1, 3] : [2, 4, 5]))
        }
        for (day, expected) in [("2024-01-01", [1]), ("2023-01-01", [1, 2])] {
            #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.gt, Self.id("day"), .value(.string(day), type: .date))))) == expected)
        }
        for (published, count) in [(true, 1), (false, 1)] {
            let nested = Select(table: "articles", alias: "a", fields: [("title", .expr(DriverFixture.column("a", "title"), type: .string))],
                                filter: .compare(.eq, DriverFixture.column("a", "published", .boolean), .value(.bool(published), type: .boolean)),
                                order: [Order(DriverFixture.column("a", "id"))], on: [(DriverFixture.column("w", "id"), "author")])
            let plan = Plan.select(Select(table: "authors", alias: "w", fields: [("name", .expr(DriverFixture.column("w", "name"), type: .string)), ("articles", .many(nested))],
                                          filter: .compare(.eq, DriverFixture.column("w", "id", .uuid), .value(.string(DriverFixture.ada), type: .uuid))))
            let rows = try JSON.parse(String(Self.agreed(database, plan).dropFirst(3)))
            #expect(rows[0]?["articles"]?.arrayValue?.count == count)
            #expect(rows[0]?["articles"]?[0]?["title"]?.stringValue == (published ? "Hello World" : "hello there"))
        }
    }

    /// Where the compiler writes a value into the SQL itself (a JSON path) or types a column by
    /// the value (a bare value selected), the shape is compiled from each plan, never reused.
    @Test(arguments: DriverHarness.clients)
    func shapesWhoseSQLDependsOnAValueAreCompiledEachTime(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let database = fresh.database
        try DriverFixture.seed(database)
        let byKey = Expr.compare(.eq, Self.id("id"), .value(.int(1), type: .integer))
        for (path, expected) in [("a.b", JSON.array([10, 20])), ("a", ["b": [10, 20]]), ("a.b[1]", 20), ("a.b", [10, 20])] as [(String, JSON)] {
            let field = Output.expr(.function(.json, [Self.id("meta"), .value(.string(path), type: nil)]), type: .json)
            let answer = Self.agreed(database, Self.articles(byKey, fields: [("id", .expr(Self.id("id"), type: .integer)), ("value", field)]))
            #expect(try JSON.parse(String(answer.dropFirst(3)))[0]?["value"] == expected, "\(path)")
        }
        for value in [JSON.int(1), .number("1.5"), .string("x"), .bool(true), .int(7)] {
            let answer = Self.agreed(database, Self.articles(byKey, fields: [("id", .expr(Self.id("id"), type: .integer)), ("k", .expr(.value(value, type: nil), type: nil))]))
            // (PostgreSQL writes an untyped 1.5 or true as text, on both paths.)
            let written = try JSON.parse(String(answer.dropFirst(3)))[0]?["k"]
            if value == .int(1) || value == .int(7) || value == .string("x") { #expect(written == value) }
        }
    }

    /// A value that does not fit its field, or plan text that is not JSON, fails as it did when
    /// every plan was decoded — also when its shape was compiled before from a good plan.
    @Test(arguments: DriverHarness.clients)
    func badValuesFailAsWhenEveryPlanWasDecoded(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let database = fresh.database
        try DriverFixture.seed(database)
        let good = Self.articles(.compare(.eq, Self.id("author"), .value(.string(DriverFixture.ada), type: .uuid)))
        #expect(Self.ids(Self.agreed(database, good)) == [1, 2])
        Self.agreed(database, Self.articles(.compare(.eq, Self.id("author"), .value(.string("not-a-uuid"), type: .uuid))))
        Self.agreed(database, Self.articles(.compare(.eq, Self.id("id"), .value(.string("abc"), type: .integer))))
        Self.agreed(database, Self.articles(.compare(.contains, Self.id("title"), .value(["an": "object"], type: .string))))
        let text = String(decoding: Self.articles(.compare(.eq, Self.id("id"), .value(.int(3), type: .integer))).encoded(), as: UTF8.self)
        #expect(text.contains(#"{"v":3,"t":"integer"}"#))
        for broken in ["tru", "nul", "3.4.5", "\"open", "[1,", "{\"a\"}", "nulls", "-"] {
            let answer = Self.agreed(database, Array(text.replacingOccurrences(of: #"{"v":3,"#, with: #"{"v":\#(broken),"#).utf8))
            #expect(answer.hasPrefix("error invalid_plan"), "\(broken): \(answer)")
        }
        // And the good plan still reads its rows afterwards.
        #expect(Self.ids(Self.agreed(database, good)) == [1, 2])
    }

    /// Text the host does not write but the ABI accepts: a value the scanner leaves in the shape
    /// (a space before its colon) that looks like a placeholder, U+0001 in a value, a second `op`
    /// that makes the plan a write, a value nested deeper than a plan may be. Each is answered
    /// as decoding the plan answers it; the write runs in its transaction and leaves nothing.
    @Test(arguments: DriverHarness.clients)
    func textTheHostDoesNotWriteIsAnsweredAsDecoded(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let database = fresh.database
        try DriverFixture.seed(database)
        let byKey = String(decoding: Self.articles(.and([.compare(.gte, Self.id("id"), .value(.int(1), type: .integer)),
                                                         .compare(.eq, Self.id("title"), .value(.string("Hello World"), type: .string))])).encoded(), as: UTF8.self)
        #expect(Self.ids(Self.agreed(database, Array(byKey.utf8))) == [1])
        for forged in [#"{"v" :"\u0001n0","t":"string"}"#, #"{"v" :"\u0001s1","t":"string"}"#, #"{"v" :"\u0001s7","t":"string"}"#,
                       #"{"v" :"\u0001n99999999999999999999999","t":"string"}"#, #"{"v":"\u0001s0","t":"string"}"#,
                       #"{"v":"a\u0001s0","t":"string"}"#, "{\"v\":\"\u{1}s0\",\"t\":\"string\"}"] {
            let text = byKey.replacingOccurrences(of: #"{"v":"Hello World","t":"string"}"#, with: forged)
            #expect(text != byKey)
            let answer = Self.agreed(database, Array(text.utf8))
            // A raw control character in a string is not JSON.
            if forged.utf8.contains(1) { #expect(answer.hasPrefix("error invalid_plan")) } else { #expect(Self.ids(answer) == [], "\(forged)") }
        }
        let forgedLike = String(decoding: Self.articles(.and([.compare(.contains, Self.id("title"), .value(.string("o"), type: .string)),
                                                              .compare(.contains, Self.id("title"), .value(.string("x"), type: .string))])).encoded(), as: UTF8.self)
            .replacingOccurrences(of: #"{"v":"x","t":"string"}"#, with: #"{"v" :"\u0001s0","t":"string"}"#)
        #expect(Self.ids(Self.agreed(database, Array(forgedLike.utf8))) == [])

        // A second "op" wins when the plan is decoded: an insert whose second row breaks the unique title.
        let select = String(decoding: Self.articles(nil).encoded(), as: UTF8.self).dropLast()
        let insert = select + #","op":"insert","table":"articles","columns":["title"],"rows":[[{"v":"dup-new-1","t":"string"}],[{"v":"Hello World","t":"string"}]],"returning":"id"}"#
        let answer = Self.agreed(database, Array(insert.utf8))
        #expect(answer.hasPrefix("error unique"), "\(answer)")
        #expect(Self.ids(Self.agreed(database, Self.articles(.compare(.eq, Self.id("title"), .value("dup-new-1", type: .string))))) == [])

        // Values nested up to as deep as a plan may go, and deeper.
        var tooDeep: [Bool] = []
        for levels in 500...510 {
            let deep = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
            let text = byKey.replacingOccurrences(of: #"{"v":"Hello World","t":"string"}"#, with: #"{"v":"# + deep + #","t":"json"}"#)
            tooDeep.append(Self.agreed(database, Array(text.utf8)).contains("nesting deeper"))
        }
        #expect(tooDeep.first == false && tooDeep.last == true)
    }

    /// More shapes than a connection keeps (128): the oldest are dropped and compiled again when
    /// they come back, and every read still answers its own rows.
    @Test(arguments: DriverHarness.clients)
    func moreShapesThanAConnectionKeeps(client: String) throws {
        let fresh = try DriverHarness.open(client, pool: 1)
        let database = fresh.database
        try DriverFixture.seed(database)
        for round in 0..<2 {
            for limit in 1...200 {
                let key = (limit + round) % 5 + 1
                let plan = Self.articles(.compare(.gte, Self.id("id"), .value(.int(key), type: .integer)), limit: limit)
                #expect(Self.ids(Self.agreed(database, plan)) == Array((key...5).prefix(limit)))
            }
        }
    }

    /// Inside a transaction a read of a cached shape runs on the transaction's connection and sees its writes.
    @Test(arguments: DriverHarness.clients)
    func cachedReadsInATransactionSeeItsWrites(client: String) throws {
        let fresh = try DriverHarness.open(client, pool: 1)
        let database = fresh.database
        try DriverFixture.seed(database)
        let byTitle = { (title: String) in Self.articles(.compare(.eq, Self.id("title"), .value(.string(title), type: .string))) }
        #expect(Self.ids(Self.agreed(database, byTitle("Hello World"))) == [1])
        try database.transaction { transaction in
            let keys = try database.insert(Insert(table: "articles", columns: ["title"], rows: [[.value("new one", type: .string)]], returning: "id"), in: transaction)
            #expect(Self.ids(Self.agreed(database, byTitle("new one"), in: transaction)) == [keys.first?.intValue ?? -1])
            try transaction.rollback()
        }
        #expect(Self.ids(Self.agreed(database, byTitle("new one"))) == [])
    }
}
