import PlinthJSON
import SQLPlan

/// Compiled reads by plan shape: a select plan is decoded and compiled the first time its shape
/// (`PlanShape`) is seen; a plan of the same shape only has its values read and bound.
///
/// What is kept is a function of the shape's bytes alone — the compiler is stateless and the
/// plan names every table, column and type — so nothing here goes stale when the schema
/// changes: a plan for a changed schema has another shape, and the database re-prepares a
/// statement whose table changed as it always does. Shapes whose SQL depends on a value
/// (`SQL.reusableForm`) are remembered as such and always compiled from the plan.
///
/// One cache belongs to one connection, used by one thread at a time like the connection's
/// prepared statements: no lock (a shared cache's lock cost more than it saved).
public final class ReadCache<Read> {
    /// How many shapes are kept; past it the oldest go first.
    public let limit: Int
    @usableFromInline var entries: [ShapeKey: Entry] = [:]
    @usableFromInline var order: [ShapeKey] = []
    @usableFromInline var next = 0

    @usableFromInline enum Entry {
        case read(Read)
        case notReusable
    }

    public init(limit: Int = 128) {
        self.limit = max(1, limit)
    }

    /// The compiled read for a plan of `shape`, compiling the shape the first time; nil when its
    /// SQL cannot be reused (the caller then decodes the plan as usual, which also reports any
    /// error). `compile` turns the shape's select, whose values are placeholders, into a read
    /// with `Compiler.forShapes`; nil or an error means not reusable.
    @inlinable
    public func read(_ shape: PlanShape, compile: (Select) throws -> Read?) -> Read? {
        let key = ShapeKey(shape)
        switch entries[key] {
        case .read(let cached)?:
            return cached
        case .notReusable?:
            return nil
        case nil:
            var compiled: Read?
            if case .select(let select)? = try? Plan(bytes: shape.bytes) { compiled = try? compile(select) }
            insert(key, compiled.map(Entry.read) ?? .notReusable)
            return compiled
        }
    }

    @usableFromInline func insert(_ key: ShapeKey, _ entry: Entry) {
        if order.count < limit {
            order.append(key)
        } else {
            entries[order[next]] = nil
            order[next] = key
            next = (next + 1) % limit
        }
        entries[key] = entry
    }
}

/// A shape's bytes as a dictionary key, hashed once by `PlanShape`.
@usableFromInline struct ShapeKey: Hashable {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let hash: UInt64

    @usableFromInline init(_ shape: PlanShape) {
        bytes = shape.bytes
        hash = shape.hash
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    @usableFromInline static func == (lhs: ShapeKey, rhs: ShapeKey) -> Bool {
        lhs.hash == rhs.hash && lhs.bytes == rhs.bytes
    }
}
