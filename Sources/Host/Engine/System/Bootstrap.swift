import Foundation
import Logging
import PlinthJSON
import SQLPlan

/// Installs the system tables on an empty database, or migrates an existing one.
///
/// Install writes what Directus 11.17's `bootstrap` writes: every system
/// table, a row per Directus migration, the public policy and its access
/// row, the settings row, and the Administrator role, policy, access row
/// and first user — all in one batch, so a failure leaves the database empty.
struct Bootstrap {
    let database: Database
    let env: Environment
    let logger: Logger

    enum Outcome: Equatable {
        case installed(adminEmail: String?, generatedPassword: String?)
        case migrated([String])
    }

    /// Whether the database holds Directus's tables (`directus_collections` exists, as Directus checks).
    func isInstalled() throws -> Bool {
        try database.tableNames().contains("directus_collections")
    }

    func run() throws -> Outcome {
        if try isInstalled() {
            return .migrated(try MigrationRunner(database: database, logger: logger, env: env).migrate())
        }
        return try install()
    }

    func install() throws -> Outcome {
        var plans: [Plan] = [.schema(SystemTables.all.map(SchemaChange.createTable))]
        plans += DirectusMigrations.all.map { migration in
            .insert(Insert(table: "directus_migrations", columns: ["version", "name"], rows: [[.value(.string(migration.version), type: .string), .value(.string(migration.name), type: .string)]]))
        }
        plans.append(row(SystemTables.policies, ["id": .string(SystemTables.publicPolicyID), "name": "$t:public_label", "icon": "public",
                                                  "description": "$t:public_description", "enforce_tfa": false, "admin_access": false, "app_access": false]))
        plans.append(row(SystemTables.access, ["id": .string(Identifiers.uuid()), "role": .null, "user": .null, "policy": .string(SystemTables.publicPolicyID), "sort": 1]))
        var settings: JSONObject = ["project_id": .string(Identifiers.uuidV7())]
        if let name = env.string("PROJECT_NAME"), !name.isEmpty { settings["project_name"] = .string(name) }
        plans.append(row(SystemTables.settings, settings))

        let roleID = Identifiers.uuid()
        let policyID = Identifiers.uuid()
        plans.append(row(SystemTables.roles, ["id": .string(roleID), "name": "Administrator", "icon": "verified", "description": "$t:admin_description", "parent": .null]))
        plans.append(row(SystemTables.policies, ["id": .string(policyID), "name": "Administrator", "icon": "verified", "description": "$t:admin_description",
                                                  "admin_access": true, "app_access": true, "enforce_tfa": false]))
        plans.append(row(SystemTables.access, ["id": .string(Identifiers.uuid()), "role": .string(roleID), "user": .null, "policy": .string(policyID)]))

        let (email, password, generated) = adminCredentials()
        var user: JSONObject = [
            "id": .string(Identifiers.uuid()), "email": .string(email), "password": .string(try PasswordHasher(env).hash(password)),
            "first_name": "Admin", "last_name": "User", "status": "active", "role": .string(roleID), "provider": "default",
        ]
        if let token = env.string("ADMIN_TOKEN"), !token.isEmpty { user["token"] = .string(token) }
        plans.append(row(SystemTables.users, user))

        try database.execute(.batch(plans))
        return .installed(adminEmail: email, generatedPassword: generated ? password : nil)
    }

    /// ADMIN_EMAIL and ADMIN_PASSWORD, or admin@example.com with a random password to print once.
    private func adminCredentials() -> (email: String, password: String, generated: Bool) {
        let email = env.string("ADMIN_EMAIL").flatMap { $0.isEmpty ? nil : $0 } ?? "admin@example.com"
        if let password = env.string("ADMIN_PASSWORD"), !password.isEmpty { return (email, password, false) }
        return (email, Identifiers.random(length: 16), true)
    }

    private func row(_ table: TableSpec, _ values: JSONObject) -> Plan {
        .insert(Insert(table: table.name, columns: values.keys, rows: [values.keys.map { .value(values[$0]!, type: table.type(of: $0)) }]))
    }
}
