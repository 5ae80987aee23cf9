// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_settings the theming group (sorts 39–53), from `fields/settings.yaml`.
    static let settingsTheming: [JSONObject] = [
        [
            "id": .null, "collection": "directus_settings", "field": "theming_group",
            "special": ["alias", "no-data", "group"], "interface": "group-raw", "options": .null, "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 39, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "branding_divider",
            "special": ["alias", "no-data"], "interface": "presentation-divider",
            "options": ["icon": "palette", "title": "$t:fields.directus_settings.branding"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 40, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_color", "special": .null,
            "interface": "select-color", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 41, "width": "half", "translations": .null,
            "note": "$t:field_options.directus_settings.project_color_note", "conditions": .null, "required": false,
            "group": "theming_group", "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "project_logo", "special": .null,
            "interface": "file", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 42, "width": "half", "translations": .null,
            "note": "$t:field_options.directus_settings.project_logo_note", "conditions": .null, "required": false,
            "group": "theming_group", "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "public_foreground", "special": .null,
            "interface": "file", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 43, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": "theming_group", "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "public_background", "special": .null,
            "interface": "file", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 44, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": "theming_group", "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "public_favicon", "special": .null,
            "interface": "file", "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 45, "width": "half", "translations": .null,
            "note": "$t:field_options.directus_settings.project_favicon_note", "conditions": .null, "required": false,
            "group": "theming_group", "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "public_note", "special": .null,
            "interface": "input",
            "options": ["placeholder": "$t:field_options.directus_settings.public_note_placeholder", "iconRight": "info"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 46, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "theming_divider", "special": ["alias", "no-data"],
            "interface": "presentation-divider",
            "options": ["icon": "palette", "title": "$t:fields.directus_settings.theming"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 47, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "default_appearance", "special": .null,
            "interface": "select-dropdown",
            "options": [
                "choices": [
                    ["value": "auto", "text": "$t:appearance_auto"],
                    ["value": "light", "text": "$t:appearance_light"],
                    ["value": "dark", "text": "$t:appearance_dark"],
                ],
            ],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 48, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "default_theme_light", "special": .null,
            "interface": "system-theme", "options": ["appearance": "light"], "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 49, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": "theming_group", "validation": .null,
            "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "theme_light_overrides", "special": ["cast-json"],
            "interface": "system-theme-overrides", "options": ["appearance": "light"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 50, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "default_theme_dark", "special": .null,
            "interface": "system-theme", "options": ["appearance": "dark"], "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 51, "width": "full", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": "theming_group", "validation": .null,
            "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "theme_dark_overrides", "special": ["cast-json"],
            "interface": "system-theme-overrides", "options": ["appearance": "dark"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 52, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_settings", "field": "custom_css", "special": .null,
            "interface": "input-code",
            "options": [
                "language": "css",
                "lineNumber": true,
                "template": "#app, #main-content, body {\n  --v-button-background-color: #6644FF !important;\n  --v-button-background-color-hover: #5E41EC !important;\n}\n",
            ],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 53, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": "theming_group",
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]
}
