import PlinthJSON
import Testing

/// Relational payloads: related items created, linked and updated inline through every relation kind,
/// replace semantics and the detailed `{create, update, delete}` form, `one_deselect_action`, junction
/// sort values, and one transaction for all of it.
@Suite struct ItemsNestedWriteTests {
    static let nestedFields = "slug,author.name,author.country.name,comments.body,tags.sort,tags.tags_id.name,blocks.collection,blocks.item:headings.text,blocks.item:paragraphs.body,translations.languages_code.code,translations.title"

    @Test(arguments: DatabaseKind.allCases)
    func createNestsEveryRelationKind(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let created = try await api.data("POST", "/items/articles", [("fields", Self.nestedFields)], body: json(#"""
        {"title": "Nested", "slug": "nested-create",
         "author": {"name": "Barbara Liskov", "country": {"code": "ch", "name": "Switzerland"}},
         "comments": [{"body": "first"}, {"body": "second"}],
         "tags": [{"tags_id": {"name": "nested-tag"}, "sort": 2}, {"tags_id": 2, "sort": 1}],
         "blocks": [{"collection": "headings", "item": {"text": "Nested heading"}, "sort": 1},
                    {"collection": "paragraphs", "item": {"body": "Nested body"}, "sort": 2}],
         "translations": [{"languages_code": "ar", "title": "متداخل"}, {"languages_code": {"code": "fr", "name": "French", "direction": "ltr"}, "title": "Imbriqué"}]}
        """#))
        #expect(created == json(#"""
        {"slug": "nested-create",
         "author": {"name": "Barbara Liskov", "country": {"name": "Switzerland"}},
         "comments": [{"body": "first"}, {"body": "second"}],
         "tags": [{"sort": 1, "tags_id": {"name": "sql"}}, {"sort": 2, "tags_id": {"name": "nested-tag"}}],
         "blocks": [{"collection": "headings", "item": {"text": "Nested heading"}}, {"collection": "paragraphs", "item": {"body": "Nested body"}}],
         "translations": [{"languages_code": {"code": "ar"}, "title": "متداخل"}, {"languages_code": {"code": "fr"}, "title": "Imbriqué"}]}
        """#))
        // Linking existing items by key, and updating one through its object with the key.
        let linked = try await api.data("POST", "/items/articles", [("fields", "slug,author.name,comments.body")], body: json(#"""
        {"title": "Linked", "slug": "nested-link", "author": {"id": 2, "name": "Grace Brewster Hopper"}, "comments": [5]}
        """#))
        #expect(linked == json(#"{"slug": "nested-link", "author": {"name": "Grace Brewster Hopper"}, "comments": [{"body": "Hmm"}]}"#))
        #expect(try await api.get("/items/comments/5", [("fields", "article.slug")]) == json(#"{"article": {"slug": "nested-link"}}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func arraysReplaceAndDeselectedItemsAreNullifiedOrDeleted(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let author = try await api.data("POST", "/items/authors", [("fields", "id,links,articles.id,articles.slug")], body: json(#"""
        {"name": "Deselect", "links": [{"url": "keep"}, {"url": "drop"}], "articles": [{"title": "A", "slug": "deselect-a"}, {"title": "B", "slug": "deselect-b"}]}
        """#))
        let id = try #require(author["id"]?.intValue)
        let links = try #require(author["links"]?.arrayValue)
        let bySlug = Dictionary(uniqueKeysWithValues: (author["articles"]?.arrayValue ?? []).map { ($0["slug"]?.stringValue ?? "", $0["id"] ?? .null) })
        let articles = [bySlug["deselect-a"] ?? .null, bySlug["deselect-b"] ?? .null]
        try #require(links.count == 2 && articles.count == 2)
        // Replace: the first link stays (and changes), a new one is created; the dropped link is deleted
        // (one_deselect_action delete); the dropped article only loses its author (nullify).
        let replaced = try await api.data("PATCH", "/items/authors/\(id)", [("fields", "links.url,articles.slug")], body: .object([
            "links": [.object(["id": links[0], "url": "kept"]), ["url": "new"]], "articles": [articles[1]],
        ]))
        #expect(replaced == json(#"{"links": [{"url": "kept"}, {"url": "new"}], "articles": [{"slug": "deselect-b"}]}"#))
        #expect(try await api.send("GET", "/items/links/\(links[1].encodedString())").status == 403, "deleted")
        #expect(try await api.get("/items/articles", [("fields", "slug,author"), ("filter[slug][_eq]", "deselect-a")]) == json(#"[{"slug": "deselect-a", "author": null}]"#))

        // The detailed form changes items one by one and leaves the others alone.
        let current = try await api.get("/items/authors/\(id)", [("fields", "links.id,links.url")])
        let kept = try #require(current["links"]?[0]?["id"])
        let added = try #require(current["links"]?[1]?["id"])
        let detailed = try await api.data("PATCH", "/items/authors/\(id)", [("fields", "links.url")], body: .object(["links": .object([
            "create": [["url": "created"]], "update": [.object(["id": kept, "url": "updated"])], "delete": [added],
        ])]))
        #expect(detailed == json(#"{"links": [{"url": "updated"}, {"url": "created"}]}"#))
        #expect(try await api.send("GET", "/items/links/\(added.encodedString())").status == 403)

        // An empty array deselects everything; null leaves the relation alone.
        _ = try await api.data("PATCH", "/items/authors/\(id)", body: ["articles": nil])
        #expect(try await api.get("/items/authors/\(id)", [("fields", "articles")]) == json(#"{"articles": ["\#(articles[1].stringValue ?? "")"]}"#))
        _ = try await api.data("PATCH", "/items/authors/\(id)", body: ["articles": []])
        #expect(try await api.get("/items/authors/\(id)", [("fields", "articles")]) == json(#"{"articles": []}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func junctionRowsKeepTheirSortValues(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let created = try await api.data("POST", "/items/articles", [("fields", "id,tags")], body: json(#"""
        {"title": "Sorted", "slug": "junction-sort", "tags": [{"tags_id": 1, "sort": 3}, {"tags_id": 2, "sort": 1}, {"tags_id": 3, "sort": 2}]}
        """#))
        let id = try #require(created["id"]?.stringValue)
        let junction = try #require(created["tags"]?.arrayValue)
        #expect(junction.count == 3)
        #expect(try await api.get("/items/articles/\(id)", [("fields", "tags.tags_id.name")]) == json(#"{"tags": [{"tags_id": {"name": "sql"}}, {"tags_id": {"name": "web"}}, {"tags_id": {"name": "swift"}}]}"#))
        // Reordering is an update of the junction rows' sort values.
        let rows = try await api.get("/items/articles/\(id)", [("fields", "tags.id,tags.tags_id.name")])["tags"]?.arrayValue ?? []
        let junctionOf = Dictionary(uniqueKeysWithValues: rows.map { ($0["tags_id"]?["name"]?.stringValue ?? "", $0["id"] ?? .null) })
        _ = try await api.data("PATCH", "/items/articles/\(id)", body: .object(["tags": .object(["update": [
            .object(["id": junctionOf["swift"]!, "sort": 1]), .object(["id": junctionOf["sql"]!, "sort": 3]),
        ]])]))
        #expect(try await api.get("/items/articles/\(id)", [("fields", "tags.tags_id.name")]) == json(#"{"tags": [{"tags_id": {"name": "swift"}}, {"tags_id": {"name": "web"}}, {"tags_id": {"name": "sql"}}]}"#))
        // Replacing the list with one tag leaves one junction row pointing at the article.
        _ = try await api.data("PATCH", "/items/articles/\(id)", body: ["tags": [["tags_id": 4, "sort": 1]]])
        #expect(try await api.get("/items/articles/\(id)", [("fields", "tags.tags_id.name")]) == json(#"{"tags": [{"tags_id": {"name": "unused"}}]}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func aFailureAnywhereRollsEverythingBack(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        func count(_ table: String, _ condition: String) throws -> String? { try api.scalar("SELECT COUNT(*) FROM \(table) WHERE \(condition)") }

        // The nested author misses its required name: nothing of the article is written.
        let missing = try await api.send("POST", "/items/articles", body: json(#"""
        {"title": "Rollback 1", "slug": "rollback-1", "author": {"email": "nameless@example.com"}, "comments": [{"body": "rollback-1 comment"}]}
        """#))
        #expect(missing.status == 400)
        #expect(missing.json == json(#"""
        {"errors": [{"message": "Validation failed for field \"name\". Value is required.",
                     "extensions": {"code": "FAILED_VALIDATION", "field": "name", "type": "required", "path": []}}]}
        """#))
        #expect(try count("articles", "slug = 'rollback-1'") == "0")
        #expect(try count("authors", "email = 'nameless@example.com'") == "0")
        #expect(try count("comments", "body = 'rollback-1 comment'") == "0")

        // The second nested article repeats a unique slug after the author, a country and the first
        // article were written: all of them disappear.
        let duplicate = try await api.send("POST", "/items/authors", body: json(#"""
        {"name": "Rollback 2", "country": {"code": "rb", "name": "Rollbackia"},
         "articles": [{"title": "fine", "slug": "rollback-2"}, {"title": "clash", "slug": "hello-world"}]}
        """#))
        #expect(duplicate.json == json(#"""
        {"errors": [{"message": "Value for field \"slug\" in collection \"articles\" has to be unique.",
                     "extensions": {"code": "RECORD_NOT_UNIQUE", "collection": "articles", "field": "slug"}}]}
        """#))
        #expect(try count("authors", "name = 'Rollback 2'") == "0")
        #expect(try count("countries", "code = 'rb'") == "0")
        #expect(try count("articles", "slug = 'rollback-2'") == "0")

        // A batch create is one transaction too; so is a nested update.
        let batch = try await api.send("POST", "/items/tags", body: [["name": "rollback-3a"], ["id": 1, "name": "clash"]])
        #expect(batch.code == "RECORD_NOT_UNIQUE")
        #expect(try count("tags", "name = 'rollback-3a'") == "0")
        let update = try await api.send("PATCH", "/items/authors/4", body: json(#"""
        {"name": "Changed", "links": [{"url": "rollback-4"}], "articles": [{"title": "x", "slug": "rollback-4"}, {"title": "y", "slug": "zebra"}]}
        """#))
        #expect(update.code == "RECORD_NOT_UNIQUE")
        #expect(try count("authors", "name = 'Changed'") == "0")
        #expect(try count("links", "url = 'rollback-4'") == "0")
        #expect(try count("articles", "slug = 'rollback-4'") == "0")
        #expect(try await api.get("/items/articles", [("fields", "author"), ("filter[slug][_eq]", "hello-again")]) == json(#"[{"author": 4}]"#))
    }
}
