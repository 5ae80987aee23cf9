import Foundation
import PlinthJSON
import SQLPlan

/// What differs between databases when a plan becomes SQL.
///
/// The compiler (`Compiler`) handles structure; a dialect renders the
/// pieces that are vendor-specific: quoting, placeholders, JSON building,
/// type conversions on the way in and out, functions and DDL types.
public protocol Dialect: Sendable {
    /// The placeholder for the n-th parameter (1-based): "?" or "$n".
    func placeholder(_ index: Int) -> String

    /// A JSON object from (key, SQL expression producing a JSON-compatible value) pairs.
    func jsonObject(_ pairs: [(key: String, sql: String)]) -> String
    /// Wraps a scalar subquery's JSON result so it embeds as JSON (not as a string) in `jsonObject`.
    func embedJSON(_ sql: String) -> String
    /// A subquery yielding a JSON array of `rowJSON` over the rows of `from` (which includes WHERE/ORDER/LIMIT);
    /// `rowIsJSON` tells whether each row value is a JSON object rather than a scalar.
    func jsonArray(rowJSON: String, from: String, rowIsJSON: Bool) -> String
    /// A many-to-any value: the branch JSON for the collection named by `discriminator`, else the raw key.
    func anyOf(discriminator: String, key: String, branches: [(collection: String, json: String)]) -> String
    /// What goes after LIMIT when only an OFFSET is wanted.
    var noLimit: String { get }
    /// `CAST(sql AS <type>)` for comparisons across types.
    func cast(_ sql: String, to type: FieldType) -> String
    /// The SQL rendering a stored value of `type` as the API returns it (booleans, JSON, dates as ISO strings).
    func output(_ sql: String, type: FieldType?) -> String
    /// Converts a plan value for binding into a column of `type`.
    func bind(_ value: JSON, type: FieldType?) throws -> Bound
    /// The column a driver formats itself for a top-level value of `type` (`Compiler.selectColumns`),
    /// or nil for `output(_:type:)`'s rendering.
    func columnOutput(_ sql: String, type: FieldType?) -> String?
    /// A bound value standing alone as a column of a read (`Compiler.selectColumns`), given the
    /// type it has as a value of the row's JSON object.
    func valueColumn(_ placeholder: String, _ value: Bound) -> String
    /// Literal true/false.
    func boolean(_ value: Bool) -> String

    /// `left <op> right` for substring tests; `pattern` is the bound LIKE pattern when the right side is a value.
    func stringTest(_ op: CompareOp, left: String, right: String, rightIsPattern: Bool) -> String
    /// A LIKE pattern for `op` matching `text` literally.
    func likePattern(_ op: CompareOp, _ text: String) -> String
    /// A scalar function call.
    func function(_ function: Function, _ args: [String], jsonPath: String?) throws -> String

    /// Column type for DDL.
    func columnType(_ column: ColumnSpec) throws -> String
    /// Full column definition for CREATE TABLE / ADD COLUMN.
    func columnDefinition(_ column: ColumnSpec, inCreateTable: Bool) throws -> String
    /// DDL statements for one schema change (SQLite rebuilds tables, so it needs the connection).
    func schemaStatements(_ change: SchemaChange, introspect: (String) throws -> JSON) throws -> [String]
}

extension Dialect {
    public func valueColumn(_ placeholder: String, _ value: Bound) -> String { placeholder }
    public func columnOutput(_ sql: String, type: FieldType?) -> String? { nil }

    /// Quotes an identifier, doubling embedded quotes.
    public func quote(_ identifier: String) -> String {
        // Hot path (every column of every statement): skip Foundation when there is nothing to escape.
        guard identifier.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + identifier + "\"" }
        return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal for DDL defaults, doubling embedded single quotes.
    public func literal(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "'")) else { return "'" + text + "'" }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The knex-style name of a constraint: `<table>_<column>_<kind>` in lower case.
    public func constraintName(_ table: String, _ columns: [String], _ kind: String) -> String {
        ([table] + columns + [kind]).joined(separator: "_").replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_").lowercased()
    }

    /// A DEFAULT clause value: CURRENT_TIMESTAMP, a validated number, a boolean or a quoted string.
    public func defaultSQL(_ value: DefaultValue, type: FieldType) -> String {
        switch value {
        case .now: return "CURRENT_TIMESTAMP"
        case .value(let json):
            switch json {
            case .null: return "NULL"
            case .bool(let flag): return type == .boolean ? boolean(flag) : literal(flag ? "1" : "0")
            case .number(let text): return text
            case .string(let text): return literal(text)
            case .array, .object: return literal(json.encodedString())
            }
        }
    }
}
