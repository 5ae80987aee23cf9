import Foundation
import PlinthJSON

/// What `plinth users …` and `plinth roles …` do, as Directus's CLI does it: through the engine's
/// write path (so defaults, validation and hooks apply) without an accountability (so no activity).
///
/// Every method blocks on the database; run them on the blocking pool.
struct Accounts {
    let engine: Engine

    /// Creates an active user and returns its id; `role` is a role's id or its (unique) name.
    ///
    /// The engine's rules for `directus_users` check the email (valid, unique ignoring case) and the
    /// password policy, and the `hash` special hashes the password, as Directus's UsersService does.
    func createUser(email: String, password: String, role: String) throws -> String {
        let roleID = try roleID(role)
        let users = try ItemsService(engine: engine, context: nil, collection: "directus_users")
        let key = try users.write { writer in
            try writer.create(users.collection, ["email": .string(email.trimmingCharacters(in: .whitespaces)), "password": .string(password),
                                                 "role": .string(roleID), "status": "active"])
        }
        return key.stringValue ?? key.description
    }

    /// Sets the password of the user with this email (ignoring case) and returns the user's id.
    func setPassword(email: String, password: String) throws -> String {
        let matches = try usersWithEmail(email.trimmingCharacters(in: .whitespaces))
        guard let id = matches.first else { throw CommandError("No user has the email \(email).") }
        guard matches.count == 1 else { throw CommandError("\(matches.count) users have the email \(email) (ignoring case); set the password through the API instead.") }
        // Directus's `users passwd` writes the hash directly: no password policy, no hooks.
        try engine.database.updateRows(of: SystemTables.users, set: ["password": .string(try PasswordHasher(engine.env).hash(password))], where: ["id": .string(id)])
        return id
    }

    /// Creates a role with its own policy ("Policy for <name>", with admin and app access as asked)
    /// attached through `directus_access`, as Directus 11's `roles create` does; returns the role's id.
    func createRole(name: String, admin: Bool, app: Bool) throws -> String {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandError("A role needs a name.") }
        let policies = try ItemsService(engine: engine, context: nil, collection: "directus_policies")
        let roles = try ItemsService(engine: engine, context: nil, collection: "directus_roles")
        let access = try ItemsService(engine: engine, context: nil, collection: "directus_access")
        let key = try roles.write { writer -> JSON in
            let policy = try writer.create(policies.collection, ["name": .string("Policy for \(name)"), "admin_access": .bool(admin),
                                                                 "app_access": .bool(app), "icon": "supervised_user_circle"])
            let role = try writer.create(roles.collection, ["name": .string(name)])
            try writer.create(access.collection, ["role": role, "policy": policy])
            return role
        }
        return key.stringValue ?? key.description
    }

    /// Ids of the users whose email equals `email` ignoring case.
    private func usersWithEmail(_ email: String) throws -> [String] {
        var query = Query()
        query.fields = ["id", "email"]
        query.filter = ["email": ["_icontains": .string(email)]]
        query.limit = -1
        let rows = try ItemsService(engine: engine, context: nil, collection: "directus_users").rows(query)
        return rows.filter { $0["email"]?.stringValue?.lowercased() == email.lowercased() }.compactMap { $0["id"]?.stringValue }
    }

    /// The id of the role `reference` names: its id, else its name when exactly one role has it.
    private func roleID(_ reference: String) throws -> String {
        let database = engine.database
        if UUID(uuidString: reference) != nil, let row = try database.rows(of: SystemTables.roles, columns: ["id"], where: ["id": .string(reference.lowercased())]).first,
           let id = row["id"]?.stringValue {
            return id
        }
        let named = try database.rows(of: SystemTables.roles, columns: ["id"], where: ["name": .string(reference)]).compactMap { $0["id"]?.stringValue }
        switch named.count {
        case 1: return named[0]
        case 0: throw CommandError("No role has the id or name \"\(reference)\". Create one with `plinth roles create --role <name>`.")
        default: throw CommandError("\(named.count) roles are named \"\(reference)\"; pass the role's id instead.")
        }
    }
}

extension Accounts {
    /// Opens the installed database, as it is (Directus's account commands do not migrate), and runs `body`
    /// on the blocking pool; only the command's own output reaches stdout.
    static func run<T>(_ body: @escaping (Accounts) throws -> T) async throws -> T {
        let (env, settings) = try loadConfiguration()
        let runtime = try await Runtime.forCommand(env: env, settings: settings)
        let database = try await runtime.openDatabase()
        let engine = try await runtime.pool.run { () throws -> Engine in
            guard try Bootstrap(database: database, env: env, logger: runtime.logger).isInstalled(), let resolver = runtime.authentication?.resolver else {
                throw ConfigError("The database has no Directus tables; run `plinth bootstrap` first.")
            }
            return try Engine(database: database, env: env, logger: runtime.logger, access: resolver, bus: runtime.bus)
        }
        return try await runtime.pool.run { try body(Accounts(engine: engine)) }
    }
}

/// A command that could not do what was asked; the message says why and what to do.
struct CommandError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
