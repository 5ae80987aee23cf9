import PlinthJSON
import SQLPlan

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
    /// For SQL compiled from a `PlanShape`: which parameters take the plan's values, by position.
    private(set) var sources: [(position: Int, source: ParameterSource)] = []
    /// False once the text depends on one of a plan shape's values (a JSON path written into the
    /// SQL, a bare value's column type): such SQL is not bound again with other values.
    private(set) var reusable = true
    let placeholder: @Sendable (Int) -> String

    public init(placeholder: @escaping @Sendable (Int) -> String) {
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

    /// Appends a placeholder whose value a plan of the shape being compiled supplies.
    mutating func bind(_ source: ParameterSource) {
        sources.append((parameters.count, source))
        bind(.null)
    }

    /// Records that the text now depends on a value of the shape being compiled.
    mutating func dependOnValues() {
        reusable = false
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
        sources = other.sources
        reusable = other.reusable
    }

    /// Takes the parameters of a fragment that continued this one's numbering.
    mutating func adopt(_ fragment: SQL) {
        parameters = fragment.parameters
        sources = fragment.sources
        reusable = reusable && fragment.reusable
    }

    /// The SQL as compiled from a plan shape, to bind again for each plan of that shape; nil when
    /// it cannot be: its text depends on a value, or a placeholder string reached the text or a
    /// parameter other than through `sources` (a way of using values this check does not know).
    public var reusableForm: ReusableSQL? {
        guard reusable, !text.utf8.contains(PlanShape.marker) else { return nil }
        var sourced = Set<Int>()
        for (position, _) in sources { sourced.insert(position) }
        for (position, parameter) in parameters.enumerated() where !sourced.contains(position) {
            switch parameter {
            case .text(let value) where value.utf8.contains(PlanShape.marker): return nil
            case .blob(let bytes) where bytes.contains(PlanShape.marker): return nil
            default: continue
            }
        }
        return ReusableSQL(text: text, parameters: parameters, sources: sources, placeholder: placeholder)
    }

    init(text: String, parameters: [Bound], placeholder: @escaping @Sendable (Int) -> String) {
        self.text = text
        self.parameters = parameters
        self.placeholder = placeholder
    }
}

/// Where a parameter of SQL compiled from a `PlanShape` takes its value.
public enum ParameterSource: Sendable {
    /// The plan's value at `index`, converted for `type` (`Dialect.bind`).
    case value(Int, FieldType?)
    /// A LIKE pattern matching the plan's value at `index` literally, for `op`.
    case pattern(Int, CompareOp)
}

/// SQL compiled once for a plan shape and bound to each plan's values (`ReadCache`).
public struct ReusableSQL: Sendable {
    public let text: String
    /// The parameters as compiled: constants, and placeholders for the `sources`.
    let parameters: [Bound]
    let sources: [(position: Int, source: ParameterSource)]
    let placeholder: @Sendable (Int) -> String

    /// The SQL with the plan's `values` bound where the shape had placeholders, converted as the
    /// compiler converts them, so it fails as compiling the plan itself would.
    public func bound(to values: [JSON], _ compiler: Compiler) throws -> SQL {
        var parameters = self.parameters
        for (position, source) in sources {
            switch source {
            case .value(let index, let type):
                guard index < values.count else { throw DriverError.plan("plan value \(index) is missing") }
                parameters[position] = try compiler.dialect.bind(values[index], type: type)
            case .pattern(let index, let op):
                guard index < values.count else { throw DriverError.plan("plan value \(index) is missing") }
                parameters[position] = .text(compiler.dialect.likePattern(op, try Compiler.patternText(op, values[index])))
            }
        }
        return SQL(text: text, parameters: parameters, placeholder: placeholder)
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
