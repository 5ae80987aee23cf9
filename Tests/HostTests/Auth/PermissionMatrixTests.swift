import Foundation
import Testing
@testable import Host

/// Who may read and write what: admin, app-access role, API-only role, user without role, public,
/// item rules with dynamic variables, field lists, presets and validation, combined policies.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    /// A host with an `articles` collection (id, title, status, body, user_created → directus_users) and four rows.
    struct World {
        let api: APIHost
        let me: String
        let other: String
        let role: String

        func permit(_ policy: String, _ action: String, rule: String? = nil, fields: String = "*", validation: String? = nil,
                    presets: String? = nil, collection: String = "articles") throws {
            func quoted(_ json: String?) -> String { json.map { "'\($0)'" } ?? "NULL" }
            try api.sql("INSERT INTO directus_permissions (collection, action, permissions, validation, presets, fields, policy) VALUES ('\(collection)', '\(action)', \(quoted(rule)), \(quoted(validation)), \(quoted(presets)), '\(fields)', '\(policy)')")
        }

        /// Attaches a policy to the test user's role.
        func attach(_ policy: String) throws {
            try api.sql("INSERT INTO directus_access (id, role, policy, sort) VALUES ('\(UUID().uuidString.lowercased())', '\(role)', '\(policy)', 2)")
        }

        func get(_ path: String, as token: String = "me-token") async throws -> TestResponse {
            try await api.send("GET", path, token: token)
        }
    }

    static func world(_ database: DatabaseKind, app: Bool = false, ipAccess: String? = nil) async throws -> World {
        let api = try await APIHost(database, environment: ["LOGIN_STALL_TIME": "0"])
        let created = try await api.send("POST", "/collections", [
            "collection": "articles", "schema": [:] as [String: Any], "meta": ["accountability": "all"],
            "fields": [
                ["field": "id", "type": "integer", "schema": ["is_primary_key": true, "has_auto_increment": true]],
                ["field": "title", "type": "string"],
                ["field": "status", "type": "string"],
                ["field": "body", "type": "text"],
                ["field": "user_created", "type": "uuid", "meta": ["special": ["user-created"]]],
            ],
        ])
        #expect(created.status == 200, "\(created.text)")
        let relation = try await api.send("POST", "/relations", ["collection": "articles", "field": "user_created", "related_collection": "directus_users"])
        #expect(relation.status == 200, "\(relation.text)")
        let policy = try api.seedPolicy(name: "Writers", app: app, ipAccess: ipAccess)
        let me = try api.seedUser(email: "me@example.com", password: "me-password", token: "me-token", role: policy.role)
        try api.sql("UPDATE directus_users SET first_name = 'Beta' WHERE id = '\(me)'")
        let other = try api.seedUser(email: "other@example.com", token: "other-token")
        let rows: [(String, String, String)] = [("Alpha", "published", other), ("Beta", "draft", me), ("Gamma", "published", me), ("Delta", "draft", other)]
        for (title, status, owner) in rows {
            try api.sql("INSERT INTO articles (title, status, body, user_created) VALUES ('\(title)', '\(status)', 'Body of \(title)', '\(owner)')")
        }
        return World(api: api, me: me, other: other, role: policy.role!)
    }

    @Test("admin sees everything; /permissions/me is full for every collection", arguments: DatabaseKind.allCases)
    func admin(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        let read = try await world.api.send("GET", "/items/articles?fields=title&sort=id")
        #expect(read.text == #"{"data":[{"title":"Alpha"},{"title":"Beta"},{"title":"Gamma"},{"title":"Delta"}]}"#)
        let me = try await world.api.send("GET", "/permissions/me")
        let articles = (me.dataObject["articles"] as? [String: Any]) ?? [:]
        #expect(Set(articles.keys) == ["create", "read", "update", "delete", "share"])
        #expect((articles["read"] as? [String: Any])?["access"] as? String == "full")
        #expect(me.dataObject["directus_users"] != nil)
        let globals = try await world.api.send("GET", "/policies/me/globals")
        #expect(globals.text == #"{"data":{"app_access":true,"admin_access":true,"enforce_tfa":false}}"#)
        let item = try await world.api.send("GET", "/permissions/me/articles/1")
        #expect(item.text == #"{"data":{"update":{"access":true},"delete":{"access":true},"share":{"access":true}}}"#)
    }

    @Test("an app-access role without permissions gets the minimal system set and nothing else", arguments: DatabaseKind.allCases)
    func appAccess(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database, app: true)
        defer { world.api.stop() }
        let read = try await world.get("/items/articles")
        #expect(read.status == 403)
        #expect(read.text == #"{"errors":[{"message":"You don't have permission to access this.","extensions":{"code":"FORBIDDEN"}}]}"#)
        let me = try await world.get("/users/me?fields=email,first_name")
        #expect(me.text == #"{"data":{"email":"me@example.com","first_name":"Beta"}}"#)
        let access = try await world.get("/permissions/me")
        #expect(access.dataObject["articles"] == nil)
        let users = access.dataObject["directus_users"] as? [String: Any]
        #expect((users?["read"] as? [String: Any])?["access"] as? String == "partial")
        #expect((users?["delete"] as? [String: Any])?["access"] as? String == "none")
        let globals = try await world.get("/policies/me/globals")
        #expect(globals.text == #"{"data":{"app_access":true,"admin_access":false,"enforce_tfa":false}}"#)
        let item = try await world.get("/permissions/me/articles/1")
        #expect(item.text == #"{"data":{"update":{"access":false},"delete":{"access":false},"share":{"access":false}}}"#)
        let roles = try await world.get("/roles/me?fields=id")
        #expect(roles.text == "{\"data\":[{\"id\":\"\(world.role)\"}]}")
    }

    @Test("an API-only role reads the items its rule matches, only the fields it lists", arguments: DatabaseKind.allCases)
    func apiRole(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        let policy = try world.api.sql("SELECT policy FROM directus_access WHERE role = '\(world.role)'")
        try world.permit(policy, "read", rule: #"{"status":{"_eq":"published"}}"#, fields: "id,title")
        let read = try await world.get("/items/articles?sort=id")
        #expect(read.text == #"{"data":[{"id":1,"title":"Alpha"},{"id":3,"title":"Gamma"}]}"#)
        #expect(try await world.get("/items/articles?fields=title,body").status == 403)
        #expect(try await world.get("/items/articles?filter[body][_contains]=Alpha").status == 403)
        #expect(try await world.get("/items/articles/2").status == 403)
        #expect(try await world.get("/items/articles/1?fields=title").text == #"{"data":{"title":"Alpha"}}"#)
        let meta = try await world.get("/items/articles?meta=*&fields=id")
        #expect((meta.json as? [String: Any])?["meta"] as? [String: Int] == ["total_count": 2, "filter_count": 2])
        let aggregate = try await world.get("/items/articles?aggregate[count]=*")
        #expect(aggregate.text == #"{"data":[{"count":2}]}"# || aggregate.text == #"{"data":[{"count":"2"}]}"#)
        let access = try await world.get("/permissions/me")
        #expect(access.text.contains(#""articles":{"read":{"access":"partial","fields":["id","title"]},"create":{"access":"none"}"#))
        let globals = try await world.get("/policies/me/globals")
        #expect(globals.text == #"{"data":{"app_access":false,"admin_access":false,"enforce_tfa":false}}"#)
        // No write permission at all.
        #expect(try await world.api.send("POST", "/items/articles", ["title": "x"], token: "me-token").status == 403)
        #expect(try await world.api.send("PATCH", "/items/articles/1", ["title": "x"], token: "me-token").status == 403)
        #expect(try await world.api.send("DELETE", "/items/articles/1", token: "me-token").status == 403)
        #expect(try world.api.sql("SELECT title FROM articles WHERE id = 1") == "Alpha")
    }

    @Test("two policies combine per field: a field only one grants is null on rows only the other matches", arguments: DatabaseKind.allCases)
    func combinedPolicies(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        let first = try world.api.sql("SELECT policy FROM directus_access WHERE role = '\(world.role)'")
        try world.permit(first, "read", rule: #"{"status":{"_eq":"published"}}"#, fields: "id,title")
        let second = try world.api.seedPolicy(name: "Own", role: false).policy
        try world.permit(second, "read", rule: #"{"user_created":{"_eq":"$CURRENT_USER"}}"#, fields: "id,title,status")
        try world.attach(second)
        let read = try await world.get("/items/articles?fields=id,title,status&sort=id")
        #expect(read.text == #"{"data":[{"id":1,"title":"Alpha","status":null},{"id":2,"title":"Beta","status":"draft"},{"id":3,"title":"Gamma","status":"published"}]}"#)
        // Grouping by a function works under these rules.
        let grouped = try await world.get("/items/articles?aggregate[count]=*&groupBy[]=status&sort=status")
        #expect(grouped.status == 200, "\(grouped.text)")
        let access = try await world.get("/permissions/me")
        #expect(access.text.contains(#""read":{"access":"partial","fields":["id","title","status"]}"#))
    }

    @Test("item rules use nested $CURRENT_USER paths; create validation and presets apply", arguments: DatabaseKind.allCases)
    func rulesPresetsValidation(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        let policy = try world.api.sql("SELECT policy FROM directus_access WHERE role = '\(world.role)'")
        try world.permit(policy, "read", rule: #"{"title":{"_eq":"$CURRENT_USER.first_name"}}"#, fields: "*")
        try world.permit(policy, "create", fields: "title,body", validation: #"{"title":{"_contains":"ok"}}"#, presets: #"{"status":"review"}"#)
        try world.permit(policy, "update", rule: #"{"user_created":{"_eq":"$CURRENT_USER"}}"#, fields: "title")
        let read = try await world.get("/items/articles?fields=title")
        #expect(read.text == #"{"data":[{"title":"Beta"}]}"#)

        let invalid = try await world.api.send("POST", "/items/articles", ["title": "not fine"], token: "me-token")
        #expect(invalid.status == 400 && invalid.errorCode == "FAILED_VALIDATION", "\(invalid.text)")
        let forbiddenField = try await world.api.send("POST", "/items/articles", ["title": "ok", "status": "published"], token: "me-token")
        #expect(forbiddenField.status == 403)
        let created = try await world.api.send("POST", "/items/articles", ["title": "ok title"], token: "me-token")
        #expect(created.status == 204 || created.status == 200, "\(created.text)")
        #expect(try world.api.sql("SELECT status || '|' || user_created FROM articles WHERE title = 'ok title'") == "review|\(world.me)")

        // Update only own items, only the title.
        #expect(try await world.api.send("PATCH", "/items/articles/1", ["title": "mine now"], token: "me-token").status == 403)
        #expect(try await world.api.send("PATCH", "/items/articles/2", ["status": "published"], token: "me-token").status == 403)
        let own = try await world.api.send("PATCH", "/items/articles/2", ["title": "Beta"], token: "me-token")
        #expect(own.status == 200 || own.status == 204, "\(own.text)")
        let item = try await world.get("/permissions/me/articles/2")
        #expect(item.text == #"{"data":{"update":{"access":true},"delete":{"access":false},"share":{"access":false}}}"#)
        let notMine = try await world.get("/permissions/me/articles/1")
        #expect(notMine.text == #"{"data":{"update":{"access":false},"delete":{"access":false},"share":{"access":false}}}"#)
    }

    @Test("a user without role and the public get only what the public policy grants", arguments: DatabaseKind.allCases)
    func publicAndRoleless(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        // Through the API, so the permission caches are dropped (rows written behind its back are not seen until then).
        let before = try await world.api.anonymous("GET", "/items/articles")
        #expect(before.status == 403)
        #expect(try await world.get("/items/articles", as: "other-token").status == 403)
        let granted = try await world.api.send("POST", "/permissions", ["policy": "abf8a154-5b1c-4a46-ac9c-7300570f4f17", "collection": "articles", "action": "read",
                                                                        "permissions": ["status": ["_eq": "published"]], "fields": ["title"]])
        #expect(granted.status == 200, "\(granted.text)")
        let anonymous = try await world.api.anonymous("GET", "/items/articles?sort=title")
        #expect(anonymous.text == #"{"data":[{"title":"Alpha"},{"title":"Gamma"}]}"#)
        let globals = try await world.api.anonymous("GET", "/policies/me/globals")
        #expect(globals.text == #"{"data":{"app_access":false}}"#)
        #expect(try await world.api.anonymous("GET", "/permissions/me").status == 403)
        // Public policies apply to unauthenticated requests only.
        #expect(try await world.get("/items/articles", as: "other-token").status == 403)
        let roleless = try await world.get("/users/me", as: "other-token")
        #expect(roleless.text == "{\"data\":{\"id\":\"\(world.other)\"}}")
    }

    @Test("IP-restricted policies apply only from their ranges", arguments: [DatabaseKind.sqlite])
    func ipAccess(_ database: DatabaseKind) async throws {
        let outside = try await Self.world(database, ipAccess: "10.0.0.0/8")
        let policy = try outside.api.sql("SELECT policy FROM directus_access WHERE role = '\(outside.role)'")
        try outside.permit(policy, "read")
        #expect(try await outside.get("/items/articles").status == 403)
        outside.api.stop()
        let inside = try await Self.world(database, ipAccess: "10.0.0.0/8,127.0.0.1")
        defer { inside.api.stop() }
        let allowed = try inside.api.sql("SELECT policy FROM directus_access WHERE role = '\(inside.role)'")
        try inside.permit(allowed, "read")
        #expect(try await inside.get("/items/articles?fields=id&limit=1").status == 200)
    }

    @Test("hashed and concealed fields cannot be probed through filters, relations or writes", arguments: DatabaseKind.allCases)
    func concealed(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database)
        defer { world.api.stop() }
        for path in ["/items/articles?filter[user_created][password][_starts_with]=$argon",
                     "/items/articles?filter[user_created][token][_eq]=me-token"] {
            let probe = try await world.api.send("GET", path)
            #expect(probe.status == 400 && probe.errorCode == "INVALID_QUERY", "\(path): \(probe.text)")
        }
        let nulls = try await world.api.send("GET", "/items/articles?filter[user_created][password][_nnull]=true&fields=title&sort=id")
        #expect(nulls.text == #"{"data":[{"title":"Beta"},{"title":"Gamma"}]}"#)
        let read = try await world.api.send("GET", "/items/articles/2?fields=user_created.password,user_created.token,user_created.tfa_secret")
        #expect(read.text == #"{"data":{"user_created":{"password":"**********","token":"**********","tfa_secret":null}}}"#)
    }

    @Test("users cannot raise their own role or policies", arguments: DatabaseKind.allCases)
    func noEscalation(_ database: DatabaseKind) async throws {
        let world = try await Self.world(database, app: true)
        defer { world.api.stop() }
        let policy = try world.api.sql("SELECT policy FROM directus_access WHERE role = '\(world.role)'")
        try world.permit(policy, "update", rule: #"{"id":{"_eq":"$CURRENT_USER"}}"#, fields: "first_name,last_name", collection: "directus_users")
        let admin = try world.api.sql("SELECT id FROM directus_roles WHERE name = 'Administrator'")
        let adminPolicy = try world.api.sql("SELECT id FROM directus_policies WHERE admin_access = \(world.api.bool(true)) LIMIT 1")
        let escalate = try await world.api.send("PATCH", "/users/me", ["role": admin], token: "me-token")
        #expect(escalate.status == 403)
        let policies = try await world.api.send("PATCH", "/users/me", ["policies": ["create": [["policy": adminPolicy]]]], token: "me-token")
        #expect(policies.status == 403)
        let tfa = try await world.api.send("PATCH", "/users/me", ["tfa_secret": "JBSWY3DPEHPK3PXP"], token: "me-token")
        #expect(tfa.status == 400 || tfa.status == 403)
        #expect(try world.api.sql("SELECT role FROM directus_users WHERE id = '\(world.me)'") == world.role)
        #expect(try world.api.sql("SELECT count(*) FROM directus_access WHERE \"user\" = '\(world.me)'") == "0")
        let renamed = try await world.api.send("PATCH", "/users/me?fields=first_name", ["first_name": "Gamma"], token: "me-token")
        #expect(renamed.text == #"{"data":{"first_name":"Gamma"}}"#)
        // Writing access tables needs permissions on them.
        let grant = try await world.api.send("POST", "/items/directus_access", ["role": world.role, "policy": adminPolicy], token: "me-token")
        #expect(grant.status == 403)
    }
}
