import SQLPlan

/// Directus 11 system tables, column for column (directus_extensions … directus_operations).
extension SystemTables {
    static let extensions = TableSpec(
        name: "directus_extensions",
        columns: [
            ColumnSpec("enabled", .boolean, nullable: false, defaultValue: .value(.bool(true))),
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("folder", .string, nullable: false),
            ColumnSpec("source", .string, nullable: false),
            ColumnSpec("bundle", .uuid),
        ]
    )

    static let fields = TableSpec(
        name: "directus_fields",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("field", .string, length: 64, nullable: false),
            ColumnSpec("special", .string, length: 64),
            ColumnSpec("interface", .string, length: 64),
            ColumnSpec("options", .json),
            ColumnSpec("display", .string, length: 64),
            ColumnSpec("display_options", .json),
            ColumnSpec("readonly", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("hidden", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("sort", .integer),
            ColumnSpec("width", .string, length: 30, defaultValue: .value(.string("full"))),
            ColumnSpec("translations", .json),
            ColumnSpec("note", .text),
            ColumnSpec("conditions", .json),
            ColumnSpec("required", .boolean, defaultValue: .value(.bool(false))),
            ColumnSpec("group", .string, length: 64),
            ColumnSpec("validation", .json),
            ColumnSpec("validation_message", .text),
            ColumnSpec("searchable", .boolean, nullable: false, defaultValue: .value(.bool(true))),
        ]
    )

    static let files = TableSpec(
        name: "directus_files",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("storage", .string, nullable: false),
            ColumnSpec("filename_disk", .string),
            ColumnSpec("filename_download", .string, nullable: false),
            ColumnSpec("title", .string),
            ColumnSpec("type", .string),
            ColumnSpec("folder", .uuid),
            ColumnSpec("uploaded_by", .uuid),
            ColumnSpec("created_on", .timestamp, nullable: false, defaultValue: .now),
            ColumnSpec("modified_by", .uuid),
            ColumnSpec("modified_on", .timestamp, nullable: false, defaultValue: .now),
            ColumnSpec("charset", .string, length: 50),
            ColumnSpec("filesize", .bigInteger),
            ColumnSpec("width", .integer),
            ColumnSpec("height", .integer),
            ColumnSpec("duration", .integer),
            ColumnSpec("embed", .string, length: 200),
            ColumnSpec("description", .text),
            ColumnSpec("location", .text),
            ColumnSpec("tags", .text),
            ColumnSpec("metadata", .json),
            ColumnSpec("focal_point_x", .integer),
            ColumnSpec("focal_point_y", .integer),
            ColumnSpec("tus_id", .string, length: 64),
            ColumnSpec("tus_data", .json),
            ColumnSpec("uploaded_on", .timestamp),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "folder", table: "directus_folders", referencedColumn: "id", onDelete: "SET NULL"),
            ForeignKeySpec(column: "uploaded_by", table: "directus_users", referencedColumn: "id"),
            ForeignKeySpec(column: "modified_by", table: "directus_users", referencedColumn: "id"),
        ]
    )

    static let flows = TableSpec(
        name: "directus_flows",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, nullable: false),
            ColumnSpec("icon", .string, length: 64),
            ColumnSpec("color", .string),
            ColumnSpec("description", .text),
            ColumnSpec("status", .string, nullable: false, defaultValue: .value(.string("active"))),
            ColumnSpec("trigger", .string),
            ColumnSpec("accountability", .string, defaultValue: .value(.string("all"))),
            ColumnSpec("options", .json),
            ColumnSpec("operation", .uuid),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ],
        indexes: [
            (name: "directus_flows_operation_unique", columns: ["operation"], unique: true),
        ]
    )

    static let folders = TableSpec(
        name: "directus_folders",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, nullable: false),
            ColumnSpec("parent", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "parent", table: "directus_folders", referencedColumn: "id"),
        ]
    )

    static let migrations = TableSpec(
        name: "directus_migrations",
        columns: [
            ColumnSpec("version", .string, nullable: false, primaryKey: true),
            ColumnSpec("name", .string, nullable: false),
            ColumnSpec("timestamp", .timestamp, defaultValue: .now),
        ]
    )

    static let notifications = TableSpec(
        name: "directus_notifications",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("timestamp", .timestamp, defaultValue: .now),
            ColumnSpec("status", .string, defaultValue: .value(.string("inbox"))),
            ColumnSpec("recipient", .uuid, nullable: false),
            ColumnSpec("sender", .uuid),
            ColumnSpec("subject", .string, nullable: false),
            ColumnSpec("message", .text),
            ColumnSpec("collection", .string, length: 64),
            ColumnSpec("item", .string),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "recipient", table: "directus_users", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "sender", table: "directus_users", referencedColumn: "id"),
        ]
    )

    static let operations = TableSpec(
        name: "directus_operations",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string),
            ColumnSpec("key", .string, nullable: false),
            ColumnSpec("type", .string, nullable: false),
            ColumnSpec("position_x", .integer, nullable: false),
            ColumnSpec("position_y", .integer, nullable: false),
            ColumnSpec("options", .json),
            ColumnSpec("resolve", .uuid),
            ColumnSpec("reject", .uuid),
            ColumnSpec("flow", .uuid, nullable: false),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "resolve", table: "directus_operations", referencedColumn: "id"),
            ForeignKeySpec(column: "reject", table: "directus_operations", referencedColumn: "id"),
            ForeignKeySpec(column: "flow", table: "directus_flows", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ],
        indexes: [
            (name: "directus_operations_reject_unique", columns: ["reject"], unique: true),
            (name: "directus_operations_resolve_unique", columns: ["resolve"], unique: true),
        ]
    )
}
