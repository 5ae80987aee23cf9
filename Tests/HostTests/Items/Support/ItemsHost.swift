import Foundation
import PlinthJSON
import Testing

/// A live host for the items suites: requests with query parameters, bodies and replies as
/// `PlinthJSON` values (exact numbers, key order kept), and direct SQL on its database.
final class ItemsHost: @unchecked Sendable {
    let database: DatabaseKind
    let host: LiveHost
    let environment: [String: String]
    let adminToken = "test-admin-token"

    /// Starts `plinth` on a fresh database of `database` with `environment` added.
    init(_ database: DatabaseKind, environment extra: [String: String] = [:]) async throws {
        self.database = database
        var env = try database.freshEnvironment()
        env["ADMIN_TOKEN"] = adminToken
        env["ADMIN_EMAIL"] = "admin@example.com"
        env["ADMIN_PASSWORD"] = "admin-password"
        env.merge(extra) { $1 }
        environment = env
        host = try LiveHost(environment: env)
        HostReaper.register(host.process.processIdentifier)
        try await host.waitUntilReady()
    }

    /// One answer: status, headers, the raw body and the body parsed as JSON (nil when empty or not JSON).
    struct Reply: CustomStringConvertible {
        let status: Int
        let text: String
        let json: JSON?
        let headers: [String: String]

        var data: JSON? { json?["data"] }
        var description: String { "\(status) \(text)" }
        /// The first error's `extensions.code`.
        var code: String? { json?["errors"]?[0]?["extensions"]?["code"]?.stringValue }
        var message: String? { json?["errors"]?[0]?["message"]?.stringValue }
    }

    /// Sends `method path?query` with an optional JSON body, as the admin unless `token` is given ("" = anonymous).
    func send(_ method: String, _ path: String, _ query: [(String, String)] = [], body: JSON? = nil, rawBody: String? = nil,
              token: String? = nil) async throws -> Reply {
        var headers = ["Content-Type": "application/json"]
        let bearer = token ?? adminToken
        if !bearer.isEmpty { headers["Authorization"] = "Bearer \(bearer)" }
        let url = host.baseURL + path + Self.queryString(query)
        let payload = rawBody.map { Data($0.utf8) } ?? body.map { Data($0.encoded()) }
        let response = try await TestHTTP.request(method, url, headers: headers, body: payload)
        let text = response.text
        return Reply(status: response.status, text: text, json: text.isEmpty ? nil : try? JSON.parse(text), headers: response.headers)
    }

    /// The `data` of a 200 answer; records a failure (and returns null) otherwise.
    func data(_ method: String, _ path: String, _ query: [(String, String)] = [], body: JSON? = nil, token: String? = nil,
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSON {
        let reply = try await send(method, path, query, body: body, token: token)
        #expect(reply.status == 200, "\(method) \(path)\(Self.queryString(query)) → \(reply)", sourceLocation: sourceLocation)
        return reply.data ?? .null
    }

    /// `GET path?query` → `data`.
    func get(_ path: String, _ query: [(String, String)] = [], token: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSON {
        try await data("GET", path, query, token: token, sourceLocation: sourceLocation)
    }

    /// `a=b&c=d` with every reserved character percent-encoded.
    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Runs SQL on the host's database and returns its output rows, columns separated by "|".
    @discardableResult
    func sql(_ statement: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let result: (status: Int32, output: String)
        switch database {
        case .sqlite:
            let file = host.directory.appendingPathComponent("data/data.db").path
            result = try TestSupport.run("/usr/bin/sqlite3", ["-cmd", ".timeout 5000", "-separator", "|", file, statement])
        case .postgres:
            result = try TestSupport.run("/usr/bin/psql", [environment["DB_CONNECTION_STRING"]!, "-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", statement])
        }
        #expect(result.status == 0, "SQL failed: \(statement)\n\(result.output)", sourceLocation: sourceLocation)
        return result.output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// A single value from SQL.
    func scalar(_ statement: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
        try sql(statement, sourceLocation: sourceLocation).first
    }

    /// A bigint, numeric or count as this database returns it (node-postgres hands Directus strings): a
    /// string on PostgreSQL, a number on SQLite. `sqlite` overrides the number text (SQLite's REAL prints `100.0`).
    func big(_ text: String, sqlite: String? = nil) -> JSON {
        database == .postgres ? .string(text) : .number(sqlite ?? text)
    }

    func stop() { host.stop() }
}

/// Kills every host the items suites started when the test process exits or crashes (shared hosts outlive
/// their tests). The pids live in a fixed C buffer so the crash handler reads no Swift object.
enum HostReaper {
    private static let capacity = 256
    nonisolated(unsafe) private static let pids = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    static func register(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        guard count < capacity else { return }
        pids[count] = pid
        count += 1
        if !installed {
            installed = true
            atexit { HostReaper.killAll() }
            for signal in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGTERM, SIGINT] {
                Foundation.signal(signal) { received in
                    HostReaper.killAll()
                    Foundation.signal(received, SIG_DFL)
                    raise(received)
                }
            }
        }
    }

    private static func killAll() {
        for index in 0..<count { kill(pids[index], SIGKILL) }
    }
}

/// Parses a JSON literal written in a test.
func json(_ text: String) -> JSON {
    do { return try JSON.parse(text) } catch { fatalError("bad JSON literal in a test: \(error)\n\(text)") }
}

extension JSON {
    /// The string values of `key` in each object of an array (ids, titles, …), in order.
    func strings(_ key: String) -> [String] {
        (arrayValue ?? []).map { $0[key].map { $0.stringValue ?? $0.encodedString() } ?? "<missing>" }
    }

    /// The array's length, or -1 when this is not an array.
    var count: Int { arrayValue?.count ?? -1 }
}
