import SQLPlan

/// Directus 11 system tables, column for column (directus_access … directus_deployments).
extension SystemTables {
    static let access = TableSpec(
        name: "directus_access",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("role", .uuid),
            ColumnSpec("user", .uuid),
            ColumnSpec("policy", .uuid, nullable: false),
            ColumnSpec("sort", .integer),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "role", table: "directus_roles", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user", table: "directus_users", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "policy", table: "directus_policies", referencedColumn: "id", onDelete: "CASCADE"),
        ]
    )

    static let activity = TableSpec(
        name: "directus_activity",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("action", .string, length: 45, nullable: false),
            ColumnSpec("user", .uuid),
            ColumnSpec("timestamp", .timestamp, nullable: false, defaultValue: .now),
            ColumnSpec("ip", .string, length: 50),
            ColumnSpec("user_agent", .text),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("item", .string, nullable: false),
            ColumnSpec("origin", .string),
        ],
        indexes: [
            (name: "directus_activity_timestamp_index", columns: ["timestamp"], unique: false),
        ]
    )

    static let collections = TableSpec(
        name: "directus_collections",
        columns: [
            ColumnSpec("collection", .string, length: 64, nullable: false, primaryKey: true),
            ColumnSpec("icon", .string, length: 64),
            ColumnSpec("note", .text),
            ColumnSpec("display_template", .string),
            ColumnSpec("hidden", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("singleton", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("translations", .json),
            ColumnSpec("archive_field", .string, length: 64),
            ColumnSpec("archive_app_filter", .boolean, nullable: false, defaultValue: .value(.bool(true))),
            ColumnSpec("archive_value", .string),
            ColumnSpec("unarchive_value", .string),
            ColumnSpec("sort_field", .string, length: 64),
            ColumnSpec("accountability", .string, defaultValue: .value(.string("all"))),
            ColumnSpec("color", .string),
            ColumnSpec("item_duplication_fields", .json),
            ColumnSpec("sort", .integer),
            ColumnSpec("group", .string, length: 64),
            ColumnSpec("collapse", .string, nullable: false, defaultValue: .value(.string("open"))),
            ColumnSpec("preview_url", .string),
            ColumnSpec("versioning", .boolean, nullable: false, defaultValue: .value(.bool(false))),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "group", table: "directus_collections", referencedColumn: "collection"),
        ]
    )

    static let comments = TableSpec(
        name: "directus_comments",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("item", .string, nullable: false),
            ColumnSpec("comment", .text, nullable: false),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("date_updated", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("user_updated", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
            ForeignKeySpec(column: "user_updated", table: "directus_users", referencedColumn: "id"),
        ]
    )

    static let dashboards = TableSpec(
        name: "directus_dashboards",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, nullable: false),
            ColumnSpec("icon", .string, length: 64, nullable: false, defaultValue: .value(.string("dashboard"))),
            ColumnSpec("note", .text),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("color", .string),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ]
    )

    static let deploymentProjects = TableSpec(
        name: "directus_deployment_projects",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("deployment", .uuid, nullable: false),
            ColumnSpec("external_id", .string, nullable: false),
            ColumnSpec("name", .string, nullable: false),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("url", .string),
            ColumnSpec("framework", .string),
            ColumnSpec("deployable", .boolean, nullable: false, defaultValue: .value(.bool(true))),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "deployment", table: "directus_deployments", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ],
        indexes: [
            (name: "directus_deployment_projects_deployment_external_id_unique", columns: ["deployment", "external_id"], unique: true),
        ]
    )

    static let deploymentRuns = TableSpec(
        name: "directus_deployment_runs",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("project", .uuid, nullable: false),
            ColumnSpec("external_id", .string, nullable: false),
            ColumnSpec("target", .string, nullable: false),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("status", .string),
            ColumnSpec("url", .string),
            ColumnSpec("started_at", .timestamp),
            ColumnSpec("completed_at", .timestamp),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "project", table: "directus_deployment_projects", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ]
    )

    static let deployments = TableSpec(
        name: "directus_deployments",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("provider", .string, nullable: false),
            ColumnSpec("credentials", .text),
            ColumnSpec("options", .text),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("webhook_ids", .json),
            ColumnSpec("webhook_secret", .string),
            ColumnSpec("last_synced_at", .timestamp),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ],
        indexes: [
            (name: "directus_deployments_provider_unique", columns: ["provider"], unique: true),
        ]
    )
}
