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

/// Drivers decode plans with `Plan(bytes:)`: members in another order and
/// members they do not know change nothing, as in any JSON object; a plan of the wrong shape is
/// a PlanError naming the problem.
@Suite struct PlanDecodingTests {
    /// Every object with its members after the first in reverse order (the first names an
    /// expression's or an output's kind), and one member no plan has; values (`v`, `l`) stay as they are.
    static func shuffled(_ json: JSON) -> JSON {
        switch json {
        case .object(let object):
            var pairs = Array(zip(object.keys, object.values)).map { ($0.0, $0.0 == "v" || $0.0 == "l" ? $0.1 : shuffled($0.1)) }
            if pairs.count > 2 { pairs = [pairs[0]] + pairs.dropFirst().reversed() }
            pairs.append(("zz_unknown", ["ignored": [1, nil]]))
            return .object(JSONObject(pairs))
        case .array(let items): return .array(items.map(shuffled))
        default: return json
        }
    }

    @Test func memberOrderAndUnknownMembersChangeNothing() throws {
        for (index, plan) in PlanEncodingTests.plans.enumerated() {
            let bytes = Self.shuffled(plan.json).encoded()
            #expect(bytes != plan.encoded(), "plan \(index) was shuffled")
            #expect(try Plan(bytes: bytes).json == plan.json, "plan \(index): \(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test(arguments: [
        ("[]", "plan must be an object"),
        ("{\"v\":99,\"op\":\"stats\"}", "plan version 99 is not supported (expected 1)"),
        ("{\"op\":\"stats\"}", "plan version missing is not supported (expected 1)"),
        ("{\"v\":1,\"op\":\"drop everything\"}", "unknown plan op \"drop everything\""),
        ("{\"v\":1,\"op\":\"select\"}", "missing \"select\""),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"alias\":\"t\"}}", "\"table\" must be a string"),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"table\":\"a\",\"alias\":\"t\",\"fields\":[[\"k\",{\"expr\":{\"zz\":1}}]]}}", "unknown expression \"zz\""),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"table\":\"a\",\"alias\":\"t\",\"fields\":[[\"k\"]]}}", "fields are [key, output]"),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"table\":\"a\",\"alias\":\"t\",\"fields\":[],\"where\":{\"op\":\"like it\",\"a\":{\"bool\":true},\"b\":{\"bool\":true}}}}", "unknown operator \"like it\""),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"table\":\"a\",\"alias\":\"t\",\"fields\":[],\"limit\":\"ten\"}}", "\"limit\" must be an integer"),
        ("{\"v\":1,\"op\":\"select\",\"select\":{\"table\":\"a\",\"alias\":\"t\",\"fields\":[]}", "plan is not valid JSON: Invalid JSON at offset 67: unexpected end of input"),
    ])
    func wrongShapesAreNamed(text: String, message: String) throws {
        let error = #expect(throws: PlanError.self) { try Plan(bytes: Array(text.utf8)) }
        #expect(error?.message == message)
    }

    @Test func truncatedPlansAreNotValidJSON() throws {
        let full = PlanEncodingTests.plans[0].encoded()
        for length in stride(from: 0, to: full.count, by: 97) {
            let error = #expect(throws: PlanError.self) { try Plan(bytes: Array(full.prefix(length))) }
            #expect(error?.message.hasPrefix("plan is not valid JSON") == true || error?.message == "plan must be an object", "cut at \(length): \(error?.message ?? "")")
        }
    }
}
