import PlinthJSON
import SQLPlan

/// One Directus migration Plinth can apply to a database Directus created.
struct Migration: Sendable {
    let version: String
    let up: @Sendable (MigrationContext) throws -> Void
}

/// What a migration works with: the database and helpers to change it atomically.
struct MigrationContext {
    let database: Database

    /// Runs schema changes and row changes as one unit (one batch plan, outside any transaction,
    /// so SQLite may rebuild tables).
    func apply(_ plans: [Plan]) throws {
        guard !plans.isEmpty else { return }
        try database.execute(.batch(plans))
    }

    /// Runs schema changes as one unit.
    func change(_ changes: [SchemaChange]) throws {
        try apply([.schema(changes)])
    }

    /// The current description of one table, or nil.
    func table(_ name: String) throws -> JSON? {
        try database.introspect()["tables"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    /// Whether `table` has `column`.
    func hasColumn(_ table: String, _ column: String) throws -> Bool {
        try self.table(table)?["columns"]?.arrayValue?.contains { $0["name"]?.stringValue == column } ?? false
    }
}
