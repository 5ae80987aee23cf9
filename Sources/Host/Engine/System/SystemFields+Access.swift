// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_access, from `fields/access.yaml`.
    static let access: [JSONObject] = [
        [
            "id": .null, "collection": "directus_access", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_access", "field": "role", "special": ["m2o"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 2,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_access", "field": "user", "special": ["m2o"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 3,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_access", "field": "policy", "special": ["m2o"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 4,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_access", "field": "sort", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 5,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_policies, from `fields/policies.yaml`.
    static let policies: [JSONObject] = [
        [
            "id": .null, "collection": "directus_policies", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": "formatted-value", "display_options": ["translate": true], "readonly": false,
            "hidden": false, "sort": 2, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": true, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "icon", "special": .null,
            "interface": "select-icon", "options": .null, "display": "icon", "display_options": .null,
            "readonly": false, "hidden": false, "sort": 3, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "description", "special": .null,
            "interface": "input", "options": ["placeholder": "$t:field_options.directus_policies.description"],
            "display": "formatted-value", "display_options": ["translate": true], "readonly": false, "hidden": false,
            "sort": 4, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "permissions", "special": ["o2m"],
            "interface": "system-permissions", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "app_access", "special": ["cast-boolean"],
            "interface": "boolean", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "admin_access", "special": ["cast-boolean"],
            "interface": "boolean", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "ip_access", "special": ["cast-csv"],
            "interface": "tags", "options": ["placeholder": "$t:field_options.directus_policies.ip_access"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 8, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "enforce_tfa", "special": ["cast-boolean"],
            "interface": "boolean", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 9, "width": "half", "translations": .null,
            "note": "$t:field_options.directus_policies.enforce_tfa", "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "assigned_to_divider",
            "special": ["alias", "no-data"], "interface": "presentation-divider",
            "options": ["title": "$t:field_options.directus_policies.assigned_to"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 10, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "users", "special": ["m2m"],
            "interface": "list-m2m",
            "options": ["template": "{{ user.first_name }} {{ user.last_name }}", "junctionFilter": ["user": ["_nnull": true]]],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 11, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_policies", "field": "roles", "special": ["m2m"],
            "interface": "list-m2m",
            "options": ["template": "{{ role.name }}", "junctionFilter": ["role": ["_nnull": true]]], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 12, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_permissions, from `fields/permissions.yaml`.
    static let permissions: [JSONObject] = [
        [
            "id": .null, "collection": "directus_permissions", "field": "permissions", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 1, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "presets", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 2, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "policy", "special": ["m2o"],
            "interface": "select-dropdown-m2o", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": true, "sort": 3, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "collection", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 4, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 5,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "fields", "special": ["cast-csv"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "action", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 7,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_permissions", "field": "validation", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 8, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_roles, from `fields/roles.yaml`.
    static let roles: [JSONObject] = [
        [
            "id": .null, "collection": "directus_roles", "field": "id", "special": ["uuid"], "interface": "input",
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "name", "special": .null, "interface": "input",
            "options": ["placeholder": "$t:field_options.directus_roles.name"], "display": "formatted-value",
            "display_options": ["translate": true], "readonly": false, "hidden": false, "sort": 2, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": true, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "icon", "special": .null, "interface": "select-icon",
            "options": .null, "display": "icon", "display_options": .null, "readonly": false, "hidden": false,
            "sort": 3, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "description", "special": .null, "interface": "input",
            "options": ["placeholder": "$t:field_options.directus_roles.description"], "display": "formatted-value",
            "display_options": ["translate": true], "readonly": false, "hidden": false, "sort": 4, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "parent", "special": ["m2o"],
            "interface": "select-dropdown-m2o",
            "options": ["template": "{{ name }}", "filter": ["id": ["_neq": "{{ id }}"]]], "display": "related-values",
            "display_options": ["template": "{{ name }}"], "readonly": false, "hidden": false, "sort": 5,
            "width": "half", "translations": .null, "note": "$t:field_options.directus_roles.parent_note",
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "children", "special": ["o2m"],
            "interface": "list-o2m-tree-view",
            "options": [
                "displayTemplate": "{{ name }}",
                "enableCreate": false,
                "fields": ["name"],
                "filter": ["id": ["_neq": "{{ id }}"]],
            ],
            "display": "related-values", "display_options": ["template": "{{ name }}"], "readonly": false,
            "hidden": true, "sort": 6, "width": "full", "translations": .null,
            "note": "$t:field_options.directus_roles.children_note", "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "policies", "special": ["m2m"],
            "interface": "list-m2m", "options": ["layout": "list"], "display": "related-values",
            "display_options": .null, "readonly": false, "hidden": false, "sort": 7, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "users_group",
            "special": ["alias", "no-data", "group"], "interface": "group-raw", "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 8, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "users_divider", "special": ["alias", "no-data"],
            "interface": "presentation-divider", "options": ["icon": "people_alt", "title": "$t:users"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 9, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "users_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_roles", "field": "users", "special": ["o2m"], "interface": "list-o2m",
            "options": ["fields": ["first_name", "last_name"]], "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 10, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": "users_group", "validation": .null,
            "validation_message": .null, "searchable": true, "system": true,
        ],
    ]
}
