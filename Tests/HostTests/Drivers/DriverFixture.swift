import PlinthJSON
import SQLPlan
@testable import Host

/// The tables and rows the driver tests query: articles with an auto-increment key,
/// authors with a uuid key, labels with a string key, links for many-to-any.
enum DriverFixture {
    static let ada = "11111111-1111-4111-8111-111111111111"
    static let brian = "22222222-2222-4222-8222-222222222222"

    static let articles = TableSpec(
        name: "articles",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("title", .string, length: 100, nullable: false, unique: true),
            ColumnSpec("published", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("meta", .json),
            ColumnSpec("tags", .csv),
            ColumnSpec("price", .decimal, precision: 10, scale: 2),
            ColumnSpec("created", .timestamp, defaultValue: .now),
            ColumnSpec("happened", .dateTime),
            ColumnSpec("day", .date),
            ColumnSpec("author", .uuid),
        ],
        // A forward reference: authors is created after articles in the same plan.
        foreignKeys: [ForeignKeySpec(column: "author", table: "authors", referencedColumn: "id", onDelete: "SET NULL")]
    )

    static let authors = TableSpec(name: "authors", columns: [
        ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
        ColumnSpec("name", .string, length: 50, nullable: false),
    ])

    static let labels = TableSpec(
        name: "labels",
        columns: [ColumnSpec("code", .string, length: 20, nullable: false, primaryKey: true), ColumnSpec("article", .integer)],
        foreignKeys: [ForeignKeySpec(column: "article", table: "articles", referencedColumn: "id", onDelete: "CASCADE")]
    )

    static let links = TableSpec(name: "links", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("collection", .string, length: 64),
        ColumnSpec("item", .string),
    ])

    static let articleRows: [[JSON]] = [
        ["Hello World", true, ["a": ["b": [10, 20]]], ["x", "y"], .number("12.5"), "2024-01-02T03:04:05.678Z", "2024-01-02T03:04:05", "2024-01-02", .string(ada)],
        ["hello there", false, ["a": ["b": [30]]], [], 3, "2023-06-30T23:59:59.000Z", "2023-06-30T23:59:59", "2023-06-30", .string(ada)],
        ["100% pure", true, nil, nil, nil, nil, nil, nil, .string(brian)],
        ["snake_case", false, nil, nil, nil, nil, nil, nil, nil],
        ["back\\slash", false, nil, nil, nil, nil, nil, nil, .string(brian)],
    ]

    /// Creates the tables (in one plan, foreign keys pointing forward) and the rows; returns the inserted keys by table.
    @discardableResult
    static func seed(_ database: Database) throws -> [String: [JSON]] {
        try database.applyChanges([.createTable(articles), .createTable(authors), .createTable(labels), .createTable(links)])
        var keys: [String: [JSON]] = [:]
        keys["authors"] = try insert(database, authors, ["id", "name"], [[.string(ada), "Ada"], [.string(brian), "Brian"]])
        let columns = ["title", "published", "meta", "tags", "price", "created", "happened", "day", "author"]
        keys["articles"] = try database.insert(Insert(table: "articles", columns: columns, rows: articleRows.map { row in
            zip(columns, row).map { .value($1, type: articles.type(of: $0)) }
        }, returning: "id"))
        keys["labels"] = try insert(database, labels, ["code", "article"], [["news", 1], ["tech", 3]])
        keys["links"] = try insert(database, links, ["collection", "item"], [["authors", .string(ada)], ["articles", "1"], ["unknown", "z"]])
        return keys
    }

    @discardableResult
    static func insert(_ database: Database, _ table: TableSpec, _ columns: [String], _ rows: [[JSON]]) throws -> [JSON] {
        let key = table.columns.first(where: \.primaryKey)?.name
        return try database.insert(Insert(table: table.name, columns: columns, rows: rows.map { row in
            zip(columns, row).map { .value($1, type: table.type(of: $0)) }
        }, returning: key))
    }

    static func column(_ alias: String, _ name: String, _ type: FieldType? = nil) -> Expr {
        .column(table: alias, name: name, type: type)
    }

    /// The ids of the articles matching `filter`, in id order.
    static func ids(_ database: Database, _ filter: Expr?) throws -> [Int] {
        let select = Select(table: "articles", alias: "t", fields: [("id", .expr(column("t", "id"), type: nil))], filter: filter,
                            order: [Order(column("t", "id"))])
        return try database.rows(select).compactMap { $0["id"]?.intValue }
    }
}
