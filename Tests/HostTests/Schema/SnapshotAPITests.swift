import Foundation
import Testing

/// `/schema/snapshot`, `/schema/diff`, `/schema/apply`, and moving a schema between databases.
@Suite(.serialized) struct SnapshotAPITests {
    /// Builds a small relational schema through the API.
    static func seed(_ api: APIHost) async throws {
        _ = try await api.data("POST", "/collections", ["collection": "authors", "meta": ["icon": "person"], "schema": [:], "fields": [
            ["field": "id", "type": "uuid", "meta": ["special": ["uuid"], "hidden": true], "schema": ["is_primary_key": true]],
            ["field": "name", "type": "string", "meta": ["interface": "input"], "schema": ["is_nullable": false]],
        ]])
        _ = try await api.data("POST", "/collections", ["collection": "posts", "meta": ["note": "Blog"], "schema": [:], "fields": [
            ["field": "title", "type": "string", "meta": ["interface": "input"], "schema": ["max_length": 120]],
            ["field": "views", "type": "integer", "meta": [:], "schema": ["default_value": 0]],
            ["field": "data", "type": "json", "meta": [:], "schema": [:]],
        ]])
        _ = try await api.data("POST", "/fields/posts", ["field": "author", "type": "uuid", "meta": ["special": ["m2o"]], "schema": [:]])
        _ = try await api.data("POST", "/fields/authors", ["field": "posts", "type": "alias", "meta": ["special": ["o2m"]]])
        _ = try await api.data("POST", "/relations", ["collection": "posts", "field": "author", "related_collection": "authors",
                                                      "meta": ["one_field": "posts"], "schema": ["on_delete": "SET NULL"]])
    }

    @Test(arguments: DatabaseKind.allCases)
    func snapshotDiffAndApply(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        try await Self.seed(api)
        let snapshot = try #require(try await api.data("GET", "/schema/snapshot") as? [String: Any])
        #expect(snapshot["version"] as? Int == 1)
        #expect(snapshot["vendor"] as? String == (database == .postgres ? "postgres" : "sqlite"))
        #expect((snapshot["collections"] as? [[String: Any]])?.map { $0["collection"] as? String } == ["authors", "posts"])
        let fields = try #require(snapshot["fields"] as? [[String: Any]])
        #expect(fields.allSatisfy { ($0["meta"] as? [String: Any])?["id"] == nil }, "meta.id is removed")
        let postsTitle = try #require(fields.first { $0["field"] as? String == "title" })
        #expect(Array((postsTitle["schema"] as? [String: Any] ?? [:]).keys).count == 16)
        #expect((snapshot["relations"] as? [[String: Any]])?.count == 1)

        let yaml = try await api.send("GET", "/schema/snapshot?export=yaml")
        #expect(yaml.header("content-type")?.hasPrefix("text/yaml") == true)
        #expect(yaml.text.hasPrefix("version: 1\ndirectus: "))

        let same = try await api.send("POST", "/schema/diff", snapshot)
        #expect(same.status == 204)

        var changed = snapshot
        var collections = snapshot["collections"] as! [[String: Any]]
        var posts = collections[1]
        var meta = posts["meta"] as! [String: Any]
        meta["note"] = "Blog posts"
        posts["meta"] = meta
        collections[1] = posts
        changed["collections"] = collections
        let diff = try #require(try await api.data("POST", "/schema/diff", changed) as? [String: Any])
        let hash = try #require(diff["hash"] as? String)
        let entries = try #require((diff["diff"] as? [String: Any])?["collections"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(NSArray(array: entries[0]["diff"] as? [Any] ?? []).isEqual(to: [["kind": "E", "path": ["meta", "note"], "lhs": "Blog", "rhs": "Blog posts"]]))

        let stale = try await api.send("POST", "/schema/apply", ["hash": "0000", "diff": diff["diff"]!])
        #expect(stale.status == 400)
        #expect(stale.text.contains("Provided hash does not match the current instance's schema hash"))
        let applied = try await api.send("POST", "/schema/apply", ["hash": hash, "diff": diff["diff"]!])
        #expect(applied.status == 204, "\(applied.text)")
        let after = try #require(try await api.data("GET", "/collections/posts") as? [String: Any])
        #expect((after["meta"] as? [String: Any])?["note"] as? String == "Blog posts")

        var otherVendor = try #require(try await api.data("GET", "/schema/snapshot") as? [String: Any])
        otherVendor["vendor"] = database == .postgres ? "sqlite" : "postgres"
        let refused = try await api.send("POST", "/schema/diff", otherVendor)
        #expect(refused.status == 400)
        #expect(refused.text.contains("does not match the current instance's vendor"))
        #expect(try await api.send("POST", "/schema/diff?force", otherVendor).status == 204)
        #expect(try await api.send("GET", "/schema/snapshot", token: "").status == 403)
    }

    @Test(arguments: [(DatabaseKind.sqlite, DatabaseKind.sqlite), (.sqlite, .postgres), (.postgres, .sqlite), (.postgres, .postgres)])
    func aSnapshotMovesBetweenDatabasesUnchanged(_ source: DatabaseKind, _ target: DatabaseKind) async throws {
        let from = try await APIHost(source)
        defer { from.stop() }
        try await Self.seed(from)
        let snapshot = try #require(try await from.data("GET", "/schema/snapshot") as? [String: Any])
        let to = try await APIHost(target)
        defer { to.stop() }
        let diff = try #require(try await to.data("POST", "/schema/diff?force", snapshot) as? [String: Any])
        let applied = try await to.send("POST", "/schema/apply", diff)
        #expect(applied.status == 204, "\(applied.text)")
        let copy = try #require(try await to.data("GET", "/schema/snapshot") as? [String: Any])
        var expected = snapshot
        expected["vendor"] = copy["vendor"]
        if source == target {
            #expect(NSDictionary(dictionary: copy).isEqual(to: expected), "snapshot → apply → snapshot round-trips identically")
        } else {
            // Across vendors the inspectors report different column types; everything Directus tracks must match.
            // (SQLite reports a char(36) foreign key without the uuid special as a string, as Directus does.)
            #expect((copy["collections"] as? NSArray)?.isEqual(to: snapshot["collections"] as! [Any]) == true)
            let tracked: ([String: Any]) -> NSDictionary = { field in
                var kept = field
                kept["schema"] = nil
                if kept["type"] as? String == "uuid" { kept["type"] = "string" }
                return kept as NSDictionary
            }
            #expect((copy["fields"] as! [[String: Any]]).map(tracked) == (snapshot["fields"] as! [[String: Any]]).map(tracked))
            let relation: ([String: Any]) -> NSDictionary = { item in
                ["field": item["field"]!, "related": item["related_collection"]!, "meta": item["meta"]!,
                 "on_delete": (item["schema"] as? [String: Any])?["on_delete"] ?? NSNull()] as NSDictionary
            }
            #expect((copy["relations"] as! [[String: Any]]).map(relation) == (snapshot["relations"] as! [[String: Any]]).map(relation))
            return
        }
        #expect(try await to.send("POST", "/schema/diff?force", snapshot).status == 204, "applying again changes nothing")
    }

    @Test func directusSnapshotFromTheFixtureApplies() async throws {
        let api = try await APIHost(.sqlite)
        defer { api.stop() }
        let yaml = try String(contentsOfFile: "/work/shared/fixtures/directus9-examples/snapshot.yaml".replacingOccurrences(of: "/work/shared", with: TestSupport.sharedDirectory), encoding: .utf8)
        let boundary = "plinth-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"snapshot.yaml\"\r\nContent-Type: text/yaml\r\n\r\n"
        body += yaml + "\r\n--\(boundary)--\r\n"
        let diffResponse = try await TestHTTP.request("POST", api.host.baseURL + "/schema/diff?force", headers: [
            "Authorization": "Bearer \(api.token)", "Content-Type": "multipart/form-data; boundary=\(boundary)"], body: Data(body.utf8))
        #expect(diffResponse.status == 200, "\(diffResponse.text)")
        let diff = try #require((diffResponse.json as? [String: Any])?["data"])
        #expect(try await api.send("POST", "/schema/apply", diff).status == 204)
        let fields = try #require(try await api.data("GET", "/fields/articles") as? [[String: Any]])
        #expect(Set(fields.compactMap { $0["field"] as? String }) == ["author", "body", "cover_image", "date_created", "date_updated", "excerpt", "id", "publish_date", "sort", "status", "title"])
        let relation = try #require(try await api.data("GET", "/relations/articles/author") as? [String: Any])
        #expect(relation["related_collection"] as? String == "directus_users")
    }
}
