// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

/// The minimal permissions every app-access policy grants, as Directus 11.17.4 ships them in code.
///
/// Transcribed from `packages/system-data/src/app-access-permissions/schema-access-permissions.yaml` followed by
/// `app-access-permissions.yaml`, as `appAccessMinimalPermissions` concatenates them, each overlaid on the loader's
/// defaults (`permissions: {}`, `validation`/`presets`/`policy`: null, `fields: ["*"]`, `system: true`).
/// The yaml notes that Directus also narrows activity, collections, fields, presets, relations and revisions
/// to collections the user may read; that filter lives in Directus code, not in these rows.
enum AppAccessPermissions {
    /// One permission row per minimal permission, schema reads first, in file order.
    static let all: [JSONObject] = [
        [
            "collection": "directus_collections", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_fields", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_relations", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_translations", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_activity", "action": "read", "permissions": ["user": ["_eq": "$CURRENT_USER"]],
            "validation": .null, "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_comments", "action": "read",
            "permissions": ["user_created": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_comments", "action": "create", "permissions": [:],
            "validation": ["comment": ["_nnull": true]], "presets": .null, "fields": ["*"], "policy": .null,
            "system": true,
        ],
        [
            "collection": "directus_comments", "action": "update",
            "permissions": ["user_created": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["comment"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_comments", "action": "delete",
            "permissions": ["user_created": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_presets", "action": "read",
            "permissions": [
                "_or": [
                    ["user": ["_eq": "$CURRENT_USER"]],
                    ["_and": [["user": ["_null": true]], ["role": ["_eq": "$CURRENT_ROLE"]]]],
                    ["_and": [["user": ["_null": true]], ["role": ["_null": true]]]],
                ],
            ],
            "validation": .null, "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_presets", "action": "create", "permissions": [:],
            "validation": ["user": ["_eq": "$CURRENT_USER"]], "presets": .null, "fields": ["*"], "policy": .null,
            "system": true,
        ],
        [
            "collection": "directus_presets", "action": "update", "permissions": ["user": ["_eq": "$CURRENT_USER"]],
            "validation": ["user": ["_eq": "$CURRENT_USER"]], "presets": .null, "fields": ["*"], "policy": .null,
            "system": true,
        ],
        [
            "collection": "directus_presets", "action": "delete", "permissions": ["user": ["_eq": "$CURRENT_USER"]],
            "validation": .null, "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_roles", "action": "read", "permissions": ["id": ["_in": "$CURRENT_ROLES"]],
            "validation": .null, "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_settings", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_translations", "action": "read", "permissions": [:], "validation": .null,
            "presets": .null, "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_notifications", "action": "read",
            "permissions": ["recipient": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_notifications", "action": "update",
            "permissions": ["recipient": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["status"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_shares", "action": "read",
            "permissions": ["user_created": ["_eq": "$CURRENT_USER"]], "validation": .null, "presets": .null,
            "fields": ["*"], "policy": .null, "system": true,
        ],
        [
            "collection": "directus_users", "action": "read", "permissions": ["id": ["_eq": "$CURRENT_USER"]],
            "validation": .null, "presets": .null,
            "fields": [
                "id",
                "first_name",
                "last_name",
                "last_page",
                "email",
                "password",
                "location",
                "title",
                "description",
                "tags",
                "provider",
                "preferences_divider",
                "avatar",
                "language",
                "appearance",
                "theme_light",
                "theme_dark",
                "tfa_secret",
                "status",
                "role",
            ],
            "policy": .null, "system": true,
        ],
    ]
}
