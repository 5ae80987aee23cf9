import PlinthJSON
import SQLPlan

extension Migrations {
    /// 20240806A Permissions Policies: Directus 11's access model.
    ///
    /// Every role becomes a policy with the same id, name, icon, description and access flags (the
    /// default admin role's description becomes `$t:admin_policy_description`), attached back to its role
    /// by an access row with sort 1. The public role (permissions with no role) becomes the public policy
    /// with its own access row. Permissions then point at policies, and roles lose their flags and gain a parent.
    static let permissionsPolicies = Migration(version: "20240806A") { context in
        // Directus treats an existing policies table as "already migrated".
        guard try !context.hasTable(SystemTables.policies.name) else { return }
        let roles = try context.database.rows(of: LegacyTables.roles)
        let policies = SystemTables.policies
        let access = SystemTables.access
        let publicID = JSON.string(SystemTables.publicPolicyID)

        var plans: [Plan] = [.schema([.createTable(policies)])]
        for role in roles {
            plans.append(policies.insertPlan(JSONObject(LegacyTables.roles.columns.map { ($0.name, role[$0.name] ?? .null) })))
        }
        plans.append(policies.insertPlan([
            "id": publicID, "name": "$t:public_label", "icon": "public", "description": "$t:public_description", "app_access": false,
        ]))
        // Directus matches with LIKE, whose only wildcards here are the underscores; equality is what is meant.
        plans.append(policies.updatePlan(set: ["description": "$t:admin_policy_description"], where: ["description": "$t:admin_description"]))

        plans.append(.schema(["ip_access", "enforce_tfa", "admin_access", "app_access"].map { .dropColumn(table: SystemTables.roles.name, column: $0) }
            + SystemTables.roles.adding("parent")))

        let permissions = SystemTables.permissions
        plans += [
            .schema([.addColumn(table: permissions.name, column: ColumnSpec("policy", .uuid)),
                     .dropForeignKey(table: permissions.name, column: "role")]),
            LegacyTables.permissions.updatePlan(set: ["role": publicID], where: ["role": .null]),
            LegacyTables.permissions.copyPlan(from: "role", to: "policy"),
            .schema([.dropColumn(table: permissions.name, column: "role")] + permissions.altering("policy")
                + [.addForeignKey(table: permissions.name, key: permissions.foreignKey(on: "policy"))]),
        ]

        plans.append(.schema([.createTable(access)]))
        for role in roles {
            plans.append(access.insertPlan(["id": .string(Identifiers.uuid()), "role": role["id"] ?? .null, "user": .null,
                                            "policy": role["id"] ?? .null, "sort": 1]))
        }
        plans.append(access.insertPlan(["id": .string(Identifiers.uuid()), "role": .null, "user": .null, "policy": publicID, "sort": 1]))
        try context.apply(plans)
    }
}
