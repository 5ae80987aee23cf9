// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_settings, from `fields/settings.yaml`.
    static let settings: [JSONObject] = settingsProject + settingsSecurity + settingsTheming + settingsAI + settingsMCP

    /// The fields of directus_settings for the project, modules and visual editor (sorts 1–14), from `fields/settings.yaml`.
    static let settingsProject: [JSONObject] = [
        [
            "id": .null, "collection": "directus_settings", "field": "id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_name", "special": .null,
            "interface": "input",
            "options": ["iconRight": "title", "placeholder": "$t:field_options.directus_settings.project_name_placeholder"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_descriptor", "special": .null,
            "interface": "input",
            "options": ["iconRight": "title", "placeholder": "$t:field_options.directus_settings.project_name_placeholder"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_url", "special": .null,
            "interface": "input", "options": ["iconRight": "link", "placeholder": "https://example.com"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "default_language", "special": .null,
            "interface": "system-language", "options": ["iconRight": "language", "placeholder": "en-US"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 5, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_owner", "special": .null,
            "interface": "system-owner", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 6, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_usage", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 7, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "org_name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 8,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "product_updates", "special": ["cast-boolean"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 9, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_status", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 10, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "modules_divider", "special": ["alias", "no-data"],
            "interface": "presentation-divider", "options": ["icon": "menu_open", "title": "$t:modules"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 11, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "module_bar", "special": ["cast-json"],
            "interface": "system-modules", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 12, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "visual_editor_divider",
            "special": ["alias", "no-data"], "interface": "presentation-divider",
            "options": ["icon": "edit_square", "title": "$t:visual_editor"], "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 13, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "visual_editor_urls", "special": ["cast-json"],
            "interface": "list",
            "options": [
                "template": "{{url}}",
                "fields": [
                    [
                        "field": "url",
                        "name": "$t:url",
                        "schema": ["is_nullable": false],
                        "meta": [
                            "interface": "system-display-template",
                            "required": true,
                            "options": [
                                "placeholder": "https://example.com/?version={{$version}}",
                                "fields": [
                                    [
                                        "field": "$version",
                                        "name": "$t:version",
                                        "collection": "",
                                        "key": "$version",
                                        "path": "$version",
                                        "type": "string",
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 14, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]
}
