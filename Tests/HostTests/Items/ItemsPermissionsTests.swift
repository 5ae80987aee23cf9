import PlinthJSON
import Testing

/// Callers without admin access: item rules, field lists (per permission, as CASE WHEN), presets and
/// validation, dynamic variables in rules and filters, several policies merged, the public policy.
/// Roles, policies, permissions and users are written with SQL before the first request as those users,
/// and they authenticate with static tokens.
@Suite(.serialized) struct ItemsPermissionsTests {
    enum Seed {
        static let staff = "a0000000-0000-4000-8000-000000000000"
        static let editorRole = "a0000000-0000-4000-8000-000000000001"
        static let readerRole = "a0000000-0000-4000-8000-000000000002"
        static let editors = "b0000000-0000-4000-8000-000000000001"
        static let readersPublished = "b0000000-0000-4000-8000-000000000002"
        static let readersDrafts = "b0000000-0000-4000-8000-000000000003"
        static let publicPolicy = "b0000000-0000-4000-8000-000000000004"
        static let editor = "c0000000-0000-4000-8000-000000000001"
        static let reader = "c0000000-0000-4000-8000-000000000002"
        static let editorToken = "editor-static-token"
        static let readerToken = "reader-static-token"

        /// SQL for the roles, policies, access rows, permissions and users.
        static func statements(_ database: DatabaseKind) -> [String] {
            let yes = database == .postgres ? "true" : "1", no = database == .postgres ? "false" : "0"
            func permission(_ policy: String, _ collection: String, _ action: String, rule: String? = nil, fields: String = "*",
                            validation: String? = nil, presets: String? = nil) -> String {
                func text(_ value: String?) -> String { value.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }
                return "INSERT INTO directus_permissions (collection, action, permissions, validation, presets, fields, policy) VALUES " +
                    "('\(collection)', '\(action)', \(text(rule)), \(text(validation)), \(text(presets)), '\(fields)', '\(policy)')"
            }
            return [
                "INSERT INTO directus_roles (id, name, parent) VALUES ('\(staff)', 'Staff', NULL), ('\(editorRole)', 'Editor', '\(staff)'), ('\(readerRole)', 'Reader', NULL)",
                "INSERT INTO directus_policies (id, name, admin_access, app_access) VALUES ('\(editors)', 'Editors', \(no), \(no)), " +
                    "('\(readersPublished)', 'Published readers', \(no), \(no)), ('\(readersDrafts)', 'Draft readers', \(no), \(no)), ('\(publicPolicy)', 'Public', \(no), \(no))",
                "INSERT INTO directus_users (id, email, first_name, role, token, status) VALUES " +
                    "('\(editor)', 'editor@example.com', 'Eddie', '\(editorRole)', '\(editorToken)', 'active'), " +
                    "('\(reader)', 'reader@example.com', 'Rita', '\(readerRole)', '\(readerToken)', 'active')",
                "INSERT INTO directus_access (id, role, \"user\", policy) VALUES " +
                    "('d0000000-0000-4000-8000-000000000001', '\(editorRole)', NULL, '\(editors)'), " +
                    "('d0000000-0000-4000-8000-000000000002', '\(readerRole)', NULL, '\(readersPublished)'), " +
                    "('d0000000-0000-4000-8000-000000000003', NULL, '\(reader)', '\(readersDrafts)'), " +
                    "('d0000000-0000-4000-8000-000000000004', NULL, NULL, '\(publicPolicy)')",
                permission(editors, "articles", "read", rule: #"{"_or":[{"editor":{"_eq":"$CURRENT_USER"}},{"status":{"_eq":"published"}}]}"#,
                           fields: "id,title,slug,status,rating,author,editor,comments"),
                permission(editors, "articles", "create", fields: "title,slug,status,rating,author,editor,comments",
                           validation: #"{"rating":{"_lte":5}}"#, presets: #"{"status":"draft","editor":"$CURRENT_USER"}"#),
                permission(editors, "articles", "update", rule: #"{"editor":{"_eq":"$CURRENT_USER"}}"#, fields: "title,rating,status"),
                permission(editors, "articles", "delete", rule: #"{"editor":{"_eq":"$CURRENT_USER"}}"#),
                permission(editors, "authors", "read", rule: #"{"_or":[{"active":{"_eq":true}},{"email":{"_eq":"$CURRENT_USER.email"}}]}"#, fields: "id,name"),
                permission(editors, "comments", "read"),
                permission(editors, "comments", "create", fields: "body,article"),
                permission(editors, "specials", "read", rule: #"{"role_created":{"_in":"$CURRENT_ROLES"}}"#, fields: "id,title,role_created"),
                permission(editors, "specials", "create", fields: "title"),
                permission(readersPublished, "articles", "read", rule: #"{"status":{"_eq":"published"}}"#, fields: "id,title"),
                permission(readersDrafts, "articles", "read", rule: #"{"status":{"_eq":"draft"}}"#, fields: "id,rating"),
                permission(publicPolicy, "tags", "read", fields: "id,name"),
                "INSERT INTO authors (name, email, active) VALUES ('Inactive Editor', 'editor@example.com', \(no))",
                "INSERT INTO specials (id, title, role_created) VALUES ('e0000000-0000-4000-8000-000000000001', 'parent role', '\(staff)'), " +
                    "('e0000000-0000-4000-8000-000000000002', 'editor@example.com', '\(editorRole)'), " +
                    "('e0000000-0000-4000-8000-000000000003', 'Editor', '\(editorRole)'), " +
                    "('e0000000-0000-4000-8000-000000000004', '\(editors)', '\(editorRole)'), " +
                    "('e0000000-0000-4000-8000-000000000005', 'another role', '\(readerRole)')",
            ]
        }
    }

    static func forbiddenField(_ fields: String, _ collection: String) -> JSON {
        let reason = "You don't have permission to access field \\\"\(fields)\\\" in collection \\\"\(collection)\\\" or it does not exist. Queried in root."
        return json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#)
    }

    static func forbiddenCollection(_ collection: String) -> JSON {
        let reason = "You don't have permission to access collection \\\"\(collection)\\\" or it does not exist. Queried in root."
        return json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#)
    }

    @Test(arguments: DatabaseKind.allCases)
    func itemRulesAndFieldListsShapeReads(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .permissions)
        let token = Seed.editorToken
        let list = try await api.get("/items/articles", token: token)
        #expect(list.strings("slug") == ["hello-world", "second-post", "hello-again"], "published items only")
        #expect(list[0]?.objectValue?.keys == ["id", "title", "slug", "status", "rating", "author", "editor", "comments"], "* is the allowed fields")
        let meta = try await api.send("GET", "/items/articles", [("fields", "id"), ("meta", "*"), ("filter[rating][_gte]", "4")], token: token)
        #expect(meta.json?["meta"] == json(#"{"total_count": 3, "filter_count": 2}"#))
        #expect(try await api.get("/items/articles", [("aggregate[count]", "*")], token: token) == JSON.array([["count": api.big("3")]]))
        #expect(try await api.send("GET", "/items/articles/\(ItemsSeed.a3)", token: token).status == 403, "a draft by someone else")

        // Fields outside the list are forbidden when named, in fields, filters and sorts.
        #expect(try await api.send("GET", "/items/articles", [("fields", "title,body")], token: token).json == Self.forbiddenField("body", "articles"))
        #expect(try await api.send("GET", "/items/articles", [("filter[views][_gt]", "1")], token: token).json == Self.forbiddenField("views", "articles"))
        #expect(try await api.send("GET", "/items/articles", [("sort", "-price")], token: token).json == Self.forbiddenField("price", "articles"))
        #expect(try await api.get("/items/articles", [("fields", "slug"), ("search", "swift")], token: token) == json("[]"), "body may not be read, so it is not searched")
        let nestedField = try await api.send("GET", "/items/articles", [("fields", "author.email")], token: token)
        #expect(nestedField.message == #"You don't have permission to access field "email" in collection "authors" or it does not exist. Queried in "author"."#)
        // Related collections follow their own rules: inactive authors are hidden unless the rule's $CURRENT_USER.email matches.
        let authors = try await api.get("/items/authors", [("fields", "name"), ("sort", "id")], token: token)
        #expect(authors.strings("name") == ["Ada Lovelace", "Grace Hopper", "Margaret Hamilton", "Inactive Editor"])
        #expect(try await api.get("/items/articles/\(ItemsSeed.a4)", [("fields", "author.*,comments.body")], token: token) ==
                json(#"{"author": {"id": 4, "name": "Margaret Hamilton"}, "comments": [{"body": "Hmm"}]}"#))
        // A collection without a read permission looks like one that does not exist.
        #expect(try await api.send("GET", "/items/countries", token: token).json == Self.forbiddenCollection("countries"))
        #expect(try await api.send("POST", "/items/countries", body: ["code": "xx"], token: token).json == Self.forbiddenCollection("countries"))
    }

    @Test(arguments: DatabaseKind.allCases)
    func presetsValidationAndWriteRules(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .permissions)
        let token = Seed.editorToken
        // Presets fill in what the payload leaves out, dynamic variables resolved.
        let created = try await api.data("POST", "/items/articles", [("fields", "id,title,status,editor,rating")], body: ["title": "Mine", "slug": "mine", "rating": 4], token: token)
        let id = try #require(created["id"]?.stringValue)
        #expect(created == json(#"{"id": "\#(id)", "title": "Mine", "status": "draft", "editor": "\#(Seed.editor)", "rating": 4}"#))
        #expect(try api.scalar("SELECT \"user\" FROM directus_activity WHERE collection = 'articles' AND item = '\(id)'") == Seed.editor)
        #expect(try await api.get("/items/articles", [("fields", "slug"), ("filter[editor][_eq]", "$CURRENT_USER")], token: token).strings("slug") == ["mine"])

        let invalid = try await api.send("POST", "/items/articles", body: ["title": "Too good", "slug": "too-good", "rating": 9], token: token)
        #expect(invalid.json == json(#"""
        {"errors": [{"message": "Validation failed for field \"rating\". Value has to be less than or equal to \"5\".",
                     "extensions": {"code": "FAILED_VALIDATION", "field": "rating", "type": "lte", "valid": 5, "path": []}}]}
        """#))
        let extra = try await api.send("POST", "/items/articles", body: ["title": "Views", "slug": "views", "views": 1, "price": "1.00"], token: token)
        let reason = #"You don't have permission to access fields \"views\", \"price\" in collection \"articles\" or they do not exist. Queried in root."#
        #expect(extra.json == json(#"{"errors": [{"message": "\#(reason)", "extensions": {"code": "FORBIDDEN", "reason": "\#(reason)"}}]}"#))

        // Updates and deletes reach only the items the rule allows, and only the allowed fields.
        #expect(try await api.data("PATCH", "/items/articles/\(id)", [("fields", "title")], body: ["title": "Mine, edited"], token: token) == json(#"{"title": "Mine, edited"}"#))
        #expect(try await api.send("PATCH", "/items/articles/\(ItemsSeed.a1)", body: ["title": "Not mine"], token: token).status == 403)
        #expect(try await api.send("PATCH", "/items/articles/\(id)", body: ["slug": "renamed"], token: token).json == Self.forbiddenField("slug", "articles"))
        #expect(try await api.send("PATCH", "/items/articles", body: ["keys": [.string(id), .string(ItemsSeed.a2)], "data": ["rating": 1]], token: token).status == 403,
                "all keys must be allowed")
        #expect(try api.scalar("SELECT rating FROM articles WHERE id = '\(ItemsSeed.a2)'") == "3")
        #expect(try await api.send("DELETE", "/items/articles/\(ItemsSeed.a1)", token: token).status == 403)
        #expect(try await api.send("DELETE", "/items/articles/\(id)", token: token).status == 204)

        // The item is read back as the caller: role_created is the editor's role, which the read rule allows.
        let special = try await api.send("POST", "/items/specials", body: ["title": "written"], token: token)
        let specialID = try #require(special.data?["id"]?.stringValue)
        #expect(special.data == json(#"{"id": "\#(specialID)", "title": "written", "role_created": "\#(Seed.editorRole)"}"#))
        #expect(try await api.send("DELETE", "/items/specials/\(specialID)").status == 204)
    }

    @Test(arguments: DatabaseKind.allCases)
    func dynamicVariablesOfTheCaller(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .permissions)
        let token = Seed.editorToken
        func titles(_ filter: String) async throws -> [String] {
            try await api.get("/items/specials", [("fields", "title"), ("sort", "id"), ("filter", filter)], token: token).strings("title")
        }
        // The read rule uses $CURRENT_ROLES: the editor's role and its parent.
        let visible = try await api.get("/items/specials", [("fields", "title"), ("sort", "id")], token: token).strings("title")
        #expect(visible == ["parent role", "editor@example.com", "Editor", Seed.editors])
        #expect(try await titles(#"{"role_created":{"_eq":"$CURRENT_ROLE"}}"#) == ["editor@example.com", "Editor", Seed.editors])
        #expect(try await titles(#"{"title":{"_eq":"$CURRENT_USER.email"}}"#) == ["editor@example.com"])
        #expect(try await titles(#"{"title":{"_eq":"$CURRENT_USER.role.name"}}"#) == ["Editor"])
        #expect(try await titles(#"{"title":{"_in":"$CURRENT_POLICIES"}}"#) == [Seed.editors])
        #expect(try await titles(#"{"role_created":{"_eq":"$CURRENT_ROLE.parent"}}"#) == ["parent role"])
    }

    @Test(arguments: DatabaseKind.allCases)
    func fieldsOfSeveralPoliciesApplyOnlyToTheirOwnItems(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .permissions)
        // The reader's role policy shows the title of published items; the user's own policy the rating of drafts.
        let reply = try await api.send("GET", "/items/articles", [("sort", "id")], token: Seed.readerToken)
        #expect(reply.json == json(#"""
        {"data": [{"id": "\#(ItemsSeed.a1)", "title": "Hello World", "rating": null}, {"id": "\#(ItemsSeed.a2)", "title": "Second Post", "rating": null},
                  {"id": "\#(ItemsSeed.a3)", "title": null, "rating": null}, {"id": "\#(ItemsSeed.a4)", "title": "hello again", "rating": null},
                  {"id": "\#(ItemsSeed.a6)", "title": null, "rating": 2}]}
        """#))
        // The rules may name fields the reader cannot; the reader's own filter may not.
        #expect(try await api.send("GET", "/items/articles", [("filter[status][_eq]", "archived")], token: Seed.readerToken).json == Self.forbiddenField("status", "articles"))
        #expect(try await api.get("/items/articles", [("fields", "id"), ("filter[rating][_gt]", "1")], token: Seed.readerToken).strings("id") == [ItemsSeed.a6],
                "a filter on a field shown under one permission only matches where it is shown")
        #expect(try await api.get("/items/articles", [("fields", "id"), ("search", "3")], token: Seed.readerToken) == json("[]"), "nor does search")
        #expect(try await api.get("/items/articles", [("fields", "id"), ("search", "second")], token: Seed.readerToken).strings("id") == [ItemsSeed.a2])
    }

    @Test(arguments: DatabaseKind.allCases)
    func anonymousCallersGetThePublicPolicy(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .permissions)
        #expect(try await api.get("/items/tags", [("sort", "id"), ("limit", "2")], token: "") == json(#"[{"id": 1, "name": "swift"}, {"id": 2, "name": "sql"}]"#))
        #expect(try await api.send("GET", "/items/articles", token: "").json == Self.forbiddenCollection("articles"))
        #expect(try await api.send("POST", "/items/tags", body: ["name": "anonymous"], token: "").json == Self.forbiddenCollection("tags"))
        let wrong = try await api.send("GET", "/items/tags", token: "no-such-token")
        #expect(wrong.status == 401)
        #expect(wrong.code == "INVALID_CREDENTIALS")
    }
}
