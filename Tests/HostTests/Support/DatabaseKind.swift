import Foundation
import Testing

/// The two databases every engine test runs against.
enum DatabaseKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// Environment for `plinth` pointing at a fresh, empty database of this kind.
    ///
    /// PostgreSQL needs PLINTH_TEST_PG_URL (scripts/test starts the server and sets it); each call
    /// creates a new database on that server.
    func freshEnvironment() throws -> [String: String] {
        switch self {
        case .sqlite:
            return [:]
        case .postgres:
            guard let base = ProcessInfo.processInfo.environment["PLINTH_TEST_PG_URL"], !base.isEmpty,
                  var url = URLComponents(string: base) else {
                throw LiveHostError(message: "PLINTH_TEST_PG_URL is not set: run `export PLINTH_TEST_PG_URL=$(scripts/pg-test-server)` first (scripts/test does).")
            }
            let name = "plinth_\(UUID().uuidString.prefix(8).lowercased())"
            let created = try TestSupport.run("/usr/bin/psql", [base, "-q", "-c", "CREATE DATABASE \(name)"])
            guard created.status == 0 else { throw LiveHostError(message: "cannot create a test database: \(created.output)") }
            url.path = "/" + name
            return ["DB_CLIENT": "pg", "DB_CONNECTION_STRING": url.string!]
        }
    }
}

/// A live host on a fresh database with an admin token, for API tests.
struct APIHost {
    let host: LiveHost
    let token = "test-admin-token"
    let database: DatabaseKind
    let environment: [String: String]

    init(_ database: DatabaseKind, environment: [String: String] = [:]) async throws {
        self.database = database
        var env = try database.freshEnvironment()
        env["ADMIN_TOKEN"] = token
        env["ADMIN_EMAIL"] = "admin@example.com"
        env["ADMIN_PASSWORD"] = "admin-password"
        env.merge(environment) { $1 }
        self.environment = env
        host = try LiveHost(environment: env)
        try await host.waitUntilReady()
    }

    /// Sends a request as the admin (or as `token`); bodies are JSON.
    func send(_ method: String, _ path: String, _ body: Any? = nil, token: String? = nil, headers: [String: String] = [:]) async throws -> TestResponse {
        var all = ["Content-Type": "application/json"]
        if let bearer = token ?? self.token as String?, !bearer.isEmpty { all["Authorization"] = "Bearer \(bearer)" }
        all.merge(headers) { $1 }
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed]) }
        return try await TestHTTP.request(method, host.baseURL + path, headers: all, body: data)
    }

    /// The `data` member of a successful response, or a recorded failure.
    func data(_ method: String, _ path: String, _ body: Any? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Any? {
        let response = try await send(method, path, body)
        #expect(response.status == 200, "\(method) \(path) answered \(response.status): \(response.text)", sourceLocation: sourceLocation)
        return (response.json as? [String: Any])?["data"]
    }

    func stop() { host.stop() }

    /// Runs SQL directly on the host's database (sqlite3 or psql) and returns what it printed, rows
    /// separated by newlines and columns by `|`. For seeding and for checking what the API stored.
    @discardableResult
    func sql(_ statement: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result: (status: Int32, output: String)
        switch database {
        case .sqlite:
            let file = environment["DB_FILENAME"] ?? host.directory.appendingPathComponent("data/data.db").path
            result = try TestSupport.run("/usr/bin/sqlite3", ["-bail", "-cmd", ".timeout 5000", file, statement])
        case .postgres:
            result = try TestSupport.run("/usr/bin/psql", [environment["DB_CONNECTION_STRING"]!, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", statement])
        }
        #expect(result.status == 0, "SQL failed: \(statement)\n\(result.output)", sourceLocation: sourceLocation)
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
