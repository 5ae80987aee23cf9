import PlinthJSON

/// A read that produces JSON: one object per row of `table`, with `fields` as its keys in order.
///
/// Nested `Output.one` / `.many` selects correlate to the enclosing row
/// through `on` pairs (outer column, inner column), so a whole relational
/// tree is one statement where the dialect can build JSON.
public struct Select: Sendable, Equatable {
    public var table: String
    public var alias: String
    public var fields: [(key: String, value: Output)]
    public var filter: Expr?
    public var order: [Order]
    public var group: [Expr]
    public var limit: Int?
    public var offset: Int?
    /// For nested selects: (column of the outer alias, column of this select's table) pairs that must be equal.
    public var on: [(outer: Expr, inner: String)]

    public init(table: String, alias: String, fields: [(key: String, value: Output)] = [], filter: Expr? = nil,
                order: [Order] = [], group: [Expr] = [], limit: Int? = nil, offset: Int? = nil,
                on: [(outer: Expr, inner: String)] = []) {
        self.table = table
        self.alias = alias
        self.fields = fields
        self.filter = filter
        self.order = order
        self.group = group
        self.limit = limit
        self.offset = offset
        self.on = on
    }

    public static func == (lhs: Select, rhs: Select) -> Bool {
        lhs.json == rhs.json
    }
}

/// One output key of a `Select`.
public indirect enum Output: Sendable {
    /// An expression rendered as JSON according to `type` (booleans, JSON, dates, CSV…).
    case expr(Expr, type: FieldType?)
    /// A nested object from a to-one relation (null when there is no row).
    case one(Select)
    /// A nested array from a to-many relation.
    case many(Select)
    /// An array of one expression per related row (keys of an O2M): `select` with a single field.
    case values(Select)
    /// A nested object built from further outputs of the same row.
    case object([(key: String, value: Output)])
    /// A many-to-any item: the `item` column holds a key of the collection named by `discriminator`;
    /// `targets` maps collection names to selects correlated on that key.
    case anyOf(discriminator: Expr, key: Expr, targets: [(collection: String, select: Select)])
}

/// One sort term.
public struct Order: Sendable {
    public var expr: Expr
    public var descending: Bool

    public init(_ expr: Expr, descending: Bool = false) {
        self.expr = expr
        self.descending = descending
    }
}
