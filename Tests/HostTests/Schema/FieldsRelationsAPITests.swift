import Foundation
import Testing

/// `/fields` and `/relations` on SQLite and PostgreSQL: columns, aliases, alters, every relation kind.
@Suite(.serialized) struct FieldsRelationsAPITests {
    @Test(arguments: DatabaseKind.allCases)
    func fieldsAreCreatedAlteredAndDeleted(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        _ = try await api.data("POST", "/collections", ["collection": "products", "meta": [:], "schema": [:]])
        let name = try #require(try await api.data("POST", "/fields/products", [
            "field": "name", "type": "string", "meta": ["interface": "input", "note": "Shown in lists"],
            "schema": ["max_length": 80, "is_nullable": false, "default_value": "untitled"],
        ]) as? [String: Any])
        #expect(name["type"] as? String == "string")
        let schema = try #require(name["schema"] as? [String: Any])
        #expect(schema["max_length"] as? Int == 80)
        #expect(schema["is_nullable"] as? Bool == false)
        #expect(schema["default_value"] as? String == "untitled")
        #expect((name["meta"] as? [String: Any])?["sort"] as? Int == 2)
        #expect((name["meta"] as? [String: Any])?["note"] as? String == "Shown in lists")

        for (field, type, expected) in [("price", "decimal", database == .postgres ? "decimal" : "float"), ("stock", "integer", "integer"),
                                        ("active", "boolean", "boolean"), ("specs", "json", "json"), ("released", "date", "date"),
                                        ("updated", "timestamp", "timestamp"), ("sku", "uuid", database == .postgres ? "uuid" : "string")] {
            let created = try #require(try await api.data("POST", "/fields/products", ["field": field, "type": type, "meta": [:], "schema": [:]]) as? [String: Any])
            #expect(created["type"] as? String == expected, "\(field)")
        }
        let json = try #require(try await api.data("GET", "/fields/products/specs") as? [String: Any])
        #expect((json["meta"] as? [String: Any])?["special"] as? [String] == ["cast-json"], "json fields get cast-json")

        let altered = try #require(try await api.data("PATCH", "/fields/products/name", ["schema": ["max_length": 200, "is_nullable": true]]) as? [String: Any])
        #expect((altered["schema"] as? [String: Any])?["max_length"] as? Int == 200)
        #expect((altered["schema"] as? [String: Any])?["is_nullable"] as? Bool == true)
        #expect((altered["meta"] as? [String: Any])?["note"] as? String == "Shown in lists", "altering the column keeps the metadata")

        let metaOnly = try #require(try await api.data("PATCH", "/fields/products/stock", ["meta": ["hidden": true]]) as? [String: Any])
        #expect((metaOnly["meta"] as? [String: Any])?["hidden"] as? Bool == true)

        let duplicate = try await api.send("POST", "/fields/products", ["field": "name", "type": "string"])
        #expect(duplicate.status == 400)
        #expect(duplicate.text.contains(#"Field \"name\" already exists in collection \"products\""#))
        let badType = try await api.send("POST", "/fields/products", ["field": "odd", "type": "money"])
        #expect(badType.status == 400)
        #expect(badType.text.contains("\\\"type\\\" must be one of ["))
        let missing = try await api.send("POST", "/fields/nowhere", ["field": "x", "type": "string"])
        #expect(missing.status == 403)
        #expect(missing.text.contains("You don't have permission to access collection \\\"nowhere\\\" or it does not exist. Queried in root."))

        #expect(try await api.send("DELETE", "/fields/products/stock").status == 204)
        #expect(try await api.send("GET", "/fields/products/stock").status == 403)
    }

    @Test(arguments: DatabaseKind.allCases)
    func everyRelationKind(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        for name in ["authors", "articles", "tags", "headings", "texts"] {
            _ = try await api.data("POST", "/collections", ["collection": name, "meta": [:], "schema": [:],
                                                            "fields": [["field": "title", "type": "string", "meta": [:], "schema": [:]]]])
        }
        // M2O articles.author → authors, with the O2M alias authors.articles.
        _ = try await api.data("POST", "/fields/articles", ["field": "author", "type": "integer", "meta": ["special": ["m2o"]], "schema": [:]])
        _ = try await api.data("POST", "/fields/authors", ["field": "articles", "type": "alias", "meta": ["special": ["o2m"]]])
        let m2o = try #require(try await api.data("POST", "/relations", [
            "collection": "articles", "field": "author", "related_collection": "authors",
            "meta": ["one_field": "articles", "sort_field": NSNull()], "schema": ["on_delete": "SET NULL"],
        ]) as? [String: Any])
        #expect(m2o["related_collection"] as? String == "authors")
        let fk = try #require(m2o["schema"] as? [String: Any])
        #expect(fk["foreign_key_table"] as? String == "authors")
        #expect(fk["foreign_key_column"] as? String == "id")
        #expect(fk["on_delete"] as? String == "SET NULL")
        #expect(fk["constraint_name"] as? String == (database == .postgres ? "articles_author_foreign" : nil))
        #expect((m2o["meta"] as? [String: Any])?["one_field"] as? String == "articles")
        let alias = try #require(try await api.data("GET", "/fields/authors/articles") as? [String: Any])
        #expect(alias["type"] as? String == "alias")
        #expect(alias["schema"] is NSNull)

        // M2M articles ↔ tags through articles_tags.
        _ = try await api.data("POST", "/collections", ["collection": "articles_tags", "meta": ["hidden": true], "schema": [:], "fields": [
            ["field": "articles_id", "type": "integer", "meta": [:], "schema": [:]], ["field": "tags_id", "type": "integer", "meta": [:], "schema": [:]],
        ]])
        _ = try await api.data("POST", "/fields/articles", ["field": "tags", "type": "alias", "meta": ["special": ["m2m"]]])
        _ = try await api.data("POST", "/relations", ["collection": "articles_tags", "field": "articles_id", "related_collection": "articles",
                                                      "meta": ["one_field": "tags", "junction_field": "tags_id"], "schema": ["on_delete": "CASCADE"]])
        _ = try await api.data("POST", "/relations", ["collection": "articles_tags", "field": "tags_id", "related_collection": "tags",
                                                      "meta": ["junction_field": "articles_id"], "schema": ["on_delete": "CASCADE"]])

        // M2A articles.blocks through articles_blocks (item + collection), no foreign key on the item side.
        _ = try await api.data("POST", "/collections", ["collection": "articles_blocks", "meta": [:], "schema": [:], "fields": [
            ["field": "articles_id", "type": "integer", "meta": [:], "schema": [:]], ["field": "item", "type": "string", "meta": [:], "schema": [:]],
            ["field": "collection", "type": "string", "meta": [:], "schema": [:]],
        ]])
        _ = try await api.data("POST", "/fields/articles", ["field": "blocks", "type": "alias", "meta": ["special": ["m2a"]]])
        _ = try await api.data("POST", "/relations", ["collection": "articles_blocks", "field": "articles_id", "related_collection": "articles",
                                                      "meta": ["one_field": "blocks", "junction_field": "item"]])
        let m2a = try #require(try await api.data("POST", "/relations", [
            "collection": "articles_blocks", "field": "item", "related_collection": NSNull(),
            "meta": ["one_allowed_collections": ["headings", "texts"], "one_collection_field": "collection", "junction_field": "articles_id"],
        ]) as? [String: Any])
        #expect(m2a["schema"] is NSNull)
        #expect((m2a["meta"] as? [String: Any])?["one_allowed_collections"] as? [String] == ["headings", "texts"])

        let relations = try #require(try await api.data("GET", "/relations") as? [[String: Any]])
        let user = relations.filter { !(($0["collection"] as? String) ?? "").hasPrefix("directus_") }
        #expect(Set(user.map { "\($0["collection"]!).\($0["field"]!)" }) == ["articles.author", "articles_tags.articles_id", "articles_tags.tags_id", "articles_blocks.articles_id", "articles_blocks.item"])
        let forArticles = try #require(try await api.data("GET", "/relations/articles") as? [[String: Any]])
        #expect(forArticles.map { $0["field"] as? String } == ["author"])

        let errors: [([String: Any], String)] = [
            (["collection": "nowhere", "field": "x"], "Collection \\\"nowhere\\\" doesn't exist"),
            (["collection": "articles", "field": "nope"], "Field \\\"nope\\\" doesn't exist in collection \\\"articles\\\""),
            (["collection": "articles", "field": "id", "related_collection": "authors"], "Field \\\"id\\\" in collection \\\"articles\\\" is a primary key"),
            (["collection": "articles", "field": "author", "related_collection": "authors"], "Field \\\"author\\\" in collection \\\"articles\\\" already has an associated relationship"),
        ]
        for (body, reason) in errors {
            let response = try await api.send("POST", "/relations", body)
            #expect(response.status == 400)
            #expect(response.text.contains(reason), "\(response.text)")
        }

        // Deleting the M2O field removes its relation and the O2M alias on the other side.
        #expect(try await api.send("DELETE", "/fields/articles/author").status == 204)
        #expect(try await api.send("GET", "/relations/articles/author").status == 403)
        #expect(try await api.send("GET", "/fields/authors/articles").status == 403)

        // Deleting a collection drops the M2O columns that point at it elsewhere.
        let dropped = try await api.send("DELETE", "/collections/tags")
        #expect(dropped.status == 204, "\(dropped.text)")
        #expect(try await api.send("GET", "/fields/articles_tags/tags_id").status == 403)
    }
}
