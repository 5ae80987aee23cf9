import Foundation
import PlinthJSON
import PluginKit

/// Finds, registers and updates the `directus_users` row of an identity, as Directus's oauth2/openid drivers do.
///
/// Users are matched on `external_identifier` (case-insensitively). The
/// engine's items services do the writes with full access (no context),
/// so activity, revisions and hooks happen as for any write; `auth.create`
/// and `auth.update` filters may reshape the payload first.
struct UserDirectory {
    let options: ProviderOptions
    let host: PluginHost

    /// The identity at the provider and the user fields it maps to.
    struct Identity {
        let identifier: String
        let email: String?
        let firstName: String?
        let lastName: String?
        let role: String?
        let emailVerified: Bool
        /// The profile flattened to dot paths, as hooks see it.
        let flat: JSONObject
    }

    /// Reads the identity out of a profile (id_token claims merged with userinfo, or the oauth2 profile).
    func identity(from profile: JSONObject) throws -> Identity {
        var role = options.defaultRoleID
        let groups = Self.groups(profile[options.groupClaimName])
        if let mapping = options.roleMapping, !groups.isEmpty, let match = mapping.first(where: { groups.contains($0.group) }) {
            role = match.role
        } else if let mapping = options.roleMapping, !mapping.isEmpty, groups.isEmpty {
            host.log(.debug, "[\(options.name)] the group claim \"\(options.groupClaimName)\" does not exist or is empty")
        }
        let flat = Self.flatten(profile)
        let email = flat[options.emailKey].flatMap(Self.text)
        guard let identifier = options.identifierKey.flatMap({ flat[$0] }).flatMap(Self.text) ?? email else {
            host.log(.warn, "[\(options.name)] no user identifier in the profile (\(options.identifierKey ?? options.emailKey))")
            throw SSOError.invalidCredentials()
        }
        return Identity(identifier: identifier, email: email,
                        firstName: options.firstNameKey.flatMap { flat[$0] }.flatMap(Self.text),
                        lastName: options.lastNameKey.flatMap { flat[$0] }.flatMap(Self.text),
                        role: role, emailVerified: flat["email_verified"].map(Self.truthy) ?? false, flat: flat)
    }

    /// The user id for `identity`: the existing user, updated, or a new one when public registration allows it.
    func resolve(_ identity: Identity, tokens: TokenSet) throws -> String {
        let authData: JSON? = tokens.refreshToken.map { .object(["refreshToken": .string($0)]) }
        let meta: JSON = [
            "identifier": .string(identity.identifier), "provider": .string(options.name),
            "providerPayload": ["accessToken": .string(tokens.accessToken), "idToken": tokens.idToken.map(JSON.string) ?? .null,
                                "userInfo": .object(identity.flat)],
        ]
        if let user = try find(identity.identifier) {
            let id = user["id"]?.stringValue ?? ""
            // A user of another provider is not ours to update; the host refuses the login either way.
            guard user["provider"]?.stringValue == options.name else { return id }
            var changes = JSONObject()
            changes["auth_data"] = authData
            if options.roleMapping != nil { changes["role"] = identity.role.map(JSON.string) }
            if options.syncUserInfo {
                changes["first_name"] = identity.firstName.map(JSON.string)
                changes["last_name"] = identity.lastName.map(JSON.string)
                changes["email"] = identity.email.map(JSON.string)
            }
            let filtered = try filter("auth.update", .object(changes), meta: meta)
            if let object = filtered.objectValue, !object.isEmpty {
                _ = try call("items.update/1", ["collection": "directus_users", "system": true, "id": .string(id), "data": filtered])
            }
            return id
        }
        guard options.allowPublicRegistration, !options.requireVerifiedEmail || identity.emailVerified else {
            host.log(.warn, "[\(options.name)] user \(identity.identifier) doesn't exist, and public registration is not allowed")
            throw SSOError.invalidCredentials()
        }
        var payload: JSONObject = ["provider": .string(options.name)]
        payload["first_name"] = identity.firstName.map(JSON.string)
        payload["last_name"] = identity.lastName.map(JSON.string)
        payload["email"] = identity.email.map(JSON.string)
        payload["external_identifier"] = .string(identity.identifier)
        payload["role"] = identity.role.map(JSON.string)
        payload["auth_data"] = authData
        let filtered = try filter("auth.create", .object(payload), meta: meta)
        do {
            _ = try call("items.create/1", ["collection": "directus_users", "system": true, "data": filtered])
        } catch where SSOError.code(of: error) == "RECORD_NOT_UNIQUE" {
            host.log(.warn, "[\(options.name)] failed to register user \(identity.identifier): not unique")
            throw SSOError.invalidProvider()
        }
        guard let id = try find(identity.identifier)?["id"]?.stringValue else { throw SSOError.invalidCredentials() }
        return id
    }

    /// The user whose `external_identifier` equals `identifier`, ignoring case.
    func find(_ identifier: String) throws -> JSONObject? {
        let query: JSON = ["filter": ["external_identifier": ["_icontains": .string(identifier)]],
                           "fields": ["id", "provider", "status", "auth_data", "external_identifier"], "limit": -1]
        let rows = try call("items.read/1", ["collection": "directus_users", "system": true, "query": query])["data"]?.arrayValue ?? []
        let wanted = identifier.lowercased()
        return rows.compactMap(\.objectValue).first { $0["external_identifier"]?.stringValue?.lowercased() == wanted }
    }

    /// Reads one user's login state.
    func user(_ id: String) throws -> JSONObject? {
        let query: JSON = ["fields": ["id", "provider", "status", "auth_data"]]
        return try call("items.read/1", ["collection": "directus_users", "system": true, "id": .string(id), "query": query])["data"]?.objectValue
    }

    /// Stores a new provider refresh token on the user.
    func storeRefreshToken(_ token: String, user id: String) throws {
        _ = try call("items.update/1", ["collection": "directus_users", "system": true, "id": .string(id),
                                        "data": ["auth_data": ["refreshToken": .string(token)]]])
    }

    private func call(_ service: String, _ args: JSON) throws -> JSON {
        try JSON.parse(host.call(service, args: args.encodedString()))
    }

    private func filter(_ event: String, _ payload: JSON, meta: JSON) throws -> JSON {
        try JSON.parse(host.emitFilter(event, payload: payload.encodedString(), meta: meta.encodedString()))
    }

    // MARK: Profile values

    /// Directus's `toArray`: a comma-separated string, an array, or one value.
    static func groups(_ claim: JSON?) -> [String] {
        switch claim {
        case nil, .null?: return []
        case .string(let text)?: return text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        case .array(let items)?: return items.compactMap(\.stringValue)
        case let other?: return other.stringValue.map { [$0] } ?? []
        }
    }

    /// The profile with nested objects and arrays turned into dot paths (`data.username`, `groups.0`).
    static func flatten(_ object: JSONObject) -> JSONObject {
        var out = JSONObject()
        func visit(_ value: JSON, _ path: String) {
            switch value {
            case .object(let members) where !members.isEmpty:
                for (key, child) in members { visit(child, path.isEmpty ? key : "\(path).\(key)") }
            case .array(let items) where !items.isEmpty:
                for (index, child) in items.enumerated() { visit(child, "\(path).\(index)") }
            default:
                out[path] = value
            }
        }
        for (key, value) in object { visit(value, key) }
        return out
    }

    /// A profile value as user-field text, when JavaScript would find it truthy.
    static func text(_ value: JSON) -> String? {
        switch value {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let text): return Double(text) == 0 ? nil : text
        case .bool(let flag): return flag ? "true" : nil
        default: return nil
        }
    }

    static func truthy(_ value: JSON) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .number(let text): return Double(text) != 0
        default: return true
        }
    }
}
