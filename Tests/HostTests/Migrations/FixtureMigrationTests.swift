import Foundation
import PlinthJSON
import Testing
@testable import Host

/// A database Directus 9 created (the fixture, at 20220826A) migrates to exactly what a fresh install has,
/// with the data transformations Directus applies and the content left intact.
@Suite struct FixtureMigrationTests {
    static let adminRole = "1ca3337b-aeed-4e5d-8076-06b949d59572"
    static let publicPolicy = SystemTables.publicPolicyID

    @Test func fixtureMigratesToTheFreshInstallSchema() async throws {
        try await TestDatabase.withFixture { migrated in
            try await TestDatabase.withEmpty { fresh in
                try await compareWithFreshInstall(migrated, fresh)
            }
        }
    }

    private func compareWithFreshInstall(_ migrated: TestDatabase, _ fresh: TestDatabase) async throws {
        let outcome = try await migrated.bootstrap()
        let expectedVersions = DirectusMigrations.all.map(\.version).drop { $0 <= DirectusMigrations.oldestSupported }
        #expect(outcome == .migrated(Array(expectedVersions)))
        let recorded = try await migrated.rows("directus_migrations", ["version"], order: "version").compactMap { $0["version"]?.stringValue }
        #expect(recorded == DirectusMigrations.all.map(\.version))

        guard case .installed = try await fresh.bootstrap() else { Issue.record("an empty database was not installed"); return }
        let expected = SchemaShape(try await fresh.run { try $0.introspect() })
        let actual = SchemaShape(try await migrated.run { try $0.introspect() })
        let differences = expected.differences(from: actual)
        #expect(differences.isEmpty, "migrated schema differs from a fresh install:\n\(differences.joined(separator: "\n"))")
        let leftovers = try await migrated.run { try $0.tableNames() }.filter { $0.hasPrefix("_plinth") || $0 == "directus_webhooks" }
        #expect(leftovers.isEmpty)
    }

    @Test func rolesBecomePoliciesAndPublicPermissionsMoveToThePublicPolicy() async throws {
        try await TestDatabase.withFixture { database in
            try await database.bootstrap()

            let policies = try await database.run { try $0.rows(of: SystemTables.policies) }
            let admin = try #require(policies.first { $0["id"]?.stringValue == Self.adminRole })
            #expect(admin == ["id": .string(Self.adminRole), "name": "Administrator", "icon": "verified", "description": "$t:admin_policy_description",
                              "ip_access": .null, "enforce_tfa": false, "admin_access": true, "app_access": true])
            let publicPolicy = try #require(policies.first { $0["id"]?.stringValue == Self.publicPolicy })
            #expect(publicPolicy == ["id": .string(Self.publicPolicy), "name": "$t:public_label", "icon": "public", "description": "$t:public_description",
                                     "ip_access": .null, "enforce_tfa": false, "admin_access": false, "app_access": false])
            #expect(policies.count == 2)

            let access = try await database.run { try $0.rows(of: SystemTables.access) }
            #expect(access.count == 2)
            #expect(access.contains { $0["role"]?.stringValue == Self.adminRole && $0["policy"]?.stringValue == Self.adminRole && $0["user"] == .null && $0["sort"]?.intValue == 1 })
            #expect(access.contains { $0["role"] == .null && $0["user"] == .null && $0["policy"]?.stringValue == Self.publicPolicy && $0["sort"]?.intValue == 1 })

            let role = try #require(try await database.run { try $0.rows(of: SystemTables.roles) }.first)
            #expect(role == ["id": .string(Self.adminRole), "name": "Administrator", "icon": "verified", "description": "$t:admin_description", "parent": .null])

            let permissions = try await database.run { try $0.rows(of: SystemTables.permissions) }
            #expect(permissions.map { $0["collection"]?.stringValue } == ["directus_files", "articles", "directus_users"])
            #expect(permissions.allSatisfy { $0["policy"]?.stringValue == Self.publicPolicy && $0["action"] == "read" && $0["fields"] == "*" })
        }
    }

    @Test func contentAndAccountsStayIntact() async throws {
        try await TestDatabase.withFixture { database in
            let articles = try await database.rows("articles", ["id", "title", "author", "cover_image", "status", "publish_date"], order: "id")
            let users = try await database.rows("directus_users", ["id", "email", "password", "role", "status"], order: "id")
            let files = try await database.rows("directus_files", ["id", "uploaded_on"], order: "id")
            #expect(articles.count == 9)
            #expect(files.count == 11)

            try await database.bootstrap()

            #expect(try await database.rows("articles", ["id", "title", "author", "cover_image", "status", "publish_date"], order: "id") == articles)
            #expect(try await database.rows("directus_users", ["id", "email", "password", "role", "status"], order: "id") == users)
            let migratedUsers = try await database.rows("directus_users", ["appearance", "text_direction"], order: "id")
            #expect(migratedUsers.allSatisfy { $0["appearance"] == .null && $0["text_direction"] == "auto" })
            let migratedFiles = try await database.rows("directus_files", ["id", "created_on", "uploaded_on"], order: "id")
            #expect(migratedFiles.map { ["id": $0["id"]!, "uploaded_on": $0["created_on"]!] as JSONObject } == files)
            #expect(migratedFiles.allSatisfy { $0["uploaded_on"] == $0["created_on"] })
            #expect(try await database.rows("directus_presets", ["icon"], order: "id").map { $0["icon"] } == ["bookmark_border"])
        }
    }

    @Test func settingsGetAProjectIDDatedByTheFirstMigrationAndTheAIModelLists() async throws {
        try await TestDatabase.withFixture { database in
            try await database.bootstrap()

            let settings = try #require(try await database.run { try $0.rows(of: SystemTables.settings) }.first)
            let projectID = try #require(settings["project_id"]?.stringValue)
            // 2022-11-17 03:24:14 UTC is 0x0184839d9730 ms; the version nibble is 7.
            #expect(projectID.hasPrefix("0184839d-9730-7"))
            #expect(settings["project_name"] == "Directus Examples")
            #expect(settings["project_color"] == "#6644ff")
            #expect(settings["default_appearance"] == "auto")
            #expect(settings["ai_openai_allowed_models"] == ["gpt-5-nano", "gpt-5-mini", "gpt-5"])
            #expect(settings["ai_anthropic_allowed_models"] == ["claude-haiku-4-5", "claude-sonnet-4-5"])
            #expect(settings["ai_google_allowed_models"] == ["gemini-3-pro-preview", "gemini-3-flash-preview", "gemini-2.5-pro", "gemini-2.5-flash"])
            #expect(settings["mcp_system_prompt_enabled"] == true && settings["public_registration_verify_email"] == true)
            #expect(settings["project_owner"] == .null && settings["project_status"] == .null)
        }
    }

    @Test func migratingTwiceAppliesNothingAndTheCommandSaysUpToDate() async throws {
        try await TestDatabase.withFixture { database in
            try await database.bootstrap()
            #expect(try await database.migrate() == [])
            #expect(try await database.bootstrap() == .migrated([]))

            let environment = ["PATH": "/usr/bin:/bin", "SECRET": "s", "DB_FILENAME": database.path]
            let result = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["database", "migrate"], environment: environment,
                                             directory: TestSupport.temporaryDirectory())
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("Database is up to date."), "\(result.output)")
        }
    }

    @Test func databaseOlderThanDirectus918IsRefused() async throws {
        try await TestDatabase.withFixture { database in
            try await database.run { try $0.deleteRows(of: SystemTables.migrations, where: ["version": .string(DirectusMigrations.oldestSupported)]) }

            let error = await #expect(throws: ConfigError.self) { try await database.bootstrap() }
            #expect(error?.message == "This database was created by a Directus version older than 9.18 (it lacks migration 20220826A). Upgrade it with Directus to 9.18 or later first, then start Plinth.")
            #expect(try await database.run { try $0.tableNames() }.contains("directus_webhooks"))
        }
    }
}
