import Foundation
import Testing

/// `/collections` on SQLite and PostgreSQL: Directus's shapes, primary key kinds, folders, errors, deletes.
@Suite(.serialized) struct CollectionsAPITests {
    static let defaultMeta: [String: Any] = [
        "collection": "articles", "icon": NSNull(), "note": NSNull(), "display_template": NSNull(), "hidden": false, "singleton": false,
        "translations": NSNull(), "archive_field": NSNull(), "archive_app_filter": true, "archive_value": NSNull(), "unarchive_value": NSNull(),
        "sort_field": NSNull(), "accountability": "all", "color": NSNull(), "item_duplication_fields": NSNull(), "sort": NSNull(),
        "group": NSNull(), "collapse": "open", "preview_url": NSNull(), "versioning": false,
    ]

    @Test(arguments: DatabaseKind.allCases)
    func createReturnsTheCollectionWithEveryMetaKey(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let created = try #require(try await api.data("POST", "/collections", [
            "collection": "articles", "meta": [:], "schema": [:],
            "fields": [["field": "title", "type": "string", "meta": ["interface": "input"], "schema": [:]]],
        ]) as? [String: Any])
        #expect(created["collection"] as? String == "articles")
        #expect(NSDictionary(dictionary: created["meta"] as? [String: Any] ?? [:]).isEqual(to: Self.defaultMeta))
        let schema = try #require(created["schema"] as? [String: Any])
        #expect(schema["name"] as? String == "articles")
        if database == .postgres {
            #expect(Set(schema.keys) == ["schema", "name", "comment"])
        } else {
            #expect(Set(schema.keys) == ["name", "sql"])
        }
        let read = try #require(try await api.data("GET", "/collections/articles") as? [String: Any])
        #expect(NSDictionary(dictionary: read).isEqual(to: created))

        // The injected primary key and the field, in order, with readOne key order in single reads.
        let fields = try #require(try await api.data("GET", "/fields/articles") as? [[String: Any]])
        #expect(fields.map { $0["field"] as? String } == ["id", "title"])
        let id = fields[0]
        #expect(id["type"] as? String == "integer")
        let idSchema = try #require(id["schema"] as? [String: Any])
        #expect(idSchema["is_primary_key"] as? Bool == true)
        #expect(idSchema["has_auto_increment"] as? Bool == true)
        #expect((id["meta"] as? [String: Any])?["interface"] as? String == "numeric")
        #expect((id["meta"] as? [String: Any])?["sort"] as? Int == 1)
        #expect((fields[1]["meta"] as? [String: Any])?["sort"] as? Int == 2)

        let single = try await api.send("GET", "/fields/articles/title")
        let keys = single.text.components(separatedBy: "\"meta\"").first ?? ""
        #expect(!keys.contains("\"schema\""), "readOne puts meta before schema")
    }

    @Test(arguments: DatabaseKind.allCases)
    func primaryKeyKinds(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let kinds: [(String, [String: Any], String)] = [
            ("pk_integer", ["field": "id", "type": "integer", "meta": ["hidden": true], "schema": ["is_primary_key": true, "has_auto_increment": true]], "integer"),
            ("pk_big", ["field": "id", "type": "bigInteger", "meta": ["hidden": true], "schema": ["is_primary_key": true, "has_auto_increment": true]], database == .postgres ? "bigInteger" : "integer"),
            ("pk_uuid", ["field": "id", "type": "uuid", "meta": ["special": ["uuid"]], "schema": ["is_primary_key": true]], "uuid"),
            ("pk_string", ["field": "id", "type": "string", "meta": ["interface": "input"], "schema": ["is_primary_key": true]], "string"),
        ]
        for (name, field, expected) in kinds {
            _ = try await api.data("POST", "/collections", ["collection": name, "meta": [:], "schema": [:], "fields": [field]])
            let read = try #require(try await api.data("GET", "/fields/\(name)/id") as? [String: Any])
            #expect(read["type"] as? String == expected, "\(name)")
            let schema = try #require(read["schema"] as? [String: Any])
            #expect(schema["is_primary_key"] as? Bool == true, "\(name)")
            #expect(schema["is_nullable"] as? Bool == false, "\(name)")
            let fields = try #require(try await api.data("GET", "/fields/\(name)") as? [[String: Any]])
            #expect(fields.count == 1, "no id is injected when a primary key is given (\(name))")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func foldersHaveNoTable(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let folder = try #require(try await api.data("POST", "/collections", ["collection": "content", "meta": ["icon": "folder"], "schema": NSNull()]) as? [String: Any])
        #expect(folder["schema"] is NSNull)
        #expect((folder["meta"] as? [String: Any])?["icon"] as? String == "folder")
        _ = try await api.data("POST", "/collections", ["collection": "pages", "meta": ["group": "content"], "schema": [:]])
        #expect(try await api.send("DELETE", "/collections/content").status == 204)
        let pages = try #require(try await api.data("GET", "/collections/pages") as? [String: Any])
        #expect((pages["meta"] as? [String: Any])?["group"] is NSNull, "deleting a folder un-nests its children")
    }

    @Test(arguments: DatabaseKind.allCases)
    func invalidNamesAndDuplicatesAreRefusedWithDirectusReasons(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let cases: [([String: Any], String)] = [
            ([:], "\"collection\" is required"),
            (["collection": ""], "\"collection\" must be a non-empty string"),
            (["collection": "directus_things"], "Collections can't start with \"directus_\""),
            (["collection": "a/b"], "Collection name can't contain \"/\""),
            (["collection": "x", "schema": [:], "fields": "nope"], "\"fields\" must be an array"),
        ]
        for (body, reason) in cases {
            let response = try await api.send("POST", "/collections", body)
            #expect(response.status == 400, "\(body)")
            #expect(response.text == "{\"errors\":[{\"message\":\"Invalid payload. \(reason.replacingOccurrences(of: "\"", with: "\\\"")).\",\"extensions\":{\"code\":\"INVALID_PAYLOAD\",\"reason\":\"\(reason.replacingOccurrences(of: "\"", with: "\\\""))\"}}]}")
        }
        _ = try await api.data("POST", "/collections", ["collection": "things", "meta": [:], "schema": [:]])
        let duplicate = try await api.send("POST", "/collections", ["collection": "things", "schema": [:]])
        #expect(duplicate.status == 400)
        #expect(duplicate.text.contains("Collection \\\"things\\\" already exists"))
        let anonymous = try await api.send("GET", "/collections", token: "")
        #expect(anonymous.status == 403)
        let missing = try await api.send("GET", "/collections/nope")
        #expect(missing.status == 403)
        #expect(missing.text == #"{"errors":[{"message":"You don't have permission to access this.","extensions":{"code":"FORBIDDEN"}}]}"#)
    }

    @Test(arguments: DatabaseKind.allCases)
    func updateChangesOnlyMetaAndDeleteDropsEverything(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        _ = try await api.data("POST", "/collections", ["collection": "notes", "schema": [:], "fields": [["field": "body", "type": "text", "meta": [:], "schema": [:]]]])
        // Created without meta: no directus_collections row yet.
        let bare = try #require(try await api.data("GET", "/collections/notes") as? [String: Any])
        #expect(bare["meta"] is NSNull)
        let patched = try #require(try await api.data("PATCH", "/collections/notes", ["meta": ["note": "Scratch pad", "icon": "edit"]]) as? [String: Any])
        #expect((patched["meta"] as? [String: Any])?["note"] as? String == "Scratch pad")
        let again = try #require(try await api.data("PATCH", "/collections/notes", ["meta": ["icon": "notes"]]) as? [String: Any])
        #expect((again["meta"] as? [String: Any])?["note"] as? String == "Scratch pad")
        #expect((again["meta"] as? [String: Any])?["icon"] as? String == "notes")

        let deleted = try await api.send("DELETE", "/collections/notes")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try await api.send("GET", "/collections/notes").status == 403)
        let fields = try #require(try await api.data("GET", "/fields") as? [[String: Any]])
        #expect(!fields.contains { $0["collection"] as? String == "notes" })
    }

    @Test(arguments: DatabaseKind.allCases)
    func aFailingCreateLeavesNothingBehind(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        // Two columns with the same name: the table cannot be created, so no metadata may remain either.
        let response = try await api.send("POST", "/collections", ["collection": "broken", "meta": [:], "schema": [:], "fields": [
            ["field": "title", "type": "string", "meta": [:], "schema": [:]],
            ["field": "title", "type": "text", "meta": [:], "schema": [:]],
        ]])
        #expect(response.status >= 400)
        #expect(!response.text.contains("CREATE TABLE"), "no raw SQL leaks")
        #expect(try await api.send("GET", "/collections/broken").status == 403)
        let fields = try #require(try await api.data("GET", "/fields") as? [[String: Any]])
        #expect(!fields.contains { $0["collection"] as? String == "broken" })
    }
}
