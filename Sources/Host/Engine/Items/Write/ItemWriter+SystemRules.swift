import Foundation
import PlinthJSON
import SQLPlan

/// The rules Directus's users, roles, policies and access services add to plain item writes.
extension ItemWriter {
    static let adminLossError = APIError(code: "UNPROCESSABLE_CONTENT", status: 422,
                                         message: "Can't process content. Cannot remove the last admin user from the system.")

    /// Checks a create payload of a system collection (after the permission check, before the insert).
    func systemCreateRules(_ collection: CollectionInfo, _ payload: JSONObject) throws {
        switch collection.name {
        case "directus_users":
            if let email = payload["email"], !email.isNull {
                try validateEmail(email)
                try requireUniqueEmail(email.stringValue ?? "", excluding: nil)
            }
            if let password = payload["password"]?.stringValue { try checkPasswordPolicy(password) }
        case "directus_roles":
            if let parent = payload["parent"]?.stringValue, let id = payload["id"]?.stringValue, parent == id {
                throw APIError.invalidPayload("A role cannot be a parent of itself")
            }
        case "directus_policies":
            if let ranges = payload["ip_access"] { try validateIPAccess(ranges) }
        default: break
        }
    }

    /// Checks and adjusts an update payload of a system collection.
    func systemUpdateRules(_ collection: CollectionInfo, keys: [JSON], _ payload: inout JSONObject) throws {
        switch collection.name {
        case "directus_users":
            if let email = payload["email"], !email.isNull {
                if keys.count > 1 {
                    throw APIError(code: "RECORD_NOT_UNIQUE", status: 400, message: "Value for field \"email\" in collection \"directus_users\" has to be unique.",
                                   extensions: ["collection": "directus_users", "field": "email", "value": email])
                }
                try validateEmail(email)
                try requireUniqueEmail(email.stringValue ?? "", excluding: keys.first)
            }
            if let password = payload["password"]?.stringValue { try checkPasswordPolicy(password) }
            if payload["tfa_secret"] != nil { throw APIError.invalidPayload("You can't change the \"tfa_secret\" value manually") }
            for field in ["provider", "external_identifier"] where payload[field] != nil {
                if !accountability.admin { throw APIError.invalidPayload("You can't change the \"\(field)\" value manually") }
                payload["auth_data"] = .null
            }
        case "directus_roles":
            if let parent = payload["parent"]?.stringValue {
                for key in keys {
                    let id = key.stringValue ?? key.description
                    if parent == id { throw APIError.invalidPayload("A role cannot be a parent of itself") }
                    if try roleAncestors(parent).contains(id) {
                        throw APIError.invalidPayload("A role cannot have a parent that is already a descendant of itself")
                    }
                }
            }
        case "directus_policies":
            if let ranges = payload["ip_access"] { try validateIPAccess(ranges) }
        default: break
        }
    }

    /// What follows an update inside the transaction: ended sessions, and the last admin stays.
    func systemUpdateEffects(_ collection: CollectionInfo, keys: [JSON], _ payload: JSONObject) throws {
        switch collection.name {
        case "directus_users":
            if let status = payload["status"], status.stringValue != "active" {
                try deleteSessions(users: keys, except: nil)
            } else if payload["password"] != nil || payload["email"] != nil {
                try deleteSessions(users: keys, except: accountability.session)
            }
            if payload["role"] != nil || payload["status"] != nil { try ensureAdminRemains() }
        case "directus_policies":
            if payload["admin_access"] != nil { try ensureAdminRemains() }
        case "directus_access":
            try ensureAdminRemains()
        default: break
        }
    }

    /// What must happen before system rows go: rows that point at them without ON DELETE are detached.
    func systemDeleteRules(_ collection: CollectionInfo, keys: [JSON]) throws {
        switch collection.name {
        case "directus_users":
            for (table, column) in [("directus_comments", "user_updated"), ("directus_notifications", "sender"), ("directus_versions", "user_updated")] {
                try nullify(table, column, in: keys, type: .uuid)
            }
            try deleteSessions(users: keys, except: nil)
        case "directus_roles":
            try database.delete(Delete(table: "directus_access", alias: "t", filter: .compare(.in, .column(table: "t", name: "role", type: .uuid), .list(keys, type: .uuid))), in: transaction)
            try database.delete(Delete(table: "directus_presets", alias: "t", filter: .compare(.in, .column(table: "t", name: "role", type: .uuid), .list(keys, type: .uuid))), in: transaction)
            try database.update(Update(table: "directus_users", alias: "t", set: [("status", .value("suspended", type: .string)), ("role", .value(.null, type: .uuid))],
                                       filter: .compare(.in, .column(table: "t", name: "role", type: .uuid), .list(keys, type: .uuid))), in: transaction)
            try nullify("directus_roles", "parent", in: keys, type: .uuid)
        default: break
        }
    }

    /// After a delete of users, roles, policies or access rows: an admin must remain.
    func systemDeleteEffects(_ collection: CollectionInfo) throws {
        if ["directus_users", "directus_roles", "directus_policies", "directus_access"].contains(collection.name) {
            try ensureAdminRemains()
        }
    }

    // MARK: Pieces

    private func nullify(_ table: String, _ column: String, in keys: [JSON], type: FieldType) throws {
        try database.update(Update(table: table, alias: "t", set: [(column, .value(.null, type: type))],
                                   filter: .compare(.in, .column(table: "t", name: column, type: type), .list(keys, type: type))), in: transaction)
    }

    private func deleteSessions(users keys: [JSON], except session: String?) throws {
        var filter: Expr = .compare(.in, .column(table: "t", name: "user", type: .uuid), .list(keys, type: .uuid))
        if let session { filter = .and([filter, .compare(.neq, .column(table: "t", name: "token", type: .string), .value(.string(session), type: .string))]) }
        try database.delete(Delete(table: "directus_sessions", alias: "t", filter: filter), in: transaction)
    }

    private func validateEmail(_ value: JSON) throws {
        guard let email = value.stringValue, EmailAddress.isValid(email) else {
            throw APIError(code: "FAILED_VALIDATION", status: 400, message: "Validation failed for field \"email\". Value has to be a valid email address.",
                           extensions: ["field": "email", "path": [], "type": "email"])
        }
    }

    /// E-mails are unique ignoring case.
    private func requireUniqueEmail(_ email: String, excluding key: JSON?) throws {
        var terms: [Expr] = [.compare(.eq, .function(.lower, [.column(table: "u", name: "email", type: .string)]), .value(.string(email.lowercased()), type: .string))]
        if let key { terms.append(.compare(.neq, .column(table: "u", name: "id", type: .uuid), .value(key, type: .uuid))) }
        let select = Select(table: "directus_users", alias: "u", fields: [("id", .expr(.column(table: "u", name: "id", type: .uuid), type: .uuid))], filter: .and(terms), limit: 1)
        if !(try database.rows(select, in: transaction)).isEmpty {
            throw APIError(code: "RECORD_NOT_UNIQUE", status: 400, message: "Value for field \"email\" in collection \"directus_users\" has to be unique.",
                           extensions: ["collection": "directus_users", "field": "email", "value": .string(email)])
        }
    }

    /// `directus_settings.auth_password_policy`, a JavaScript regular expression (optionally `/…/`-wrapped).
    private func checkPasswordPolicy(_ password: String) throws {
        guard let row = try database.rows(of: SystemTables.settings, columns: ["auth_password_policy"], limit: 1, in: transaction).first,
              let pattern = row["auth_password_policy"]?.stringValue, !pattern.isEmpty else { return }
        let body = pattern.count > 1 && pattern.hasPrefix("/") && pattern.hasSuffix("/") ? String(pattern.dropFirst().dropLast()) : pattern
        guard let regex = try? NSRegularExpression(pattern: body) else { return }
        if regex.firstMatch(in: password, range: NSRange(password.startIndex..., in: password)) == nil {
            throw APIError(code: "FAILED_VALIDATION", status: 400, message: "Validation failed for field \"password\". Value doesn't have the correct format.",
                           extensions: ["field": "password", "path": [], "type": "regex"])
        }
    }

    /// `ip_access`: null, empty, or IPs, ranges (a-b) and CIDR blocks.
    private func validateIPAccess(_ value: JSON) throws {
        var entries: [String] = []
        switch value {
        case .null: return
        case .string(let text): entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let items): entries = items.map { $0.stringValue ?? $0.description }
        default: break
        }
        for entry in entries where !entry.isEmpty && !IPRange.isValidEntry(entry) {
            throw APIError.invalidPayload("IP Access contains an incorrect value. Valid values are: IP addresses, IP ranges and CIDR blocks")
        }
    }

    private func roleAncestors(_ role: String) throws -> [String] {
        var chain: [String] = []
        var next: String? = role
        while let current = next, !chain.contains(current) {
            chain.append(current)
            next = try database.rows(of: SystemTables.roles, columns: ["parent"], where: ["id": .string(current)], in: transaction).first?["parent"]?.stringValue
        }
        return chain
    }

    /// Refuses a change that leaves no active user with admin access (own policy or through the role chain).
    func ensureAdminRemains() throws {
        let adminPolicies = try database.rows(of: SystemTables.policies, columns: ["id"], where: ["admin_access": true], in: transaction).compactMap { $0["id"] }
        guard !adminPolicies.isEmpty else { throw Self.adminLossError }
        let access = try database.rows(Select(table: "directus_access", alias: "a",
                                              fields: [("role", .expr(.column(table: "a", name: "role", type: .uuid), type: .uuid)),
                                                       ("user", .expr(.column(table: "a", name: "user", type: .uuid), type: .uuid))],
                                              filter: .compare(.in, .column(table: "a", name: "policy", type: .uuid), .list(adminPolicies, type: .uuid))), in: transaction)
        var adminRoles = Set(access.compactMap { $0["role"]?.stringValue })
        let adminUsers = access.compactMap { $0["user"]?.stringValue }
        // Roles inherit their parents' policies.
        let roles = try database.rows(of: SystemTables.roles, columns: ["id", "parent"], in: transaction)
        var grew = true
        while grew {
            grew = false
            for role in roles {
                if let id = role["id"]?.stringValue, let parent = role["parent"]?.stringValue, adminRoles.contains(parent), adminRoles.insert(id).inserted { grew = true }
            }
        }
        var holders: [Expr] = []
        if !adminUsers.isEmpty { holders.append(.compare(.in, .column(table: "u", name: "id", type: .uuid), .list(adminUsers.map(JSON.string), type: .uuid))) }
        if !adminRoles.isEmpty { holders.append(.compare(.in, .column(table: "u", name: "role", type: .uuid), .list(adminRoles.map(JSON.string), type: .uuid))) }
        guard !holders.isEmpty else { throw Self.adminLossError }
        let select = Select(table: "directus_users", alias: "u", fields: [("id", .expr(.column(table: "u", name: "id", type: .uuid), type: .uuid))],
                            filter: .and([.compare(.eq, .column(table: "u", name: "status", type: .string), .value("active", type: .string)),
                                          holders.count == 1 ? holders[0] : .or(holders)]), limit: 1)
        if try database.rows(select, in: transaction).isEmpty { throw Self.adminLossError }
    }
}

/// Joi-like e-mail address check (local@domain.tld), shared by the users service and login validation.
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, !parts[0].contains(where: { $0.isWhitespace || $0 == "," }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
