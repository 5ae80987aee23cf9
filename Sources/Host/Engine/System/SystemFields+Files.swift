// Transcribed from @directus/system-data of Directus 11.17.4 (directus/directus commit 1f9a051041).
import PlinthJSON

extension SystemFields {
    /// The fields of directus_files, from `fields/files.yaml`.
    static let files: [JSONObject] = [
        [
            "id": .null, "collection": "directus_files", "field": "id", "special": ["uuid"], "interface": "input",
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "title", "special": .null, "interface": "input",
            "options": ["iconRight": "title", "placeholder": "$t:field_options.directus_files.title"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 2, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "description", "special": .null,
            "interface": "input-multiline", "options": ["placeholder": "$t:field_options.directus_files.description"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "tags", "special": ["cast-json"], "interface": "tags",
            "options": ["iconRight": "local_offer"], "display": "labels",
            "display_options": ["choices": .null, "format": false], "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "location", "special": .null, "interface": "input",
            "options": ["iconRight": "place", "placeholder": "$t:field_options.directus_files.location"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 5, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "storage", "special": .null, "interface": "input",
            "options": ["iconRight": "storage"], "display": .null, "display_options": .null, "readonly": true,
            "hidden": false, "sort": 6, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "focal_point_divider",
            "special": ["alias", "no-data"], "interface": "presentation-divider",
            "options": ["icon": "image_search", "title": "$t:field_options.directus_files.focal_point_divider"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 7, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "focal_point_x", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 8,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "focal_point_y", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 9,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "storage_divider", "special": ["alias", "no-data"],
            "interface": "presentation-divider",
            "options": ["icon": "insert_drive_file", "title": "$t:field_options.directus_files.storage_divider"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 10, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "filename_disk", "special": .null,
            "interface": "input",
            "options": ["iconRight": "publish", "placeholder": "$t:field_options.directus_files.filename_disk"],
            "display": .null, "display_options": .null, "readonly": true, "hidden": false, "sort": 11, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "filename_download", "special": .null,
            "interface": "input",
            "options": ["iconRight": "get_app", "placeholder": "$t:field_options.directus_files.filename_download"],
            "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 12, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "metadata", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 13, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "type", "special": .null, "interface": .null,
            "options": .null, "display": "mime-type", "display_options": .null, "readonly": true, "hidden": false,
            "sort": 14, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "filesize", "special": .null, "interface": .null,
            "options": .null, "display": "filesize", "display_options": .null, "readonly": true, "hidden": false,
            "sort": 15, "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "created_on", "special": ["date-created"],
            "interface": "datetime", "options": .null, "display": "datetime", "display_options": .null,
            "readonly": true, "hidden": false, "sort": 16, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "modified_by", "special": ["user-updated"],
            "interface": "select-dropdown-m2o",
            "options": ["template": "{{avatar.$thumbnail}} {{first_name}} {{last_name}}"], "display": "user",
            "display_options": .null, "readonly": true, "hidden": false, "sort": 17, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": false, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "modified_on",
            "special": ["date-created", "date-updated"], "interface": "datetime", "options": .null,
            "display": "datetime", "display_options": .null, "readonly": true, "hidden": false, "sort": 18,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "embed", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 19,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "uploaded_by", "special": ["user-created"],
            "interface": .null, "options": .null, "display": "user", "display_options": .null, "readonly": false,
            "hidden": true, "sort": 20, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "uploaded_on", "special": .null, "interface": .null,
            "options": .null, "display": "datetime", "display_options": .null, "readonly": false, "hidden": true,
            "sort": 21, "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "folder", "special": ["m2o"], "interface": .null,
            "options": .null, "display": "related-values", "display_options": ["template": "{{ name }}"],
            "readonly": true, "hidden": false, "sort": 22, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": false, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "width", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": false, "sort": 23,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "height", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": false, "sort": 24,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "charset", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": false, "sort": 25,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "duration", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": true, "hidden": false, "sort": 26,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "tus_id", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 27,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_files", "field": "tus_data", "special": ["cast-json"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": true, "sort": 28, "width": "half", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_folders, from `fields/folders.yaml`.
    static let folders: [JSONObject] = [
        [
            "id": .null, "collection": "directus_folders", "field": "id", "special": ["uuid"], "interface": "input",
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_folders", "field": "parent", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "half", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_folders", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_translations, from `fields/translations.yaml`.
    static let translations: [JSONObject] = [
        [
            "id": .null, "collection": "directus_translations", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": true, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_translations", "field": "key", "special": .null, "interface": "input",
            "options": ["font": "monospace", "placeholder": "$t:translation_key_placeholder"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 2, "width": "half",
            "translations": .null, "note": .null, "conditions": .null, "required": true, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_translations", "field": "language", "special": .null,
            "interface": "system-language", "options": .null, "display": .null, "display_options": .null,
            "readonly": false, "hidden": false, "sort": 3, "width": "half", "translations": .null, "note": .null,
            "conditions": .null, "required": true, "group": .null, "validation": .null, "validation_message": .null,
            "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_translations", "field": "value", "special": .null,
            "interface": "input-multiline", "options": ["placeholder": "$t:enter_a_value"], "display": .null,
            "display_options": .null, "readonly": false, "hidden": false, "sort": 4, "width": "full",
            "translations": .null, "note": .null, "conditions": .null, "required": true, "group": .null,
            "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
    ]

    /// The fields of directus_extensions, from `fields/extensions.yaml`.
    static let extensions: [JSONObject] = [
        [
            "id": .null, "collection": "directus_extensions", "field": "id", "special": ["uuid"], "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_extensions", "field": "folder", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_extensions", "field": "source", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 3,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_extensions", "field": "bundle", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 4,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_extensions", "field": "enabled", "special": ["cast-boolean"],
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 5, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]

    /// The fields of directus_migrations, from `fields/migrations.yaml`.
    static let migrations: [JSONObject] = [
        [
            "id": .null, "collection": "directus_migrations", "field": "version", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 1,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_migrations", "field": "name", "special": .null, "interface": .null,
            "options": .null, "display": .null, "display_options": .null, "readonly": false, "hidden": false, "sort": 2,
            "width": "full", "translations": .null, "note": .null, "conditions": .null, "required": false,
            "group": .null, "validation": .null, "validation_message": .null, "searchable": true, "system": true,
        ],
        [
            "id": .null, "collection": "directus_migrations", "field": "timestamp", "special": .null,
            "interface": .null, "options": .null, "display": .null, "display_options": .null, "readonly": false,
            "hidden": false, "sort": 3, "width": "full", "translations": .null, "note": .null, "conditions": .null,
            "required": false, "group": .null, "validation": .null, "validation_message": .null, "searchable": true,
            "system": true,
        ],
    ]
}
