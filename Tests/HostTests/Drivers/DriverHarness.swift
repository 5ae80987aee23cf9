import Foundation
import PlinthJSON
import SQLPlan
@testable import Host

/// Opens a fresh, empty database through the built SQL driver plugins: a temporary
/// SQLite file, or a private schema on the PostgreSQL server named by PLINTH_TEST_PG_URL.
enum DriverHarness {
    /// The clients every driver test runs against.
    static let clients = ["sqlite3", "pg"]

    /// One runtime with the built-in plugins of the build folder, shared by the driver tests
    /// (a failure to load them fails each test instead of the test process).
    private static let loaded = Result { () throws -> Runtime in
        let runtime = try TestSupport.runtime(plugins: URL(fileURLWithPath: TestSupport.buildDirectory), extensions: TestSupport.temporaryDirectory())
        try runtime.loadPlugins()
        return runtime
    }

    static var runtime: Runtime {
        get throws { try loaded.get() }
    }

    /// PLINTH_TEST_PG_URL is unset: the PostgreSQL cases fail (CI always sets it) rather than skip.
    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "PLINTH_TEST_PG_URL is not set: start the test server with `export PLINTH_TEST_PG_URL=$(scripts/pg-test-server)` (scripts/test does this)"
        }
    }

    /// A database of its own for one test; `Fresh.close()` removes it.
    final class Fresh {
        let database: Database
        /// The PostgreSQL schema the test's tables live in (nil for SQLite).
        let schema: String?
        /// The `application_name` of the test's PostgreSQL connections.
        let applicationName: String?
        /// The SQLite database file (nil for PostgreSQL).
        let file: String?
        private let cleanup: () -> Void

        init(database: Database, schema: String?, applicationName: String?, file: String? = nil, cleanup: @escaping () -> Void) {
            self.database = database
            self.schema = schema
            self.applicationName = applicationName
            self.file = file
            self.cleanup = cleanup
        }

        deinit { cleanup() }
    }

    static func open(_ client: String, pool: Int = 4) throws -> Fresh {
        let id = UUID().uuidString.prefix(8).lowercased()
        if client == "sqlite3" {
            let directory = TestSupport.temporaryDirectory("plinth-driver")
            let settings = try DatabaseSettings(Environment(["DB_CLIENT": "sqlite3", "DB_FILENAME": directory.appendingPathComponent("test.db").path]), dataPath: directory.path)
            return Fresh(database: try Database.open(settings, registry: try runtime.registry), schema: nil, applicationName: nil,
                         file: directory.appendingPathComponent("test.db").path) {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        guard let base = ProcessInfo.processInfo.environment["PLINTH_TEST_PG_URL"], !base.isEmpty else { throw MissingServer() }
        let schema = "test_\(id)"
        let application = "plinth_test_\(id)"
        try psql(base, "CREATE SCHEMA \(schema)")
        let url = base + (base.contains("?") ? "&" : "?") + "application_name=\(application)&options=-csearch_path%3D\(schema)"
        let settings = try DatabaseSettings(Environment(["DB_CLIENT": "pg", "DB_CONNECTION_STRING": url, "DB_POOL__MIN": "1", "DB_POOL__MAX": "\(pool)"]), dataPath: "/tmp")
        return Fresh(database: try Database.open(settings, registry: try runtime.registry), schema: schema, applicationName: application) {
            _ = try? psql(base, "DROP SCHEMA \(schema) CASCADE")
        }
    }

    /// Runs SQL on the test server with psql, for what plans cannot do (schemas, killing sessions).
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let binary = ["/usr/lib/postgresql/15/bin/psql", "/usr/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "psql"
        let result = try TestSupport.run(binary, ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        guard result.status == 0 else { throw PSQLError(message: result.output) }
        return result.output
    }

    /// psql exited with an error; `message` is its output.
    struct PSQLError: Error { let message: String }
}

extension Database {
    /// Runs a schema plan.
    func applyChanges(_ changes: [SchemaChange]) throws {
        try execute(.schema(changes))
    }

    /// Every row of `table` as objects of `columns` (typed outputs), ordered by `orderBy`.
    func rowsOf(_ table: TableSpec, _ columns: [String]? = nil, orderBy: String? = nil) throws -> [JSONObject] {
        let names = columns ?? table.columns.map(\.name)
        let select = Select(table: table.name, alias: "t",
                            fields: names.map { name in (name, .expr(.column(table: "t", name: name, type: table.type(of: name)), type: table.type(of: name))) },
                            order: [Order(.column(table: "t", name: orderBy ?? table.columns[0].name, type: nil))])
        return try rows(select).compactMap(\.objectValue)
    }
}
