import SQLPlan

/// The `directus_*` tables of a fresh install, with Directus 11.17's names, columns, types and keys.
enum SystemTables {
    /// Every system table, in an order where referenced tables come first.
    static let all: [TableSpec] = [
        migrations, roles, policies, folders, users, access, files, collections, fields, relations,
        activity, revisions, sessions, settings, presets, permissions, shares, dashboards, panels,
        flows, operations, notifications, translations, versions, comments, extensions,
        deployments, deploymentProjects, deploymentRuns,
    ]

    private static let byName: [String: TableSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The system table called `name`.
    static func table(_ name: String) -> TableSpec? { byName[name] }

    /// The public policy every install has; bound to anonymous requests by an access row with no role and no user.
    static let publicPolicyID = "abf8a154-5b1c-4a46-ac9c-7300570f4f17"
}
