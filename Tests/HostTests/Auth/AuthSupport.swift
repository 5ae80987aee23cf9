import Foundation
import Testing
@testable import Host
import PlinthJSON

/// Seeding users, roles and policies straight into the database, and decoding tokens, for auth tests.
extension APIHost {
    /// Creates a policy, and a role using it when `role` is true; returns (policy id, role id).
    @discardableResult
    func seedPolicy(name: String, admin: Bool = false, app: Bool = false, ipAccess: String? = nil, enforceTFA: Bool = false,
                    role: Bool = true) throws -> (policy: String, role: String?) {
        let policy = UUID().uuidString.lowercased()
        let ip = ipAccess.map { "'\($0)'" } ?? "NULL"
        try sql("INSERT INTO directus_policies (id, name, icon, admin_access, app_access, enforce_tfa, ip_access) VALUES ('\(policy)', '\(name)', 'badge', \(bool(admin)), \(bool(app)), \(bool(enforceTFA)), \(ip))")
        guard role else { return (policy, nil) }
        let roleID = UUID().uuidString.lowercased()
        try sql("INSERT INTO directus_roles (id, name, icon) VALUES ('\(roleID)', '\(name) role', 'group')")
        try sql("INSERT INTO directus_access (id, role, policy, sort) VALUES ('\(UUID().uuidString.lowercased())', '\(roleID)', '\(policy)', 1)")
        return (policy, roleID)
    }

    /// Creates a user; returns its id.
    @discardableResult
    func seedUser(email: String, password: String? = nil, token: String? = nil, role: String? = nil, status: String = "active",
                  provider: String = "default") throws -> String {
        let id = UUID().uuidString.lowercased()
        let hash = try password.map { "'\(try PasswordHasher().hash($0))'" } ?? "NULL"
        let tokenSQL = token.map { "'\($0)'" } ?? "NULL"
        let roleSQL = role.map { "'\($0)'" } ?? "NULL"
        try sql("INSERT INTO directus_users (id, email, password, token, role, status, provider) VALUES ('\(id)', '\(email)', \(hash), \(tokenSQL), \(roleSQL), '\(status)', '\(provider)')")
        return id
    }

    func bool(_ value: Bool) -> String {
        database == .sqlite ? (value ? "1" : "0") : (value ? "true" : "false")
    }

    /// POSTs JSON without any Authorization header.
    func anonymous(_ method: String, _ path: String, _ body: Any? = nil, headers: [String: String] = [:]) async throws -> TestResponse {
        try await send(method, path, body, token: "", headers: headers)
    }
}

enum TokenClaims {
    /// The payload of a JWT, without checking it.
    static func decode(_ token: String) -> [String: Any] {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return [:] }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }
}

extension TestResponse {
    /// `data` of a JSON body.
    var data: Any? { (json as? [String: Any])?["data"] }
    var dataObject: [String: Any] { data as? [String: Any] ?? [:] }
    /// The first error's code.
    var errorCode: String? {
        (((json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any])?["code"] as? String
    }
    /// Every Set-Cookie header (URLSession folds them into one, comma-separated).
    var setCookies: [String] {
        guard let raw = header("Set-Cookie") else { return [] }
        // Split on ", name=" boundaries, not on the comma inside Expires dates.
        var cookies: [String] = []
        var current = ""
        for piece in raw.components(separatedBy: ", ") {
            if !current.isEmpty, let equals = piece.firstIndex(of: "="), !piece[..<equals].contains(" "), !piece[..<equals].contains(";"),
               !["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(where: { current.hasSuffix($0) }) {
                cookies.append(current)
                current = piece
            } else {
                current = current.isEmpty ? piece : current + ", " + piece
            }
        }
        if !current.isEmpty { cookies.append(current) }
        return cookies
    }

    func cookie(_ name: String) -> String? {
        setCookies.first { $0.hasPrefix(name + "=") }
    }

    func cookieValue(_ name: String) -> String? {
        cookie(name).map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }
}
