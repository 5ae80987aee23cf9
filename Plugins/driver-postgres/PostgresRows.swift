import CLibPQ
import SQLCompiler
import SQLPlan

/// Writes the top-level rows of a read as JSON objects from their columns: the bytes
/// `json_build_object` writes for the same values, without the spaces PostgreSQL puts between
/// tokens (as `PostgresConnection.appendCompact` removes them from the database's own JSON).
///
/// Building the JSON in the server cost more of PostgreSQL's CPU than the query itself
/// (`json_build_object` and `escape_json`), and the server shares the machine. How each value is
/// written follows from the result's column types (json.c's `datum_to_json`) and, for dates, from
/// the field types of the plan; a result with a column of another type (untyped dates, arrays,
/// records, extension types, which json_build_object converts in ways of its own) or a date
/// outside the usual shapes is read again through the JSON statement.
struct PostgresRows {
    /// How a column's text is written.
    enum Kind {
        /// Integers: as they are.
        case integer
        /// float4, float8, numeric: as they are, but NaN and ±Infinity as strings.
        case number
        /// `t` / `f` → true / false.
        case boolean
        /// json, jsonb: embedded, without whitespace between tokens.
        case json
        /// Any other type json_build_object writes as its text in a JSON string.
        case string
        /// A field typed timestamp, dateTime or date, selected as PostgreSQL's text of the value
        /// (`PostgresDialect.columnOutput`): written as `PostgresDialect.output`'s to_char would.
        case timestamp, dateTime, date
    }

    private let writer: RowWriter
    private let kinds: [Kind]

    /// The kinds of the result's columns for the select's `fields`, or nil when one has a type
    /// written some other way.
    static func kinds(of result: OpaquePointer, fields: [(key: String, value: Output)]) -> [Kind]? {
        let count = PQnfields(result)
        guard Int(count) == fields.count else { return nil }
        var kinds: [Kind] = []
        kinds.reserveCapacity(Int(count))
        for column in 0..<count {
            let type = PQftype(result, column)
            let kind: Kind?
            switch fields[Int(column)].value {
            case .expr(_, .timestamp?): kind = type == 1114 ? .timestamp : nil
            case .expr(_, .dateTime?): kind = type == 1114 ? .dateTime : nil
            case .expr(_, .date?): kind = type == 1082 ? .date : nil
            default: kind = Self.kind(type)
            }
            guard let kind else { return nil }
            kinds.append(kind)
        }
        return kinds
    }

    /// The kind for a type OID (pg_type.dat); nil for a type json_build_object does not write as
    /// plain text: date and timestamps (ISO 8601 with a `T`), arrays, records, domains and types
    /// with a cast to json.
    static func kind(_ type: Oid) -> Kind? {
        switch type {
        case 20, 21, 23: return .integer // int8, int2, int4
        case 700, 701, 1700: return .number // float4, float8, numeric
        case 16: return .boolean
        case 114, 3802: return .json
        // text, varchar, bpchar, name, "char", uuid, time, timetz, interval, bytea, inet, cidr, macaddr
        case 25, 1043, 1042, 19, 18, 2950, 1083, 1266, 1186, 17, 869, 650, 829: return .string
        default: return nil
        }
    }

    init(keys: [String], kinds: [Kind]) {
        writer = RowWriter(keys: keys)
        self.kinds = kinds
    }

    /// Appends every row of `result` as a JSON array of objects; false, with `out` as it was,
    /// when a value has a form only the database's own formatting gets right (see `appendDate`).
    func appendRows(_ result: OpaquePointer, to out: ByteWriter) -> Bool {
        let start = out.count
        out.append(UInt8(ascii: "["))
        for row in 0..<PQntuples(result) {
            if row > 0 { out.append(UInt8(ascii: ",")) }
            var written = true
            writer.appendRow(to: out) { column in
                if !Self.appendValue(result, row, Int32(column), kinds[column], to: out) { written = false }
            }
            if !written {
                out.truncate(to: start)
                return false
            }
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    static func appendValue(_ result: OpaquePointer, _ row: Int32, _ column: Int32, _ kind: Kind, to out: ByteWriter) -> Bool {
        guard PQgetisnull(result, row, column) == 0, let raw = PQgetvalue(result, row, column) else {
            RowWriter.appendNull(to: out)
            return true
        }
        let length = Int(PQgetlength(result, row, column))
        return raw.withMemoryRebound(to: UInt8.self, capacity: length) { text in
            switch kind {
            case .integer:
                out.append(text, count: length)
            case .number:
                // NaN, Infinity and -Infinity are not JSON numbers; json_build_object quotes them.
                let first = text[0] == UInt8(ascii: "-") && length > 1 ? text[1] : text[0]
                if first == UInt8(ascii: "N") || first == UInt8(ascii: "I") {
                    RowWriter.appendString(text, length, to: out)
                } else {
                    out.append(text, count: length)
                }
            case .boolean:
                let literal = text[0] == UInt8(ascii: "t") ? "true" : "false"
                for byte in literal.utf8 { out.append(byte) }
            case .json:
                PostgresConnection.appendCompact(UnsafeBufferPointer(start: text, count: length), to: out)
            case .string:
                RowWriter.appendString(text, length, to: out)
            case .timestamp, .dateTime, .date:
                return appendDate(UnsafeBufferPointer(start: text, count: length), kind, to: out)
            }
            return true
        }
    }

    /// A date or timestamp in PostgreSQL's ISO text (`2024-05-06`, `2024-05-06 07:08:09[.123456]`)
    /// as to_char writes it in `PostgresDialect.output`: `2024-05-06`, `2024-05-06T07:08:09`,
    /// `2024-05-06T07:08:09.123Z` (milliseconds cut, not rounded, as to_char's MS). Infinite
    /// values are null, as to_char answers. False for any other shape (BC dates, another DateStyle).
    static func appendDate(_ text: UnsafeBufferPointer<UInt8>, _ kind: Kind, to out: ByteWriter) -> Bool {
        guard let first = text.first else { return false }
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "-"), text.elementsEqual("infinity".utf8) || text.elementsEqual("-infinity".utf8) {
            RowWriter.appendNull(to: out)
            return true
        }
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= text.count && text[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        // The year has four digits or more.
        guard let dash = text.firstIndex(of: UInt8(ascii: "-")), dash >= 4, digits(0..<dash) else { return false }
        let dateEnd = dash + 6
        guard dateEnd <= text.count, text[dash + 3] == UInt8(ascii: "-"), digits(dash + 1..<dash + 3), digits(dash + 4..<dateEnd) else { return false }
        let base = text.baseAddress!
        if kind == .date {
            // to_char turns a date into a timestamp first, which fails past the year 294276: such a
            // date goes the same way through the JSON statement.
            guard dateEnd == text.count, dash <= 6, let year = Int(String(decoding: text[0..<dash], as: UTF8.self)), year <= 294_276 else { return false }
            out.append(0x22)
            out.append(base, count: dateEnd)
            out.append(0x22)
            return true
        }
        // " HH:MM:SS" and an optional fraction of one to six digits.
        let timeEnd = dateEnd + 9
        guard timeEnd <= text.count, text[dateEnd] == 0x20, text[dateEnd + 3] == UInt8(ascii: ":"), text[dateEnd + 6] == UInt8(ascii: ":"),
              digits(dateEnd + 1..<dateEnd + 3), digits(dateEnd + 4..<dateEnd + 6), digits(dateEnd + 7..<timeEnd) else { return false }
        var fraction = timeEnd..<timeEnd
        if timeEnd < text.count {
            guard text[timeEnd] == UInt8(ascii: "."), text.count - timeEnd - 1 <= 6, digits(timeEnd + 1..<text.count) else { return false }
            fraction = timeEnd + 1..<text.count
        }
        out.reserve(timeEnd + 8)
        out.append(0x22)
        out.append(base, count: dateEnd)
        out.append(UInt8(ascii: "T"))
        out.append(base + dateEnd + 1, count: 8)
        if kind == .timestamp {
            out.append(UInt8(ascii: "."))
            for offset in 0..<3 {
                out.append(fraction.lowerBound + offset < fraction.upperBound ? text[fraction.lowerBound + offset] : UInt8(ascii: "0"))
            }
            out.append(UInt8(ascii: "Z"))
        }
        out.append(0x22)
        return true
    }
}
