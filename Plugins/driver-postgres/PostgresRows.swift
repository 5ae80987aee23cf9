import CLibPQ
import SQLCompiler

/// Writes the top-level rows of a read as JSON objects from their columns: the bytes
/// `json_build_object` writes for the same values, without the spaces PostgreSQL puts between
/// tokens (as `PostgresConnection.appendCompact` removes them from the database's own JSON).
///
/// Building the JSON in the server cost more of PostgreSQL's CPU than the query itself
/// (`json_build_object` and `escape_json`), and the server shares the machine. How each value is
/// written follows from the result's column types (json.c's `datum_to_json`); a result with a
/// column of another type (dates, arrays, records, extension types, which json_build_object
/// converts in ways of its own) is read again through the JSON statement.
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
    }

    private let writer: RowWriter
    private let kinds: [Kind]

    /// The kinds of the result's columns, or nil when one has a type written some other way.
    static func kinds(of result: OpaquePointer) -> [Kind]? {
        var kinds: [Kind] = []
        let count = PQnfields(result)
        kinds.reserveCapacity(Int(count))
        for column in 0..<count {
            guard let kind = kind(PQftype(result, column)) else { return nil }
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
        // text, varchar, bpchar, name, "char", uuid, time, timetz, interval, bytea, oid, unknown, inet, cidr, macaddr
        case 25, 1043, 1042, 19, 18, 2950, 1083, 1266, 1186, 17, 26, 705, 869, 650, 829: return .string
        default: return nil
        }
    }

    init(keys: [String], kinds: [Kind]) {
        writer = RowWriter(keys: keys)
        self.kinds = kinds
    }

    /// Appends every row of `result` as a JSON array of objects.
    func appendRows(_ result: OpaquePointer, to out: ByteWriter) {
        out.append(UInt8(ascii: "["))
        for row in 0..<PQntuples(result) {
            if row > 0 { out.append(UInt8(ascii: ",")) }
            writer.appendRow(to: out) { column in
                Self.appendValue(result, row, Int32(column), kinds[column], to: out)
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    static func appendValue(_ result: OpaquePointer, _ row: Int32, _ column: Int32, _ kind: Kind, to out: ByteWriter) {
        guard PQgetisnull(result, row, column) == 0, let raw = PQgetvalue(result, row, column) else {
            RowWriter.appendNull(to: out)
            return
        }
        let length = Int(PQgetlength(result, row, column))
        raw.withMemoryRebound(to: UInt8.self, capacity: length) { text in
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
            }
        }
    }
}
