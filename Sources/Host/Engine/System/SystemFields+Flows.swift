// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_flows, from `fields/flows.yaml`.
    static let flows: [JSONObject] = [
        [
            "id": .null, "collection": "directus_flows", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "icon", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "color", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "description", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 5,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "status", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 6,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "trigger", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 7,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "accountability", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 8, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "options", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 9, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "operation", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 10, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "operations", "special": ["o2m"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 11, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "date_created", "special": ["date-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 12, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_flows", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 13, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_operations, from `fields/operations.yaml`.
    static let operations: [JSONObject] = [
        [
            "id": .null, "collection": "directus_operations", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "key", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "type", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "position_x", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "position_y", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 6, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "options", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "resolve", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 8,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "reject", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 9,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "flow", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false,
            "sort": 10, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "date_created", "special": ["date-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 11, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_operations", "field": "user_created", "special": ["user-created"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 12, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]
}
