import Foundation
import Testing

/// Where system routers differ from plain CRUD: the `/settings` singleton, `/permissions` lists
/// without a limit, read-only `/activity` and `/revisions`, and `directus_*` refused on `/items`.
@Suite(.serialized) struct SystemRouteRulesTests {
    @Test(arguments: DatabaseKind.allCases)
    func settingsIsASingletonWithAnUpsert(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let settings = try #require(try await api.data("GET", "/settings") as? [String: Any])
        #expect(settings["project_name"] as? String == "Directus")
        #expect(settings["id"] as? Int == 1)
        let patched = try await api.data("PATCH", "/settings?fields=project_name,project_color", ["project_name": "Plinth", "project_color": "#112233"]) as? [String: Any]
        #expect(patched?.count == 2 && patched?["project_name"] as? String == "Plinth" && patched?["project_color"] as? String == "#112233")
        let read = try await api.data("GET", "/settings?fields=id,project_name") as? [String: Any]
        #expect(read?["id"] as? Int == 1 && read?["project_name"] as? String == "Plinth", "the one row is updated, not duplicated")
        for (method, path) in [("POST", "/settings"), ("SEARCH", "/settings"), ("GET", "/settings/1"), ("DELETE", "/settings")] {
            let response = try await api.send(method, path, method == "GET" ? nil : [:])
            #expect(response.status == 404, "\(method) \(path)")
            #expect(response.text.contains("ROUTE_NOT_FOUND"), "\(method) \(path)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func permissionsListIgnoresLimits(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: ["QUERY_LIMIT_DEFAULT": "2"])
        defer { api.stop() }
        let policy = try #require(try await api.data("POST", "/policies?fields=id", ["name": "Reader"]) as? [String: Any])
        let created = try #require(try await api.data("POST", "/permissions?fields=id,collection,action", ["create", "read", "update"].map {
            ["collection": "directus_files", "action": $0, "policy": policy["id"]!, "fields": ["*"]]
        }) as? [[String: Any]])
        #expect(created.map { $0["action"] as? String } == ["create", "read", "update"])
        #expect((try await api.data("GET", "/permissions") as? [Any])?.count == 3, "every permission, past QUERY_LIMIT_DEFAULT")
        #expect((try await api.data("SEARCH", "/permissions", ["query": ["fields": ["id"]]]) as? [Any])?.count == 3)
        #expect((try await api.data("GET", "/permissions?limit=1&page=2") as? [Any])?.count == 3, "Directus overrides even an explicit limit")
        let counted = try await api.send("GET", "/permissions?limit=1&meta=filter_count&fields=id").json as? [String: Any]
        #expect((counted?["data"] as? [Any])?.count == 3 && (counted?["meta"] as? [String: Any])?["filter_count"] as? Int == 3)
        _ = try await api.data("POST", "/roles", [["name": "A"], ["name": "B"]])
        #expect((try await api.data("GET", "/roles") as? [Any])?.count == 2, "other system lists keep the default limit")
        let one = try await api.data("GET", "/permissions/\(created[1]["id"]!)?fields=action") as? [String: Any]
        #expect(one?["action"] as? String == "read")
    }

    @Test(arguments: DatabaseKind.allCases)
    func activityAndRevisionsAreReadOnly(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let role = try #require(try await api.data("POST", "/roles?fields=id", ["name": "Tracked"]) as? [String: Any])
        let activity = try #require(try await api.data("GET", "/activity?fields=id,action,collection,item&filter=\(Query.encode(#"{"collection":{"_eq":"directus_roles"}}"#))") as? [[String: Any]])
        let entry = try #require(activity.first)
        #expect(entry["action"] as? String == "create" && entry["item"] as? String == role["id"] as? String)
        let one = try await api.data("GET", "/activity/\(entry["id"]!)?fields=action") as? [String: Any]
        #expect(one?["action"] as? String == "create")
        #expect((try await api.data("SEARCH", "/activity", ["query": ["filter": ["action": ["_eq": "create"]]]]) as? [Any])?.isEmpty == false)
        let revision = try #require((try await api.data("GET", "/revisions?fields=id,collection,item,data") as? [[String: Any]])?.first)
        #expect(revision["collection"] as? String == "directus_roles")
        #expect((revision["data"] as? [String: Any])?["name"] as? String == "Tracked")
        #expect((try await api.data("GET", "/revisions/\(revision["id"]!)?fields=item") as? [String: Any])?["item"] as? String == role["id"] as? String)

        for base in ["/activity", "/revisions"] {
            for (method, path) in [("POST", base), ("PATCH", base), ("DELETE", base), ("PATCH", "\(base)/1"), ("DELETE", "\(base)/1")] {
                let response = try await api.send(method, path, [:])
                #expect(response.status == 404, "\(method) \(path)")
                #expect(response.text.contains("ROUTE_NOT_FOUND"), "\(method) \(path)")
            }
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func systemCollectionsAreForbiddenThroughItems(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let role = try #require(try await api.data("GET", "/roles?fields=id") as? [[String: Any]]).first?["id"] as? String ?? ""
        let attempts: [(String, String, Any?)] = [
            ("GET", "/items/directus_roles", nil), ("GET", "/items/directus_roles/\(role)", nil),
            ("POST", "/items/directus_roles", ["name": "Sneaky"]), ("PATCH", "/items/directus_roles/\(role)", ["name": "Renamed"]),
            ("PATCH", "/items/directus_settings", ["project_name": "Sneaky"]), ("DELETE", "/items/directus_roles/\(role)", nil),
            ("DELETE", "/items/directus_users", [role]),
        ]
        for (method, path, body) in attempts {
            let response = try await api.send(method, path, body)
            #expect(response.status == 403, "\(method) \(path)")
            #expect(response.text.contains("FORBIDDEN"), "\(method) \(path)")
        }
        let names = try await api.data("GET", "/roles?fields=name") as? [[String: Any]]
        #expect(names?.map { $0["name"] as? String } == ["Administrator"], "nothing was written")
        #expect((try await api.data("GET", "/settings?fields=project_name") as? [String: Any])?["project_name"] as? String == "Directus")
    }
}
