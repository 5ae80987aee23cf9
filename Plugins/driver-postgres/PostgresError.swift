import CLibPQ
import SQLCompiler

/// Maps PostgreSQL errors (SQLSTATE and diagnostic fields) to the ABI's error kinds.
enum PostgresError {
    /// PG_DIAG_* field codes (char literals, which Swift does not import as constants).
    private static let sqlstateField = Int32(UInt8(ascii: "C"))
    private static let messageField = Int32(UInt8(ascii: "M"))
    private static let detailField = Int32(UInt8(ascii: "D"))
    private static let tableField = Int32(UInt8(ascii: "t"))
    private static let columnField = Int32(UInt8(ascii: "c"))
    private static let constraintField = Int32(UInt8(ascii: "n"))

    static func sqlstate(_ result: OpaquePointer) -> String { field(result, sqlstateField) ?? "" }

    static func message(_ result: OpaquePointer) -> String { field(result, messageField) ?? "" }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        PQresultErrorField(result, code).map { String(cString: $0) }
    }

    /// "could not determine data type of parameter $3" → 3.
    static func parameterIndex(_ result: OpaquePointer) -> Int? {
        let text = message(result)
        guard let dollar = text.lastIndex(of: "$") else { return nil }
        return Int(text[text.index(after: dollar)...].prefix { $0.isNumber })
    }

    /// The driver error for a failed result (nil when libpq had none, i.e. the connection failed).
    static func classify(_ result: OpaquePointer?, connection: PostgresConnection, sql: String) -> DriverError {
        guard let result, let state = field(result, sqlstateField) else {
            let detail = result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) } ?? String(cString: PQerrorMessage(connection.handle))
            return DriverError("connection", "lost the connection to PostgreSQL at \(PostgresSettings.location(connection.handle)): \(detail.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let text = message(result)
        let table = field(result, tableField)
        let constraint = field(result, constraintField)
        switch state {
        case "23505":
            return DriverError("unique", text, table: table, column: keyColumn(field(result, detailField)), constraint: constraint)
        case "23503":
            return DriverError("foreign_key", text, table: table, column: keyColumn(field(result, detailField)), constraint: constraint)
        case "23502":
            return DriverError("not_null", text, table: table, column: field(result, columnField), constraint: constraint)
        case "22001":
            return DriverError("too_long", text, table: table, column: field(result, columnField))
        case "22003", "22008":
            return DriverError("out_of_range", text, table: table, column: field(result, columnField))
        case "22P02", "22007":
            return DriverError("invalid_text", text, table: table, column: field(result, columnField))
        case "57P01", "57P02", "57P03", "53300":
            return DriverError("connection", text)
        default:
            if state.hasPrefix("08") || state.hasPrefix("28") || state == "3D000" || connection.isBroken { return DriverError("connection", text) }
            if state.hasPrefix("42") { return DriverError("syntax", text, table: table, column: field(result, columnField)) }
            return DriverError("other", text, table: table, column: field(result, columnField), constraint: constraint)
        }
    }

    /// The column of a single-column key from a detail like `Key (title)=(x) already exists.`
    /// (identifiers that need quoting come quoted).
    static func keyColumn(_ detail: String?) -> String? {
        guard let detail, let open = detail.range(of: "Key ("), let close = detail.range(of: ")=(", range: open.upperBound..<detail.endIndex) else { return nil }
        let columns = String(detail[open.upperBound..<close.lowerBound])
        if columns.hasPrefix("\""), columns.hasSuffix("\""), columns.count >= 2 {
            let inner = String(columns.dropFirst().dropLast())
            return inner.contains("\", ") ? nil : inner.replacingOccurrences(of: "\"\"", with: "\"")
        }
        return columns.contains(", ") ? nil : columns
    }
}
