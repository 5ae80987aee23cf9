import PlinthJSON
import Testing

/// `search`, `sort`, `limit`/`offset`/`page`, `meta`, `deep`, and the INVALID_QUERY reasons of malformed parameters.
@Suite struct ItemsQueryTests {
    static func slugs(_ api: ItemsHost, _ query: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await api.get("/items/articles", [("fields", "slug")] + query, sourceLocation: sourceLocation).strings("slug")
    }

    @Test(arguments: DatabaseKind.allCases)
    func searchMatchesTextCaseInsensitivelyAndNumbersAndKeysExactly(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        #expect(try await Self.slugs(api, [("search", "HELLO")]) == ["hello-world", "hello-again"])
        #expect(try await Self.slugs(api, [("search", "sql")]) == ["second-post", "hello-again"], "title, slug and body are searched")
        #expect(try await Self.slugs(api, [("search", "1000")]) == ["hello-world"], "views is a number")
        #expect(try await Self.slugs(api, [("search", ItemsSeed.a3)]) == ["draft-notes"], "the uuid key")
        #expect(try await Self.slugs(api, [("search", "100%")]) == ["archived"])
        #expect(try await Self.slugs(api, [("search", "nothing matches this")]) == [])
        #expect(try await Self.slugs(api, [("search", "hello"), ("filter", #"{"rating":{"_lt":5}}"#)]) == ["hello-again"])
    }

    /// Query strings as a browser or `qs` writes them: `+` is a space, `%2B` a plus, and keys and
    /// values may be percent-encoded or not, brackets included; the token may come as `access_token`.
    @Test(arguments: DatabaseKind.allCases)
    func queryStringsAreDecodedAsBrowsersWriteThem(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        func slugs(_ rawQuery: String, token: String? = nil) async throws -> [String] {
            let reply = try await api.send("GET", "/items/articles?fields=slug&" + rawQuery, token: token)
            #expect(reply.status == 200, "\(rawQuery) → \(reply)")
            return reply.data?.arrayValue?.compactMap { $0["slug"]?.stringValue } ?? []
        }
        // Brackets are encoded where the query has other escapes: Foundation's URL would otherwise
        // encode the whole query again, `%` included.
        #expect(try await slugs("filter[title][_eq]=Hello+World") == ["hello-world"])
        #expect(try await slugs("filter%5Btitle%5D%5B_eq%5D=Hello%20World") == ["hello-world"])
        #expect(try await slugs("filter%5Btitle%5D%5B_eq%5D=Archived_100%25") == ["archived"])
        #expect(try await slugs("filter%5Btitle%5D%5B_contains%5D=%2B").isEmpty, "%2B is a plus, not a space")
        #expect(try await slugs("filter%5Btitle%5D%5B_contains%5D=+").count == 4, "a space: the titles with two words")
        #expect(try await slugs("filter[slug][_eq]=zebra&access_token=\(api.adminToken)", token: "") == ["zebra"])
        #expect(try await slugs("filter%5Bslug%5D%5B_eq%5D=zebra&access%5Ftoken=\(api.adminToken)", token: "") == ["zebra"])
        let twice = try await api.send("GET", "/items/articles?access_token=\(api.adminToken)")
        #expect(twice.status == 400, "a token in the query and in the header: \(twice)")
    }

    @Test(arguments: DatabaseKind.allCases)
    func sortTakesSeveralFieldsDirectionsRelationsAndFunctions(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        #expect(try await Self.slugs(api, []) == ["hello-world", "second-post", "draft-notes", "hello-again", "archived", "zebra"], "key order by default")
        #expect(try await Self.slugs(api, [("sort", "slug")]) == ["archived", "draft-notes", "hello-again", "hello-world", "second-post", "zebra"])
        #expect(try await Self.slugs(api, [("sort", "-status,slug")]) == ["hello-again", "hello-world", "second-post", "draft-notes", "zebra", "archived"])
        #expect(try await Self.slugs(api, [("sort[]", "-views")]) == ["archived", "hello-world", "second-post", "hello-again", "zebra", "draft-notes"])
        let withAuthor = [("filter", #"{"author":{"_nnull":true}}"#)]
        #expect(try await Self.slugs(api, withAuthor + [("sort", "author.name,-slug")]) == ["second-post", "hello-world", "draft-notes", "zebra", "hello-again"])
        let withCountry = [("filter", #"{"author":{"country":{"_nnull":true}}}"#)]
        #expect(try await Self.slugs(api, withCountry + [("sort", "-author.country.name,slug")]) == ["draft-notes", "hello-again", "hello-world", "second-post"])
        let dated = [("filter", #"{"published_at":{"_nnull":true}}"#)]
        #expect(try await Self.slugs(api, dated + [("sort", "-year(published_at),slug")]) == ["zebra", "hello-again", "second-post", "hello-world", "archived"])
        #expect(try await Self.slugs(api, [("sort", "-count(comments),slug")]) == ["hello-world", "hello-again", "second-post", "archived", "draft-notes", "zebra"])
        let unknown = try await api.send("GET", "/items/articles", [("sort", "-nope")])
        #expect(unknown.status == 403)
        #expect(unknown.message == "You don't have permission to access field \"nope\" in collection \"articles\" or it does not exist. Queried in root.")
    }

    @Test(arguments: DatabaseKind.allCases)
    func limitOffsetAndPageSliceTheList(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let sorted = [("sort", "slug")]
        #expect(try await Self.slugs(api, sorted + [("limit", "2")]) == ["archived", "draft-notes"])
        #expect(try await Self.slugs(api, sorted + [("limit", "2"), ("page", "2")]) == ["hello-again", "hello-world"])
        #expect(try await Self.slugs(api, sorted + [("limit", "2"), ("offset", "3")]) == ["hello-world", "second-post"])
        #expect(try await Self.slugs(api, sorted + [("limit", "2"), ("offset", "1"), ("page", "3")]) == ["second-post", "zebra"], "a page replaces the offset")
        #expect(try await Self.slugs(api, sorted + [("offset", "4")]) == ["second-post", "zebra"])
        #expect(try await Self.slugs(api, sorted + [("limit", "-1")]).count == 6)
        #expect(try await Self.slugs(api, sorted + [("limit", "0")]) == [])
    }

    @Test(arguments: DatabaseKind.allCases)
    func metaCountsEverythingAndWhatMatches(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let both = try await api.send("GET", "/items/articles", [("fields", "slug"), ("meta", "*"), ("filter[status][_eq]", "draft"), ("limit", "1")])
        #expect(both.json == json(#"{"meta": {"total_count": 6, "filter_count": 2}, "data": [{"slug": "draft-notes"}]}"#))
        #expect(both.text.hasPrefix(#"{"meta":"#), "Directus sends meta first")
        let total = try await api.send("GET", "/items/articles", [("fields", "slug"), ("meta", "total_count"), ("search", "hello")])
        #expect(total.json?["meta"] == json(#"{"total_count": 6}"#))
        let filtered = try await api.send("GET", "/items/articles", [("fields", "slug"), ("meta", "filter_count"), ("search", "hello")])
        #expect(filtered.json?["meta"] == json(#"{"filter_count": 2}"#))
        let listed = try await api.send("GET", "/items/articles", [("meta", "total_count,filter_count"), ("filter", #"{"comments":{"_some":{}}}"#), ("fields", "id")])
        #expect(listed.json?["meta"] == json(#"{"total_count": 6, "filter_count": 3}"#))
        #expect(try await api.send("GET", "/items/articles", [("fields", "slug")]).json?["meta"] == nil)
    }

    @Test(arguments: DatabaseKind.allCases)
    func deepQueriesShapeNestedListsOnly(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let a1 = ItemsSeed.a1
        let limited = try await api.get("/items/articles/\(a1)", [("fields", "comments.body"), ("deep[comments][_sort]", "-score"), ("deep[comments][_limit]", "2")])
        #expect(limited == json(#"{"comments": [{"body": "Great"}, {"body": "Nice"}]}"#))
        let paged = try await api.get("/items/articles/\(a1)", [("fields", "comments.body"), ("deep", #"{"comments":{"_sort":["score"],"_limit":1,"_page":2}}"#)])
        #expect(paged == json(#"{"comments": [{"body": "Nice"}]}"#))
        let offset = try await api.get("/items/articles/\(a1)", [("fields", "comments.body"), ("deep[comments][_offset]", "2")])
        #expect(offset == json(#"{"comments": [{"body": "meh"}]}"#))
        let filtered = try await api.get("/items/articles", [("fields", "slug,comments.body"), ("filter[slug][_in]", "hello-world,second-post"),
                                                             ("deep[comments][_filter][body][_starts_with]", "Great")])
        #expect(filtered == json(#"[{"slug": "hello-world", "comments": [{"body": "Great"}]}, {"slug": "second-post", "comments": [{"body": "Great too"}]}]"#))
        let searched = try await api.get("/items/articles/\(a1)", [("fields", "comments.body"), ("deep[comments][_search]", "NI")])
        #expect(searched == json(#"{"comments": [{"body": "Nice"}]}"#))
        // Nested deep: through the junction to the tags, and a many-to-one filter that nulls the related item.
        let nested = try await api.get("/items/articles/\(a1)", [("fields", "tags.tags_id.name"), ("deep[tags][tags_id][_filter][name][_eq]", "swift")])
        #expect(nested == json(#"{"tags": [{"tags_id": null}, {"tags_id": {"name": "swift"}}]}"#))
        let scoped = try await api.get("/items/articles/\(a1)", [("fields", "blocks.item:headings.text"), ("deep[blocks][item:headings][_filter][text][_eq]", "Outro")])
        #expect(scoped["blocks"]?[2] == json(#"{"item": {"text": "Outro"}}"#))
        #expect(scoped["blocks"]?[0] == json(#"{"item": null}"#))
    }

    @Test(arguments: DatabaseKind.allCases)
    func malformedParametersAreInvalidQueries(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let cases: [([(String, String)], String)] = [
            ([("limit", "abc")], #"\"limit\" must be a number"#),
            ([("limit", "-2")], #"\"limit\" must be greater than or equal to -1"#),
            ([("offset", "-1")], #"\"offset\" must be greater than or equal to 0"#),
            ([("page", "-1")], #"\"page\" must be greater than or equal to 0"#),
            ([("meta", "everything")], #"\"meta[0]\" must be one of [total_count, filter_count]"#),
            ([("export", "pdf")], #"\"export\" must be one of [csv, csv_utf8, json, xml, yaml]"#),
            ([("fields[501]", "id")], #"\"fields\" must be a string or array"#),
        ]
        for (query, reason) in cases {
            let reply = try await api.send("GET", "/items/articles", query)
            #expect(reply.json == json(#"{"errors": [{"message": "Invalid query. \#(reason).", "extensions": {"code": "INVALID_QUERY", "reason": "\#(reason)"}}]}"#),
                    "\(query): \(reply.text)")
        }
    }
}

/// `aggregate` with every function, `groupBy` on fields and functions, and sorting by aggregates.
@Suite struct ItemsAggregateTests {
    @Test(arguments: DatabaseKind.allCases)
    func everyAggregateFunction(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        #expect(try await api.get("/items/articles", [("aggregate[count]", "*")]) == JSON.array([["count": api.big("6")]]))
        let all = try await api.get("/items/articles", [
            ("aggregate[count]", "id,rating"), ("aggregate[countDistinct]", "status"), ("aggregate[sum]", "rating,views"), ("aggregate[sumDistinct]", "rating"),
            ("aggregate[avg]", "rating"), ("aggregate[avgDistinct]", "rating"), ("aggregate[min]", "rating,published_at"), ("aggregate[max]", "views,published_on"),
        ])
        let postgres = database == .postgres
        #expect(all == JSON.array([JSON.object([
            "count": ["id": api.big("6"), "rating": api.big("5")],
            "countDistinct": ["status": api.big("3")],
            "sum": ["rating": api.big("15"), "views": api.big("9007199254742328")],
            "sumDistinct": ["rating": api.big("15")],
            "avg": ["rating": postgres ? "3.0000000000000000" : .number("3.0")],
            "avgDistinct": ["rating": postgres ? "3.0000000000000000" : .number("3.0")],
            "min": ["rating": 1, "published_at": "2020-01-01T00:00:00.000Z"],
            "max": ["views": api.big("9007199254740993"), "published_on": "2023-07-01"],
        ])]))
        let json = try await api.get("/items/articles", [("aggregate", #"{"max":["rating"],"count":"*"}"#), ("filter[status][_eq]", "draft")])
        #expect(json == JSON.array([["max": ["rating": 2], "count": api.big("2")]]))
        let unknown = try await api.send("GET", "/items/articles", [("aggregate[sum]", "nope")])
        #expect(unknown.status == 403)
    }

    @Test(arguments: DatabaseKind.allCases)
    func groupByFieldsAndFunctions(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let byStatus = try await api.get("/items/articles", [("aggregate[count]", "id"), ("groupBy", "status"), ("sort", "-count.id")])
        #expect(byStatus == JSON.array([
            ["status": "published", "count": ["id": api.big("3")]], ["status": "draft", "count": ["id": api.big("2")]],
            ["status": "archived", "count": ["id": api.big("1")]],
        ]))
        let byYear = try await api.get("/items/articles", [("aggregate[count]", "*"), ("aggregate[max]", "rating"), ("groupBy[]", "year(published_at)"),
                                                           ("filter[published_at][_nnull]", "true"), ("sort", "year(published_at)")])
        #expect(byYear == JSON.array([
            ["published_at_year": api.big("2020"), "count": api.big("1"), "max": ["rating": 1]],
            ["published_at_year": api.big("2021"), "count": api.big("1"), "max": ["rating": 5]],
            ["published_at_year": api.big("2022"), "count": api.big("2"), "max": ["rating": 4]],
            ["published_at_year": api.big("2023"), "count": api.big("1"), "max": ["rating": 2]],
        ]))
        let two = try await api.get("/items/articles", [("aggregate[sum]", "rating"), ("groupBy", "status,author"), ("filter[status][_eq]", "published"),
                                                        ("sort", "author"), ("limit", "1")])
        #expect(two == JSON.array([["status": "published", "author": 1, "sum": ["rating": api.big("8")]]]))
    }
}
