import PlinthJSON
import Testing

/// `filter`: every operator, relational paths through every relation kind, logical groups, function keys,
/// `$FOLLOW`, dynamic variables, and Directus's refusals, as JSON strings and in bracket notation.
@Suite struct ItemsFilterTests {
    /// Slugs of the articles matching `filter` (a JSON string), in key order.
    static func slugs(_ api: ItemsHost, _ filter: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await api.get("/items/articles", [("fields", "slug"), ("filter", filter)], sourceLocation: sourceLocation).strings("slug")
    }

    @Test(arguments: DatabaseKind.allCases)
    func everyComparisonOperator(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let cases: [(String, [String])] = [
            (#"{"title":{"_eq":"Zebra"}}"#, ["zebra"]),
            (#"{"title":{"_neq":"Zebra"}}"#, ["hello-world", "second-post", "draft-notes", "hello-again", "archived"]),
            (#"{"rating":{"_eq":"5"}}"#, ["hello-world"]),
            (#"{"rating":{"_lt":3}}"#, ["archived", "zebra"]),
            (#"{"rating":{"_lte":3}}"#, ["second-post", "archived", "zebra"]),
            (#"{"rating":{"_gt":3}}"#, ["hello-world", "hello-again"]),
            (#"{"rating":{"_gte":4}}"#, ["hello-world", "hello-again"]),
            (#"{"rating":{"_in":[1,5]}}"#, ["hello-world", "archived"]),
            (#"{"rating":{"_in":"1,5"}}"#, ["hello-world", "archived"]),
            (#"{"rating":{"_nin":[1,5]}}"#, ["second-post", "hello-again", "zebra"]),
            (#"{"rating":{"_null":true}}"#, ["draft-notes"]),
            (#"{"rating":{"_null":false}}"#, ["hello-world", "second-post", "hello-again", "archived", "zebra"]),
            (#"{"rating":{"_nnull":true}}"#, ["hello-world", "second-post", "hello-again", "archived", "zebra"]),
            (#"{"rating":{"_eq":null}}"#, ["draft-notes"]),
            (#"{"body":{"_empty":true}}"#, ["draft-notes", "archived"]),
            (#"{"body":{"_nempty":true}}"#, ["hello-world", "second-post", "hello-again", "zebra"]),
            (#"{"price":{"_between":[5,20]}}"#, ["hello-world", "second-post", "hello-again"]),
            (#"{"price":{"_between":"5,20"}}"#, ["hello-world", "second-post", "hello-again"]),
            (#"{"price":{"_nbetween":[5,20]}}"#, ["archived", "zebra"]),
            (#"{"views":{"_eq":"9007199254740993"}}"#, ["archived"]),
            (#"{"views":{"_gt":9007199254740992}}"#, ["archived"]),
            (#"{"published_at":{"_between":["2021-01-01T00:00:00.000Z","2022-07-01T00:00:00.000Z"]}}"#, ["hello-world", "second-post"]),
            (#"{"published_at":{"_gt":"2022-07-01T00:00:00.000Z"}}"#, ["hello-again", "zebra"]),
            (#"{"published_on":{"_lte":"2021-03-04"}}"#, ["hello-world", "archived"]),
            (#"{"id":{"_eq":"00000000-0000-4000-8000-000000000003"}}"#, ["draft-notes"]),
            (#"{"id":{"_in":["00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000006"]}}"#, ["draft-notes", "zebra"]),
            (#"{"id":{"_eq":"not-a-uuid"}}"#, []),
            (#"{"title":"Zebra"}"#, ["zebra"]),
        ]
        for (filter, expected) in cases {
            #expect(try await Self.slugs(api, filter) == expected, "\(filter)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func everyStringOperator(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let allButArchived = ["hello-world", "second-post", "draft-notes", "hello-again", "zebra"]
        let cases: [(String, [String])] = [
            (#"{"title":{"_contains":"ello"}}"#, ["hello-world", "hello-again"]),
            (#"{"title":{"_contains":"Hello"}}"#, ["hello-world"]),
            (#"{"title":{"_ncontains":"o"}}"#, ["archived", "zebra"]),
            (#"{"title":{"_icontains":"HELLO"}}"#, ["hello-world", "hello-again"]),
            (#"{"title":{"_nicontains":"hello"}}"#, ["second-post", "draft-notes", "archived", "zebra"]),
            (#"{"title":{"_starts_with":"Hel"}}"#, ["hello-world"]),
            (#"{"title":{"_nstarts_with":"Hel"}}"#, ["second-post", "draft-notes", "hello-again", "archived", "zebra"]),
            (#"{"title":{"_istarts_with":"hel"}}"#, ["hello-world", "hello-again"]),
            (#"{"title":{"_nistarts_with":"hel"}}"#, ["second-post", "draft-notes", "archived", "zebra"]),
            (#"{"title":{"_ends_with":"Post"}}"#, ["second-post"]),
            (#"{"title":{"_nends_with":"Post"}}"#, ["hello-world", "draft-notes", "hello-again", "archived", "zebra"]),
            (#"{"title":{"_iends_with":"AGAIN"}}"#, ["hello-again"]),
            (#"{"title":{"_niends_with":"again"}}"#, ["hello-world", "second-post", "draft-notes", "archived", "zebra"]),
            // Pattern characters are matched literally.
            (#"{"title":{"_contains":"100%"}}"#, ["archived"]),
            (#"{"title":{"_ends_with":"_100%"}}"#, ["archived"]),
            (#"{"title":{"_ncontains":"_1"}}"#, allButArchived),
            // Negated tests are NOT LIKE: rows whose value is null match neither form.
            (#"{"body":{"_ncontains":"SQL"}}"#, ["hello-world", "draft-notes", "zebra"]),
            (#"{"body":{"_contains":"SQL"}}"#, ["second-post", "hello-again"]),
        ]
        for (filter, expected) in cases {
            #expect(try await Self.slugs(api, filter) == expected, "\(filter)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func jsonFieldsFilterWithTheJSONOperator(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let cases: [(String, [String])] = [
            (#"{"metadata":{"_json":{"color":{"_eq":"red"}}}}"#, ["hello-world", "hello-again"]),
            (#"{"metadata":{"_json":{"n":{"_gt":2}}}}"#, ["hello-world", "second-post", "archived"]),
            (#"{"metadata":{"_json":{"size.w":{"_eq":10}}}}"#, ["hello-world"]),
            (#"{"metadata":{"_json":{"tags[1]":{"_eq":"y"}}}}"#, ["hello-world"]),
            (#"{"metadata":{"_json":{"color":{"_in":["green","black"]},"n":{"_lt":5}}}}"#, ["zebra"]),
            (#"{"metadata":{"_json":{"_or":[{"color":{"_eq":"blue"}},{"n":{"_eq":7}}]}}}"#, ["second-post", "archived"]),
            (#"{"metadata":{"_null":true}}"#, ["draft-notes"]),
        ]
        for (filter, expected) in cases {
            #expect(try await Self.slugs(api, filter) == expected, "\(filter)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func relationalPathsThroughEveryRelationKind(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let cases: [(String, [String])] = [
            // Many-to-one, two levels deep, and on a string key.
            (#"{"author":{"name":{"_starts_with":"Ada"}}}"#, ["hello-world", "second-post"]),
            (#"{"author":{"country":{"name":{"_eq":"United States"}}}}"#, ["draft-notes", "hello-again"]),
            (#"{"author":{"country":{"_eq":"nl"}}}"#, ["hello-world", "second-post"]),
            (#"{"author":{"_null":true}}"#, ["archived"]),
            // One-to-many: nested rules mean "some related item matches"; _some and _none say so explicitly.
            (#"{"comments":{"body":{"_eq":"Hmm"}}}"#, ["hello-again"]),
            (#"{"comments":{"_some":{"score":{"_gte":4}}}}"#, ["hello-world"]),
            (#"{"comments":{"_none":{"score":{"_gte":4}}}}"#, ["second-post", "draft-notes", "hello-again", "archived", "zebra"]),
            (#"{"comments":{"_some":{}}}"#, ["hello-world", "second-post", "hello-again"]),
            (#"{"comments":{"_null":true}}"#, ["draft-notes", "archived", "zebra"]),
            // Many-to-many through the junction, many-to-any with a collection scope, translations.
            (#"{"tags":{"tags_id":{"name":{"_eq":"swift"}}}}"#, ["hello-world", "hello-again"]),
            (#"{"tags":{"_none":{"tags_id":{"name":{"_eq":"web"}}}}}"#, ["hello-world", "draft-notes", "archived", "zebra"]),
            (#"{"blocks":{"item:headings":{"text":{"_eq":"Outro"}}}}"#, ["hello-world"]),
            (#"{"blocks":{"item:paragraphs":{"body":{"_contains":"Dolor"}}}}"#, ["second-post"]),
            (#"{"translations":{"languages_code":{"direction":{"_eq":"rtl"}}}}"#, ["hello-world"]),
            // Function keys, also under a relation.
            (#"{"year(published_at)":{"_eq":2022}}"#, ["second-post", "hello-again"]),
            (#"{"month(published_at)":{"_eq":"3"}}"#, ["hello-world"]),
            (#"{"count(comments)":{"_gte":1}}"#, ["hello-world", "second-post", "hello-again"]),
            (#"{"count(tags)":{"_eq":2}}"#, ["hello-world", "hello-again"]),
            (#"{"author":{"year(birthday)":{"_lt":1900}}}"#, ["hello-world", "second-post"]),
            // Logical groups nest.
            (#"{"_or":[{"status":{"_eq":"archived"}},{"_and":[{"status":{"_eq":"published"}},{"rating":{"_lt":4}}]}]}"#, ["second-post", "archived"]),
            (#"{"_and":[{"status":{"_eq":"draft"}},{"_or":[{"rating":{"_null":true}},{"rating":{"_gt":10}}]}]}"#, ["draft-notes"]),
            (#"{"status":{"_eq":"published"},"rating":{"_lt":5}}"#, ["second-post", "hello-again"]),
        ]
        for (filter, expected) in cases {
            #expect(try await Self.slugs(api, filter) == expected, "\(filter)")
        }
        // $FOLLOW: through a reverse relation that has no alias field on this side.
        let follow: [(String, [String])] = [
            (#"{"$FOLLOW(authors,country)":{"name":{"_eq":"Ada Lovelace"}}}"#, ["nl"]),
            (#"{"$FOLLOW(authors,country)":{"_none":{}}}"#, ["de", "fr"]),
            (#"{"$FOLLOW(authors,country)":{"_some":{"active":{"_eq":true}}}}"#, ["nl", "us"]),
        ]
        for (filter, expected) in follow {
            let codes = try await api.get("/items/countries", [("fields", "code"), ("sort", "code"), ("filter", filter)]).strings("code")
            #expect(codes == expected, "\(filter)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func bracketNotationAndSearchBodiesMeanTheSame(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let bracket = try await api.get("/items/articles", [("fields", "slug"), ("filter[_or][0][rating][_gte]", "5"), ("filter[_or][1][author][name][_eq]", "Grace Hopper")])
        #expect(bracket.strings("slug") == ["hello-world", "draft-notes"])
        let inList = try await api.get("/items/articles", [("fields", "slug"), ("filter[rating][_in][0]", "1"), ("filter[rating][_in][1]", "2")])
        #expect(inList.strings("slug") == ["archived", "zebra"])
        let nullCheck = try await api.get("/items/articles", [("fields", "slug"), ("filter[rating][_null]", "true")])
        #expect(nullCheck.strings("slug") == ["draft-notes"])
        let body = try await api.data("SEARCH", "/items/articles", body: ["query": ["fields": ["slug"], "filter": ["tags": ["tags_id": ["name": ["_eq": "web"]]]]]])
        #expect(body.strings("slug") == ["second-post", "hello-again"])
    }

    @Test(arguments: DatabaseKind.allCases)
    func dynamicVariablesResolveForTheCaller(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        #expect(try await Self.slugs(api, #"{"editor":{"_eq":"$CURRENT_USER"}}"#) == [])
        #expect(try await Self.slugs(api, #"{"_or":[{"editor":{"_eq":"$CURRENT_USER"}},{"rating":{"_eq":5}}]}"#) == ["hello-world"])
        let dated = ["hello-world", "second-post", "hello-again", "archived", "zebra"]
        #expect(try await Self.slugs(api, #"{"published_at":{"_lt":"$NOW"}}"#) == dated)
        #expect(try await Self.slugs(api, #"{"published_at":{"_gt":"$NOW(-100 years)"}}"#) == dated)
        #expect(try await Self.slugs(api, #"{"published_at":{"_lt":"$NOW(-100 years)"}}"#) == [])
        #expect(try await Self.slugs(api, #"{"published_at":{"_gt":"$NOW(+1 year)"}}"#) == [])
        #expect(try await Self.slugs(api, #"{"published_at":{"_gt":"$NOW(-36500 days)"}}"#) == dated)
        // With no unit the adjustment counts days, and an unreadable one means "now".
        #expect(try await Self.slugs(api, #"{"published_at":{"_gt":"$NOW(-36500)"}}"#) == dated)
        #expect(try await Self.slugs(api, #"{"published_at":{"_gt":"$NOW(soon)"}}"#) == [])
        let email = try await api.get("/items/authors", [("fields", "name"), ("filter", #"{"email":{"_eq":"$CURRENT_USER.email"}}"#)])
        #expect(email == json("[]"), "the admin's email is admin@example.com, which no author has")
    }

    @Test(arguments: DatabaseKind.allCases)
    func invalidFiltersAreRefusedWithDirectusReasons(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .read)
        let invalid: [(String, String)] = [
            (#"{"rating":{"_eq":"abc"}}"#, "Invalid numeric value"),
            (#"{"rating":{"_in":["1","x"]}}"#, "Invalid numeric value"),
            (#"{"title":{"_eq":""}}"#, #"You can't filter for an empty string in \"_eq\". Use \"_empty\" or \"_nempty\" instead"#),
            (#"{"rating":{"_in":[]}}"#, #"\"_in\" has to be an array of values"#),
            (#"{"rating":{"_null":"maybe"}}"#, #"\"_null\" has to be a boolean"#),
            (#"{"title":{"_eq":{"a":1}}}"#, #"The filter value for \"_eq\" has to be a string, number, or boolean"#),
            (#"{"title":{"_regex":"^H"}}"#, #"\"string\" field type does not contain the \"_regex\" filter operator"#),
            (#"{"rating":{"_contains":"1"}}"#, #"\"integer\" field type does not contain the \"_contains\" filter operator"#),
            (#"{"title":{"_like":"x"}}"#, #"\"string\" field type does not contain the \"_like\" filter operator"#),
            (#"{"metadata":{"_eq":"x"}}"#, #"\"json\" field type does not contain the \"_eq\" filter operator"#),
            (#"{"year(title)":{"_eq":2020}}"#, #"Invalid filter key \"year(title)\" on \"articles\""#),
            (#"{"author":{"_some":{"name":{"_eq":"x"}}}}"#, #"\"_some\" can only be used with top level relational alias field"#),
            (#"{"blocks":{"item":{"text":{"_eq":"x"}}}}"#, "You have to provide a collection scope when sorting or filtering on a many-to-any item"),
            (#"{"title": {"_eq": "x"}"#, "Invalid JSON for filter object"),
        ]
        for (filter, reason) in invalid {
            let reply = try await api.send("GET", "/items/articles", [("filter", filter)])
            #expect(reply.json == json(#"{"errors": [{"message": "Invalid query. \#(reason).", "extensions": {"code": "INVALID_QUERY", "reason": "\#(reason)"}}]}"#),
                    "\(filter): \(reply.text)")
        }
        let forbidden: [(String, String)] = [
            (#"{"nope":{"_eq":1}}"#, #"field \"nope\" in collection \"articles\" or it does not exist. Queried in root."#),
            (#"{"author":{"nope":{"_eq":1}}}"#, #"field \"nope\" in collection \"authors\" or it does not exist. Queried in \"author\"."#),
        ]
        for (filter, tail) in forbidden {
            let reason = "You don't have permission to access \(tail)"
            let reply = try await api.send("GET", "/items/articles", [("filter", filter)])
            #expect(reply.status == 403)
            #expect(reply.json == json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#), "\(filter): \(reply.text)")
        }
    }
}
