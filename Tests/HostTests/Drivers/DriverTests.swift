import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// Reads and writes through both SQL driver plugins, via the host's `Database`:
/// the same plans must give the same JSON on SQLite and PostgreSQL.
@Suite struct DriverTests {
    typealias F = DriverFixture

    @Test(arguments: DriverHarness.clients)
    func createsTablesAndReturnsTheKeysOfInsertedRows(client: String) throws {
        let fresh = try DriverHarness.open(client)
        let keys = try F.seed(fresh.database)
        #expect(keys["articles"] == [1, 2, 3, 4, 5])
        #expect(keys["authors"] == [.string(F.ada), .string(F.brian)])
        #expect(keys["labels"] == ["news", "tech"])
        #expect(try fresh.database.tableNames().isSuperset(of: ["articles", "authors", "labels", "links"]))
        let none = try fresh.database.insert(Insert(table: "labels", columns: ["code"], rows: [[.value("misc", type: .string)]]))
        #expect(none.isEmpty)
    }

    @Test(arguments: DriverHarness.clients)
    func typedOutputsComeBackAsTheAPIShowsThem(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let rows = try fresh.database.rowsOf(F.articles, ["id", "published", "meta", "tags", "price", "created", "happened", "day"])
        // Directus returns PostgreSQL numerics as strings; SQLite stores decimals as floats.
        let price: JSON = client == "pg" ? "12.50" : .number("12.5")
        #expect(rows[0] == ["id": 1, "published": true, "meta": ["a": ["b": [10, 20]]], "tags": ["x", "y"], "price": price,
                            "created": "2024-01-02T03:04:05.678Z", "happened": "2024-01-02T03:04:05", "day": "2024-01-02"])
        #expect(rows[1]["tags"] == [])
        #expect(rows[1]["published"] == false)
        #expect(rows[1]["created"] == "2023-06-30T23:59:59.000Z")
        #expect(rows[2] == ["id": 3, "published": true, "meta": nil, "tags": nil, "price": nil, "created": nil, "happened": nil, "day": nil])
    }

    @Test(arguments: DriverHarness.clients)
    func nestedOutputsBuildTheRelationalTree(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let byAuthor: [(outer: Expr, inner: String)] = [(F.column("t", "id"), "author")]
        let authors = try fresh.database.rows(Select(table: "authors", alias: "t", fields: [
            ("name", .expr(F.column("t", "name"), type: .string)),
            ("articles", .many(Select(table: "articles", alias: "a", fields: [("title", .expr(F.column("a", "title"), type: nil))],
                                      order: [Order(F.column("a", "id"), descending: true)], on: byAuthor))),
            ("ids", .values(Select(table: "articles", alias: "v", fields: [("id", .expr(F.column("v", "id"), type: nil))], order: [Order(F.column("v", "id"))], on: byAuthor))),
            ("count", .expr(.subquery(Select(table: "articles", alias: "c", on: byAuthor), count: true), type: nil)),
            ("info", .object([("upper", .expr(.function(.upper, [F.column("t", "name")]), type: nil))])),
        ], order: [Order(F.column("t", "name"))]))
        #expect(authors == [
            ["name": "Ada", "articles": [["title": "hello there"], ["title": "Hello World"]], "ids": [1, 2], "count": 2, "info": ["upper": "ADA"]],
            ["name": "Brian", "articles": [["title": "back\\slash"], ["title": "100% pure"]], "ids": [3, 5], "count": 2, "info": ["upper": "BRIAN"]],
        ])

        let articles = try fresh.database.rows(Select(table: "articles", alias: "t", fields: [
            ("id", .expr(F.column("t", "id"), type: nil)),
            ("author", .one(Select(table: "authors", alias: "au", fields: [("name", .expr(F.column("au", "name"), type: nil))], on: [(F.column("t", "author"), "id")]))),
            ("labels", .values(Select(table: "labels", alias: "l", fields: [("code", .expr(F.column("l", "code"), type: nil))], on: [(F.column("t", "id"), "article")]))),
        ], filter: .compare(.in, F.column("t", "id"), .list([1, 4], type: .integer)), order: [Order(F.column("t", "id"))]))
        #expect(articles == [["id": 1, "author": ["name": "Ada"], "labels": ["news"]], ["id": 4, "author": nil, "labels": []]])

        let item = F.column("k", "item")
        let links = try fresh.database.rows(Select(table: "links", alias: "k", fields: [
            ("item", .anyOf(discriminator: F.column("k", "collection"), key: item, targets: [
                ("authors", Select(table: "authors", alias: "x", fields: [("name", .expr(F.column("x", "name"), type: nil))], on: [(.cast(item, .uuid), "id")])),
                ("articles", Select(table: "articles", alias: "y", fields: [("title", .expr(F.column("y", "title"), type: nil))], on: [(.cast(item, .integer), "id")])),
            ])),
        ], order: [Order(F.column("k", "id"))]))
        #expect(links == [["item": ["name": "Ada"]], ["item": ["title": "Hello World"]], ["item": "z"]])
    }

    static let filters: [(String, Expr, [Int])] = {
        let c = { (name: String) in DriverFixture.column("t", name, DriverFixture.articles.type(of: name)) }
        func value(_ json: JSON, _ column: String) -> Expr { .value(json, type: DriverFixture.articles.type(of: column)) }
        let title = c("title")
        return [
            ("eq", .compare(.eq, title, value("Hello World", "title")), [1]),
            ("neq", .compare(.neq, c("published"), value(true, "published")), [2, 4, 5]),
            ("lt", .compare(.lt, c("price"), value(5, "price")), [2]),
            ("lte", .compare(.lte, c("price"), value(.number("12.5"), "price")), [1, 2]),
            ("gt", .compare(.gt, c("id"), value(3, "id")), [4, 5]),
            ("gte", .compare(.gte, c("id"), value(3, "id")), [3, 4, 5]),
            ("in", .compare(.in, c("id"), .list([1, 3], type: .integer)), [1, 3]),
            ("nin", .compare(.nin, c("id"), .list([1, 3], type: .integer)), [2, 4, 5]),
            ("in empty", .compare(.in, c("id"), .list([], type: .integer)), []),
            ("nin empty", .compare(.nin, c("id"), .list([], type: .integer)), [1, 2, 3, 4, 5]),
            ("between", .compare(.between, c("id"), .list([2, 4], type: .integer)), [2, 3, 4]),
            ("nbetween", .compare(.nbetween, c("id"), .list([2, 4], type: .integer)), [1, 5]),
            ("between dates", .compare(.between, c("created"), .list(["2024-01-01T00:00:00Z", "2024-12-31T00:00:00Z"], type: .timestamp)), [1]),
            ("contains %", .compare(.contains, title, value("%", "title")), [3]),
            ("contains _", .compare(.contains, title, value("_", "title")), [4]),
            ("contains \\", .compare(.contains, title, value("\\", "title")), [5]),
            ("contains is case-sensitive", .compare(.contains, title, value("Hello", "title")), [1]),
            ("icontains", .compare(.icontains, title, value("HELLO", "title")), [1, 2]),
            ("icontains %", .compare(.icontains, title, value("0% P", "title")), [3]),
            ("icontains _", .compare(.icontains, title, value("_", "title")), [4]),
            ("icontains \\", .compare(.icontains, title, value("K\\S", "title")), [5]),
            ("starts_with", .compare(.startsWith, title, value("hello", "title")), [2]),
            ("istarts_with", .compare(.istartsWith, title, value("HELLO", "title")), [1, 2]),
            ("istarts_with %", .compare(.istartsWith, title, value("100%", "title")), [3]),
            ("ends_with", .compare(.endsWith, title, value("e", "title")), [2, 3, 4]),
            ("iends_with", .compare(.iendsWith, title, value("WORLD", "title")), [1]),
            ("iends_with _", .compare(.iendsWith, title, value("E_CASE", "title")), [4]),
            ("starts_with a column", .compare(.startsWith, title, .function(.lower, [title])), [2, 3, 4, 5]),
            ("iends_with a column", .and([.compare(.iendsWith, title, .function(.upper, [title])), .compare(.lt, c("id"), value(5, "id"))]), [1, 2, 3, 4]),
            ("contains a column", .compare(.contains, title, title), [1, 2, 3, 4, 5]),
            ("is null", .isNull(c("author"), negated: false), [4]),
            ("is not null", .isNull(c("price"), negated: true), [1, 2]),
            ("eq null", .compare(.eq, c("author"), value(nil, "author")), [4]),
            ("eq uuid", .compare(.eq, c("author"), value(.string(DriverFixture.brian), "author")), [3, 5]),
            ("and", .and([.compare(.eq, c("published"), value(true, "published")), .compare(.gt, c("id"), value(1, "id"))]), [3]),
            ("or", .or([.compare(.eq, c("id"), value(1, "id")), .compare(.eq, c("id"), value(5, "id"))]), [1, 5]),
            ("not", .not(.compare(.eq, c("published"), value(true, "published"))), [2, 4, 5]),
            ("empty and", .and([]), [1, 2, 3, 4, 5]),
            ("empty or", .or([]), []),
            ("exists", .exists(Select(table: "authors", alias: "au", filter: .and([
                .compare(.eq, DriverFixture.column("au", "id"), c("author")),
                .compare(.eq, DriverFixture.column("au", "name"), .value("Brian", type: .string)),
            ]))), [3, 5]),
            ("json_value", .compare(.eq, .function(.jsonValue, [c("meta"), .value("a.b[0]", type: nil)]), .value(30, type: nil)), [2]),
            ("year", .compare(.eq, .function(.year, [c("day")]), .value(2024, type: nil)), [1]),
            ("month", .compare(.eq, .function(.month, [c("created")]), .value(6, type: nil)), [2]),
            ("length", .compare(.eq, .function(.length, [title]), .value(10, type: nil)), [4, 5]),
            ("lower", .compare(.eq, .function(.lower, [title]), .value("hello world", type: nil)), [1]),
            ("coalesce", .compare(.eq, .function(.coalesce, [c("price"), .value(0, type: .decimal)]), .value(0, type: .decimal)), [3, 4, 5]),
            ("value is not null", .isNull(.value("x", type: nil), negated: true), [1, 2, 3, 4, 5]),
        ]
    }()

    @Test(arguments: DriverHarness.clients)
    func filtersSelectTheExpectedRows(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        for (name, filter, expected) in Self.filters {
            var result: [Int] = []
            do {
                result = try F.ids(fresh.database, filter)
            } catch {
                Issue.record("\(name): \(error)")
                continue
            }
            #expect(result == expected, "\(name)")
        }
    }

    @Test(arguments: DriverHarness.clients)
    func orderLimitOffsetGroupAndAggregate(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let id = F.column("t", "id")
        let page = Select(table: "articles", alias: "t", fields: [("id", .expr(id, type: nil))], order: [Order(id, descending: true)], limit: 2, offset: 1)
        #expect(try fresh.database.rows(page) == [["id": 4], ["id": 3]])
        var rest = page
        rest.limit = nil
        rest.offset = 3
        #expect(try fresh.database.rows(rest) == [["id": 2], ["id": 1]])

        let published = F.column("t", "published", .boolean)
        let groups = try fresh.database.rows(Select(table: "articles", alias: "t", fields: [
            ("published", .expr(published, type: .boolean)),
            ("count", .expr(.aggregate(.count, nil, distinct: false), type: nil)),
            ("authors", .expr(.aggregate(.count, F.column("t", "author"), distinct: true), type: nil)),
            ("total", .expr(.aggregate(.sum, F.column("t", "price"), distinct: false), type: nil)),
            ("last", .expr(.aggregate(.max, id, distinct: false), type: nil)),
        ], order: [Order(published)], group: [published]))
        #expect(groups.count == 2)
        #expect(groups.map { $0["published"] } == [false, true])
        #expect(groups.map { $0["count"] } == [3, 2])
        #expect(groups.map { $0["authors"] } == [2, 2])
        #expect(groups.map { $0["total"]?.doubleValue } == [3, 12.5])
        #expect(groups.map { $0["last"] } == [5, 3])
    }

    @Test(arguments: DriverHarness.clients)
    func updatesAndDeletesReportTheirCounts(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let db = fresh.database
        let id = F.column("t", "id")
        #expect(try db.update(Update(table: "articles", alias: "t", set: [("published", .value(true, type: .boolean)), ("meta", .value(["n": 1], type: .json))],
                                     filter: .compare(.in, id, .list([2, 4], type: .integer)))) == 2)
        #expect(try F.ids(db, .compare(.eq, F.column("t", "published"), .value(true, type: .boolean))) == [1, 2, 3, 4])
        #expect(try db.update(Update(table: "articles", alias: "t", set: [("title", .value("x", type: .string))], filter: .compare(.eq, id, .value(99, type: .integer)))) == 0)
        #expect(try db.delete(Delete(table: "articles", alias: "t", filter: .compare(.gt, id, .value(4, type: .integer)))) == 1)
        // ON DELETE CASCADE removes the label of article 3.
        #expect(try db.delete(Delete(table: "articles", alias: "t", filter: .compare(.eq, id, .value(3, type: .integer)))) == 1)
        #expect(try db.rowsOf(DriverFixture.labels).map { $0["code"] } == ["news"])
        let stats = try JSON.parse(db.execute(.stats))
        #expect((stats["statements"]?.intValue ?? 0) > 0)
    }

    @Test(arguments: DriverHarness.clients)
    func constraintViolationsReportTheirKind(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let db = fresh.database
        let unique = #expect(throws: DatabaseError.self) { try F.insert(db, F.articles, ["title"], [["Hello World"]]) }
        #expect(unique?.kind == "unique")
        #expect(unique?.table == "articles")
        #expect(unique?.column == "title")
        let notNull = #expect(throws: DatabaseError.self) { try F.insert(db, F.articles, ["title"], [[nil]]) }
        #expect(notNull?.kind == "not_null")
        #expect(notNull?.column == "title")
        let foreign = #expect(throws: DatabaseError.self) { try F.insert(db, F.articles, ["title", "author"], [["orphan", "33333333-3333-4333-8333-333333333333"]]) }
        #expect(foreign?.kind == "foreign_key")
        if client == "pg" {
            let long = #expect(throws: DatabaseError.self) { try F.insert(db, F.articles, ["title"], [[.string(String(repeating: "x", count: 101))]]) }
            #expect(long?.kind == "too_long")
            let text = #expect(throws: DatabaseError.self) { try F.ids(db, .compare(.eq, F.column("t", "author"), .value("not-a-uuid", type: .uuid))) }
            #expect(text?.kind == "invalid_text")
        }
    }

    @Test(arguments: DriverHarness.clients)
    func aFailingBatchLeavesNothingBehind(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let insert = { (title: String) in Plan.insert(Insert(table: "articles", columns: ["title"], rows: [[.value(.string(title), type: .string)]], returning: "id")) }
        #expect(throws: DatabaseError.self) {
            try fresh.database.execute(.batch([insert("first"), .update(Update(table: "labels", alias: "t", set: [("article", .value(2, type: .integer))], filter: nil)), insert("Hello World")]))
        }
        #expect(try F.ids(fresh.database, nil) == [1, 2, 3, 4, 5])
        #expect(try fresh.database.rowsOf(F.labels).map { $0["article"] } == [1, 3])
        #expect(throws: DatabaseError.self) { try F.insert(fresh.database, F.articles, ["title"], [["one"], ["Hello World"]]) }
        #expect(try F.ids(fresh.database, nil) == [1, 2, 3, 4, 5])
        let result = try JSON.parse(fresh.database.execute(.batch([insert("a"), insert("b")])))
        #expect(result["results"]?.arrayValue?.compactMap { $0["keys"]?[0]?.intValue }.count == 2)
    }

    @Test(arguments: DriverHarness.clients)
    func transactionsCommitRollBackAndSurviveAFailedWrite(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let db = fresh.database
        let titled = { (title: String) -> Expr in .compare(.eq, F.column("t", "title"), .value(.string(title), type: .string)) }
        try db.transaction { tx in
            try F.insert(db, F.articles, ["title"], [["committed"]], in: tx)
            #expect(try F.ids(db, titled("committed"), in: tx) == [6])
        }
        #expect(try F.ids(db, titled("committed")) == [6])

        let tx = try db.begin()
        try F.insert(db, F.articles, ["title"], [["rolled back"]], in: tx)
        try tx.rollback()
        #expect(try F.ids(db, titled("rolled back")).isEmpty)

        try db.transaction { tx in
            try F.insert(db, F.articles, ["title"], [["before"]], in: tx)
            #expect(throws: DatabaseError.self) { try F.insert(db, F.articles, ["title"], [["Hello World"]], in: tx) }
            // On PostgreSQL, preparing this fails once (the value has no type) without spoiling the transaction.
            let constant = Select(table: "articles", alias: "t", fields: [("v", .expr(.value(7, type: nil), type: nil))], filter: titled("before"))
            #expect(try db.rows(constant, in: tx) == [["v": 7]])
            try F.insert(db, F.articles, ["title"], [["after"]], in: tx)
        }
        #expect(try F.ids(db, .compare(.in, F.column("t", "title"), .list(["before", "after"], type: .string))).count == 2)
    }

    @Test(arguments: DriverHarness.clients)
    func valuesWithoutAColumnNearbyStillBind(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let rows = try fresh.database.rows(Select(table: "articles", alias: "t", fields: [
            ("n", .expr(.value(5, type: .integer), type: .integer)),
            ("s", .expr(.value("x", type: nil), type: nil)),
            ("b", .expr(.value(true, type: .boolean), type: .boolean)),
            ("null", .expr(.isNull(.value(nil, type: nil), negated: false), type: .boolean)),
            ("first", .expr(.function(.json, [F.column("t", "meta"), .value("a.b[0]", type: nil)]), type: nil)),
            ("path", .expr(.function(.json, [F.column("t", "meta"), .value("a", type: nil)]), type: .json)),
            ("length", .expr(.function(.jsonLength, [.function(.json, [F.column("t", "meta"), .value("a.b", type: nil)])]), type: nil)),
        ], filter: .compare(.eq, F.column("t", "id"), .value(1, type: .integer))))
        #expect(rows == [["n": 5, "s": "x", "b": true, "null": true, "first": 10, "path": ["b": [10, 20]], "length": 2]])
    }

    @Test(arguments: DriverHarness.clients)
    func wideObjectsKeepEveryKeyInOrder(client: String) throws {
        let fresh = try DriverHarness.open(client)
        try F.seed(fresh.database)
        let keys = (0..<130).map { "k\($0)" }
        let rows = try fresh.database.rows(Select(table: "articles", alias: "t", fields: keys.map { ($0, .expr(F.column("t", "id"), type: nil)) },
                                                  filter: .compare(.eq, F.column("t", "id"), .value(2, type: .integer))))
        #expect(rows.first?.objectValue?.keys == keys)
        #expect(rows.first?["k129"] == 2)
    }
}

extension DriverFixture {
    static func insert(_ database: Database, _ table: TableSpec, _ columns: [String], _ rows: [[JSON]], in transaction: Transaction) throws {
        try database.insert(Insert(table: table.name, columns: columns, rows: rows.map { row in zip(columns, row).map { .value($1, type: table.type(of: $0)) } }),
                            in: transaction)
    }

    static func ids(_ database: Database, _ filter: Expr?, in transaction: Transaction) throws -> [Int] {
        let select = Select(table: "articles", alias: "t", fields: [("id", .expr(column("t", "id"), type: nil))], filter: filter, order: [Order(column("t", "id"))])
        return try database.rows(select, in: transaction).compactMap { $0["id"]?.intValue }
    }
}
