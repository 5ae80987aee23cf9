import Foundation
import Logging
import PlinthJSON
import SQLPlan
@testable import Host

/// A SQLite database opened through the host and its driver plugin, for migration tests.
final class TestDatabase: @unchecked Sendable {
    let runtime: Runtime
    let database: Database
    let path: String

    private init(runtime: Runtime, database: Database, path: String) {
        self.runtime = runtime
        self.database = database
        self.path = path
    }

    /// The Directus 9 fixture folder: PLINTH_FIXTURES_DIR, else Tests/Fixtures, else the shared fixtures beside the repository.
    static let fixtureDirectory: URL = {
        if let configured = ProcessInfo.processInfo.environment["PLINTH_FIXTURES_DIR"] {
            return URL(fileURLWithPath: configured).appendingPathComponent("directus9-examples")
        }
        let inRepository = TestSupport.root.appendingPathComponent("Tests/Fixtures/directus9-examples")
        if FileManager.default.fileExists(atPath: inRepository.path) { return inRepository }
        return TestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/directus9-examples")
    }()

    /// Runs `body` with a fresh copy of the Directus 9 fixture (the original is never written), then closes it.
    static func withFixture<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let original = fixtureDirectory.appendingPathComponent("data.db")
        guard FileManager.default.fileExists(atPath: original.path) else {
            throw TestSupport.FixtureError(message: "The Directus 9 fixture is not at \(original.path); set PLINTH_FIXTURES_DIR to the folder holding directus9-examples/.")
        }
        let copy = TestSupport.temporaryDirectory("plinth-fixture").appendingPathComponent("data.db")
        try FileManager.default.copyItem(at: original, to: copy)
        return try await with(copy.path, body)
    }

    /// Runs `body` with an empty database in a new temporary folder, then closes it.
    static func withEmpty<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await with(TestSupport.temporaryDirectory("plinth-empty").appendingPathComponent("data.db").path, body)
    }

    private static func with<T>(_ path: String, _ body: (TestDatabase) async throws -> T) async throws -> T {
        let database = try await open(path)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// Opens the SQLite file at `path`, loading the built-in plugins from the build folder.
    private static func open(_ path: String) async throws -> TestDatabase {
        let runtime = try TestSupport.runtime(plugins: URL(fileURLWithPath: TestSupport.buildDirectory),
                                              extensions: TestSupport.temporaryDirectory("extensions"),
                                              extra: ["DB_FILENAME": path])
        try runtime.loadPlugins()
        let database = try await runtime.openDatabase()
        return TestDatabase(runtime: runtime, database: database, path: path)
    }

    /// Runs `body` with the database on the blocking pool.
    @discardableResult
    func run<T>(_ body: @escaping (Database) throws -> T) async throws -> T {
        try await runtime.pool.run { [database] in try body(database) }
    }

    /// Installs or migrates, as `plinth bootstrap` does.
    @discardableResult
    func bootstrap(env: [String: String] = [:]) async throws -> Bootstrap.Outcome {
        try await run { try Bootstrap(database: $0, env: Environment(env), logger: TestDatabase.logger).run() }
    }

    /// Runs the migration runner on its own and returns the versions it applied.
    func migrate() async throws -> [String] {
        try await run { try MigrationRunner(database: $0, logger: TestDatabase.logger).migrate() }
    }

    /// Every row of `table` with `columns`, in `order`'s order, untyped (as the driver renders stored values).
    func rows(_ table: String, _ columns: [String], order: String) async throws -> [JSONObject] {
        let select = Select(table: table, alias: "t", fields: columns.map { ($0, .expr(.column(table: "t", name: $0, type: nil), type: nil)) },
                            order: [Order(.column(table: "t", name: order, type: nil))])
        return try await run { try $0.rows(select).compactMap(\.objectValue) }
    }

    /// Applies the implemented migrations up to and including `version` one by one, recording each,
    /// to leave the database where a Directus release of that time would have.
    func migrate(through version: String) async throws {
        try await run { database in
            let names = Dictionary(uniqueKeysWithValues: DirectusMigrations.all.map { ($0.version, $0.name) })
            for migration in Migrations.all where migration.version <= version {
                try migration.up(MigrationContext(database: database))
                try database.insertRow(into: SystemTables.migrations, ["version": .string(migration.version), "name": .string(names[migration.version]!)])
            }
        }
    }

    /// Runs `plans` as one batch.
    func execute(_ plans: [Plan]) async throws {
        try await run { try $0.execute(.batch(plans)) }
    }

    /// Stops the runtime's plugins and pool.
    private func close() async {
        await runtime.stop()
    }

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
}
