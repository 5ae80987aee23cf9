import Foundation
import Testing

/// The CRUD routes of system collections (`/roles`, `/policies`, `/folders`, `/presets`, `/users`,
/// `/files`): every read and batch form Directus's system controllers accept.
@Suite(.serialized) struct SystemCRUDTests {
    @Test(arguments: DatabaseKind.allCases)
    func rolesSupportEveryReadAndWriteForm(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let editor = try #require(try await api.data("POST", "/roles", ["name": "Editor", "icon": "edit"]) as? [String: Any])
        #expect(Set(editor.keys) == ["id", "name", "icon", "description", "parent", "children", "policies", "users"])
        #expect(editor["children"] as? [Any] != nil && editor["description"] is NSNull)
        let editorID = try #require(editor["id"] as? String)

        let many = try #require(try await api.data("POST", "/roles?fields=id,name", [["name": "A"], ["name": "B"]]) as? [[String: Any]])
        #expect(many.map { $0["name"] as? String } == ["A", "B"])
        let ids = many.compactMap { $0["id"] as? String }

        let filtered = try await api.data("GET", "/roles?fields=name&sort=name&filter=\(Query.encode(#"{"name":{"_in":["A","B","Editor"]}}"#))") as? [[String: Any]]
        #expect(filtered?.map { $0["name"] as? String } == ["A", "B", "Editor"])
        let searched = try await api.data("SEARCH", "/roles", ["query": ["fields": ["name"], "filter": ["name": ["_eq": "Editor"]]]]) as? [[String: Any]]
        #expect(searched?.map { $0["name"] as? String } == ["Editor"])
        let byKeys = try await api.data("SEARCH", "/roles", ["keys": ids, "query": ["fields": ["name"], "sort": ["name"]]]) as? [[String: Any]]
        #expect(byKeys?.map { $0["name"] as? String } == ["A", "B"])
        let counted = try #require(try await api.send("GET", "/roles?limit=1&meta=*").json as? [String: Any])
        let meta = counted["meta"] as? [String: Any]
        #expect(meta?.count == 2 && meta?["total_count"] as? Int == 4 && meta?["filter_count"] as? Int == 4)
        #expect((counted["data"] as? [Any])?.count == 1)

        let one = try await api.data("GET", "/roles/\(editorID)?fields=name,icon") as? [String: Any]
        #expect(one?["name"] as? String == "Editor" && one?["icon"] as? String == "edit")
        let patched = try await api.data("PATCH", "/roles/\(editorID)?fields=id,description", ["description": "Edits"]) as? [String: Any]
        #expect(patched?["description"] as? String == "Edits")
        let byKeyList = try await api.data("PATCH", "/roles?fields=id,icon", ["keys": ids, "data": ["icon": "star"]]) as? [[String: Any]]
        #expect(byKeyList?.map { $0["icon"] as? String } == ["star", "star"])
        let batch = try await api.data("PATCH", "/roles?fields=id,name", ids.enumerated().map { ["id": $1, "name": "R\($0)"] }) as? [[String: Any]]
        #expect(batch?.map { $0["name"] as? String } == ["R0", "R1"])
        let byQuery = try await api.data("PATCH", "/roles?fields=id,description", ["query": ["filter": ["name": ["_eq": "R0"]]], "data": ["description": "first"]]) as? [[String: Any]]
        #expect(byQuery?.map { $0["description"] as? String } == ["first"])

        #expect(try await api.send("DELETE", "/roles/\(editorID)").status == 204)
        #expect(try await api.send("GET", "/roles/\(editorID)").status == 403, "a deleted item reads as FORBIDDEN, like a missing one")
        #expect(try await api.send("DELETE", "/roles", ["keys": [ids[0]]]).status == 204)
        #expect(try await api.send("DELETE", "/roles", ["query": ["filter": ["name": ["_eq": "R1"]]]]).status == 204)
        let left = try await api.data("GET", "/roles?fields=name") as? [[String: Any]]
        #expect(left?.map { $0["name"] as? String } == ["Administrator"])
    }

    @Test(arguments: DatabaseKind.allCases)
    func policiesAccessFoldersAndPresets(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let policy = try #require(try await api.data("POST", "/policies?fields=id,name,app_access,admin_access,enforce_tfa", ["name": "Reader", "app_access": true]) as? [String: Any])
        #expect(policy["app_access"] as? Bool == true && policy["admin_access"] as? Bool == false && policy["enforce_tfa"] as? Bool == false)
        let policyID = try #require(policy["id"] as? String)
        let role = try #require(try await api.data("POST", "/roles?fields=id", ["name": "Readers"]) as? [String: Any])
        let access = try #require(try await api.data("POST", "/access?fields=id,role,policy,user", ["role": role["id"]!, "policy": policyID]) as? [String: Any])
        #expect(access["policy"] as? String == policyID && access["user"] is NSNull)
        let policies = try await api.data("GET", "/roles/\(role["id"]!)?fields=policies") as? [String: Any]
        #expect(policies?["policies"] as? [String] == [access["id"] as! String])
        #expect(try await api.send("DELETE", "/access/\(access["id"]!)").status == 204)
        #expect(try await api.send("DELETE", "/policies/\(policyID)").status == 204)

        let root = try #require(try await api.data("POST", "/folders?fields=id,name,parent", ["name": "root"]) as? [String: Any])
        #expect(root["parent"] is NSNull)
        let child = try #require(try await api.data("POST", "/folders?fields=id,name,parent", ["name": "child", "parent": root["id"]!]) as? [String: Any])
        #expect(child["parent"] as? String == root["id"] as? String)
        let nested = try await api.data("GET", "/folders?fields=name,parent.name&filter=\(Query.encode(#"{"parent":{"_nnull":true}}"#))") as? [[String: Any]]
        #expect((nested?.first?["parent"] as? [String: Any])?["name"] as? String == "root")
        #expect(try await api.send("DELETE", "/folders/", [child["id"]!, root["id"]!]).status == 204, "DELETE with a trailing slash and an array of keys")
        #expect((try await api.data("GET", "/folders") as? [Any])?.isEmpty == true)

        let preset = try #require(try await api.data("POST", "/presets?fields=id,bookmark,collection,layout", ["bookmark": "Mine", "collection": "directus_files", "layout": "cards"]) as? [String: Any])
        #expect(preset["layout"] as? String == "cards")
        let renamed = try await api.data("PATCH", "/presets/\(preset["id"]!)?fields=id,bookmark", ["bookmark": "Ours"]) as? [String: Any]
        #expect(renamed?["bookmark"] as? String == "Ours")
        #expect(try await api.send("DELETE", "/presets/\(preset["id"]!)").status == 204)
    }

    @Test(arguments: DatabaseKind.allCases)
    func usersAndFileMetadata(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let user = try #require(try await api.data("POST", "/users?fields=id,email,password,status", ["email": "ed@example.com", "password": "a-long-secret"]) as? [String: Any])
        #expect(user["password"] as? String == "**********", "passwords are concealed")
        #expect(user["status"] as? String == "active")
        let users = try await api.data("GET", "/users?fields=email&sort=email") as? [[String: Any]]
        #expect(users?.map { $0["email"] as? String } == ["admin@example.com", "ed@example.com"])
        #expect(try await api.send("DELETE", "/users/\(user["id"]!)").status == 204)

        let file = try #require(try await api.data("POST", "/files?fields=id,storage,filename_download,title", ["storage": "local", "filename_download": "a.txt", "title": "A"]) as? [String: Any])
        #expect(file["title"] as? String == "A")
        let retitled = try await api.data("PATCH", "/files/\(file["id"]!)?fields=id,title", ["title": "B"]) as? [String: Any]
        #expect(retitled?["title"] as? String == "B")
        let upload = try await api.send("POST", "/files", nil, headers: ["Content-Type": "multipart/form-data; boundary=x"])
        #expect(upload.status == 415)
        #expect(upload.text.contains("UNSUPPORTED_MEDIA_TYPE"))
        #expect(try await api.send("DELETE", "/files/", ["keys": [file["id"]!]]).status == 204)
    }
}
