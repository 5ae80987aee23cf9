import PlinthJSON
import Testing

/// GET, SEARCH, POST, PATCH and DELETE on /items/<collection>[/<id>] for integer, uuid and string keys:
/// envelopes, batch forms, singletons and the 403s that hide what does not exist.
@Suite struct ItemsRoutesTests {
    @Test(arguments: DatabaseKind.allCases)
    func readsOneItemAndListsInTheDataEnvelope(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let country = try await api.send("GET", "/items/countries/nl")
        #expect(country.status == 200)
        #expect(country.json == json(#"{"data": {"code": "nl", "name": "Netherlands"}}"#))
        #expect(try await api.get("/items/authors/1", [("fields", "id,name,country")]) == json(#"{"id": 1, "name": "Ada Lovelace", "country": "nl"}"#))
        #expect(try await api.get("/items/articles/\(ItemsSeed.a2)", [("fields", "id,title")]) == json(#"{"id": "\#(ItemsSeed.a2)", "title": "Second Post"}"#))
        let list = try await api.send("GET", "/items/countries", [("sort", "code")])
        #expect(list.json == json(#"""
        {"data": [{"code": "de", "name": "Germany"}, {"code": "fr", "name": "France"},
                  {"code": "nl", "name": "Netherlands"}, {"code": "us", "name": "United States"}]}
        """#))
        // Fields come back in the collection's column order.
        let keys = try await api.get("/items/authors/2").objectValue?.keys ?? []
        #expect(keys == ["id", "name", "email", "country", "birthday", "active", "score", "salary", "followers", "profile", "nicknames", "articles", "links"])
    }

    @Test(arguments: DatabaseKind.allCases)
    func searchReadsTheQueryOrTheKeysFromTheBody(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let byQuery = try await api.data("SEARCH", "/items/articles", body: ["query": [
            "fields": ["title"], "filter": #"{"rating":{"_gte":4}}"#, "sort": "-rating", "limit": 2,
        ]])
        #expect(byQuery == json(#"[{"title": "Hello World"}, {"title": "hello again"}]"#))
        let withStrings = try await api.data("SEARCH", "/items/articles", body: ["query": ["fields": "title,rating", "filter": ["status": ["_eq": "draft"]], "sort": ["-title"]]])
        #expect(withStrings == json(#"[{"title": "Zebra", "rating": 2}, {"title": "Draft Notes", "rating": null}]"#))
        let byKeys = try await api.data("SEARCH", "/items/tags", [("fields", "name")], body: ["keys": [3, 1]])
        #expect(byKeys == json(#"[{"name": "swift"}, {"name": "web"}]"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func missingItemsCollectionsAndSystemCollectionsAreForbidden(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let plain = json(#"{"errors": [{"message": "You don't have permission to access this.", "extensions": {"code": "FORBIDDEN"}}]}"#)
        for path in ["/items/countries/xx", "/items/authors/999", "/items/authors/abc", "/items/articles/not-a-uuid",
                     "/items/articles/00000000-0000-4000-8000-00000000ffff", "/items/settings_page/1", "/items/directus_users", "/items/directus_roles/1"] {
            let reply = try await api.send("GET", path)
            #expect(reply.status == 403, "\(path)")
            #expect(reply.json == plain, "\(path): \(reply.text)")
        }
        let reason = "You don't have permission to access collection \\\"nowhere\\\" or it does not exist. Queried in root."
        let missing = json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#)
        let none: JSON? = nil
        for (method, path, body) in [("GET", "/items/nowhere", none), ("GET", "/items/nowhere/1", none), ("POST", "/items/nowhere", ["a": 1]),
                                     ("PATCH", "/items/nowhere/1", ["a": 1]), ("DELETE", "/items/nowhere/1", none)] {
            let reply = try await api.send(method, path, body: body)
            #expect(reply.status == 403, "\(method) \(path)")
            #expect(reply.json == missing, "\(method) \(path): \(reply.text)")
        }
        for (method, body) in [("POST", ["first_name": "x"] as JSON), ("PATCH", ["keys": [], "data": [:]] as JSON), ("DELETE", ["keys": []] as JSON)] {
            #expect(try await api.send(method, "/items/directus_users", body: body).json == plain, "\(method) on a system collection")
        }
        // A key that cannot be one is forbidden; an admin's write to a key that does not exist changes nothing (204).
        for (method, path) in [("PATCH", "/items/authors/abc"), ("DELETE", "/items/authors/abc"), ("PATCH", "/items/articles/not-a-uuid")] {
            let reply = try await api.send(method, path, body: method == "PATCH" ? ["name": "x"] : nil)
            #expect(reply.json == plain, "\(method) \(path): \(reply.text)")
        }
        for (method, path) in [("PATCH", "/items/countries/xx"), ("DELETE", "/items/countries/xx"), ("DELETE", "/items/authors/999")] {
            let reply = try await api.send(method, path, body: method == "PATCH" ? ["name": "x"] : nil)
            #expect(reply.status == 204 && reply.text.isEmpty, "\(method) \(path): \(reply.text)")
        }
        #expect(try await api.send("GET", "/items/countries/xx").status == 403)
    }

    @Test(arguments: DatabaseKind.allCases)
    func everyKeyKindIsCreatedUpdatedAndDeleted(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        // String key.
        #expect(try await api.data("POST", "/items/countries", body: ["code": "be", "name": "Belgium"]) == json(#"{"code": "be", "name": "Belgium"}"#))
        #expect(try await api.data("PATCH", "/items/countries/be", body: ["name": "België"]) == json(#"{"code": "be", "name": "België"}"#))
        let deleted = try await api.send("DELETE", "/items/countries/be")
        #expect(deleted.status == 204)
        #expect(deleted.text.isEmpty)
        #expect(try await api.send("GET", "/items/countries/be").status == 403)

        // Integer key: generated, and an array creates in order.
        let created = try await api.data("POST", "/items/tags", [("fields", "id,name")], body: [["name": "t-one"], ["name": "t-two"], ["name": "t-three"]])
        #expect(created.strings("name") == ["t-one", "t-two", "t-three"])
        let ids = (created.arrayValue ?? []).compactMap { $0["id"]?.intValue }
        #expect(ids.count == 3 && ids == ids.sorted() && ids[0] > 4, "new keys follow the seeded ones: \(ids)")
        #expect(try await api.data("PATCH", "/items/tags/\(ids[0])", body: ["name": "t-first"]) == json(#"{"id": \#(ids[0]), "name": "t-first"}"#))

        // An explicit integer key moves the sequence on, so the next generated key follows it (in a collection
        // of its own, as other tests write tags at the same time).
        _ = try await api.data("POST", "/collections", body: ItemsSchema.collection("counters", key: ItemsSchema.integerKey(), [ItemsSchema.field("name", "string")]))
        #expect(try await api.data("POST", "/items/counters", body: ["name": "generated"])["id"] == 1)
        #expect(try await api.data("POST", "/items/counters", body: ["id": 101111, "name": "explicit"])["id"] == 101111)
        #expect(try await api.data("POST", "/items/counters", body: ["name": "after"])["id"] == 101112)

        // UUID key: generated when absent, kept when given.
        let generated = try await api.data("POST", "/items/paragraphs", body: ["body": "fresh"])
        let uuid = try #require(generated["id"]?.stringValue)
        #expect(uuid.count == 36)
        let given = "20000000-0000-4000-8000-000000000001"
        #expect(try await api.data("POST", "/items/paragraphs", body: ["id": .string(given), "body": "given"])["id"]?.stringValue == given)
        #expect(try await api.data("PATCH", "/items/paragraphs/\(uuid)", body: ["body": "changed"]) == json(#"{"id": "\#(uuid)", "body": "changed"}"#))
        #expect(try await api.send("DELETE", "/items/paragraphs/\(given)").status == 204)
        #expect(try await api.send("GET", "/items/paragraphs/\(given)").status == 403)
    }

    @Test(arguments: DatabaseKind.allCases)
    func batchUpdatesAndDeletesTakeEveryForm(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let rows = try await api.data("POST", "/items/links", [("fields", "id")], body: [
            ["url": "batch-1"], ["url": "batch-2"], ["url": "batch-3"], ["url": "batch-4"], ["url": "batch-5"],
        ])
        let ids = (rows.arrayValue ?? []).compactMap { $0["id"]?.intValue }
        try #require(ids.count == 5)

        // An array of items with their keys, each with its own values.
        let batch = try await api.data("PATCH", "/items/links", [("fields", "id,url")], body: [
            ["id": .int(ids[1]), "url": "b2"], ["id": .int(ids[0]), "url": "b1"],
        ])
        #expect(Dictionary(uniqueKeysWithValues: zip(batch.strings("id"), batch.strings("url"))) == [String(ids[1]): "b2", String(ids[0]): "b1"])
        // {keys, data}: the same values for every key.
        let many = try await api.data("PATCH", "/items/links", [("fields", "url")], body: ["keys": [.int(ids[2]), .int(ids[3])], "data": ["url": "same"]])
        #expect(many == json(#"[{"url": "same"}, {"url": "same"}]"#))
        // {query, data}: the items the query selects.
        let byQuery = try await api.data("PATCH", "/items/links", [("fields", "id,url")], body: [
            "query": ["filter": ["url": ["_eq": "same"]]], "data": ["url": "queried"],
        ])
        #expect(Set(byQuery.strings("id")) == [String(ids[2]), String(ids[3])])
        #expect(Set(byQuery.strings("url")) == ["queried"])

        for (body, reason) in [
            (["keys": [.int(ids[0])]] as JSON, #"\"data\" is required"#),
            (["data": ["url": "x"]] as JSON, #"\"value\" must contain at least one of [query, keys]"#),
            (["keys": [.int(ids[0])], "query": [:], "data": ["url": "x"]] as JSON, #"\"value\" contains a conflict between exclusive peers [query, keys]"#),
            ([["url": "no key"]] as JSON, "Item in update misses primary key"),
        ] {
            let reply = try await api.send("PATCH", "/items/links", body: body)
            #expect(reply.json == json(#"{"errors": [{"message": "Invalid payload. \#(reason).", "extensions": {"code": "INVALID_PAYLOAD", "reason": "\#(reason)"}}]}"#),
                    "\(body.encodedString()): \(reply.text)")
        }

        // DELETE with an array of keys, {keys} and {query}; each answers 204 without a body.
        for body in [[.int(ids[0])] as JSON, ["keys": [.int(ids[1])]] as JSON, ["query": ["filter": ["url": ["_eq": "queried"]]]] as JSON] {
            let reply = try await api.send("DELETE", "/items/links", body: body)
            #expect(reply.status == 204 && reply.text.isEmpty, "\(body.encodedString()): \(reply.text)")
        }
        let left = try await api.get("/items/links", [("filter", #"{"url":{"_starts_with":"b"}}"#), ("fields", "id")])
        #expect(left.strings("id") == [String(ids[4])])
        let unkeyed = try await api.send("DELETE", "/items/links", body: ["url": "x"])
        #expect(unkeyed.code == "INVALID_PAYLOAD")
    }

    @Test(arguments: DatabaseKind.allCases)
    func singletonsReadAndUpsertOneObject(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        #expect(try await api.get("/items/settings_page") == json(#"{"id": 1, "title": "Plinth", "subtitle": "Items"}"#))
        #expect(try await api.get("/items/settings_page", [("fields", "title")]) == json(#"{"title": "Plinth"}"#))
        #expect(try await api.send("GET", "/items/settings_page", [("fields", "title"), ("meta", "*")]).json ==
                json(#"{"meta": {"total_count": 1, "filter_count": 1}, "data": {"title": "Plinth"}}"#))
        #expect(try await api.data("PATCH", "/items/settings_page", body: ["subtitle": "Updated"]) == json(#"{"id": 1, "title": "Plinth", "subtitle": "Updated"}"#))
        #expect(try await api.sql("SELECT COUNT(*) FROM settings_page") == ["1"], "the upsert updates the one row")
        let post = try await api.send("POST", "/items/settings_page", body: ["title": "second"])
        #expect(post.status == 404)
        #expect(post.code == "ROUTE_NOT_FOUND")
        #expect(try await api.send("PATCH", "/items/settings_page/1", body: ["title": "x"]).code == "ROUTE_NOT_FOUND")
        #expect(try await api.send("GET", "/items/settings_page/1").status == 403)
    }

    @Test(arguments: DatabaseKind.allCases)
    func clientsSendJSONContentTypeWithEmptyBodies(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        #expect(try await api.send("GET", "/items/tags/1", rawBody: "").status == 200)
        let search = try await api.send("SEARCH", "/items/tags", [("fields", "id"), ("limit", "1")], rawBody: "")
        #expect(search.json == json(#"{"data": [{"id": 1}]}"#))
        let broken = try await api.send("POST", "/items/tags", rawBody: "{nope")
        #expect(broken.status == 400)
        #expect(broken.code == "INVALID_PAYLOAD")
    }
}

/// MAX_BATCH_MUTATION, QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX and MAX_RELATIONAL_DEPTH, on a host configured with small limits.
@Suite struct ItemsLimitsTests {
    @Test(arguments: DatabaseKind.allCases)
    func batchMutationsAreBoundedNestedWritesIncluded(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .limits)
        let message = json(#"""
        {"errors": [{"message": "Invalid payload. Exceeded max batch mutation limit of 3.",
                     "extensions": {"code": "INVALID_PAYLOAD", "reason": "Exceeded max batch mutation limit of 3"}}]}
        """#)
        let four = try await api.send("POST", "/items/tags", body: [["name": "l1"], ["name": "l2"], ["name": "l3"], ["name": "l4"]])
        #expect(four.status == 400)
        #expect(four.json == message)
        #expect(try await api.send("POST", "/items/tags", body: [["name": "l1"], ["name": "l2"], ["name": "l3"]]).status == 200)
        // One author with three nested links is four items.
        let nested = try await api.send("POST", "/items/authors", body: ["name": "Nested", "links": [["url": "1"], ["url": "2"], ["url": "3"]]])
        #expect(nested.json == message)
        #expect(try await api.sql("SELECT COUNT(*) FROM authors WHERE name = 'Nested'") == ["0"])
        let updates = try await api.send("PATCH", "/items/tags", body: ["keys": [1, 2, 3, 4], "data": ["name": "x"]])
        #expect(updates.json == message)
        let deletes = try await api.send("DELETE", "/items/tags", body: [1, 2, 3, 4])
        #expect(deletes.json == message)
    }

    @Test(arguments: DatabaseKind.allCases)
    func queryLimitsHaveADefaultAndAMaximum(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .limits)
        #expect(try await api.get("/items/countries", [("fields", "code")]).count == 2, "QUERY_LIMIT_DEFAULT=2")
        #expect(try await api.get("/items/tags", [("fields", "id"), ("limit", "3")]).count == 3)
        #expect(try await api.get("/items/tags", [("fields", "id"), ("limit", "-1")]).count == 4, "-1 means the maximum, QUERY_LIMIT_MAX=4")
        let over = try await api.send("GET", "/items/tags", [("limit", "5")])
        #expect(over.json == json(#"""
        {"errors": [{"message": "Invalid query. \"limit\" must be less than or equal to 4.",
                     "extensions": {"code": "INVALID_QUERY", "reason": "\"limit\" must be less than or equal to 4"}}]}
        """#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func queryBatchesTakeTheQueryLimit(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .limits)
        // The keys of {query} forms are read like a list: QUERY_LIMIT_DEFAULT (2) unless the query says otherwise.
        let updated = try await api.data("PATCH", "/items/countries", [("fields", "code")], body: ["query": ["sort": ["code"]], "data": ["name": "batched"]])
        #expect(updated == json(#"[{"code": "de"}, {"code": "fr"}]"#))
        let three = try await api.data("PATCH", "/items/countries", [("fields", "code")], body: ["query": ["sort": ["code"], "limit": 3], "data": ["name": "batched"]])
        #expect(three.count == 3)
        #expect(try api.scalar("SELECT COUNT(*) FROM countries WHERE name = 'batched'") == "3")
    }

    @Test(arguments: DatabaseKind.allCases)
    func relationalDepthIsLimited(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .limits)
        let error = json(#"""
        {"errors": [{"message": "Invalid query. Max relational depth exceeded.",
                     "extensions": {"code": "INVALID_QUERY", "reason": "Max relational depth exceeded"}}]}
        """#)
        #expect(try await api.send("GET", "/items/articles", [("fields", "author.name")]).status == 200)
        for query in [[("fields", "author.country.name")], [("fields", "*.*.*")], [("filter", #"{"author":{"country":{"name":{"_eq":"x"}}}}"#)],
                      [("sort", "author.country.name")], [("deep", #"{"comments":{"_filter":{"article":{"title":{"_eq":"x"}}}}}"#)]] {
            let reply = try await api.send("GET", "/items/articles", query)
            #expect(reply.status == 400, "\(query)")
            #expect(reply.json == error, "\(query): \(reply.text)")
        }
    }
}
