import CSQLite
import SQLCompiler
import SQLPlan

/// Writes the top-level rows of a read as JSON objects from their columns, byte for byte what
/// SQLite's `json_object` writes for the same values (SQLite's `jsonAppendValue`).
///
/// Reads select one column per field (`Compiler.selectColumns`) instead of one `json_object`
/// per row, for the reasons `RowWriter` gives. Nested relations are still built by SQLite
/// inside the values.
///
/// json_object embeds a value that another JSON function produced (SQLite marks it with a
/// subtype) instead of quoting it. A column loses that mark on its way through a sorter, so
/// which columns hold JSON is decided from the plan (`Kind`); a select with an output whose
/// kind cannot be told that way keeps the json_object statement.
struct SQLiteRows {
    /// What a column holds.
    enum Kind {
        /// JSON text from a JSON function, or NULL: embedded as it is.
        case json
        /// A plain SQL value: written as json_object writes a value without the JSON mark.
        case plain
    }

    private let writer: RowWriter
    private let kinds: [Kind]

    /// The kinds of `fields`' columns, or nil when one cannot be told from the plan.
    static func kinds(of fields: [(key: String, value: Output)]) -> [Kind]? {
        var kinds: [Kind] = []
        kinds.reserveCapacity(fields.count)
        for (_, output) in fields {
            guard let kind = kind(of: output) else { return nil }
            kinds.append(kind)
        }
        return kinds
    }

    private static func kind(of output: Output) -> Kind? {
        switch output {
        case .one, .many, .values, .object, .anyOf: return .json
        case .expr(let expr, let type):
            switch type {
            // SQLiteDialect.output wraps these in json().
            case .boolean?, .json?, .csv?: return .json
            // Wrapped in CASE / coalesce, which pass a JSON mark through: only plain inside.
            case .timestamp?, .dateTime?, .date?, .float?: return isPlain(expr) ? .plain : nil
            default:
                if case .function(.json, _) = expr { return .json }
                return isPlain(expr) ? .plain : nil
            }
        }
    }

    /// Whether an expression never carries SQLite's JSON mark.
    private static func isPlain(_ expr: Expr) -> Bool {
        switch expr {
        case .column, .value, .list, .compare, .isNull, .and, .or, .not, .exists, .bool, .cast: return true
        case .subquery(_, let count): return count
        case .aggregate(.count, _, _): return true
        case .aggregate(_, let argument, _): return argument.map(isPlain) ?? true
        case .function(.json, _): return false
        case .function(_, let arguments): return arguments.allSatisfy(isPlain)
        case .caseWhen(let branches, let otherwise): return branches.allSatisfy { isPlain($0.1) } && (otherwise.map(isPlain) ?? true)
        }
    }

    init(keys: [String], kinds: [Kind]) {
        self.kinds = kinds
        writer = RowWriter(keys: keys)
    }

    /// Appends the current row of `statement` as a JSON object.
    func appendRow(_ statement: OpaquePointer, to out: ByteWriter) throws {
        try writer.appendRow(to: out) { column in
            try Self.appendValue(statement, Int32(column), kinds[column], to: out)
        }
    }

    /// One column as json_object renders a value: SQL NULL → `null`, integers and reals as SQLite
    /// prints them, JSON as it is, other text as a JSON string; a BLOB is the error json_object raises.
    static func appendValue(_ statement: OpaquePointer, _ column: Int32, _ kind: Kind, to out: ByteWriter) throws {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            RowWriter.appendNull(to: out)
        case SQLITE_INTEGER:
            // "%lld", as json_object writes it, without SQLite turning the value into text first.
            out.appendInteger(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            // SQLite's own rendering ("%!.15g"), which json_object uses too.
            let text = sqlite3_column_text(statement, column)
            out.append(text!, count: Int(sqlite3_column_bytes(statement, column)))
        case SQLITE_TEXT:
            let text = sqlite3_column_text(statement, column)
            let length = Int(sqlite3_column_bytes(statement, column))
            if kind == .json {
                if let text { out.append(text, count: length) }
            } else {
                RowWriter.appendString(text, length, to: out)
            }
        default:
            throw DriverError("syntax", "JSON cannot hold BLOB values")
        }
    }
}
