import Foundation
import PlinthJSON
import SQLPlan

/// Directus 10.10 – 11.3 (2024): marketplace, sessions, files, icons, comments, version deltas.
/// 20240311A and 20240806A have files of their own.
extension Migrations {
    /// 20240122A Add Report URL Fields.
    static let addReportURLFields = Migration(version: "20240122A") { context in
        try context.change(SystemTables.settings.adding("report_error_url", "report_bug_url", "report_feature_url"))
    }

    /// 20240204A Marketplace: extensions are keyed by a new uuid instead of their name, with folder, source and bundle.
    ///
    /// The table is rebuilt in its final shape (its primary key changes, and nothing references it);
    /// legacy `name:type` rows are dropped as Directus drops them.
    static let marketplace = Migration(version: "20240204A") { context in
        let legacy = try context.database.rows(of: LegacyTables.extensions)
        var rows: [JSONObject] = []
        var parents: [String: (id: String, source: String)] = [:]
        for row in legacy {
            guard let name = row["name"]?.stringValue, !name.contains(":") else { continue }
            let id = Identifiers.uuid()
            let source = installedAsModule(name) ? "module" : "local"
            parents[name] = (id, source)
            rows.append(["enabled": row["enabled"] ?? true, "id": .string(id), "folder": .string(name), "source": .string(source), "bundle": .null])
        }
        for index in rows.indices {
            guard let name = rows[index]["folder"]?.stringValue, name.contains("/") else { continue }
            let segments = name.split(separator: "/", omittingEmptySubsequences: false)
            let scoped = name.hasPrefix("@")
            if scoped && segments.count == 2 { continue }
            let parentName = scoped ? segments.prefix(2).joined(separator: "/") : String(segments[0])
            guard let parent = parents[parentName] else { continue }
            rows[index]["bundle"] = .string(parent.id)
            rows[index]["folder"] = .string(String(name.dropFirst(parentName.count + 1)))
            rows[index]["source"] = .string(parent.source)
        }
        try context.apply([.schema([.dropTable(LegacyTables.extensions.name), .createTable(SystemTables.extensions)])]
            + rows.map(SystemTables.extensions.insertPlan))
    }

    /// Whether an npm package called `name` is installed where Directus would resolve it (a `node_modules` folder
    /// of the working directory or one of its parents): Directus marks such extensions `module`, others `local`.
    private static func installedAsModule(_ name: String) -> Bool {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            let manifest = directory.appendingPathComponent("node_modules").appendingPathComponent(name).appendingPathComponent("package.json")
            if FileManager.default.fileExists(atPath: manifest.path) { return true }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return false }
            directory = parent
        }
    }

    /// 20240305A Change Useragent Type: user agents are `text`.
    static let changeUseragentType = Migration(version: "20240305A") { context in
        try context.change(SystemTables.activity.altering("user_agent") + SystemTables.sessions.altering("user_agent"))
    }

    /// 20240422A Public Registration.
    static let publicRegistration = Migration(version: "20240422A") { context in
        try context.change(SystemTables.settings.adding("public_registration", "public_registration_verify_email",
                                                        "public_registration_role", "public_registration_email_filter"))
    }

    /// 20240515A Add Session Window.
    static let addSessionWindow = Migration(version: "20240515A") { context in
        try context.change(SystemTables.sessions.adding("next_token"))
    }

    /// 20240701A Add Tus Data.
    static let addTusData = Migration(version: "20240701A") { context in
        try context.change(SystemTables.files.adding("tus_id", "tus_data"))
    }

    /// 20240716A Update Files Date Fields: `uploaded_on` is renamed `created_on` in place; a new nullable `uploaded_on` starts as a copy.
    static let updateFilesDateFields = Migration(version: "20240716A") { context in
        let files = SystemTables.files
        try context.apply([
            .schema([.renameColumn(table: files.name, from: "uploaded_on", to: "created_on")] + files.adding("uploaded_on")),
            files.copyPlan(from: "created_on", to: "uploaded_on"),
        ])
    }

    /// 20240817A Update Icon Fields Length: every `icon` column holds 64 characters.
    static let updateIconFieldsLength = Migration(version: "20240817A") { context in
        let tables = [SystemTables.collections, SystemTables.dashboards, SystemTables.flows, SystemTables.panels, SystemTables.presets, SystemTables.roles]
        try context.change(tables.flatMap { $0.altering("icon") })
    }

    /// 20240909A Separate Comments.
    static let separateComments = Migration(version: "20240909A") { context in
        try context.change([.createTable(SystemTables.comments)])
    }

    /// 20240909B Consolidate Content Versioning.
    static let consolidateContentVersioning = Migration(version: "20240909B") { context in
        try context.change(SystemTables.versions.adding("delta"))
    }

    /// 20240924A Migrate Legacy Comments: comment activities become `directus_comments` rows, and their activity a `create` of it.
    static let migrateLegacyComments = Migration(version: "20240924A") { context in
        var plans: [Plan] = []
        // A pre-release of 20240909A gave `collection` a foreign key; Directus drops it where it exists.
        let keys = try context.table(SystemTables.comments.name)?["foreign_keys"]?.arrayValue ?? []
        if keys.contains(where: { $0["column"]?.stringValue == "collection" }) {
            plans.append(.schema([.dropForeignKey(table: SystemTables.comments.name, column: "collection")]))
        }
        var userExists: [String: Bool] = [:]
        for activity in try context.database.rows(of: LegacyTables.activity, where: ["action": "comment"]) {
            let id = Identifiers.uuid()
            var user = activity["user"] ?? .null
            if let userID = user.stringValue {
                // A comment by a deleted user keeps no author, as in Directus.
                let exists = try userExists[userID] ?? !context.database.rows(of: SystemTables.users, columns: ["id"], where: ["id": user], limit: 1).isEmpty
                userExists[userID] = exists
                if !exists { user = .null }
            }
            plans.append(SystemTables.comments.insertPlan([
                "id": .string(id), "collection": activity["collection"] ?? .null, "item": activity["item"] ?? .null,
                "comment": activity["comment"] ?? .null, "user_created": user, "date_created": activity["timestamp"] ?? .null,
            ]))
            plans.append(LegacyTables.activity.updatePlan(set: ["action": "create", "collection": "directus_comments", "item": .string(id), "comment": .null],
                                                          where: ["id": activity["id"] ?? .null]))
        }
        plans.append(.schema([.dropColumn(table: SystemTables.activity.name, column: "comment")]))
        try context.apply(plans)
    }

    /// 20240924B Populate Versioning Deltas: a version without a delta gets its revisions' deltas merged in order.
    static let populateVersioningDeltas = Migration(version: "20240924B") { context in
        var plans: [Plan] = []
        for version in try context.database.rows(of: SystemTables.versions, columns: ["id"], where: ["delta": .null]) {
            guard let id = version["id"] else { continue }
            var merged = JSONObject()
            for revision in try context.database.rows(of: SystemTables.revisions, columns: ["id", "delta"], where: ["version": id]) {
                for (key, value) in revision["delta"]?.decodedIfString.objectValue ?? [:] { merged[key] = value }
            }
            plans.append(SystemTables.versions.updatePlan(set: ["delta": .object(merged)], where: ["id": id]))
        }
        try context.apply(plans)
    }
}
