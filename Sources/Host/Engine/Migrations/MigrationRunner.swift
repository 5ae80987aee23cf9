import Foundation
import Logging
import PlinthJSON
import SQLPlan

/// Brings a database forward: records, in `directus_migrations`, every Directus migration it applied.
///
/// A migration counts as done when its version has a row, as in Directus.
/// Plinth implements the migrations after Directus 9's `20220826A`; a
/// database older than that must first be upgraded by Directus itself.
struct MigrationRunner {
    let database: Database
    let logger: Logger
    /// Handed to the migrations that read configuration.
    let env: Environment
    /// Implemented migrations by version.
    let available: [String: Migration]

    init(database: Database, logger: Logger, env: Environment = Environment([:]), available: [Migration] = Migrations.all) {
        self.database = database
        self.logger = logger
        self.env = env
        self.available = Dictionary(uniqueKeysWithValues: available.map { ($0.version, $0) })
    }

    /// Versions recorded as applied.
    func recorded() throws -> Set<String> {
        Set(try database.rows(of: SystemTables.migrations, columns: ["version"]).compactMap { $0["version"]?.stringValue })
    }

    /// The known migrations not yet recorded, in order.
    func pending() throws -> [(version: String, name: String)] {
        let done = try recorded()
        return DirectusMigrations.all.filter { !done.contains($0.version) }
    }

    /// Applies every pending migration in order and returns the versions applied.
    @discardableResult
    func migrate() throws -> [String] {
        let done = try recorded()
        let todo = DirectusMigrations.all.filter { !done.contains($0.version) }
        guard !todo.isEmpty else { return [] }
        if !done.contains(DirectusMigrations.oldestSupported) {
            throw ConfigError("This database was created by a Directus version older than 9.18 (it lacks migration \(DirectusMigrations.oldestSupported)). Upgrade it with Directus to 9.18 or later first, then start Plinth.")
        }
        var applied: [String] = []
        for (version, name) in todo {
            guard let migration = available[version] else {
                throw ConfigError("Plinth cannot apply Directus migration \(version) (\(name)) to this database.")
            }
            let context = MigrationContext(database: database, env: env)
            do {
                try migration.up(context)
            } catch {
                throw ConfigError("Migration \(version) (\(name)) failed: \(error)")
            }
            try database.insertRow(into: SystemTables.migrations, ["version": .string(version), "name": .string(name)])
            logger.info("Applied migration \(version) \(name)")
            applied.append(version)
        }
        return applied
    }
}
