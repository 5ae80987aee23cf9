import PlinthJSON
import PluginABI

/// A failure reported by the SQL driver, with the driver's error kind.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// "unique", "foreign_key", "not_null", "too_long", "out_of_range", "invalid_text",
    /// "connection", "syntax", "invalid_plan" or "other".
    public let kind: String
    public let message: String
    public let table: String?
    public let column: String?
    public let constraint: String?
    public let status: plinth_status

    public var description: String { "\(kind): \(message)" }

    init(status: plinth_status, bytes: [UInt8]) {
        self.status = status
        let json = try? JSON.parse(bytes)
        kind = json?["kind"]?.stringValue ?? "other"
        message = json?["message"]?.stringValue ?? String(decoding: bytes, as: UTF8.self)
        table = json?["table"]?.stringValue
        column = json?["column"]?.stringValue
        constraint = json?["constraint"]?.stringValue
    }

    init(kind: String, message: String, table: String? = nil, column: String? = nil) {
        self.kind = kind
        self.message = message
        self.table = table
        self.column = column
        constraint = nil
        status = PLINTH_ERR_FAILED
    }
}
