import PlinthJSON
import Testing

/// Write failures in Directus's envelope, naming collection and field, never with a raw SQL message; and
/// the activity and revisions every write leaves behind.
@Suite struct ItemsErrorsTests {
    static func error(_ code: String, _ message: String, _ extensions: JSONObject) -> JSON {
        var all: JSONObject = ["code": .string(code)]
        for (key, value) in extensions { all[key] = value }
        return ["errors": [["message": .string(message), "extensions": .object(all)]]]
    }

    @Test(arguments: DatabaseKind.allCases)
    func constraintViolationsNameTheCollectionAndField(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let unique = try await api.send("POST", "/items/articles", body: ["title": "dup", "slug": "hello-world"])
        #expect(unique.status == 400)
        #expect(unique.json == Self.error("RECORD_NOT_UNIQUE", #"Value for field "slug" in collection "articles" has to be unique."#, ["collection": "articles", "field": "slug"]))
        let email = try await api.send("PATCH", "/items/authors/2", body: ["email": "ada@example.com"])
        #expect(email.json == Self.error("RECORD_NOT_UNIQUE", #"Value for field "email" in collection "authors" has to be unique."#, ["collection": "authors", "field": "email"]))

        let foreign = try await api.send("POST", "/items/articles", body: ["title": "fk", "slug": "fk-error", "author": 999999])
        #expect(foreign.json == Self.error("INVALID_FOREIGN_KEY", #"Invalid foreign key for field "author" in collection "articles"."#, ["collection": "articles", "field": "author"]))
        let foreignString = try await api.send("PATCH", "/items/authors/3", body: ["country": "zz"])
        #expect(foreignString.json == Self.error("INVALID_FOREIGN_KEY", #"Invalid foreign key for field "country" in collection "authors"."#, ["collection": "authors", "field": "country"]))

        // Deselecting items whose link may not be null fails validation, as in Directus; a generated field the
        // validation leaves alone reaches the database's NOT NULL.
        if try await api.send("GET", "/fields/notes/owner").status != 200 {
            _ = try await api.data("POST", "/collections", body: ItemsSchema.collection("notes", key: ItemsSchema.integerKey(), [
                ItemsSchema.field("owner", "integer", special: ["m2o"], schema: ["is_nullable": false, "default_value": 1]), ItemsSchema.field("text", "string"),
                ItemsSchema.field("created_on", "timestamp", special: ["date-created"], schema: ["is_nullable": false]),
            ]))
            _ = try await api.data("POST", "/fields/authors", body: ItemsSchema.alias("notes", "o2m"))
            _ = try await api.data("POST", "/relations", body: ItemsSchema.relation("notes", "owner", "authors", meta: ["one_field": "notes"], onDelete: "CASCADE"))
        }
        let note = try await api.data("PATCH", "/items/authors/3", [("fields", "notes")], body: ["notes": [["text": "pinned"]]])
        let deselected = try await api.send("PATCH", "/items/authors/3", body: ["notes": []])
        #expect(deselected.json == Self.error("FAILED_VALIDATION", #"Validation failed for field "owner". Value can't be null."#, ["field": "owner", "type": "nnull", "path": []]))
        #expect(try api.scalar("SELECT COUNT(*) FROM notes WHERE text = 'pinned'") == "1")
        let noteID = try #require(note["notes"]?[0])
        let nullified = try await api.send("PATCH", "/items/notes/\(noteID.encodedString())", body: ["created_on": nil])
        #expect(nullified.json == Self.error("NOT_NULL_VIOLATION", #"Value for field "created_on" in collection "notes" can't be null."#, ["collection": "notes", "field": "created_on"]))

        // PostgreSQL enforces lengths and ranges; SQLite stores what it is given, for Directus too.
        let long = try await api.send("POST", "/items/articles", body: ["title": .string(String(repeating: "x", count: 81)), "slug": "too-long"])
        let big = try await api.send("POST", "/items/articles", body: ["title": "range", "slug": "out-of-range", "rating": 99_999_999_999])
        let price = try await api.send("PATCH", "/items/authors/1", body: ["salary": "123456789012.5"])
        if database == .postgres {
            #expect(long.json == Self.error("VALUE_TOO_LONG", #"Value for field "title" in collection "articles" is too long."#, ["collection": "articles", "field": "title"]))
            #expect(big.json == Self.error("VALUE_OUT_OF_RANGE", #"Numeric value for field "rating" in collection "articles" is out of range."#, ["collection": "articles", "field": "rating"]))
            #expect(price.json == Self.error("VALUE_OUT_OF_RANGE", #"Numeric value for field "salary" in collection "authors" is out of range."#, ["collection": "authors", "field": "salary"]))
        } else {
            #expect(long.status == 200 && big.status == 200 && price.status == 200)
        }
        for reply in [unique, foreign, nullified, long, big] {
            #expect(!reply.text.lowercased().contains("constraint") && !reply.text.contains("violates"), "no raw SQL message: \(reply.text)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func payloadValidationFailsWithDirectusMessages(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let missing = try await api.send("POST", "/items/articles", body: ["slug": "no-title"])
        #expect(missing.json == Self.error("FAILED_VALIDATION", #"Validation failed for field "title". Value is required."#,
                                           ["field": "title", "type": "required", "path": []]))
        let nulled = try await api.send("PATCH", "/items/articles/\(ItemsSeed.a1)", body: ["title": nil])
        #expect(nulled.json == Self.error("FAILED_VALIDATION", #"Validation failed for field "title". Value can't be null."#,
                                          ["field": "title", "type": "nnull", "path": []]))
        let nestedMissing = try await api.send("POST", "/items/articles", body: ["title": "t", "slug": "nested-missing", "author": ["email": "x@example.com"]])
        #expect(nestedMissing.code == "FAILED_VALIDATION")
        #expect(nestedMissing.message == #"Validation failed for field "name". Value is required."#)
        #expect(try api.scalar("SELECT COUNT(*) FROM articles WHERE slug = 'nested-missing'") == "0")

        // Field validation rules (directus_fields.validation), checked only for submitted fields.
        _ = try await api.data("POST", "/collections", body: ItemsSchema.collection("validated", key: ItemsSchema.integerKey(), [
            ItemsSchema.field("score", "integer", meta: ["validation": ["_and": [["score": ["_gte": 0]], ["score": ["_lte": 5]]]]]),
            ItemsSchema.field("body", "string", meta: ["validation": ["body": ["_regex": "^[A-Za-z ]+$"]], "validation_message": "Letters only"]),
        ]))
        let high = try await api.send("POST", "/items/validated", body: ["body": "ok", "score": 6])
        #expect(high.json == Self.error("FAILED_VALIDATION", #"Validation failed for field "score". Value has to be less than or equal to "5"."#,
                                        ["field": "score", "type": "lte", "valid": 5, "path": []]))
        let pattern = try await api.send("POST", "/items/validated", body: ["body": "no digits 1"])
        #expect(pattern.json == Self.error("FAILED_VALIDATION", #"Validation failed for field "body". Value doesn't have the correct format."#,
                                           ["field": "body", "type": "regex", "invalid": "no digits 1", "path": []]))
        #expect(try await api.send("POST", "/items/validated", body: ["score": 3]).status == 200, "a body that is not sent is not checked")
        // Every failure is reported at once.
        let both = try await api.send("POST", "/items/validated", body: ["body": "1", "score": -1])
        #expect(both.status == 400)
        #expect(both.json?["errors"]?.arrayValue?.compactMap { $0["extensions"]?["field"]?.stringValue } == ["score", "body"])
        let twoMissing = try await api.send("POST", "/items/articles", body: ["body": "neither title nor slug is needed, but title is"])
        #expect(twoMissing.json?["errors"]?.count == 1)

        // Malformed bodies.
        let notAnObject = try await api.send("POST", "/items/tags", body: [1, 2])
        #expect(notAnObject.code == "INVALID_PAYLOAD")
    }

    @Test(arguments: DatabaseKind.allCases)
    func writesLeaveActivityAndRevisions(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let admin = try #require(try api.scalar("SELECT id FROM directus_users WHERE email = 'admin@example.com'"))
        func rows(_ sql: String) throws -> [[String]] { try api.sql(sql).map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) } }
        func parsed(_ text: String) -> JSON { (try? JSON.parse(text)) ?? .string(text) }

        let tag = try await api.data("POST", "/items/tags", body: ["name": "tracked"])
        let id = try #require(tag["id"]?.intValue)
        _ = try await api.data("PATCH", "/items/tags/\(id)", body: ["name": "tracked twice"])
        #expect(try await api.send("DELETE", "/items/tags/\(id)").status == 204)

        let activity = try rows("SELECT id, action, \"user\", collection, item FROM directus_activity WHERE collection = 'tags' AND item = '\(id)' ORDER BY id")
        #expect(activity.map { Array($0.dropFirst()) } == [["create", admin, "tags", "\(id)"], ["update", admin, "tags", "\(id)"], ["delete", admin, "tags", "\(id)"]])
        let revisions = try rows("SELECT activity, data, delta, parent FROM directus_revisions WHERE collection = 'tags' AND item = '\(id)' ORDER BY id")
        try #require(revisions.count == 2, "no revision for the delete: \(revisions)")
        #expect(revisions.map { $0[0] } == [activity[0][0], activity[1][0]])
        #expect(parsed(revisions[0][1])["name"] == "tracked")
        #expect(parsed(revisions[0][2])["name"] == "tracked")
        #expect(parsed(revisions[1][1]) == json(#"{"id": \#(id), "name": "tracked twice"}"#), "data is the whole item after the update")
        #expect(parsed(revisions[1][2]) == json(#"{"name": "tracked twice"}"#), "delta is what changed")
        #expect(revisions.allSatisfy { $0[3].isEmpty }, "top-level writes have no parent")

        // Nested writes: the children's revisions point at the parent's.
        let author = try await api.data("POST", "/items/authors", [("fields", "id,links")], body: ["name": "Revisions", "country": ["code": "rv", "name": "Revisionia"], "links": [["url": "r1"], ["url": "r2"]]])
        let authorID = try #require(author["id"]?.intValue)
        let parent = try #require(try api.scalar("SELECT id FROM directus_revisions WHERE collection = 'authors' AND item = '\(authorID)'"))
        let children = try rows("SELECT collection, parent FROM directus_revisions WHERE (collection = 'links' AND item IN (\((author["links"]?.arrayValue ?? []).map { "'\($0.encodedString())'" }.joined(separator: ","))))" +
                                " OR (collection = 'countries' AND item = 'rv') ORDER BY id")
        #expect(children.map { $0[0] }.sorted() == ["countries", "links", "links"])
        #expect(children.allSatisfy { $0.count == 2 && $0[1] == parent }, "\(children) → \(parent)")

        // Concealed and hashed values never reach the revisions in clear.
        let special = try await api.data("POST", "/items/specials", body: ["title": "revision", "secret": "plain secret", "password": "plain password"])
        let specialID = try #require(special["id"]?.stringValue)
        _ = try await api.data("PATCH", "/items/specials/\(specialID)", body: ["secret": "new secret"])
        let stored = try api.sql("SELECT data, delta FROM directus_revisions WHERE collection = 'specials' AND item = '\(specialID)'").joined(separator: "\n")
        #expect(!stored.contains("plain secret") && !stored.contains("new secret") && !stored.contains("plain password"), "\(stored)")

        // An update that changes nothing leaves activity but no revision.
        _ = try await api.data("PATCH", "/items/tags/1", body: [:])
        #expect(try api.scalar("SELECT COUNT(*) FROM directus_revisions r JOIN directus_activity a ON a.id = r.activity WHERE r.collection = 'tags' AND r.item = '1' AND a.action = 'update'") == "0")

        // Collections with accountability "activity" keep no revisions, with null nothing at all.
        _ = try await api.data("PATCH", "/collections/headings", body: ["meta": ["accountability": "activity"]])
        _ = try await api.data("PATCH", "/collections/paragraphs", body: ["meta": ["accountability": nil]])
        let heading = try #require(try await api.data("POST", "/items/headings", body: ["text": "activity only"])["id"]?.intValue)
        let paragraph = try #require(try await api.data("POST", "/items/paragraphs", body: ["body": "untracked"])["id"]?.stringValue)
        #expect(try api.scalar("SELECT COUNT(*) FROM directus_activity WHERE collection = 'headings' AND item = '\(heading)'") == "1")
        #expect(try api.scalar("SELECT COUNT(*) FROM directus_revisions WHERE collection = 'headings' AND item = '\(heading)'") == "0")
        #expect(try api.scalar("SELECT COUNT(*) FROM directus_activity WHERE collection = 'paragraphs' AND item = '\(paragraph)'") == "0")
        _ = try await api.data("PATCH", "/collections/headings", body: ["meta": ["accountability": "all"]])
        _ = try await api.data("PATCH", "/collections/paragraphs", body: ["meta": ["accountability": "all"]])
    }
}
