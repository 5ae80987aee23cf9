import Foundation
import PlinthJSON

/// One provider's `AUTH_<NAME>_*` options, read and checked when the provider opens.
///
/// Keys arrive lower-cased without the prefix (`AUTH_GITHUB_CLIENT_ID` → `client_id`);
/// names in messages are the variables the operator wrote.
struct ProviderOptions {
    enum Driver: String {
        case openid, oauth2
    }

    let name: String
    let driver: Driver
    let clientID: String
    let clientSecret: String
    let scope: String
    /// The profile key (dot path) naming the user at the provider; unset means the e-mail (oauth2 default).
    let identifierKey: String?
    let emailKey: String
    let firstNameKey: String?
    let lastNameKey: String?
    let allowPublicRegistration: Bool
    let requireVerifiedEmail: Bool
    let defaultRoleID: String?
    let syncUserInfo: Bool
    /// Group → role, in the order written; nil when ROLE_MAPPING is unset.
    let roleMapping: [(group: String, role: String)]?
    let groupClaimName: String
    /// Extra authorization request parameters (PARAMS); they may override scope, access_type and prompt.
    let params: [(String, String)]
    let plainCodeChallenge: Bool
    /// `client_secret_basic` (default) or `client_secret_post`.
    let tokenEndpointAuthMethod: String
    /// The algorithm id_tokens must be signed with.
    let idTokenAlgorithm: String
    /// Seconds each request to the identity provider may take.
    let timeout: TimeInterval
    // openid
    let issuerURL: URL?
    let discoveryMustSucceed: Bool
    // oauth2
    let authorizeURL: URL?
    let accessURL: URL?
    let profileURL: URL?

    static let algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]

    init(name: String, driver: Driver, options: [String: String]) throws {
        let prefix = "AUTH_\(name.uppercased())_"
        func variable(_ key: String) -> String { prefix + key.uppercased() }
        func value(_ key: String) -> String? {
            guard let text = options[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func required(_ key: String) throws -> String {
            guard let text = value(key) else {
                throw SSOError.config("\(variable(key)) is required for an \(driver.rawValue) provider.")
            }
            return text
        }
        func url(_ key: String) throws -> URL {
            let text = try required(key)
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw SSOError.config("\(variable(key)) must be an http(s) URL, found \"\(text)\".")
            }
            return url
        }
        func bool(_ key: String, _ fallback: Bool) throws -> Bool {
            guard let text = value(key)?.lowercased() else { return fallback }
            switch text {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw SSOError.config("\(variable(key)) must be true or false, found \"\(text)\".")
            }
        }

        self.name = name
        self.driver = driver
        clientID = try required("client_id")
        let method = value("client_token_endpoint_auth_method")?.lowercased() ?? "client_secret_basic"
        guard ["client_secret_basic", "client_secret_post"].contains(method) else {
            throw SSOError.config("\(variable("client_token_endpoint_auth_method")) must be client_secret_basic or client_secret_post, found \"\(method)\" (private_key_jwt is not supported).")
        }
        tokenEndpointAuthMethod = method
        clientSecret = try required("client_secret")
        let algorithm = value("client_id_token_signed_response_alg")?.uppercased() ?? "RS256"
        guard Self.algorithms.contains(algorithm) else {
            throw SSOError.config("\(variable("client_id_token_signed_response_alg")) must be one of \(Self.algorithms.joined(separator: ", ")), found \"\(algorithm)\".")
        }
        idTokenAlgorithm = algorithm
        let milliseconds = value("client_http_timeout") ?? "3500"
        guard let timeoutMilliseconds = Double(milliseconds), timeoutMilliseconds > 0 else {
            throw SSOError.config("\(variable("client_http_timeout")) must be a number of milliseconds, found \"\(milliseconds)\".")
        }
        timeout = timeoutMilliseconds / 1000

        switch driver {
        case .openid:
            issuerURL = try url("issuer_url")
            authorizeURL = nil
            accessURL = nil
            profileURL = nil
            scope = value("scope") ?? "openid profile email"
            identifierKey = value("identifier_key") ?? "sub"
            firstNameKey = value("first_name_key") ?? "given_name"
            lastNameKey = value("last_name_key") ?? "family_name"
        case .oauth2:
            issuerURL = nil
            authorizeURL = try url("authorize_url")
            accessURL = try url("access_url")
            profileURL = try url("profile_url")
            scope = value("scope") ?? "email"
            identifierKey = value("identifier_key")
            firstNameKey = value("first_name_key")
            lastNameKey = value("last_name_key")
        }
        discoveryMustSucceed = try bool("issuer_discovery_must_succeed", true)
        emailKey = value("email_key") ?? "email"
        allowPublicRegistration = try bool("allow_public_registration", false)
        requireVerifiedEmail = try bool("require_verified_email", false)
        defaultRoleID = value("default_role_id")
        syncUserInfo = try bool("sync_user_info", false)
        groupClaimName = value("group_claim_name") ?? "groups"
        plainCodeChallenge = try bool("plain_code_challenge", false)

        if let text = value("role_mapping") {
            guard let parsed = try? JSON.parse(Array(text.utf8)) else {
                throw SSOError.config("\(variable("role_mapping")) must be a JSON object of group → role id, e.g. json:{\"admins\":\"<role id>\"}; found \"\(text)\".")
            }
            guard let object = parsed.objectValue else {
                throw SSOError.config("\(variable("role_mapping")) must be a JSON object, found a \(parsed.kindName): declare it with the json: prefix.")
            }
            roleMapping = try object.map { group, role in
                guard let id = role.stringValue else {
                    throw SSOError.config("\(variable("role_mapping")): the role of group \"\(group)\" must be a role id string.")
                }
                return (group, id)
            }
        } else {
            roleMapping = nil
        }

        var params: [(String, String)] = []
        if let text = value("params") {
            guard let object = (try? JSON.parse(Array(text.utf8)))?.objectValue else {
                throw SSOError.config("\(variable("params")) must be a JSON object of authorization request parameters (json:{\"hd\":\"example.com\"}).")
            }
            for (key, value) in object where !value.isNull { params.append((key, value.stringValue ?? value.encodedString())) }
        }
        for (key, text) in options.sorted(by: { $0.key < $1.key }) where key.hasPrefix("params__") && key.count > "params__".count {
            params.append((String(key.dropFirst("params__".count)), text))
        }
        self.params = params
    }

    /// `AUTH_<NAME>_<KEY>`, for log and error messages.
    func variable(_ key: String) -> String { "AUTH_\(name.uppercased())_\(key.uppercased())" }
}
