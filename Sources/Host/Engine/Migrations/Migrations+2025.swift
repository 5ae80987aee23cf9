import Foundation
import PlinthJSON
import SQLPlan

/// Directus 11.6 – 11.14 (2025): visual editor, project id, text direction, MCP, searchable fields, owner, retention, AI.
extension Migrations {
    /// 20250224A Visual Editor: settings gain `visual_editor_urls`; a customised module bar gets the (disabled) visual editor after content.
    static let visualEditor = Migration(version: "20250224A") { context in
        var plans: [Plan] = [.schema(SystemTables.settings.adding("visual_editor_urls"))]
        if let settings = try context.database.rows(of: LegacyTables.settings, columns: ["id", "module_bar"], limit: 1).first,
           let id = settings["id"], var bar = settings["module_bar"]?.decodedIfString.arrayValue,
           !bar.contains(where: { $0["id"]?.stringValue == "visual" }) {
            // With no content module the entry goes first, as JavaScript's splice(-1 + 1, …) puts it.
            let content = bar.firstIndex { $0["id"]?.stringValue == "content" }
            bar.insert(["type": "module", "id": "visual", "enabled": false], at: content.map { $0 + 1 } ?? 0)
            plans.append(LegacyTables.settings.updatePlan(set: ["module_bar": .array(bar)], where: ["id": id]))
        }
        try context.apply(plans)
    }

    /// 20250609A License Banner: `accepted_terms`, defaulting to ACCEPT_TERMS; 20251014A drops it again.
    static let licenseBanner = Migration(version: "20250609A") { context in
        let accepted = (try? context.env.bool("ACCEPT_TERMS", default: false)) ?? false
        try context.change([.addColumn(table: SystemTables.settings.name, column: ColumnSpec("accepted_terms", .boolean, defaultValue: .value(.bool(accepted))))])
    }

    /// 20250613A Add Project ID: a UUIDv7 identifying the project, dated by the first migration; creates the settings row when there is none.
    static let addProjectID = Migration(version: "20250613A") { context in
        let settings = SystemTables.settings
        var plans: [Plan] = [.schema(settings.adding("project_id"))]
        if try context.database.rows(of: settings, columns: ["id"], limit: 1).isEmpty {
            plans.append(settings.insertPlan(["project_id": .string(Identifiers.uuidV7())]))
        } else {
            // Directus dates the id by the first migration row; timestamps without a zone are read as UTC.
            let first = try context.database.rows(of: SystemTables.migrations, columns: ["timestamp"], limit: 1).first?["timestamp"]?.stringValue
            let date = first.flatMap(Migrations.date) ?? Date()
            plans.append(settings.updatePlan(set: ["project_id": .string(Identifiers.uuidV7(now: date))]))
        }
        try context.apply(plans)
    }

    /// 20250718A Add Direction.
    static let addDirection = Migration(version: "20250718A") { context in
        try context.change(SystemTables.users.adding("text_direction"))
    }

    /// 20250813A Add MCP.
    static let addMCP = Migration(version: "20250813A") { context in
        try context.change(SystemTables.settings.adding("mcp_enabled", "mcp_allow_deletes", "mcp_prompts_collection",
                                                        "mcp_system_prompt_enabled", "mcp_system_prompt"))
    }

    /// 20251012A Add Field Searchable.
    static let addFieldSearchable = Migration(version: "20251012A") { context in
        try context.change(SystemTables.fields.adding("searchable"))
    }

    /// 20251014A Add Project Owner: owner columns replace `accepted_terms`; PROJECT_OWNER, when an e-mail address, is recorded.
    ///
    /// Directus also sends the owner to its telemetry service and marks the project `pending` when that
    /// fails; Plinth sends nothing, so the project is always left `pending`.
    static let addProjectOwner = Migration(version: "20251014A") { context in
        let settings = SystemTables.settings
        var plans: [Plan] = [.schema(settings.adding("project_owner", "project_usage", "org_name", "product_updates", "project_status")
            + [.dropColumn(table: settings.name, column: "accepted_terms")])]
        if let owner = context.env.string("PROJECT_OWNER"), isEmail(owner) {
            let values: JSONObject = ["project_owner": .string(owner), "project_usage": .null, "org_name": .null,
                                      "product_updates": false, "project_status": "pending"]
            let exists = try !context.database.rows(of: settings, columns: ["id"], limit: 1).isEmpty
            plans.append(exists ? settings.updatePlan(set: values) : settings.insertPlan(values))
        }
        try context.apply(plans)
    }

    /// 20251028A Add Retention Indexes: activity by timestamp and revisions by parent, unless already indexed.
    static let addRetentionIndexes = Migration(version: "20251028A") { context in
        try context.change(try [("directus_activity", "timestamp"), ("directus_revisions", "parent")].compactMap(context.missingIndex))
    }

    /// 20251103A Add AI Settings.
    static let addAISettings = Migration(version: "20251103A") { context in
        try context.change(SystemTables.settings.adding("ai_openai_api_key", "ai_anthropic_api_key", "ai_system_prompt"))
    }

    /// 20251224A Remove Webhooks: the flows 20240311A made from them remain.
    static let removeWebhooks = Migration(version: "20251224A") { context in
        guard try context.hasTable(LegacyTables.webhooks.name) else { return }
        try context.change([.dropTable(LegacyTables.webhooks.name)])
    }
}

extension MigrationContext {
    /// The index Directus names `<table>_<column>_index`, unless the column already has one.
    ///
    /// Directus builds it CONCURRENTLY on PostgreSQL to avoid locking a large table; a plain index has the same result.
    func missingIndex(_ target: (table: String, column: String)) throws -> SchemaChange? {
        guard try !isIndexed(target.table, target.column) else { return nil }
        return .createIndex(table: target.table, name: "\(target.table)_\(target.column)_index", columns: [target.column], unique: false)
    }
}
