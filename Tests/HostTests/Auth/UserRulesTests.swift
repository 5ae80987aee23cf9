import Foundation
import Testing

/// The rules Directus adds to writes of users, roles, policies and access rows.
@Suite("User, role and policy rules")
struct UserRulesTests {
    @Test("users: valid, case-insensitively unique e-mails; password policy; no manual TFA secret or provider", arguments: DatabaseKind.allCases)
    func users(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: ["LOGIN_STALL_TIME": "0"])
        defer { api.stop() }
        let invalid = try await api.send("POST", "/users", ["email": "not an email", "password": "x"])
        #expect(invalid.status == 400)
        #expect(invalid.text == #"{"errors":[{"message":"Validation failed for field \"email\". Value has to be a valid email address.","extensions":{"code":"FAILED_VALIDATION","field":"email","path":[],"type":"email"}}]}"#)
        let duplicate = try await api.send("POST", "/users", ["email": "ADMIN@example.com"])
        #expect(duplicate.status == 400 && duplicate.errorCode == "RECORD_NOT_UNIQUE", "\(duplicate.text)")
        #expect(try api.sql("SELECT count(*) FROM directus_users") == "1")

        try api.sql("UPDATE directus_settings SET auth_password_policy = '/^.{8,}$/'")
        let weak = try await api.send("POST", "/users", ["email": "weak@example.com", "password": "short"])
        #expect(weak.status == 400)
        #expect(weak.text == #"{"errors":[{"message":"Validation failed for field \"password\". Value doesn't have the correct format.","extensions":{"code":"FAILED_VALIDATION","field":"password","path":[],"type":"regex"}}]}"#)
        let created = try await api.send("POST", "/users?fields=id,email", ["email": "strong@example.com", "password": "long enough"])
        #expect(created.status == 200, "\(created.text)")
        let id = try #require(created.dataObject["id"] as? String)

        let tfa = try await api.send("PATCH", "/users/\(id)", ["tfa_secret": "JBSWY3DPEHPK3PXP"])
        #expect(tfa.text == #"{"errors":[{"message":"Invalid payload. You can't change the \"tfa_secret\" value manually.","extensions":{"code":"INVALID_PAYLOAD","reason":"You can't change the \"tfa_secret\" value manually"}}]}"#)
        let both = try await api.send("PATCH", "/users", ["keys": [id, try api.sql("SELECT id FROM directus_users WHERE email = 'admin@example.com'")], "data": ["email": "same@example.com"]])
        #expect(both.status == 400 && both.errorCode == "RECORD_NOT_UNIQUE")

        // Logging in, then suspending: the sessions end with the status change.
        _ = try await api.anonymous("POST", "/auth/login", ["email": "strong@example.com", "password": "long enough"])
        #expect(try api.sql("SELECT count(*) FROM directus_sessions WHERE \"user\" = '\(id)'") == "1")
        #expect(try await api.send("PATCH", "/users/\(id)", ["status": "suspended"]).status == 200)
        #expect(try api.sql("SELECT count(*) FROM directus_sessions WHERE \"user\" = '\(id)'") == "0")

        // Deleting a user who sent a notification keeps the notification.
        try api.sql("INSERT INTO directus_notifications (status, recipient, sender, subject) VALUES ('inbox', '\(try api.sql("SELECT id FROM directus_users WHERE email = 'admin@example.com'"))', '\(id)', 'Hi')")
        #expect(try await api.send("DELETE", "/users/\(id)").status == 204)
        #expect(try api.sql("SELECT count(*) FROM directus_notifications WHERE sender IS NULL") == "1")
    }

    @Test("the last admin cannot be removed, demoted or suspended", arguments: DatabaseKind.allCases)
    func lastAdmin(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let admin = try api.sql("SELECT id FROM directus_users WHERE email = 'admin@example.com'")
        let expected = #"{"errors":[{"message":"Can't process content. Cannot remove the last admin user from the system.","extensions":{"code":"UNPROCESSABLE_CONTENT"}}]}"#
        let suspend = try await api.send("PATCH", "/users/\(admin)", ["status": "suspended"])
        #expect(suspend.status == 422 && suspend.text == expected)
        let demote = try await api.send("PATCH", "/users/\(admin)", ["role": NSNull()])
        #expect(demote.status == 422)
        let policy = try api.sql("SELECT id FROM directus_policies WHERE admin_access = \(api.bool(true))")
        #expect(try await api.send("PATCH", "/policies/\(policy)", ["admin_access": false]).status == 422)
        #expect(try await api.send("DELETE", "/users/\(admin)").status == 422)
        #expect(try api.sql("SELECT status FROM directus_users WHERE id = '\(admin)'") == "active")
        // With a second admin, the first may go.
        let role = try api.sql("SELECT role FROM directus_users WHERE id = '\(admin)'")
        try api.seedUser(email: "second@example.com", role: role)
        #expect(try await api.send("PATCH", "/users/\(admin)", ["status": "suspended"]).status == 200)
    }

    @Test("roles: deleting one suspends its users and drops its access rows; no parent cycles; policy IP ranges are checked", arguments: DatabaseKind.allCases)
    func roles(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let parent = try api.seedPolicy(name: "Parent", app: true)
        let child = try await api.send("POST", "/roles?fields=id", ["name": "Child", "parent": parent.role!])
        let childID = try #require(child.dataObject["id"] as? String)
        let cycle = try await api.send("PATCH", "/roles/\(parent.role!)", ["parent": childID])
        #expect(cycle.status == 400)
        #expect(cycle.text == #"{"errors":[{"message":"Invalid payload. A role cannot have a parent that is already a descendant of itself.","extensions":{"code":"INVALID_PAYLOAD","reason":"A role cannot have a parent that is already a descendant of itself"}}]}"#)
        let itself = try await api.send("PATCH", "/roles/\(childID)", ["parent": childID])
        #expect(itself.errorCode == "INVALID_PAYLOAD")

        let member = try api.seedUser(email: "member@example.com", role: parent.role)
        #expect(try await api.send("DELETE", "/roles/\(parent.role!)").status == 204)
        #expect(try api.sql("SELECT status FROM directus_users WHERE id = '\(member)'") == "suspended")
        #expect(try api.sql("SELECT count(*) FROM directus_users WHERE id = '\(member)' AND role IS NULL") == "1")
        #expect(try api.sql("SELECT count(*) FROM directus_access WHERE policy = '\(parent.policy)'") == "0")
        #expect(try api.sql("SELECT count(*) FROM directus_roles WHERE id = '\(childID)' AND parent IS NULL") == "1")

        let badIP = try await api.send("POST", "/policies", ["name": "Office", "ip_access": ["10.0.0.0/33"]])
        #expect(badIP.status == 400 && badIP.errorCode == "INVALID_PAYLOAD", "\(badIP.text)")
        let goodIP = try await api.send("POST", "/policies", ["name": "Office", "ip_access": ["10.0.0.0/8", "192.168.1.1-192.168.1.9", "::1"]])
        #expect(goodIP.status == 200, "\(goodIP.text)")
    }
}
