import SQLPlan

/// Directus 11 system tables, column for column (directus_panels … directus_sessions).
extension SystemTables {
    static let panels = TableSpec(
        name: "directus_panels",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("dashboard", .uuid, nullable: false),
            ColumnSpec("name", .string),
            ColumnSpec("icon", .string, length: 64, defaultValue: .value(.null)),
            ColumnSpec("color", .string, length: 10),
            ColumnSpec("show_header", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("note", .text),
            ColumnSpec("type", .string, nullable: false),
            ColumnSpec("position_x", .integer, nullable: false),
            ColumnSpec("position_y", .integer, nullable: false),
            ColumnSpec("width", .integer, nullable: false),
            ColumnSpec("height", .integer, nullable: false),
            ColumnSpec("options", .json),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "dashboard", table: "directus_dashboards", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ]
    )

    static let permissions = TableSpec(
        name: "directus_permissions",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("action", .string, length: 10, nullable: false),
            ColumnSpec("permissions", .json),
            ColumnSpec("validation", .json),
            ColumnSpec("presets", .json),
            ColumnSpec("fields", .text),
            ColumnSpec("policy", .uuid, nullable: false),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "policy", table: "directus_policies", referencedColumn: "id", onDelete: "CASCADE"),
        ]
    )

    static let policies = TableSpec(
        name: "directus_policies",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, length: 100, nullable: false),
            ColumnSpec("icon", .string, length: 64, nullable: false, defaultValue: .value(.string("badge"))),
            ColumnSpec("description", .text),
            ColumnSpec("ip_access", .text),
            ColumnSpec("enforce_tfa", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("admin_access", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("app_access", .boolean, nullable: false, defaultValue: .value(.bool(false))),
        ]
    )

    static let presets = TableSpec(
        name: "directus_presets",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("bookmark", .string),
            ColumnSpec("user", .uuid),
            ColumnSpec("role", .uuid),
            ColumnSpec("collection", .string, length: 64),
            ColumnSpec("search", .string, length: 100),
            ColumnSpec("layout", .string, length: 100, defaultValue: .value(.string("tabular"))),
            ColumnSpec("layout_query", .json),
            ColumnSpec("layout_options", .json),
            ColumnSpec("refresh_interval", .integer),
            ColumnSpec("filter", .json),
            ColumnSpec("icon", .string, length: 64, defaultValue: .value(.string("bookmark"))),
            ColumnSpec("color", .string),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user", table: "directus_users", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "role", table: "directus_roles", referencedColumn: "id", onDelete: "CASCADE"),
        ]
    )

    static let relations = TableSpec(
        name: "directus_relations",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("many_collection", .string, length: 64, nullable: false),
            ColumnSpec("many_field", .string, length: 64, nullable: false),
            ColumnSpec("one_collection", .string, length: 64),
            ColumnSpec("one_field", .string, length: 64),
            ColumnSpec("one_collection_field", .string, length: 64),
            ColumnSpec("one_allowed_collections", .text),
            ColumnSpec("junction_field", .string, length: 64),
            ColumnSpec("sort_field", .string, length: 64),
            ColumnSpec("one_deselect_action", .string, nullable: false, defaultValue: .value(.string("nullify"))),
        ]
    )

    static let revisions = TableSpec(
        name: "directus_revisions",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("activity", .integer, nullable: false),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("item", .string, nullable: false),
            ColumnSpec("data", .json),
            ColumnSpec("delta", .json),
            ColumnSpec("parent", .integer),
            ColumnSpec("version", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "activity", table: "directus_activity", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "parent", table: "directus_revisions", referencedColumn: "id"),
            ForeignKeySpec(column: "version", table: "directus_versions", referencedColumn: "id", onDelete: "CASCADE"),
        ],
        indexes: [
            (name: "directus_revisions_activity_index", columns: ["activity"], unique: false),
            (name: "directus_revisions_parent_index", columns: ["parent"], unique: false),
        ]
    )

    static let roles = TableSpec(
        name: "directus_roles",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, length: 100, nullable: false),
            ColumnSpec("icon", .string, length: 64, nullable: false, defaultValue: .value(.string("supervised_user_circle"))),
            ColumnSpec("description", .text),
            ColumnSpec("parent", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "parent", table: "directus_roles", referencedColumn: "id"),
        ]
    )

    static let sessions = TableSpec(
        name: "directus_sessions",
        columns: [
            ColumnSpec("token", .string, length: 64, nullable: false, primaryKey: true),
            ColumnSpec("user", .uuid),
            ColumnSpec("expires", .timestamp, nullable: false),
            ColumnSpec("ip", .string),
            ColumnSpec("user_agent", .text),
            ColumnSpec("share", .uuid),
            ColumnSpec("origin", .string),
            ColumnSpec("next_token", .string, length: 64),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user", table: "directus_users", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "share", table: "directus_shares", referencedColumn: "id", onDelete: "CASCADE"),
        ]
    )
}
