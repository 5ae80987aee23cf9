import CLibPQ
import Foundation
import PlinthJSON
import SQLCompiler

/// The driver's config JSON as libpq connection keywords, with the pool size
/// and the DB_SSL__* options mapped to sslmode and certificate files.
final class PostgresSettings: @unchecked Sendable {
    private(set) var keywords: [(String, String)] = []
    let poolMin: Int
    let poolMax: Int
    /// Certificates given inline (DB_SSL__CA, __CERT, __KEY) are written here for libpq; removed on deinit.
    private var temporaryFiles: [String] = []

    init(json: JSON) throws {
        poolMax = max(1, json["pool"]?["max"]?.intValue ?? 10)
        poolMin = min(max(1, json["pool"]?["min"]?.intValue ?? 2), poolMax)
        // Defaults first: with expand_dbname the first dbname may be a whole URL, whose
        // parameters override earlier keywords, and later keywords override it.
        keywords = [("connect_timeout", "10"), ("client_encoding", "UTF8"), ("application_name", "plinth")]
        if let url = json["connection_string"]?.stringValue, !url.isEmpty { keywords.append(("dbname", url)) }
        for (key, keyword) in [("host", "host"), ("port", "port"), ("user", "user"), ("password", "password"), ("database", "dbname")] {
            if let value = json[key], !value.isNull { keywords.append((keyword, value.stringValue ?? value.description)) }
        }
        if !keywords.contains(where: { $0.0 == "dbname" }) {
            throw DriverError("invalid_plan", "DB_DATABASE (or DB_CONNECTION_STRING) is required for PostgreSQL")
        }
        try addSSL(json["ssl"]?.objectValue ?? JSONObject())
    }

    deinit {
        for path in temporaryFiles { unlink(path) }
    }

    /// node-postgres's options (what Directus takes) in libpq's terms: verification
    /// off is `require`, a CA is `verify-full`; nothing set leaves libpq's `prefer`.
    private func addSSL(_ ssl: JSONObject) throws {
        guard !ssl.isEmpty else { return }
        func option(_ names: String...) -> String? { names.lazy.compactMap { ssl[$0]?.stringValue ?? ssl[$0].map(\.description) }.first }
        let reject = option("reject_unauthorized", "rejectunauthorized").map { !["false", "0", "no"].contains($0.lowercased()) } ?? true
        var mode = reject ? "verify-full" : "require"
        if let ca = option("ca") {
            keywords.append(("sslrootcert", try temporaryFile(ca, suffix: "ca.pem")))
        } else if let path = option("ca_file", "sslrootcert") {
            keywords.append(("sslrootcert", path))
        } else if reject, FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt") {
            keywords.append(("sslrootcert", "/etc/ssl/certs/ca-certificates.crt"))
        } else {
            mode = "require"
        }
        if let cert = option("cert") { keywords.append(("sslcert", try temporaryFile(cert, suffix: "cert.pem"))) }
        if let path = option("cert_file", "sslcert") { keywords.append(("sslcert", path)) }
        if let key = option("key") { keywords.append(("sslkey", try temporaryFile(key, suffix: "key.pem"))) }
        if let path = option("key_file", "sslkey") { keywords.append(("sslkey", path)) }
        keywords.append(("sslmode", option("sslmode", "mode") ?? mode))
    }

    /// libpq reads certificates from files only; a key file must not be readable by others.
    private func temporaryFile(_ contents: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "plinth-pg-\(getpid())-\(UUID().uuidString.prefix(8))-\(suffix)"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw DriverError("invalid_plan", "cannot write the SSL certificate to \(path)") }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw DriverError("invalid_plan", "cannot write the SSL certificate to \(path)") }
        temporaryFiles.append(path)
        return path
    }

    /// Opens a connection; the error names host, port and database (never the password).
    func connect() throws -> OpaquePointer {
        let names = keywords.map { strdup($0.0) } + [nil]
        let values = keywords.map { strdup($0.1) } + [nil]
        defer { (names + values).forEach { free($0) } }
        let connection = names.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { keys in
            values.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { vals in
                PQconnectdbParams(keys.baseAddress, vals.baseAddress, 1)
            }
        }
        guard let connection else { throw DriverError("connection", "cannot connect to PostgreSQL: out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let where_ = Self.location(connection)
            PQfinish(connection)
            throw DriverError("connection", "cannot connect to PostgreSQL at \(where_): \(reason)")
        }
        return connection
    }

    /// host:port/database of a connection (libpq knows them after parsing the URL, also when connecting failed).
    static func location(_ connection: OpaquePointer) -> String {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String? { value.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        return "\(text(PQhost(connection)) ?? "localhost"):\(text(PQport(connection)) ?? "5432")/\(text(PQdb(connection)) ?? "")"
    }
}
