import ArgumentParser
import Foundation
import Logging

/// `plinth bootstrap`: installs the system tables and first admin on an empty database, or migrates an existing one.
struct BootstrapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Install the database (system tables, Administrator role, first admin) or migrate it to the latest version."
    )

    func run() async throws {
        try await reportingErrors {
            let (env, settings) = try loadConfiguration()
            let runtime = try await Runtime.forCommand(env: env, settings: settings)
            try await runtime.withDatabase { database in
                try Runtime.report(try Bootstrap(database: database, env: env, logger: runtime.logger).run(), logger: runtime.logger)
            }
        }
    }
}

/// `plinth database …`: maintenance of the database itself.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Database maintenance.",
        subcommands: [Migrate.self]
    )

    /// `plinth database migrate`: applies every pending migration, idempotently.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply pending migrations and record them in directus_migrations."
        )

        func run() async throws {
            try await reportingErrors {
                let (env, settings) = try loadConfiguration()
                let runtime = try await Runtime.forCommand(env: env, settings: settings)
                try await runtime.withDatabase { database in
                    let runner = MigrationRunner(database: database, logger: runtime.logger, env: env)
                    guard try Bootstrap(database: database, env: env, logger: runtime.logger).isInstalled() else {
                        throw ConfigError("The database has no Directus tables; run `plinth bootstrap` first.")
                    }
                    let applied = try runner.migrate()
                    print(applied.isEmpty ? "Database is up to date." : "Applied \(applied.count) migration(s): \(applied.joined(separator: ", ")).")
                }
            }
        }
    }
}
