import SQLPlan

/// Shapes of system tables (or of their columns) that Directus 11.17 no longer has, as the migrations find them.
///
/// Migrations read legacy rows through these so values come back typed
/// (booleans, JSON, dates) on every database; only the columns they read are listed.
enum LegacyTables {
    /// `directus_roles` before 20240806A moved access control to policies.
    static let roles = TableSpec(name: "directus_roles", columns: [
        ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
        ColumnSpec("name", .string, length: 100, nullable: false),
        ColumnSpec("icon", .string, length: 30, nullable: false),
        ColumnSpec("description", .text),
        ColumnSpec("ip_access", .text),
        ColumnSpec("enforce_tfa", .boolean, nullable: false),
        ColumnSpec("admin_access", .boolean, nullable: false),
        ColumnSpec("app_access", .boolean, nullable: false),
    ])

    /// `directus_permissions` before 20240806A: keyed by role, NULL for the public role.
    static let permissions = TableSpec(name: "directus_permissions", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("role", .uuid),
        ColumnSpec("policy", .uuid),
    ])

    /// `directus_webhooks`, which 20240311A turns into flows and 20251224A drops.
    static let webhooks = TableSpec(name: "directus_webhooks", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("name", .string, nullable: false),
        ColumnSpec("method", .string, length: 10, nullable: false),
        ColumnSpec("url", .text, nullable: false),
        ColumnSpec("status", .string, length: 10, nullable: false),
        ColumnSpec("data", .boolean, nullable: false),
        ColumnSpec("actions", .string, length: 100, nullable: false),
        ColumnSpec("collections", .text, nullable: false),
        ColumnSpec("headers", .json),
        ColumnSpec("was_active_before_deprecation", .boolean, nullable: false, defaultValue: .value(.bool(false))),
        ColumnSpec("migrated_flow", .uuid),
    ], foreignKeys: [
        ForeignKeySpec(column: "migrated_flow", table: "directus_flows", referencedColumn: "id", onDelete: "SET NULL"),
    ])

    /// `directus_extensions` as 20231010A creates it, keyed by name until 20240204A.
    static let extensions = TableSpec(name: "directus_extensions", columns: [
        ColumnSpec("name", .string, nullable: false, primaryKey: true),
        ColumnSpec("enabled", .boolean, nullable: false, defaultValue: .value(.bool(true))),
    ])

    /// `directus_activity` with the `comment` column 20240924A moves to `directus_comments`.
    static let activity = TableSpec(name: "directus_activity", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("action", .string, length: 45, nullable: false),
        ColumnSpec("user", .uuid),
        ColumnSpec("timestamp", .timestamp, nullable: false),
        ColumnSpec("collection", .string, length: 64, nullable: false),
        ColumnSpec("item", .string, nullable: false),
        ColumnSpec("comment", .text),
    ])

    /// `directus_settings` as 20230526A and 20250224A read it (`translation_strings` moves to `directus_translations`).
    static let settings = TableSpec(name: "directus_settings", columns: [
        ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
        ColumnSpec("translation_strings", .json),
        ColumnSpec("module_bar", .json),
    ])

    /// `directus_users.theme`, replaced by `appearance` in 20230927A.
    static let users = TableSpec(name: "directus_users", columns: [
        ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
        ColumnSpec("theme", .string, length: 20),
        ColumnSpec("appearance", .string),
    ])
}
