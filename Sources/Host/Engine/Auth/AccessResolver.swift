import Foundation
import PlinthJSON
import SQLPlan

/// Turns a caller (a user, or nobody) into an `Accountability`: role chain, policies, admin and app access.
///
/// The Directus 11 model: a user's policies are those attached to the user
/// and to every role of its chain through `directus_access`; anonymous
/// callers get the public policies (access rows with no role and no user).
/// Policies whose `ip_access` excludes the caller's IP are dropped.
/// Results are cached per user and invalidated by `invalidate()`, which the
/// engine calls on any write to users, roles, policies or access.
public final class AccessResolver: @unchecked Sendable {
    let database: Database
    private let lock = NSLock()
    private var users: [String: UserAccess] = [:]
    private var tokens: [String: String] = [:]
    private var publicAccess: [PolicyGrant]?

    init(database: Database) {
        self.database = database
    }

    /// A policy as it applies to a request: its id, global flags and IP ranges.
    struct PolicyGrant: Sendable {
        let id: String
        let admin: Bool
        let app: Bool
        let ipAccess: [String]
    }

    struct UserAccess: Sendable {
        let role: String?
        let roles: [String]
        let policies: [PolicyGrant]
    }

    /// Forgets every cached answer.
    public func invalidate() {
        lock.withLock {
            users = [:]
            tokens = [:]
            publicAccess = nil
        }
    }

    /// The accountability of an anonymous caller from `ip`.
    func anonymous(ip: String?) throws -> Accountability {
        let policies = try lock.withLock({ publicAccess }) ?? {
            let grants = try grants(forAccessRows: database.rows(of: SystemTables.access, columns: ["policy"], where: ["role": .null, "user": .null]))
            lock.withLock { publicAccess = grants }
            return grants
        }()
        return Accountability.make(user: nil, role: nil, roles: [], grants: policies, ip: ip)
    }

    /// The accountability of an active user, or nil when the user does not exist or is not active.
    func user(_ id: String, ip: String?) throws -> Accountability? {
        if let cached = lock.withLock({ users[id] }) {
            return Accountability.make(user: id, role: cached.role, roles: cached.roles, grants: cached.policies, ip: ip)
        }
        guard let row = try database.rows(of: SystemTables.users, columns: ["id", "role", "status"], where: ["id": .string(id)]).first,
              row["status"]?.stringValue == "active" else { return nil }
        let role = row["role"]?.stringValue
        let roles = try roleChain(role)
        var accessRows = try database.rows(of: SystemTables.access, columns: ["policy"], where: ["user": .string(id)])
        for roleID in roles {
            accessRows += try database.rows(of: SystemTables.access, columns: ["policy"], where: ["role": .string(roleID)])
        }
        let access = UserAccess(role: role, roles: roles, policies: try grants(forAccessRows: accessRows))
        lock.withLock { users[id] = access }
        return Accountability.make(user: id, role: role, roles: roles, grants: access.policies, ip: ip)
    }

    /// The id of the active user owning a static token, or nil.
    func userID(forStaticToken token: String) throws -> String? {
        if let cached = lock.withLock({ tokens[token] }) { return cached }
        guard let row = try database.rows(of: SystemTables.users, columns: ["id"], where: ["token": .string(token), "status": "active"], limit: 1).first,
              let id = row["id"]?.stringValue else { return nil }
        lock.withLock { tokens[token] = id }
        return id
    }

    /// A role and its ancestors, nearest first; stops on a cycle.
    private func roleChain(_ role: String?) throws -> [String] {
        var chain: [String] = []
        var next = role
        while let current = next, !chain.contains(current) {
            chain.append(current)
            next = try database.rows(of: SystemTables.roles, columns: ["parent"], where: ["id": .string(current)]).first?["parent"]?.stringValue
        }
        return chain
    }

    private func grants(forAccessRows rows: [JSONObject]) throws -> [PolicyGrant] {
        var seen = Set<String>()
        var grants: [PolicyGrant] = []
        for id in rows.compactMap({ $0["policy"]?.stringValue }) where seen.insert(id).inserted {
            guard let policy = try database.rows(of: SystemTables.policies, columns: ["id", "admin_access", "app_access", "ip_access"], where: ["id": .string(id)]).first else { continue }
            let ranges = (policy["ip_access"]?.stringValue ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            grants.append(PolicyGrant(id: id, admin: policy["admin_access"]?.boolValue ?? false, app: policy["app_access"]?.boolValue ?? false, ipAccess: ranges))
        }
        return grants
    }
}

extension Accountability {
    /// Combines grants, dropping policies whose IP ranges exclude `ip` (IP access is subtractive).
    static func make(user: String?, role: String?, roles: [String], grants: [AccessResolver.PolicyGrant], ip: String?) -> Accountability {
        let applicable = grants.filter { $0.ipAccess.isEmpty || IPRange.matches(ip ?? "", any: $0.ipAccess) }
        return Accountability(user: user, role: role, roles: roles, policies: applicable.map(\.id),
                              admin: applicable.contains(where: \.admin), app: applicable.contains(where: \.app), ip: ip)
    }
}
