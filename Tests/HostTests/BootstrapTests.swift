import Foundation
import PluginABI
import Testing

/// `plinth start` and `plinth bootstrap` on the embedded default: SQLite under ./data, the first admin, admin-only routes.
@Suite(.serialized) struct BootstrapTests {
    @Test func firstStartInstallsAndPrintsAGeneratedPasswordOnce() async throws {
        let directory = TestSupport.temporaryDirectory("plinth-first-start")
        let first = try LiveHost(directory: directory)
        try await first.waitUntilReady()
        #expect(first.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/data.db").path))
        let printed = first.log.components(separatedBy: "\n").filter { $0.contains("Created the first admin user: admin@example.com with password ") }
        #expect(printed.count == 1)

        let second = try LiveHost(directory: directory)
        try await second.waitUntilReady()
        #expect(second.stop() == 0)
        #expect(!second.log.contains("Created the first admin user"))
        #expect(!second.log.contains("Database installed"))
    }

    @Test func adminFromEnvironmentSeesTheExtensionList() async throws {
        let host = try LiveHost(environment: ["ADMIN_EMAIL": "owner@example.com", "ADMIN_PASSWORD": "s3cret-pass", "ADMIN_TOKEN": "static-admin-token"])
        defer { host.stop() }
        try await host.waitUntilReady()
        #expect(host.log.contains("Created the first admin user owner@example.com"))
        #expect(!host.log.contains("s3cret-pass"))

        let response = try await TestHTTP.get(host.baseURL + "/extensions", headers: ["Authorization": "Bearer static-admin-token"])
        #expect(response.status == 200)
        let data = try #require((response.json as? [String: Any])?["data"] as? [[String: Any]])
        let server = try #require(data.first { $0["id"] as? String == "endpoint.server" })
        let schema = try #require(server["schema"] as? [String: Any])
        #expect(schema["version"] as? String == "1.0.0")
        #expect(schema["kinds"] as? [String] == ["endpoint"])
        #expect(schema["abi"] as? String == "1.\(PLINTH_ABI_MINOR)")
        #expect(schema["type"] as? String == "endpoint")
        #expect((server["meta"] as? [String: Any])?["enabled"] as? Bool == true)
        #expect(data.contains { $0["id"] as? String == "driver.sqlite" })

        let anonymous = try await TestHTTP.get(host.baseURL + "/extensions")
        #expect(anonymous.status == 403)
        let wrong = try await TestHTTP.get(host.baseURL + "/extensions", headers: ["Authorization": "Bearer not-a-token"])
        #expect(wrong.status == 401)
        #expect(wrong.text == #"{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"#)
        let twice = try await TestHTTP.get(host.baseURL + "/extensions?access_token=static-admin-token", headers: ["Authorization": "Bearer static-admin-token"])
        #expect(twice.status == 400)

        let health = try await TestHTTP.get(host.baseURL + "/server/health", headers: ["Authorization": "Bearer static-admin-token"])
        let body = try #require(health.json as? [String: Any])
        #expect(body["status"] as? String == "ok")
        #expect(body["releaseId"] != nil && body["serviceId"] != nil)
        let check = try #require(((body["checks"] as? [String: Any])?["sqlite3:responseTime"] as? [[String: Any]])?.first)
        #expect(check["status"] as? String == "ok" && check["componentType"] as? String == "datastore" && check["observedUnit"] as? String == "ms")
        #expect(check["observedValue"] is Double && check["threshold"] as? Int == 150)
        // Others see only the status.
        let anonymousHealth = try await TestHTTP.get(host.baseURL + "/server/health")
        #expect(anonymousHealth.text == #"{"status":"ok"}"#)
    }

    @Test func bootstrapCommandIsIdempotent() throws {
        let directory = TestSupport.temporaryDirectory("plinth-bootstrap")
        let environment = ["PATH": "/usr/bin:/bin", "SECRET": "s", "ADMIN_EMAIL": "a@example.com", "ADMIN_PASSWORD": "pw123456"]
        let first = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["bootstrap"], environment: environment, directory: directory)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("Database installed"))
        let second = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["bootstrap"], environment: environment, directory: directory)
        #expect(second.status == 0, "\(second.output)")
        #expect(!second.output.contains("Database installed"))
        let migrate = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["database", "migrate"], environment: environment, directory: directory)
        #expect(migrate.status == 0)
        #expect(migrate.output.contains("Database is up to date."))
    }

    @Test func unreachableDatabaseExitsWithAMessageNamingIt() throws {
        let environment = ["PATH": "/usr/bin:/bin", "SECRET": "s", "DB_CLIENT": "pg", "DB_HOST": "127.0.0.1", "DB_PORT": "1", "DB_DATABASE": "nowhere", "DB_USER": "x"]
        let result = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["bootstrap"], environment: environment, directory: TestSupport.temporaryDirectory())
        #expect(result.status == 1)
        #expect(result.output.contains("plinth: Cannot connect to the database 127.0.0.1:1/nowhere"))
    }
}
