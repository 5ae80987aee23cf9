// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

/// The directus_relations rows of the system collections, as Directus 11.17.4 ships them in code.
///
/// Transcribed from `packages/system-data/src/relations/relations.yaml`: each entry is the file's `defaults`
/// overlaid with the entry, in file order, keys in the column order of directus_relations, then `system: true`.
enum SystemRelations {
    /// One relation row per system relation, in the order of relations.yaml.
    static let all: [JSONObject] = [
        [
            "id": .null, "many_collection": "directus_collections", "many_field": "group",
            "one_collection": "directus_collections", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_comments", "many_field": "collection",
            "one_collection": "directus_collections", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_comments", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_comments", "many_field": "user_updated",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_users", "many_field": "role", "one_collection": "directus_roles",
            "one_field": "users", "one_collection_field": .null, "one_allowed_collections": .null,
            "junction_field": .null, "sort_field": .null, "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_users", "many_field": "avatar",
            "one_collection": "directus_files", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_revisions", "many_field": "activity",
            "one_collection": "directus_activity", "one_field": "revisions", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_revisions", "many_field": "parent",
            "one_collection": "directus_revisions", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_revisions", "many_field": "version",
            "one_collection": "directus_versions", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_presets", "many_field": "user",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_presets", "many_field": "role",
            "one_collection": "directus_roles", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_folders", "many_field": "parent",
            "one_collection": "directus_folders", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_files", "many_field": "folder",
            "one_collection": "directus_folders", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_files", "many_field": "uploaded_by",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_files", "many_field": "modified_by",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_fields", "many_field": "collection",
            "one_collection": "directus_collections", "one_field": "fields", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_fields", "many_field": "group",
            "one_collection": "directus_fields", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_activity", "many_field": "user",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "project_logo",
            "one_collection": "directus_files", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "public_foreground",
            "one_collection": "directus_files", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "public_background",
            "one_collection": "directus_files", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "public_favicon",
            "one_collection": "directus_files", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "storage_default_folder",
            "one_collection": "directus_folders", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_settings", "many_field": "public_registration_role",
            "one_collection": "directus_roles", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_panels", "many_field": "dashboard",
            "one_collection": "directus_dashboards", "one_field": "panels", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_panels", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_flows", "many_field": "operation",
            "one_collection": "directus_operations", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_flows", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_operations", "many_field": "flow",
            "one_collection": "directus_flows", "one_field": "operations", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_operations", "many_field": "resolve",
            "one_collection": "directus_operations", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_operations", "many_field": "reject",
            "one_collection": "directus_operations", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_operations", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_sessions", "many_field": "user",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_sessions", "many_field": "share",
            "one_collection": "directus_shares", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_dashboards", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_notifications", "many_field": "recipient",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_notifications", "many_field": "sender",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_shares", "many_field": "role", "one_collection": "directus_roles",
            "one_field": .null, "one_collection_field": .null, "one_allowed_collections": .null,
            "junction_field": .null, "sort_field": .null, "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_shares", "many_field": "collection",
            "one_collection": "directus_collections", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_shares", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_versions", "many_field": "collection",
            "one_collection": "directus_collections", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_versions", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_versions", "many_field": "user_updated",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_permissions", "many_field": "policy",
            "one_collection": "directus_policies", "one_field": "permissions", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_access", "many_field": "policy",
            "one_collection": "directus_policies", "one_field": "roles", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": "role", "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_access", "many_field": "policy",
            "one_collection": "directus_policies", "one_field": "users", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": "user", "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_access", "many_field": "role", "one_collection": "directus_roles",
            "one_field": "policies", "one_collection_field": .null, "one_allowed_collections": .null,
            "junction_field": "policy", "sort_field": "sort", "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_access", "many_field": "user", "one_collection": "directus_users",
            "one_field": "policies", "one_collection_field": .null, "one_allowed_collections": .null,
            "junction_field": "policy", "sort_field": "sort", "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_roles", "many_field": "parent",
            "one_collection": "directus_roles", "one_field": "children", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_deployment_projects", "many_field": "deployment",
            "one_collection": "directus_deployments", "one_field": "projects", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_deployments", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_deployment_projects", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_deployment_runs", "many_field": "project",
            "one_collection": "directus_deployment_projects", "one_field": "runs", "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "delete", "system": true,
        ],
        [
            "id": .null, "many_collection": "directus_deployment_runs", "many_field": "user_created",
            "one_collection": "directus_users", "one_field": .null, "one_collection_field": .null,
            "one_allowed_collections": .null, "junction_field": .null, "sort_field": .null,
            "one_deselect_action": "nullify", "system": true,
        ],
    ]
}
