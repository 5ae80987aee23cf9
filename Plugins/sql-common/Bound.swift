/// A value bound to a statement parameter.
public enum Bound: Sendable, Equatable {
    case null
    case integer(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
}

/// SQL text under construction, with its parameters in order.
public struct SQL: Sendable {
    public private(set) var text = ""
    public private(set) var parameters: [Bound] = []
    let placeholder: (Int) -> String

    public init(placeholder: @escaping (Int) -> String) {
        self.placeholder = placeholder
    }

    public mutating func append(_ fragment: String) {
        text += fragment
    }

    /// Appends a placeholder bound to `value`.
    public mutating func bind(_ value: Bound) {
        parameters.append(value)
        text += placeholder(parameters.count)
    }

    public static func += (sql: inout SQL, fragment: String) {
        sql.append(fragment)
    }

    /// Appends text that already holds placeholders for `values` (numbered from the next index).
    mutating func appendBound(_ fragment: String, _ values: [Bound]) {
        text += fragment
        parameters += values
    }

    /// Starts numbering after `other`'s parameters (for fragments built apart and joined later).
    mutating func reserveParameters(from other: SQL) {
        parameters = other.parameters
    }

    /// Takes the parameters of a fragment that continued this one's numbering.
    mutating func adopt(_ fragment: SQL) {
        parameters = fragment.parameters
    }
}

/// An error compiling or running a plan, in the shape the ABI's SQL errors take.
public struct DriverError: Error, CustomStringConvertible, Sendable {
    /// One of "unique", "foreign_key", "not_null", "too_long", "out_of_range", "invalid_text",
    /// "connection", "syntax", "invalid_plan", "other".
    public var kind: String
    public var message: String
    public var table: String?
    public var column: String?
    public var constraint: String?

    public init(_ kind: String, _ message: String, table: String? = nil, column: String? = nil, constraint: String? = nil) {
        self.kind = kind
        self.message = message
        self.table = table
        self.column = column
        self.constraint = constraint
    }

    public static func plan(_ message: String) -> DriverError { DriverError("invalid_plan", message) }

    public var description: String { "\(kind): \(message)" }
}
