import PlinthJSON
import SQLPlan

/// Directus 10.1 – 10.9 (2023): previews, translations, content versioning, themes, extensions.
extension Migrations {
    /// 20230401A Update Material Icons: the preset icon default becomes `bookmark` and `bookmark_outline` becomes `bookmark_border`.
    static let updateMaterialIcons = Migration(version: "20230401A") { context in
        try context.apply([
            .schema([.alterColumn(table: "directus_presets", column: ColumnSpec("icon", .string, length: 30, defaultValue: .value("bookmark")))]),
            SystemTables.presets.updatePlan(set: ["icon": "bookmark_border"], where: ["icon": "bookmark_outline"]),
        ])
    }

    /// 20230525A Add Preview Settings.
    static let addPreviewSettings = Migration(version: "20230525A") { context in
        try context.change(SystemTables.collections.adding("preview_url"))
    }

    /// 20230526A Migrate Translation Strings: the settings' `translation_strings` JSON becomes rows of `directus_translations`.
    static let migrateTranslationStrings = Migration(version: "20230526A") { context in
        var plans: [Plan] = [.schema([.createTable(SystemTables.translations)])]
        let settings = try context.database.rows(of: LegacyTables.settings, columns: ["id", "translation_strings"], limit: 1).first
        for item in settings?["translation_strings"]?.decodedIfString.arrayValue ?? [] {
            // Items without a key or without translations are skipped, as Directus does.
            guard let key = item["key"]?.stringValue, !key.isEmpty, let translations = item["translations"]?.objectValue else { continue }
            for (language, value) in translations {
                plans.append(SystemTables.translations.insertPlan([
                    "id": .string(Identifiers.uuid()), "key": .string(key), "language": .string(language),
                    "value": .string(value.stringValue ?? value.encodedString()),
                ]))
            }
        }
        plans.append(.schema([.dropColumn(table: "directus_settings", column: "translation_strings")]))
        try context.apply(plans)
    }

    /// 20230721A Require Shares Fields: a share always names its collection and item.
    static let requireSharesFields = Migration(version: "20230721A") { context in
        try context.change(SystemTables.shares.altering("collection", "item"))
    }

    /// 20230823A Add Content Versioning: `directus_versions`, the collections' `versioning` flag and revisions' `version`.
    static let addContentVersioning = Migration(version: "20230823A") { context in
        try context.change([.createTable(SystemTables.versions.without(["delta"]))]
            + SystemTables.collections.adding("versioning")
            + SystemTables.revisions.adding("version"))
    }

    /// 20230927A Themes: users' `theme` becomes `appearance` (only explicit dark/light survive), settings gain theming.
    static let themes = Migration(version: "20230927A") { context in
        let users = SystemTables.users
        let settings = SystemTables.settings
        try context.apply([
            .schema(users.adding("appearance")),
            LegacyTables.users.updatePlan(set: ["appearance": "dark"], where: ["theme": "dark"]),
            LegacyTables.users.updatePlan(set: ["appearance": "light"], where: ["theme": "light"]),
            .schema([.dropColumn(table: users.name, column: "theme")]
                + users.adding("theme_dark", "theme_light", "theme_light_overrides", "theme_dark_overrides")),
            // Lower case, unlike the new column default: this is what Directus writes.
            settings.updatePlan(set: ["project_color": "#6644ff"], where: ["project_color": .null]),
            .schema(settings.altering("project_color")
                + settings.adding("public_favicon", "default_appearance", "default_theme_light", "theme_light_overrides",
                                  "default_theme_dark", "theme_dark_overrides")),
        ])
    }

    /// 20231009A Update CSV Fields to Text: user columns of `cast-csv` fields become `text`, keeping nullability and default.
    static let updateCSVFieldsToText = Migration(version: "20231009A") { context in
        var changes: [SchemaChange] = []
        for field in try context.database.rows(of: SystemTables.fields, columns: ["collection", "field"], where: ["special": "cast-csv"]) {
            guard let collection = field["collection"]?.stringValue, let name = field["field"]?.stringValue,
                  let column = try context.column(collection, name), column["data_type"]?.stringValue != "text" else { continue }
            let fallback = column["default_value"].flatMap { $0.isNull ? nil : DefaultValue.value($0) }
            changes.append(.alterColumn(table: collection, column: ColumnSpec(name, .text, nullable: column["is_nullable"]?.boolValue ?? true,
                                                                              defaultValue: fallback)))
        }
        try context.change(changes)
    }

    /// 20231009B Update Panel Options: metric panels' `abbreviate` becomes `notation: compact`, `decimals` the fraction digits.
    static let updatePanelOptions = Migration(version: "20231009B") { context in
        var plans: [Plan] = []
        for panel in try context.database.rows(of: SystemTables.panels, columns: ["id", "options"], where: ["type": "metric"]) {
            guard let id = panel["id"], var options = panel["options"]?.decodedIfString.objectValue else { continue }
            var changed = false
            if options["abbreviate"] == .bool(true) {
                options["notation"] = "compact"
                options["abbreviate"] = nil
                changed = true
            }
            if let decimals = options["decimals"], case .number = decimals {
                options["minimumFractionDigits"] = decimals
                options["maximumFractionDigits"] = decimals
                options["decimals"] = nil
                changed = true
            }
            if changed { plans.append(SystemTables.panels.updatePlan(set: ["options": .object(options)], where: ["id": id])) }
        }
        try context.apply(plans)
    }

    /// 20231010A Add Extensions: the table of extension states, keyed by name until 20240204A.
    static let addExtensions = Migration(version: "20231010A") { context in
        try context.change([.createTable(LegacyTables.extensions)])
    }

    /// 20231215A Add Focalpoints.
    static let addFocalpoints = Migration(version: "20231215A") { context in
        try context.change(SystemTables.files.adding("focal_point_x", "focal_point_y"))
    }
}
