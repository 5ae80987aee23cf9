import PlinthJSON

/// A dialect-free SQL expression in a plan.
///
/// Column references name a table alias of an enclosing `Select`; values are
/// always bound as parameters, never spliced into SQL.
public indirect enum Expr: Sendable, Equatable {
    /// A column of the table aliased `table`.
    case column(table: String, name: String, type: FieldType?)
    /// A bound value, converted for storage according to `type`.
    case value(JSON, type: FieldType?)
    /// A list of bound values (right side of `in`).
    case list([JSON], type: FieldType?)
    /// A comparison or string test: `op` is one of `CompareOp`.
    case compare(CompareOp, Expr, Expr)
    /// `expr IS NULL` (or IS NOT NULL when `negated`).
    case isNull(Expr, negated: Bool)
    case and([Expr])
    case or([Expr])
    case not(Expr)
    /// A scalar function: date parts, JSON extraction, lower-case, length, coalesce.
    case function(Function, [Expr])
    /// An aggregate over the current group.
    case aggregate(Aggregate, Expr?, distinct: Bool)
    /// `EXISTS (select)`; the select may refer to outer aliases.
    case exists(Select)
    /// A scalar subquery: its single output field, or COUNT(*) of its rows with `count`.
    case subquery(Select, count: Bool)
    /// `CASE WHEN … THEN … [ELSE …] END`.
    case caseWhen([(Expr, Expr)], otherwise: Expr?)
    /// Literal true/false (rendered by the dialect).
    case bool(Bool)
    /// The expression converted to `type` (e.g. an integer key compared with a text column).
    case cast(Expr, FieldType)

    public static func == (lhs: Expr, rhs: Expr) -> Bool {
        lhs.json == rhs.json
    }
}

/// Binary comparisons and string tests.
public enum CompareOp: String, Sendable {
    case eq, neq, lt, lte, gt, gte
    case `in`, nin
    /// Substring tests; the `i` forms ignore case.
    case contains, icontains, startsWith = "starts_with", istartsWith = "istarts_with"
    case endsWith = "ends_with", iendsWith = "iends_with"
    /// `a BETWEEN b AND c` takes a `.list` of two values on the right.
    case between, nbetween
    /// Regular expression match (validation rules only).
    case regex
}

/// Scalar functions a dialect implements.
public enum Function: String, Sendable {
    case year, month, week, day, weekday, hour, minute, second
    /// `json(field, path)`: the value at a JSON path (second argument a `.value` string like "a.b[0]").
    case json
    /// `json_value(field, path)`: the scalar at a JSON path, for comparisons (`_json` filters).
    case jsonValue = "json_value"
    /// Number of elements of a JSON array.
    case jsonLength = "json_length"
    case lower, upper, length, coalesce
}

/// Aggregate functions.
public enum Aggregate: String, Sendable {
    case count, sum, avg, min, max
}
