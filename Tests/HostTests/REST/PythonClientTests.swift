import Foundation
import Testing

/// Third-party Directus clients from PyPI, unchanged, against a live Plinth.
@Suite("Python clients")
struct PythonClientTests {
    /// The test virtualenv's python (scripts/python-env creates it; scripts/test runs that first).
    static func python() throws -> String {
        let path = TestSupport.root.appendingPathComponent(".build-venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw LiveHostError(message: "no test virtualenv: run scripts/python-env first (scripts/test does)")
        }
        return path
    }

    @Test("directus-py-sdk: login, schema, bulk writes, SEARCH queries, users, refresh, logout, static token", arguments: DatabaseKind.allCases)
    func directusPySDK(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: ["LOGIN_STALL_TIME": "0"])
        defer { api.stop() }
        let script = TestSupport.root.appendingPathComponent("Tests/Clients/directus_py_sdk_scenario.py").path
        let result = try await Task.detached {
            try TestSupport.run(try Self.python(), [script, api.host.baseURL, "admin@example.com", "admin-password", api.token])
        }.value
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("directus-py-sdk scenario passed"))
    }
}
