import PlinthJSON
import Testing

/// `fields`: wildcards, dot paths through every relation kind, many-to-any scopes, functions and their
/// output keys, `alias` and `backlink`.
@Suite struct ItemsFieldsTests {
    static let a1 = ItemsSeed.a1

    @Test(arguments: DatabaseKind.allCases)
    func starReturnsColumnsAndRelatedKeys(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let item = try await api.get("/items/articles/\(Self.a1)")
        #expect(item.objectValue?.keys == ["id", "title", "slug", "body", "status", "rating", "views", "price", "published_at", "published_on",
                                           "author", "editor", "metadata", "comments", "tags", "blocks", "translations"])
        // Many-to-one as its key; one-to-many, many-to-many and many-to-any as the keys of the related (junction)
        // items, in the relation's sort order (a1's tags junction rows are sorted 2, 1).
        let relational = JSONObject(["author", "editor", "comments", "tags", "blocks", "translations"].map { ($0, item[$0] ?? .null) })
        #expect(JSON.object(relational) == json(#"{"author": 1, "editor": null, "comments": [1, 2, 3], "tags": [2, 1], "blocks": [1, 2, 3], "translations": [1, 2]}"#))
        #expect(item["metadata"] == json(#"{"color": "red", "size": {"w": 10, "h": 20}, "tags": ["x", "y"], "n": 3}"#))
        #expect(item["published_at"] == "2021-03-04T05:06:07.000Z")
        #expect(item["published_on"] == "2021-03-04")
        #expect(item["views"] == api.big("1000"))
        #expect(item["price"] == api.big("9.99"))
        #expect(try await api.get("/items/articles", [("fields", "comments"), ("filter", #"{"slug":{"_eq":"second-post"}}"#)]) == json(#"[{"comments": [4]}]"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func dotPathsWalkEveryRelationKind(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let read = try await api.get("/items/articles/\(Self.a1)", [("fields", [
            "title", "author.name", "author.country.name", "comments.body", "tags.sort", "tags.tags_id.name",
            "translations.title", "translations.languages_code.direction", "blocks.collection", "blocks.item:headings.text", "blocks.item:paragraphs.body",
        ].joined(separator: ","))])
        #expect(read == json(#"""
        {"title": "Hello World",
         "author": {"name": "Ada Lovelace", "country": {"name": "Netherlands"}},
         "comments": [{"body": "Great"}, {"body": "Nice"}, {"body": "meh"}],
         "tags": [{"sort": 1, "tags_id": {"name": "sql"}}, {"sort": 2, "tags_id": {"name": "swift"}}],
         "translations": [{"title": "Hello World", "languages_code": {"direction": "ltr"}}, {"title": "مرحبا بالعالم", "languages_code": {"direction": "rtl"}}],
         "blocks": [{"collection": "headings", "item": {"text": "Intro"}}, {"collection": "paragraphs", "item": {"body": "Lorem ipsum"}},
                    {"collection": "headings", "item": {"text": "Outro"}}]}
        """#))
        // The one-to-many side back to the many-to-one, and null for a missing relation.
        let author = try await api.get("/items/authors/1", [("fields", "name,articles.slug,links.url")])
        #expect(author == json(#"{"name": "Ada Lovelace", "articles": [{"slug": "hello-world"}, {"slug": "second-post"}], "links": [{"url": "https://ada.example"}, {"url": "https://engine.example"}]}"#))
        let orphan = try await api.get("/items/articles/\(ItemsSeed.a5)", [("fields", "slug,author.name,comments.body")])
        #expect(orphan == json(#"{"slug": "archived", "author": null, "comments": []}"#))
        // Unscoped many-to-any sub-fields apply to every allowed collection.
        let unscoped = try await api.get("/items/articles/\(ItemsSeed.a2)", [("fields", "blocks.item.id")])
        #expect(unscoped == json(#"{"blocks": [{"item": {"id": "\#(ItemsSeed.paragraph(2))"}}]}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func wildcardsExpandOneLevelAtATime(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let nested = try await api.get("/items/articles/\(Self.a1)", [("fields", "*.*")])
        #expect(nested["author"]?["name"] == "Ada Lovelace")
        #expect(nested["author"]?["articles"] == json(#"["\#(ItemsSeed.a1)", "\#(ItemsSeed.a2)"]"#), "the second level is keys again")
        #expect(nested["tags"] == json(#"""
        [{"id": 2, "articles_id": "\#(Self.a1)", "tags_id": 2, "sort": 1}, {"id": 1, "articles_id": "\#(Self.a1)", "tags_id": 1, "sort": 2}]
        """#))
        let one = try await api.get("/items/articles/\(Self.a1)", [("fields", "slug,author.*")])
        #expect(one["author"]?.objectValue?.keys == ["id", "name", "email", "country", "birthday", "active", "score", "salary", "followers", "profile",
                                                       "nicknames", "articles", "links"])
        let pieces = try await api.get("/items/articles/\(Self.a1)", [("fields[]", "slug"), ("fields[]", "tags.tags_id.*")])
        #expect(pieces == json(#"{"slug": "hello-world", "tags": [{"tags_id": {"id": 2, "name": "sql"}}, {"tags_id": {"id": 1, "name": "swift"}}]}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func backlinkFalseDoesNotWalkBackThroughTheRelationItCameFrom(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let walked = try await api.get("/items/authors/4", [("fields", "*.*.*")])
        #expect(walked["articles"]?[0]?["author"]?["name"] == "Margaret Hamilton")
        let plain = try await api.get("/items/authors/4", [("fields", "*.*.*"), ("backlink", "false")])
        #expect(plain["articles"]?[0]?["author"] == 4, "the way back stays a key")
        #expect(plain["articles"]?[0]?["comments"]?[0]?["body"] == "Hmm", "other relations still expand")
        #expect(plain["country"]?["name"] == "United States")
    }

    @Test(arguments: DatabaseKind.allCases)
    func functionsHaveDirectusOutputKeys(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let read = try await api.get("/items/articles/\(Self.a1)", [("fields", [
            "year(published_at)", "month(published_at)", "day(published_on)", "hour(published_at)", "count(comments)", "count(tags)",
            "json(metadata, color)", "json(metadata, size.w)", "json(metadata, tags[0])", "json(metadata, size)", "json(metadata, missing)",
        ].joined(separator: ","))])
        // PostgreSQL's EXTRACT (numeric) and COUNT (bigint) reach Directus clients as strings.
        #expect(read == JSON.object([
            "published_at_year": api.big("2021"), "published_at_month": api.big("3"), "published_on_day": api.big("4"), "published_at_hour": api.big("5"),
            "comments_count": api.big("3"), "tags_count": api.big("2"), "metadata_color_json": "red", "metadata_size_w_json": 10,
            "metadata_tags_0_json": "x", "metadata_size_json": ["w": 10, "h": 20], "metadata_missing_json": nil,
        ]))
        let invalid = try await api.send("GET", "/items/articles", [("fields", "year(title)")])
        #expect(invalid.json == json(#"{"errors": [{"message": "Invalid query. Invalid function specified \"year\".", "extensions": {"code": "INVALID_QUERY", "reason": "Invalid function specified \"year\""}}]}"#))
        let unknown = try await api.send("GET", "/items/articles", [("fields", "median(rating)")])
        #expect(unknown.code == "INVALID_QUERY")
        #expect(unknown.message == "Invalid query. Invalid function specified \"median\".")
        let broken = try await api.send("GET", "/items/articles", [("fields", "json(metadata)")])
        #expect(broken.message == "Invalid query. Invalid json() syntax: requires json(field, path) format.")
    }

    @Test(arguments: DatabaseKind.allCases)
    func aliasesRenameAndDuplicateFields(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let read = try await api.get("/items/articles/\(Self.a1)", [
            ("fields", "slug,writer.name,author.id,released,colour"),
            ("alias", #"{"writer":"author","released":"year(published_at)","colour":"json(metadata, color)"}"#),
        ])
        #expect(read == JSON.object(["slug": "hello-world", "writer": ["name": "Ada Lovelace"], "author": ["id": 1], "released": api.big("2021"), "colour": "red"]))
        // Bracket form, and an alias of a one-to-many fetched twice with different deep queries.
        let twice = try await api.get("/items/articles/\(Self.a1)", [
            ("fields", "best.body,worst.body"), ("alias[best]", "comments"), ("alias[worst]", "comments"),
            ("deep[best][_sort]", "-score"), ("deep[best][_limit]", "1"), ("deep[worst][_sort]", "score"), ("deep[worst][_limit]", "1"),
        ])
        #expect(twice == json(#"{"best": [{"body": "Great"}], "worst": [{"body": "meh"}]}"#))
        let dotted = try await api.send("GET", "/items/articles", [("alias", #"{"x":"author.name"}"#)])
        #expect(dotted.message == "Invalid query. \"alias\" key/value can't contain a period character `.`.")
    }

    @Test(arguments: DatabaseKind.allCases)
    func unknownFieldsAreForbiddenAndNonRelationalPathsDropped(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        for (fields, tail) in [("nope", #"field \"nope\" in collection \"articles\" or it does not exist. Queried in root."#),
                               ("author.nope", #"field \"nope\" in collection \"authors\" or it does not exist. Queried in \"author\"."#),
                               ("tags.tags_id.nope", #"field \"nope\" in collection \"tags\" or it does not exist. Queried in \"tags.tags_id\"."#),
                               ("count(nope)", #"field \"nope\" in collection \"articles\" or it does not exist. Queried in root."#)] {
            let reason = "You don't have permission to access \(tail)"
            let reply = try await api.send("GET", "/items/articles", [("fields", fields)])
            #expect(reply.json == json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#), "\(fields): \(reply.text)")
        }
        #expect(try await api.get("/items/articles/\(Self.a1)", [("fields", "slug,title.foo")]) == json(#"{"slug": "hello-world"}"#))
    }
}
