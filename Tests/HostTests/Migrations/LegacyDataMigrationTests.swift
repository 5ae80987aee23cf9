import Foundation
import PlinthJSON
import SQLPlan
import Testing
@testable import Host

/// Data the fixture lacks — webhooks, comment activities, translation strings, metric panels, a module bar,
/// extensions, content versions — is carried forward the way Directus's migrations carry it.
@Suite struct LegacyDataMigrationTests {
    static let admin = "d7c59a91-b6a8-4f1f-bcd6-95fc9d34c160"
    static let deletedUser = "00000000-0000-4000-8000-00000000dead"
    static let dashboard = "7e1f0c4e-8a53-4c55-9b0e-4f1c6d0a1b01"
    static let panel = "7e1f0c4e-8a53-4c55-9b0e-4f1c6d0a1b02"
    static let version = "7e1f0c4e-8a53-4c55-9b0e-4f1c6d0a1b03"

    @Test func legacyDataIsCarriedForward() async throws {
        try await TestDatabase.withFixture { database in
            try await database.execute(Self.directus9Data)
            try await database.migrate(through: "20240122A")
            try await database.execute(Self.directus10Data)
            try await database.bootstrap()

            try await expectWebhooksBecameFlows(database)
            try await expectCommentsWereSeparated(database)
            try await expectSettingsAndPanelsWereRewritten(database)
            try await expectExtensionsWereRekeyed(database)
            let versions = try await database.run { try $0.rows(of: SystemTables.versions, columns: ["delta"]) }
            #expect(versions.first?["delta"] == ["title": "Second", "status": "draft"])
        }
    }

    @Test func projectOwnerIsRecordedWithoutTelemetry() async throws {
        try await TestDatabase.withFixture { database in
            try await database.bootstrap(env: ["PROJECT_OWNER": "owner@example.com"])
            let settings = try #require(try await database.run { try $0.rows(of: SystemTables.settings) }.first)
            #expect(settings["project_owner"] == "owner@example.com")
            #expect(settings["product_updates"] == false)
            #expect(settings["project_status"] == "pending")
        }
    }

    // MARK: Seeds

    /// Rows a Directus 9 project could have at 20220826A.
    static let directus9Data: [Plan] = [
        LegacyTables.webhooks.insertPlan(["name": "Notify", "method": "POST", "url": "https://example.com/hook", "status": "active", "data": true,
                                          "actions": "create,update", "collections": "articles",
                                          "headers": [["header": "X-Key", "value": "1"]]]),
        LegacyTables.webhooks.insertPlan(["name": "Ping", "method": "GET", "url": "https://example.com/ping", "status": "inactive", "data": false,
                                          "actions": "delete", "collections": "articles,directus_users", "headers": .null]),
        LegacyTables.activity.insertPlan(["id": 1001, "action": "comment", "user": .string(admin), "timestamp": "2023-01-02T03:04:05.000Z",
                                          "collection": "articles", "item": "1", "comment": "Nice"]),
        LegacyTables.activity.insertPlan(["id": 1002, "action": "comment", "user": .string(deletedUser), "timestamp": "2023-01-03T00:00:00.000Z",
                                          "collection": "articles", "item": "2", "comment": "Gone"]),
        LegacyTables.settings.updatePlan(set: [
            "translation_strings": [["key": "hello", "translations": ["en-US": "Hello", "de-DE": "Hallo"]], ["key": "", "translations": ["x": "y"]]],
            "module_bar": [["type": "module", "id": "content", "enabled": true], ["type": "module", "id": "users", "enabled": true]],
        ]),
        SystemTables.dashboards.insertPlan(["id": .string(dashboard), "name": "Stats"]),
        SystemTables.panels.insertPlan(["id": .string(panel), "dashboard": .string(dashboard), "type": "metric", "position_x": 1, "position_y": 1,
                                        "width": 6, "height": 6, "options": ["field": "id", "abbreviate": true, "decimals": 2]]),
    ]

    /// Rows a Directus 10.9 project could have at 20240122A: extensions keyed by name, a content version.
    static let directus10Data: [Plan] = [
        LegacyTables.extensions.insertPlan(["name": "directus-extension-foo", "enabled": true]),
        LegacyTables.extensions.insertPlan(["name": "my-bundle", "enabled": false]),
        LegacyTables.extensions.insertPlan(["name": "my-bundle/child", "enabled": true]),
        LegacyTables.extensions.insertPlan(["name": "legacy:interface", "enabled": true]),
        LegacyTables.extensions.insertPlan(["name": "@scope/pkg", "enabled": true]),
        LegacyTables.extensions.insertPlan(["name": "@scope/pkg/inner", "enabled": true]),
        SystemTables.versions.insertPlan(["id": .string(version), "key": "draft", "collection": "articles", "item": "1"]),
        LegacyTables.activity.insertPlan(["id": 1003, "action": "version_save", "timestamp": "2024-01-01T00:00:00.000Z", "collection": "articles", "item": "1"]),
        SystemTables.revisions.insertPlan(["activity": 1003, "collection": "articles", "item": "1", "delta": ["title": "First", "status": "draft"],
                                           "version": .string(version)]),
        SystemTables.revisions.insertPlan(["activity": 1003, "collection": "articles", "item": "1", "delta": ["title": "Second"], "version": .string(version)]),
    ]

    // MARK: Expectations

    private func expectWebhooksBecameFlows(_ database: TestDatabase) async throws {
        let flows = try await database.run { try $0.rows(of: SystemTables.flows) }
        let operations = try await database.run { try $0.rows(of: SystemTables.operations) }
        #expect(flows.count == 2 && operations.count == 3)

        let notify = try #require(flows.first { $0["name"] == "Notify" })
        #expect(notify["icon"] == "webhook" && notify["status"] == "active" && notify["trigger"] == "event")
        #expect(notify["description"] == "Auto-generated by Directus Migration\n\nWebhooks were deprecated and have been moved into Flows for you automatically.")
        #expect(notify["options"] == ["type": "action", "scope": ["items.create", "items.update"], "collections": ["articles"]])
        let script = try #require(operations.first { $0["id"] == notify["operation"] })
        #expect(script["key"] == "payload-transform" && script["type"] == "exec" && script["position_x"] == 19 && script["flow"] == notify["id"])
        #expect(script["options"]?["code"]?.stringValue?.hasPrefix("/**\n * Webhook data slightly differs from Flow trigger data.") == true)
        let request = try #require(operations.first { $0["id"] == script["resolve"] })
        #expect(request["key"] == "webhook" && request["type"] == "request" && request["position_x"] == 37 && request["position_y"] == 1)
        #expect(request["options"] == ["url": "https://example.com/hook", "body": "{{$last}}", "method": "POST", "headers": [["header": "X-Key", "value": "1"]]])

        let ping = try #require(flows.first { $0["name"] == "Ping" })
        #expect(ping["status"] == "inactive")
        #expect(ping["options"] == ["type": "action", "scope": ["items.delete"], "collections": ["articles", "directus_users"]])
        let pingRequest = try #require(operations.first { $0["id"] == ping["operation"] })
        #expect(pingRequest["position_x"] == 19 && pingRequest["resolve"] == .null)
        #expect(pingRequest["options"] == ["url": "https://example.com/ping", "method": "GET", "headers": .null])
    }

    private func expectCommentsWereSeparated(_ database: TestDatabase) async throws {
        let comments = try await database.run { try $0.rows(of: SystemTables.comments) }
        let nice = try #require(comments.first { $0["comment"] == "Nice" })
        #expect(nice["collection"] == "articles" && nice["item"] == "1" && nice["user_created"] == .string(Self.admin))
        #expect(nice["date_created"] == "2023-01-02T03:04:05.000Z")
        let gone = try #require(comments.first { $0["comment"] == "Gone" })
        #expect(gone["user_created"] == .null)

        let activity = try await database.run { try $0.rows(of: SystemTables.activity, where: ["collection": "directus_comments"]) }
        #expect(Set(activity.compactMap { $0["item"]?.stringValue }) == Set(comments.compactMap { $0["id"]?.stringValue }))
        #expect(activity.allSatisfy { $0["action"] == "create" })
    }

    private func expectSettingsAndPanelsWereRewritten(_ database: TestDatabase) async throws {
        let translations = try await database.run { try $0.rows(of: SystemTables.translations) }
        #expect(Set(translations.map { "\($0["key"]?.stringValue ?? "") \($0["language"]?.stringValue ?? "") \($0["value"]?.stringValue ?? "")" })
                == ["hello en-US Hello", "hello de-DE Hallo"])

        let settings = try #require(try await database.run { try $0.rows(of: SystemTables.settings) }.first)
        #expect(settings["module_bar"] == [["type": "module", "id": "content", "enabled": true], ["type": "module", "id": "visual", "enabled": false],
                                           ["type": "module", "id": "users", "enabled": true]])

        let panel = try #require(try await database.run { try $0.rows(of: SystemTables.panels) }.first)
        #expect(panel["options"] == ["field": "id", "notation": "compact", "minimumFractionDigits": 2, "maximumFractionDigits": 2])
    }

    private func expectExtensionsWereRekeyed(_ database: TestDatabase) async throws {
        let extensions = try await database.run { try $0.rows(of: SystemTables.extensions) }
        #expect(extensions.count == 5)
        func named(_ folder: String) throws -> JSONObject { try #require(extensions.first { $0["folder"]?.stringValue == folder }) }
        let bundle = try named("my-bundle")
        #expect(bundle["enabled"] == false && bundle["source"] == "local" && bundle["bundle"] == .null)
        #expect(try named("child")["bundle"] == bundle["id"])
        let scoped = try named("@scope/pkg")
        #expect(scoped["bundle"] == .null)
        #expect(try named("inner")["bundle"] == scoped["id"])
        #expect(try named("directus-extension-foo")["enabled"] == true)
    }
}
