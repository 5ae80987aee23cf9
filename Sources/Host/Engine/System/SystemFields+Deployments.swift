// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_deployments, from `fields/deployment.yaml`.
    static let deployments: [JSONObject] = [
        [
            "id": .null, "collection": "directus_deployments", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "provider", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 2, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "credentials", "special": ["encrypt"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "options", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 4, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "projects", "special": ["o2m"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "webhook_ids", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "last_synced_at", "special": ["cast-timestamp"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "date_created",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 8, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployments", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 9, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_deployment_projects, from `fields/deployment-projects.yaml`.
    static let deploymentProjects: [JSONObject] = [
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "id", "special": ["uuid"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 1, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "deployment", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 2, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "external_id", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "name", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 4, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "url", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "framework", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "deployable",
            "special": ["cast-boolean"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 7, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "runs", "special": ["o2m"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 8, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "date_created",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 9, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_projects", "field": "user_created",
            "special": ["user-created"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 10, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_deployment_runs, from `fields/deployment-runs.yaml`.
    static let deploymentRuns: [JSONObject] = [
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "id", "special": ["uuid"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 1, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "project", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 2, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "external_id", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "target", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 4, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "status", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "url", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 6,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "started_at", "special": ["cast-timestamp"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "completed_at",
            "special": ["cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 8, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "date_created",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 9, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_deployment_runs", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 10, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]
}
