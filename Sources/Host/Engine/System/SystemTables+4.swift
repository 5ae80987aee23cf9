import SQLPlan

/// Directus 11 system tables, column for column (directus_settings … directus_versions).
extension SystemTables {
    static let settings = TableSpec(
        name: "directus_settings",
        columns: [
            ColumnSpec("id", .integer, nullable: false, primaryKey: true, autoIncrement: true),
            ColumnSpec("project_name", .string, length: 100, nullable: false, defaultValue: .value(.string("Directus"))),
            ColumnSpec("project_url", .string),
            ColumnSpec("project_color", .string, nullable: false, defaultValue: .value(.string("#6644FF"))),
            ColumnSpec("project_logo", .uuid),
            ColumnSpec("public_foreground", .uuid),
            ColumnSpec("public_background", .uuid),
            ColumnSpec("public_note", .text),
            ColumnSpec("auth_login_attempts", .integer, defaultValue: .value(.number("25"))),
            ColumnSpec("auth_password_policy", .string, length: 100),
            ColumnSpec("storage_asset_transform", .string, length: 7, defaultValue: .value(.string("all"))),
            ColumnSpec("storage_asset_presets", .json),
            ColumnSpec("custom_css", .text),
            ColumnSpec("storage_default_folder", .uuid),
            ColumnSpec("basemaps", .json),
            ColumnSpec("mapbox_key", .string),
            ColumnSpec("module_bar", .json),
            ColumnSpec("project_descriptor", .string, length: 100),
            ColumnSpec("default_language", .string, nullable: false, defaultValue: .value(.string("en-US"))),
            ColumnSpec("custom_aspect_ratios", .json),
            ColumnSpec("public_favicon", .uuid),
            ColumnSpec("default_appearance", .string, nullable: false, defaultValue: .value(.string("auto"))),
            ColumnSpec("default_theme_light", .string),
            ColumnSpec("theme_light_overrides", .json),
            ColumnSpec("default_theme_dark", .string),
            ColumnSpec("theme_dark_overrides", .json),
            ColumnSpec("report_error_url", .string),
            ColumnSpec("report_bug_url", .string),
            ColumnSpec("report_feature_url", .string),
            ColumnSpec("public_registration", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("public_registration_verify_email", .boolean, nullable: false, defaultValue: .value(.bool(true))),
            ColumnSpec("public_registration_role", .uuid),
            ColumnSpec("public_registration_email_filter", .json),
            ColumnSpec("visual_editor_urls", .json),
            ColumnSpec("project_id", .uuid),
            ColumnSpec("mcp_enabled", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("mcp_allow_deletes", .boolean, nullable: false, defaultValue: .value(.bool(false))),
            ColumnSpec("mcp_prompts_collection", .string, defaultValue: .value(.null)),
            ColumnSpec("mcp_system_prompt_enabled", .boolean, nullable: false, defaultValue: .value(.bool(true))),
            ColumnSpec("mcp_system_prompt", .text),
            ColumnSpec("project_owner", .string),
            ColumnSpec("project_usage", .string),
            ColumnSpec("org_name", .string),
            ColumnSpec("product_updates", .boolean),
            ColumnSpec("project_status", .string),
            ColumnSpec("ai_openai_api_key", .text),
            ColumnSpec("ai_anthropic_api_key", .text),
            ColumnSpec("ai_system_prompt", .text),
            ColumnSpec("ai_google_api_key", .text),
            ColumnSpec("ai_openai_compatible_api_key", .text),
            ColumnSpec("ai_openai_compatible_base_url", .text),
            ColumnSpec("ai_openai_compatible_name", .text),
            ColumnSpec("ai_openai_compatible_models", .json),
            ColumnSpec("ai_openai_compatible_headers", .json),
            ColumnSpec("ai_openai_allowed_models", .json),
            ColumnSpec("ai_anthropic_allowed_models", .json),
            ColumnSpec("ai_google_allowed_models", .json),
            ColumnSpec("collaborative_editing_enabled", .boolean, nullable: false, defaultValue: .value(.bool(false))),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "project_logo", table: "directus_files", referencedColumn: "id"),
            ForeignKeySpec(column: "public_foreground", table: "directus_files", referencedColumn: "id"),
            ForeignKeySpec(column: "public_background", table: "directus_files", referencedColumn: "id"),
            ForeignKeySpec(column: "storage_default_folder", table: "directus_folders", referencedColumn: "id", onDelete: "SET NULL"),
            ForeignKeySpec(column: "public_favicon", table: "directus_files", referencedColumn: "id"),
            ForeignKeySpec(column: "public_registration_role", table: "directus_roles", referencedColumn: "id", onDelete: "SET NULL"),
        ]
    )

    static let shares = TableSpec(
        name: "directus_shares",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("name", .string),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("item", .string, nullable: false),
            ColumnSpec("role", .uuid),
            ColumnSpec("password", .string),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("date_start", .timestamp),
            ColumnSpec("date_end", .timestamp),
            ColumnSpec("times_used", .integer, defaultValue: .value(.number("0"))),
            ColumnSpec("max_uses", .integer),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "collection", table: "directus_collections", referencedColumn: "collection", onDelete: "CASCADE"),
            ForeignKeySpec(column: "role", table: "directus_roles", referencedColumn: "id", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
        ]
    )

    static let translations = TableSpec(
        name: "directus_translations",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("language", .string, nullable: false),
            ColumnSpec("key", .string, nullable: false),
            ColumnSpec("value", .text, nullable: false),
        ]
    )

    static let users = TableSpec(
        name: "directus_users",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("first_name", .string, length: 50),
            ColumnSpec("last_name", .string, length: 50),
            ColumnSpec("email", .string, length: 128),
            ColumnSpec("password", .string),
            ColumnSpec("location", .string),
            ColumnSpec("title", .string, length: 50),
            ColumnSpec("description", .text),
            ColumnSpec("tags", .json),
            ColumnSpec("avatar", .uuid),
            ColumnSpec("language", .string, defaultValue: .value(.null)),
            ColumnSpec("tfa_secret", .string),
            ColumnSpec("status", .string, length: 16, nullable: false, defaultValue: .value(.string("active"))),
            ColumnSpec("role", .uuid),
            ColumnSpec("token", .string),
            ColumnSpec("last_access", .timestamp),
            ColumnSpec("last_page", .string),
            ColumnSpec("provider", .string, length: 128, nullable: false, defaultValue: .value(.string("default"))),
            ColumnSpec("external_identifier", .string),
            ColumnSpec("auth_data", .json),
            ColumnSpec("email_notifications", .boolean, defaultValue: .value(.bool(true))),
            ColumnSpec("appearance", .string),
            ColumnSpec("theme_dark", .string),
            ColumnSpec("theme_light", .string),
            ColumnSpec("theme_light_overrides", .json),
            ColumnSpec("theme_dark_overrides", .json),
            ColumnSpec("text_direction", .string, nullable: false, defaultValue: .value(.string("auto"))),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "role", table: "directus_roles", referencedColumn: "id", onDelete: "SET NULL"),
        ],
        indexes: [
            (name: "directus_users_token_unique", columns: ["token"], unique: true),
            (name: "directus_users_email_unique", columns: ["email"], unique: true),
            (name: "directus_users_external_identifier_unique", columns: ["external_identifier"], unique: true),
        ]
    )

    static let versions = TableSpec(
        name: "directus_versions",
        columns: [
            ColumnSpec("id", .uuid, nullable: false, primaryKey: true),
            ColumnSpec("key", .string, length: 64, nullable: false),
            ColumnSpec("name", .string),
            ColumnSpec("collection", .string, length: 64, nullable: false),
            ColumnSpec("item", .string, nullable: false),
            ColumnSpec("hash", .string),
            ColumnSpec("date_created", .timestamp, defaultValue: .now),
            ColumnSpec("date_updated", .timestamp, defaultValue: .now),
            ColumnSpec("user_created", .uuid),
            ColumnSpec("user_updated", .uuid),
            ColumnSpec("delta", .json),
        ],
        foreignKeys: [
            ForeignKeySpec(column: "collection", table: "directus_collections", referencedColumn: "collection", onDelete: "CASCADE"),
            ForeignKeySpec(column: "user_created", table: "directus_users", referencedColumn: "id", onDelete: "SET NULL"),
            ForeignKeySpec(column: "user_updated", table: "directus_users", referencedColumn: "id"),
        ]
    )
}
