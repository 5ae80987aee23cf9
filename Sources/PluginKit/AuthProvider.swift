import PlinthJSON
import PluginABI

/// An auth provider driver (`plinth/auth.h`): one instance per configured provider name.
///
/// The host proves nothing itself for SSO: a driver tells who the caller is
/// (a `directus_users` id) and the host checks status, TFA and policies and
/// issues the tokens. Every callback may block (it runs on the host's
/// blocking pool), so a driver may call `host.call` and do network I/O.
/// Throw `PluginError` (e.g. `.directus(code: "INVALID_CREDENTIALS", …)`)
/// to refuse; the host maps it to the Directus error envelope.
public protocol AuthProviderDriver: AnyObject {
    /// Opens the provider `name` with its `AUTH_<NAME>_*` options (keys lower-cased, prefix removed).
    init(name: String, options: [String: String], host: PluginHost) throws
    /// Credential login (`POST /auth/login/<name>`): `{"payload","ip","user_agent"}` → `{"user": id}`.
    func login(_ request: JSON, context: Context) throws -> JSON
    /// Starts a redirect login: `{"redirect","callback_url","query"}` → `{"location","cookies":[…]}`.
    func authorize(_ request: JSON) throws -> JSON
    /// Finishes a redirect login: `{"query","body","cookies","callback_url"}` → `{"user","redirect"}`.
    func callback(_ request: JSON, context: Context) throws -> JSON
}

extension AuthProviderDriver {
    public func login(_ request: JSON, context: Context) throws -> JSON {
        throw PluginError(PLINTH_ERR_UNSUPPORTED, "this provider logs in by redirect")
    }

    public func authorize(_ request: JSON) throws -> JSON {
        throw PluginError(PLINTH_ERR_UNSUPPORTED, "this provider logs in with credentials")
    }

    public func callback(_ request: JSON, context: Context) throws -> JSON {
        throw PluginError(PLINTH_ERR_UNSUPPORTED, "this provider logs in with credentials")
    }
}

/// The type-erased factory the trampolines reach through the table's `ctx`.
private final class AuthDriverFactory {
    let host: PluginHost
    let make: (String, [String: String], PluginHost) throws -> AnyObject

    init(host: PluginHost, make: @escaping (String, [String: String], PluginHost) throws -> AnyObject) {
        self.host = host
        self.make = make
    }
}

extension PluginHost {
    /// Registers `type` as the auth driver `driver` (the `AUTH_<NAME>_DRIVER` value it serves).
    public func authProvider<Driver: AuthProviderDriver>(_ driver: String, _ type: Driver.Type) throws {
        let factory = AuthDriverFactory(host: self) { name, options, host in try Driver(name: name, options: options, host: host) }
        try register(PLINTH_CAP_AUTH_PROVIDER, plinth_auth_provider_v1(
            struct_size: UInt32(MemoryLayout<plinth_auth_provider_v1>.size),
            flags: PLINTH_FLAG_MAY_BLOCK,
            driver: Bytes.permanent(driver),
            ctx: Unmanaged.passRetained(factory).toOpaque(),
            open: authOpen, close: authClose,
            login: { _, provider, context, request, out, error in
                authCall(provider, request, out, error) { driver, json in try driver.login(json, context: Context(handle: context)) }
            },
            authorize: { _, provider, request, out, error in
                authCall(provider, request, out, error) { driver, json in try driver.authorize(json) }
            },
            callback: { _, provider, context, request, out, error in
                authCall(provider, request, out, error) { driver, json in try driver.callback(json, context: Context(handle: context)) }
            }
        ))
    }
}

private let authOpen: @convention(c) (UnsafeMutableRawPointer?, plinth_str, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<plinth_buffer>?) -> plinth_status = { ctx, options, out, errorOut in
    let factory = Unmanaged<AuthDriverFactory>.fromOpaque(ctx!).takeUnretainedValue()
    do {
        let json = try JSON.parse(Bytes.array(options))
        var values: [String: String] = [:]
        for (key, value) in json["options"]?.objectValue ?? [:] { values[key] = value.stringValue ?? value.description }
        let driver = try factory.make(json["name"]?.stringValue ?? "", values, factory.host)
        out?.pointee = Unmanaged.passRetained(driver).toOpaque()
        return PLINTH_OK
    } catch let failure as PluginError where failure.status != PLINTH_ERR_FAILED {
        return PluginError.report(failure, into: errorOut)
    } catch {
        return PluginError.report(PluginError(PLINTH_ERR_INVALID, "\(error)"), into: errorOut)
    }
}

private let authClose: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, provider in
    if let provider { Unmanaged<AnyObject>.fromOpaque(provider).release() }
}

private func authCall(_ provider: UnsafeMutableRawPointer?, _ request: plinth_str, _ out: UnsafeMutablePointer<plinth_buffer>?,
                      _ errorOut: UnsafeMutablePointer<plinth_buffer>?, _ body: (any AuthProviderDriver, JSON) throws -> JSON) -> plinth_status {
    guard let provider, let driver = Unmanaged<AnyObject>.fromOpaque(provider).takeUnretainedValue() as? any AuthProviderDriver else {
        return PluginError.report(PluginError(PLINTH_ERR_INVALID, "unknown provider handle"), into: errorOut)
    }
    do {
        let result = try body(driver, try JSON.parse(Bytes.array(request)))
        out?.pointee = Bytes.buffer(result.encoded())
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: errorOut)
    }
}
