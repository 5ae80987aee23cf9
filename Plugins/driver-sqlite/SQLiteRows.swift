import CSQLite
import SQLCompiler
import SQLPlan

/// Writes the top-level rows of a read as JSON objects from their columns, byte for byte what
/// SQLite's `json_object` writes for the same values (SQLite's `jsonAppendValue`).
///
/// Reads select one column per field (`Compiler.selectColumns`) instead of one `json_object`
/// per row: SQLite's JSON string escaping walks every character through a general append
/// routine, which made up a third of the cost of listing rows; here text is scanned eight bytes
/// at a time and copied in runs. Nested relations are still built by SQLite inside the values.
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

    /// `{"key":` for the first column, `,"key":` for the others, one after another.
    private let prefixes: [UInt8]
    /// Where each column's prefix ends in `prefixes`.
    private let ends: [Int]

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
        let writer = ByteWriter(capacity: 16 * keys.count)
        var ends: [Int] = []
        for (index, key) in keys.enumerated() {
            writer.append(UInt8(ascii: index == 0 ? "{" : ","))
            var key = key
            key.withUTF8 { SQLiteRows.appendString($0.baseAddress, $0.count, to: writer) }
            writer.append(UInt8(ascii: ":"))
            ends.append(writer.count)
        }
        prefixes = writer.bytes
        self.ends = ends
    }

    /// Appends the current row of `statement` as a JSON object.
    func appendRow(_ statement: OpaquePointer, to out: ByteWriter) throws {
        try prefixes.withUnsafeBytes { raw in
            var start = 0
            for (column, end) in ends.enumerated() {
                out.append(raw.baseAddress! + start, count: end - start)
                start = end
                try Self.appendValue(statement, Int32(column), kinds[column], to: out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// One column as json_object renders a value: SQL NULL → `null`, integers and reals as SQLite
    /// prints them, JSON as it is, other text as a JSON string; a BLOB is the error json_object raises.
    static func appendValue(_ statement: OpaquePointer, _ column: Int32, _ kind: Kind, to out: ByteWriter) throws {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            out.reserve(4)
            for byte in "null".utf8 { out.append(byte) }
        case SQLITE_INTEGER, SQLITE_FLOAT:
            // SQLite's own rendering ("%lld", "%!.15g"), which json_object uses too.
            let text = sqlite3_column_text(statement, column)
            out.append(text!, count: Int(sqlite3_column_bytes(statement, column)))
        case SQLITE_TEXT:
            let text = sqlite3_column_text(statement, column)
            let length = Int(sqlite3_column_bytes(statement, column))
            if kind == .json {
                if let text { out.append(text, count: length) }
            } else {
                appendString(text, length, to: out)
            }
        default:
            throw DriverError("syntax", "JSON cannot hold BLOB values")
        }
    }

    /// A JSON string as SQLite's `jsonAppendString` writes it: `"` and `\` escaped, control
    /// characters as `\b \t \n \f \r` or `\u00xx` (lowercase hex), every other byte as it is.
    static func appendString(_ bytes: UnsafePointer<UInt8>?, _ count: Int, to out: ByteWriter) {
        out.append(0x22)
        guard let bytes, count > 0 else {
            out.append(0x22)
            return
        }
        var runStart = 0
        var index = 0
        while index < count {
            // Eight plain bytes at a time: none below 0x20, none a quote or a backslash.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                if needsEscape(word) { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                index += 1
                continue
            }
            out.append(bytes + runStart, count: index - runStart)
            out.append(0x5C)
            switch byte {
            case 0x22, 0x5C: out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        out.append(bytes + runStart, count: count - runStart)
        out.append(0x22)
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Whether any byte of `word` is below 0x20, a quote or a backslash (exact, per Hacker's Delight).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let slash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroSlash = (slash &- ones) & ~slash & highs
        return (below | zeroQuote | zeroSlash) != 0
    }
}
