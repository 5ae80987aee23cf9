// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_activity, from `fields/activity.yaml`.
    static let activity: [JSONObject] = [
        [
            "id": .null, "collection": "directus_activity", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "item", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "action", "special": .null, "interface": .null,
            "options": .null, "display": "labels",
            "display_options": [
                "choices": [
                    [
                        "text": "$t:field_options.directus_activity.create",
                        "value": "create",
                        "foreground": "var(--theme--primary)",
                        "background": "var(--theme--primary-subdued)",
                    ],
                    [
                        "text": "$t:field_options.directus_activity.update",
                        "value": "update",
                        "foreground": "var(--blue)",
                        "background": "var(--blue-25)",
                    ],
                    [
                        "text": "$t:field_options.directus_activity.delete",
                        "value": "delete",
                        "foreground": "var(--theme--danger)",
                        "background": "var(--danger-25)",
                    ],
                    [
                        "text": "$t:field_options.directus_activity.login",
                        "value": "login",
                        "foreground": "var(--purple)",
                        "background": "var(--purple-25)",
                    ],
                ],
            ],
            "readonly": false, "hidden": false, "sort": 3, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "collection", "special": .null, "interface": .null,
            "options": .null, "display": "collection", "display_options": ["icon": true], "readonly": false,
            "hidden": false, "sort": 4, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "timestamp",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": ["relative": true],
            "display": "datetime", "display_options": .null, "readonly": false, "hidden": false, "sort": 5,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "user", "special": .null, "interface": .null,
            "options": .null, "display": "user", "display_options": .null, "readonly": false, "hidden": false,
            "sort": 6, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "user_agent", "special": .null, "interface": .null,
            "options": .null, "display": "formatted-value", "display_options": ["font": "monospace"], "readonly": false,
            "hidden": false, "sort": 7, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "origin", "special": .null, "interface": .null,
            "options": .null, "display": "formatted-value", "display_options": ["font": "monospace"], "readonly": false,
            "hidden": false, "sort": 8, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "ip", "special": .null, "interface": .null,
            "options": .null, "display": "formatted-value", "display_options": ["font": "monospace"], "readonly": false,
            "hidden": false, "sort": 9, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_activity", "field": "revisions", "special": ["o2m"],
            "interface": "list-o2m", "options": ["fields": ["collection", "item"]], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 10, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_revisions, from `fields/revisions.yaml`.
    static let revisions: [JSONObject] = [
        [
            "id": .null, "collection": "directus_revisions", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "activity", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "collection", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "item", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "data", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "delta", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 6, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "parent", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 7,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_revisions", "field": "version", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 8,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_versions, from `fields/versions.yaml`.
    static let versions: [JSONObject] = [
        [
            "id": .null, "collection": "directus_versions", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "key", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "collection", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "item", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 5,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "hash", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": true, "sort": 6,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "date_created",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 7, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "date_updated",
            "special": ["date-updated", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 8, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 9, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "user_updated", "special": ["user-updated"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 10, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_versions", "field": "delta", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 11, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_comments, from `fields/comments.yaml`.
    static let comments: [JSONObject] = [
        [
            "id": .null, "collection": "directus_comments", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "collection", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "item", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "comment", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "date_created",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 5, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "date_updated",
            "special": ["date-updated", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 6, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_comments", "field": "user_updated", "special": ["user-updated"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 8, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_notifications, from `fields/notifications.yaml`.
    static let notifications: [JSONObject] = [
        [
            "id": .null, "collection": "directus_notifications", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "timestamp",
            "special": ["date-created", "cast-timestamp"], "interface": .null, "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 2, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "status", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "recipient", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 4, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "sender", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "subject", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "message", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "collection", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 8, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_notifications", "field": "item", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 9,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_presets, from `fields/presets.yaml`.
    static let presets: [JSONObject] = [
        [
            "id": .null, "collection": "directus_presets", "field": "filter", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 1, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "layout_query", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 2, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "layout_options", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "role", "special": ["m2o"], "interface": .null,
            "options": .null, "display": "related-values", "display_options": ["template": "{{ name }}"],
            "readonly": false, "hidden": false, "sort": 4, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "user", "special": ["m2o"], "interface": .null,
            "options": .null, "display": "related-values", "display_options": ["template": "{{ email }}"],
            "readonly": false, "hidden": false, "sort": 5, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 6,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "bookmark", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 7,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "icon", "special": .null, "interface": .null,
            "options": .null, "display": "icon", "display_options": .null, "readonly": false, "hidden": false,
            "sort": 8, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "color", "special": .null, "interface": .null,
            "options": .null, "display": "color", "display_options": .null, "readonly": false, "hidden": false,
            "sort": 9, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "search", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 10, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "collection", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 11, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "layout", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 12, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_presets", "field": "refresh_interval", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 13, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]
}
