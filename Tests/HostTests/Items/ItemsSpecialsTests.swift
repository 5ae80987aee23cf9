import Foundation
import PlinthJSON
import Testing

/// Field specials on create and update, typed values (booleans, JSON, CSV, ISO-8601 timestamps, big numbers),
/// hashed and concealed fields.
@Suite struct ItemsSpecialsTests {
    static let payload = json(#"""
    {"title": "special", "flag": true, "data": {"a": [1, 2], "b": {"c": null}}, "list": ["red", "green"],
     "stamp": "2024-02-29T10:11:12.345Z", "password": "correct horse", "secret": "the secret", "big": 9223372036854775807,
     "amount": "12345678901234.56789", "ratio": 0.25, "day": "2024-02-29", "moment": "2024-02-29T13:14:15", "clock": "13:14:15"}
    """#)

    @Test(arguments: DatabaseKind.allCases)
    func specialsFillOnCreateAndUpdateAndValuesAreTyped(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let admin = try #require(try api.scalar("SELECT id FROM directus_users WHERE email = 'admin@example.com'"))
        let role = try #require(try api.scalar("SELECT role FROM directus_users WHERE email = 'admin@example.com'"))
        let before = Date()
        let created = try await api.data("POST", "/items/specials", body: Self.payload)
        let id = try #require(created["id"]?.stringValue)
        #expect(UUID(uuidString: id) != nil)
        let stamp = try #require(created["date_created"]?.stringValue)
        #expect(stamp.hasSuffix("Z") && stamp.count == 24, "ISO-8601 with milliseconds and Z: \(stamp)")
        let createdAt = try #require(ISO8601DateFormatter.withFractions.date(from: stamp))
        #expect(abs(createdAt.timeIntervalSince(before)) < 30)
        var expected = JSONObject()
        expected["id"] = .string(id)
        expected["title"] = "special"
        expected["date_created"] = .string(stamp)
        expected["date_updated"] = .null
        expected["user_created"] = .string(admin)
        expected["user_updated"] = .null
        expected["role_created"] = .string(role)
        expected["role_updated"] = .null
        expected["flag"] = true
        expected["data"] = json(#"{"a": [1, 2], "b": {"c": null}}"#)
        expected["list"] = ["red", "green"]
        expected["stamp"] = "2024-02-29T10:11:12.345Z"
        expected["password"] = "**********"
        expected["secret"] = "**********"
        expected["big"] = api.big("9223372036854775807")
        // SQLite stores decimals as REAL, as it does for Directus; PostgreSQL keeps every digit.
        expected["amount"] = database == .postgres ? "12345678901234.56789" : created["amount"] ?? .null
        expected["ratio"] = 0.25
        expected["day"] = "2024-02-29"
        expected["moment"] = "2024-02-29T13:14:15"
        expected["clock"] = "13:14:15"
        #expect(created == .object(expected))
        #expect(created.objectValue?.keys == ["id", "title", "date_created", "date_updated", "user_created", "user_updated", "role_created", "role_updated",
                                              "flag", "data", "list", "stamp", "password", "secret", "big", "amount", "ratio", "day", "moment", "clock"])

        // Stored: the hash is argon2id, the CSV is joined, the boolean is a boolean (0/1 on SQLite).
        let stored = try api.sql("SELECT password, list FROM specials WHERE id = '\(id)'").first?.split(separator: "|").map(String.init) ?? []
        #expect(stored.first?.hasPrefix("$argon2id$") == true, "\(stored)")
        #expect(stored.last == "red,green")

        let updated = try await api.data("PATCH", "/items/specials/\(id)", body: ["title": "changed", "flag": "false", "list": []])
        #expect(updated["date_created"]?.stringValue == stamp, "date-created is set once")
        #expect(updated["date_updated"]?.stringValue?.hasSuffix("Z") == true)
        #expect(updated["user_updated"]?.stringValue == admin)
        #expect(updated["role_updated"]?.stringValue == role)
        #expect(updated["user_created"]?.stringValue == admin)
        #expect(updated["flag"] == false)
        #expect(updated["list"] == [])
        let rehashed = try api.scalar("SELECT password FROM specials WHERE id = '\(id)'")
        #expect(rehashed == stored.first, "an update without the field keeps the hash")
    }

    @Test(arguments: DatabaseKind.allCases)
    func hashedAndConcealedFieldsFilterOnlyOnNullness(_ database: DatabaseKind) async throws {
        let api = try await ItemsHosts.shared.host(database, .write)
        let id = try #require(try await api.data("POST", "/items/specials", body: ["title": "conceal-filter", "password": "pw", "secret": "s"])["id"]?.stringValue)
        _ = try await api.data("POST", "/items/specials", body: ["title": "conceal-filter", "secret": nil])
        let nonNull = try await api.get("/items/specials", [("fields", "id"), ("filter", #"{"title":{"_eq":"conceal-filter"},"secret":{"_nnull":true},"password":{"_nnull":true}}"#)])
        #expect(nonNull.strings("id") == [id])
        let empty = try await api.get("/items/specials", [("fields", "title"), ("filter", #"{"title":{"_eq":"conceal-filter"},"secret":{"_null":true}}"#)])
        #expect(empty.count == 1)
        for (filter, reason) in [
            (#"{"secret":{"_eq":"s"}}"#, #"Field with \"conceal\" special does not allow the \"_eq\" filter operator"#),
            (#"{"password":{"_contains":"p"}}"#, #"\"hash\" field type does not contain the \"_contains\" filter operator"#),
        ] {
            let reply = try await api.send("GET", "/items/specials", [("filter", filter)])
            #expect(reply.json == json(#"{"errors": [{"message": "Invalid query. \#(reason).", "extensions": {"code": "INVALID_QUERY", "reason": "\#(reason)"}}]}"#),
                    "\(filter): \(reply.text)")
        }
        // Through a relation too: directus_users.password is hashed and concealed.
        let relational = try await api.send("GET", "/items/articles", [("filter", #"{"editor":{"password":{"_eq":"x"}}}"#)])
        #expect(relational.message == #"Invalid query. Field with "conceal" special does not allow the "_eq" filter operator."#)
        #expect(try await api.send("GET", "/items/articles", [("filter", #"{"editor":{"password":{"_null":true}}}"#)]).status == 200)
        // Search never looks into concealed values.
        #expect(try await api.get("/items/specials", [("fields", "id"), ("search", "s"), ("filter[title][_eq]", "conceal-filter")]) == json("[]"))
    }
}

extension ISO8601DateFormatter {
    static let withFractions: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
