import PlinthJSON
import SQLPlan

/// One unit of schema work: plans run atomically and the model is re-read after each step.
///
/// Without a transaction each `run` is one batch (the driver makes it
/// atomic) and the engine's schema is reloaded. Inside a transaction
/// (schema apply) every step joins it and the model is re-read through it,
/// so later steps see earlier ones and a failure undoes them all.
final class SchemaSession {
    let engine: Engine
    let transaction: Transaction?
    private(set) var schema: SchemaModel

    init(engine: Engine, transaction: Transaction? = nil) {
        self.engine = engine
        self.transaction = transaction
        schema = engine.schema
    }

    func run(_ plans: [Plan]) throws {
        guard !plans.isEmpty else { return }
        if let transaction {
            try engine.database.execute(.batch(plans), in: transaction)
            schema = try engine.loader.load(in: transaction)
        } else {
            try engine.database.execute(.batch(plans))
            try engine.reloadSchema()
            schema = engine.schema
        }
    }

    /// Rows of a system table, read inside the session.
    func rows(of table: TableSpec, columns: [String]? = nil, where equals: JSONObject = [:]) throws -> [JSONObject] {
        try engine.database.rows(of: table, columns: columns, where: equals, in: transaction)
    }
}
