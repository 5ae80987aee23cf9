import PlinthJSON
import SQLPlan

/// One Directus migration Plinth can apply to a database Directus created.
struct Migration: Sendable {
    let version: String
    let up: @Sendable (MigrationContext) throws -> Void
}

/// What a migration works with: the database, the configuration, and helpers to change it atomically.
struct MigrationContext {
    let database: Database
    /// The configuration, for the few migrations that read it (as Directus's read `PROJECT_OWNER`, `ACCEPT_TERMS`).
    var env = Environment([:])

    /// Runs schema changes and row changes as one unit (one batch plan, outside any transaction,
    /// so SQLite may rebuild tables).
    func apply(_ plans: [Plan]) throws {
        guard !plans.isEmpty else { return }
        try database.execute(.batch(plans))
    }

    /// Runs schema changes as one unit.
    func change(_ changes: [SchemaChange]) throws {
        guard !changes.isEmpty else { return }
        try apply([.schema(changes)])
    }

    /// The current description of one table, or nil.
    func table(_ name: String) throws -> JSON? {
        try database.introspect()["tables"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    /// Whether the table `name` exists.
    func hasTable(_ name: String) throws -> Bool {
        try table(name) != nil
    }

    /// Whether `table` has `column`.
    func hasColumn(_ table: String, _ column: String) throws -> Bool {
        try self.column(table, column) != nil
    }

    /// Whether `table.column` has a single-column index of its own (the `is_indexed` Directus checks before adding one).
    func isIndexed(_ table: String, _ column: String) throws -> Bool {
        try self.column(table, column)?["is_indexed"]?.boolValue ?? false
    }

    /// The description of one column, or nil.
    func column(_ table: String, _ column: String) throws -> JSON? {
        try self.table(table)?["columns"]?.arrayValue?.first { $0["name"]?.stringValue == column }
    }
}
