import Foundation
import PlinthJSON

/// The database connection settings, with Directus's variable names.
public struct DatabaseSettings: Sendable {
    /// DB_CLIENT: "sqlite3" (default) or "pg" ("postgres", "postgresql" are accepted as "pg").
    public var client: String
    public var filename: String?
    public var host: String?
    public var port: Int?
    public var database: String?
    public var user: String?
    public var password: String?
    public var connectionString: String?
    public var poolMin: Int
    public var poolMax: Int
    /// DB_SSL__* entries, keys lower-cased (`reject_unauthorized`, `ca`, …).
    public var ssl: [String: String]

    /// DB_CLIENT with its aliases folded ("postgres", "postgresql" → "pg"; "sqlite" → "sqlite3"),
    /// lower-cased, not yet checked.
    static func client(_ env: Environment) -> String {
        let client = env.string("DB_CLIENT", default: "sqlite3").lowercased()
        if ["postgres", "postgresql"].contains(client) { return "pg" }
        return client == "sqlite" ? "sqlite3" : client
    }

    public init(_ env: Environment, dataPath: String) throws {
        let client = Self.client(env)
        guard ["sqlite3", "pg"].contains(client) else {
            throw ConfigError.invalid("DB_CLIENT", expected: "sqlite3 or pg", found: env.string("DB_CLIENT") ?? "")
        }
        self.client = client
        filename = env.string("DB_FILENAME") ?? (client == "sqlite3" ? (dataPath as NSString).appendingPathComponent("data.db") : nil)
        host = env.string("DB_HOST")
        port = try env.string("DB_PORT").map { _ in try env.int("DB_PORT", default: 5432, in: 1...65535) }
        database = env.string("DB_DATABASE")
        user = env.string("DB_USER")
        password = env.string("DB_PASSWORD")
        connectionString = env.string("DB_CONNECTION_STRING")
        poolMin = try env.int("DB_POOL__MIN", default: client == "sqlite3" ? 1 : 2, in: 0...1000)
        poolMax = try env.int("DB_POOL__MAX", default: 10, in: 1...1000)
        ssl = [:]
        for (key, value) in env.group("DB_SSL__") { ssl[key.lowercased()] = value }
        if client == "pg", connectionString == nil, database == nil {
            throw ConfigError("DB_DATABASE (or DB_CONNECTION_STRING) is required when DB_CLIENT=pg.")
        }
    }

    /// Where the database is, for messages: the file, or host:port/database (never the password).
    public var location: String {
        if client == "sqlite3" { return filename ?? "" }
        if let connectionString, let url = URLComponents(string: connectionString) {
            return "\(url.host ?? "localhost"):\(url.port ?? 5432)/\(url.path.drop { $0 == "/" })"
        }
        return "\(host ?? "localhost"):\(port ?? 5432)/\(database ?? "")"
    }

    /// The versioned JSON handed to the driver's `open`.
    var driverConfig: JSON {
        var object: JSONObject = ["v": 1, "client": .string(client)]
        if let filename { object["filename"] = .string(filename) }
        if let host { object["host"] = .string(host) }
        if let port { object["port"] = .int(port) }
        if let database { object["database"] = .string(database) }
        if let user { object["user"] = .string(user) }
        if let password { object["password"] = .string(password) }
        if let connectionString { object["connection_string"] = .string(connectionString) }
        object["pool"] = ["min": .int(poolMin), "max": .int(poolMax)]
        object["ssl"] = .object(JSONObject(ssl.map { ($0.key, JSON.string($0.value)) }))
        return .object(object)
    }
}
