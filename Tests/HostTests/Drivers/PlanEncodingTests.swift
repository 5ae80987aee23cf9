import PlinthJSON
import SQLPlan
import Testing

/// Plans go to the driver as `plan.encoded()`, written directly; `plan.json` is the reference
/// form the ABI documents. The two must give the same bytes for every kind of plan.
@Suite struct PlanEncodingTests {
    static func column(_ name: String, _ type: FieldType? = nil) -> Expr { .column(table: "t", name: name, type: type) }

    static let inner = Select(table: "tags", alias: "g", fields: [("name", .expr(.column(table: "g", name: "name", type: .string), type: .string))],
                              filter: .compare(.neq, .column(table: "g", name: "name", type: nil), .value("x\"y", type: .string)),
                              order: [Order(.column(table: "g", name: "id", type: nil), descending: true)], limit: 5, offset: 2,
                              on: [(outer: column("id"), inner: "article")])

    static let everyExpression: [Expr] = [
        column("id", .integer), column("title"), .value(.null, type: nil), .value(["a": [1, "b\n"], "c": true], type: .json),
        .value(.number("12.50"), type: .decimal), .list([1, 2, "three"], type: .integer), .list([], type: nil),
        .compare(.eq, column("id"), .value(1, type: .integer)), .compare(.istartsWith, column("title"), .value("Ab", type: .string)),
        .isNull(column("title"), negated: false), .isNull(column("title"), negated: true),
        .and([.bool(true), .or([.bool(false), .not(.bool(true))])]), .and([]),
        .function(.year, [column("created", .timestamp)]), .function(.json, [column("meta"), .value("a.b[0]", type: nil)]),
        .aggregate(.count, nil, distinct: false), .aggregate(.sum, column("views"), distinct: true),
        .exists(inner), .subquery(inner, count: true), .subquery(inner, count: false),
        .caseWhen([(.bool(true), .value(1, type: nil)), (.bool(false), .value(2, type: nil))], otherwise: nil),
        .caseWhen([(.bool(true), .value(1, type: nil))], otherwise: .value("else", type: .string)),
        .cast(column("views"), .string),
    ]

    static var plans: [Plan] {
        let outputs: [(String, Output)] = [
            ("id", .expr(column("id"), type: .integer)), ("plain", .expr(column("title"), type: nil)),
            ("one", .one(inner)), ("many", .many(inner)), ("values", .values(inner)),
            ("object", .object([("a", .expr(column("a"), type: .boolean)), ("nested", .object([]))])),
            ("any", .anyOf(discriminator: column("collection"), key: column("item"), targets: [(collection: "tags", select: inner), (collection: "other", select: inner)])),
            ("key with \"quotes\" and ünïcødé", .expr(.value("\u{01}", type: nil), type: .string)),
        ] + everyExpression.enumerated().map { ("e\($0.offset)", .expr($0.element, type: nil)) }
        let full = Select(table: "articles", alias: "t", fields: outputs, filter: .and(everyExpression.filter { if case .and = $0 { return true } else { return false } }),
                          order: [Order(column("id")), Order(.function(.lower, [column("title")]), descending: true)],
                          group: [column("status"), .function(.month, [column("created")])], limit: 100, offset: 0,
                          on: [(outer: column("x"), inner: "y")])
        return [
            .select(full),
            .select(Select(table: "a", alias: "b")),
            .select(inner),
            .insert(Insert(table: "articles", columns: ["id", "title"], rows: [[.value(1, type: .integer), .value("a", type: .string)], [.value(2, type: nil), .value(.null, type: nil)]], returning: "id")),
            .insert(Insert(table: "articles", columns: [], rows: [[]], returning: nil)),
            .update(Update(table: "articles", alias: "t", set: [(column: "title", value: .value("x", type: .string)), (column: "views", value: .value(3, type: nil))], filter: .compare(.gt, column("id"), .value(3, type: nil)))),
            .update(Update(table: "articles", alias: "t", set: [], filter: nil)),
            .delete(Delete(table: "articles", alias: "t", filter: .isNull(column("title"), negated: false))),
            .delete(Delete(table: "articles", alias: "t", filter: nil)),
            .schema([.dropTable("old"), .renameColumn(table: "a", from: "b", to: "c"), .createIndex(table: "a", name: "i", columns: ["b", "c"], unique: true)]),
            .batch([.stats, .delete(Delete(table: "a", alias: "t", filter: nil)), .batch([])]),
            .stats,
        ]
    }

    @Test func directEncodingMatchesTheReferenceJSON() throws {
        for (index, plan) in Self.plans.enumerated() {
            let direct = plan.encoded()
            let reference = plan.json.encoded()
            #expect(String(decoding: direct, as: UTF8.self) == String(decoding: reference, as: UTF8.self), "plan \(index)")
            // And it decodes to the same plan again.
            #expect(try Plan(bytes: direct).json == plan.json, "plan \(index) round trip")
        }
    }
}
