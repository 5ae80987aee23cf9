import Foundation
import PlinthJSON
import PluginABI

/// The configured auth providers, each opened on the plugin that serves its driver.
///
/// `default` is always there (driver `local`); `AUTH_PROVIDERS` adds more.
/// A provider whose driver no loaded plugin serves is refused at start with
/// a message naming it.
final class AuthProviders: @unchecked Sendable {
    struct Opened {
        let config: AuthConfig.Provider
        let table: plinth_auth_provider_v1
        let handle: UnsafeMutableRawPointer?
    }

    private(set) var opened: [String: Opened] = [:]

    init(config: AuthConfig, registry: Registry) throws {
        for provider in config.providers {
            guard let (table, _) = registry.authProviders[provider.driver] else {
                let known = registry.authProviders.keys.sorted().joined(separator: ", ")
                throw ConfigError("No auth provider plugin serves driver \"\(provider.driver)\" (provider \"\(provider.name)\"; loaded drivers: \(known.isEmpty ? "none" : known)).")
            }
            var options = JSONObject()
            for (key, value) in provider.options.sorted(by: { $0.key < $1.key }) { options[key] = .string(value) }
            let request: JSON = ["v": 1, "name": .string(provider.name), "options": .object(options)]
            var handle: UnsafeMutableRawPointer?
            var error = plinth_buffer()
            let status = ABIText.withView(request.encoded()) { table.open(table.ctx, $0, &handle, &error) }
            let message = String(decoding: OwnedBuffer.take(error), as: UTF8.self)
            guard status == PLINTH_OK else {
                throw ConfigError("Auth provider \"\(provider.name)\" (driver \(provider.driver)) refused its configuration: \(message.isEmpty ? "status \(status)" : message)")
            }
            opened[provider.name] = Opened(config: provider, table: table, handle: handle)
        }
    }

    deinit {
        for provider in opened.values { provider.table.close?(provider.table.ctx, provider.handle) }
    }

    func provider(_ name: String) -> Opened? { opened[name] }

    /// Calls a provider's `login`; refusals become INVALID_CREDENTIALS unless the plugin gave a Directus error.
    func login(_ name: String, request: JSON, context: CallContext?) throws -> JSON {
        guard let provider = opened[name], let login = provider.table.login else { throw APIError.invalidProvider(name) }
        return try call(provider, request) { login(provider.table.ctx, provider.handle, context?.handle, $0, &$1, &$2) }
    }

    func authorize(_ name: String, request: JSON) throws -> JSON {
        guard let provider = opened[name], let authorize = provider.table.authorize else { throw APIError.invalidProvider(name) }
        return try call(provider, request) { authorize(provider.table.ctx, provider.handle, $0, &$1, &$2) }
    }

    func callback(_ name: String, request: JSON, context: CallContext?) throws -> JSON {
        guard let provider = opened[name], let callback = provider.table.callback else { throw APIError.invalidProvider(name) }
        return try call(provider, request) { callback(provider.table.ctx, provider.handle, context?.handle, $0, &$1, &$2) }
    }

    private func call(_ provider: Opened, _ request: JSON,
                      _ body: (plinth_str, inout plinth_buffer, inout plinth_buffer) -> plinth_status) throws -> JSON {
        var out = plinth_buffer()
        var error = plinth_buffer()
        let status = ABIText.withView(request.encoded()) { body($0, &out, &error) }
        let result = OwnedBuffer.take(out)
        let errorBytes = OwnedBuffer.take(error)
        guard status == PLINTH_OK else {
            if let object = (try? JSON.parse(errorBytes))?.objectValue, object["code"]?.stringValue != nil {
                throw APIError.fromPlugin(errorBytes, status: status)
            }
            switch status {
            case PLINTH_ERR_UNSUPPORTED: throw APIError.invalidProvider(provider.config.name)
            case PLINTH_ERR_FORBIDDEN, PLINTH_ERR_NOT_FOUND: throw APIError.invalidCredentials()
            case PLINTH_ERR_INVALID: throw APIError.invalidPayload(String(decoding: errorBytes, as: UTF8.self))
            case PLINTH_ERR_UNAVAILABLE: throw APIError.serviceUnavailable("auth provider \(provider.config.name)")
            default: throw APIError.invalidCredentials()
            }
        }
        return try JSON.parse(result)
    }
}
