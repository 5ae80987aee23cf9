import PlinthJSON
import SQLPlan

/// Directus 11.14.1 – 11.16 (2026): AI providers, revisions index, collaborative editing, deployments.
extension Migrations {
    /// 20260110A Add AI Provider Settings: every settings row gets Directus's default allowed models.
    static let addAIProviderSettings = Migration(version: "20260110A") { context in
        let settings = SystemTables.settings
        try context.apply([
            .schema(settings.adding("ai_google_api_key", "ai_openai_compatible_api_key", "ai_openai_compatible_base_url",
                                    "ai_openai_compatible_name", "ai_openai_compatible_models", "ai_openai_compatible_headers",
                                    "ai_openai_allowed_models", "ai_anthropic_allowed_models", "ai_google_allowed_models")),
            settings.updatePlan(set: [
                "ai_openai_allowed_models": ["gpt-5-nano", "gpt-5-mini", "gpt-5"],
                "ai_anthropic_allowed_models": ["claude-haiku-4-5", "claude-sonnet-4-5"],
                "ai_google_allowed_models": ["gemini-3-pro-preview", "gemini-3-flash-preview", "gemini-2.5-pro", "gemini-2.5-flash"],
            ]),
        ])
    }

    /// 20260113A Add Revisions Index: revisions by activity, unless already indexed.
    static let addRevisionsIndex = Migration(version: "20260113A") { context in
        try context.change(try context.missingIndex(("directus_revisions", "activity")).map { [$0] } ?? [])
    }

    /// 20260128A Add Collaborative Editing.
    static let addCollaborativeEditing = Migration(version: "20260128A") { context in
        try context.change(SystemTables.settings.adding("collaborative_editing_enabled"))
    }

    /// 20260204A Add Deployment: deployments, their projects and runs, each created only when missing (as later Directus releases guard it).
    static let addDeployment = Migration(version: "20260204A") { context in
        let tables = [
            SystemTables.deployments.without(["webhook_ids", "webhook_secret", "last_synced_at"]),
            SystemTables.deploymentProjects.without(["url", "framework", "deployable"]),
            SystemTables.deploymentRuns.without(["status", "url", "started_at", "completed_at"]),
        ]
        try context.change(try tables.filter { try !context.hasTable($0.name) }.map(SchemaChange.createTable))
    }

    /// 20260211A Add Deployment Webhooks: sync state on deployments and projects, status on runs; existing runs are discarded.
    static let addDeploymentWebhooks = Migration(version: "20260211A") { context in
        try context.apply([
            .schema(SystemTables.deployments.adding("webhook_ids", "webhook_secret", "last_synced_at")
                + SystemTables.deploymentProjects.adding("url", "framework", "deployable")
                + SystemTables.deploymentRuns.adding("status", "url", "started_at", "completed_at")),
            SystemTables.deploymentRuns.deletePlan(),
        ])
    }
}
