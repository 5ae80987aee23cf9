import PluginABI

/// Every loaded plugin and what it registered, by kind.
///
/// Filled at startup only (plugins register from their `register`
/// callback), then read concurrently without locking.
public final class Registry: @unchecked Sendable {
    /// Loaded plugins in load order.
    public private(set) var plugins: [LoadedPlugin] = []
    let router = Router()
    let bus: EventBus
    private(set) var storageDrivers: [String: (plinth_storage_v1, LoadedPlugin)] = [:]
    private(set) var sqlDrivers: [String: (plinth_sql_driver_v1, LoadedPlugin)] = [:]
    private(set) var authProviders: [String: (plinth_auth_provider_v1, LoadedPlugin)] = [:]
    private(set) var operations: [String: (plinth_operation_v1, LoadedPlugin)] = [:]
    private(set) var transformers: [String: (plinth_transformer_v1, LoadedPlugin)] = [:]

    static let kindNames: [(bit: UInt32, name: String)] = [
        (PLINTH_KIND_ENDPOINT, "endpoint"), (PLINTH_KIND_HOOK, "hook"), (PLINTH_KIND_STORAGE, "storage"),
        (PLINTH_KIND_SQL_DRIVER, "sql-driver"), (PLINTH_KIND_AUTH_PROVIDER, "auth-provider"),
        (PLINTH_KIND_OPERATION, "operation"), (PLINTH_KIND_TRANSFORMER, "transformer"),
    ]

    init(bus: EventBus) {
        self.bus = bus
    }

    /// The plugin with `id`, if loaded.
    public func plugin(id: String) -> LoadedPlugin? {
        plugins.first { $0.id == id }
    }

    /// Checks a pending registration against what is already committed and
    /// against the plugin's other pending registrations.
    func conflict(for registration: Registration, pending: [Registration]) -> String? {
        if let name = registration.exclusiveName, pending.contains(where: { $0.exclusiveName == name }) {
            return "\(name) is registered twice by the same plugin"
        }
        switch registration {
        case .endpoint(let route):
            if router.contains(method: route.method, path: route.path) ||
                pending.contains(where: { if case .endpoint(let other) = $0 { return Router.samePattern(other, route) } else { return false } }) {
                return "route \(route.method) \(route.path) is already registered"
            }
        case .storage(_, let driver):
            if storageDrivers[driver] != nil { return "storage driver \"\(driver)\" is already registered" }
        case .sqlDriver(_, let clients):
            if let taken = clients.first(where: { sqlDrivers[$0] != nil }) { return "SQL driver for \"\(taken)\" is already registered" }
        case .authProvider(_, let driver):
            if authProviders[driver] != nil { return "auth provider driver \"\(driver)\" is already registered" }
        case .operation(_, let id):
            if operations[id] != nil { return "operation \"\(id)\" is already registered" }
        case .transformer(_, let name):
            if transformers[name] != nil { return "image transformer \"\(name)\" is already registered" }
        case .hook:
            return nil
        }
        return nil
    }

    /// Adds an accepted plugin and commits its pending registrations.
    func commit(_ plugin: LoadedPlugin) {
        plugins.append(plugin)
        for registration in plugin.pending {
            switch registration {
            case .endpoint(let route): router.add(route)
            case .hook(let hook): bus.add(hook)
            case .storage(let table, let driver): storageDrivers[driver] = (table, plugin)
            case .sqlDriver(let table, let clients): for client in clients { sqlDrivers[client] = (table, plugin) }
            case .authProvider(let table, let driver): authProviders[driver] = (table, plugin)
            case .operation(let table, let id): operations[id] = (table, plugin)
            case .transformer(let table, let name): transformers[name] = (table, plugin)
            }
        }
        plugin.pending = []
    }

    /// Removes a plugin and everything it registered (used when its `configure` or `start` fails).
    func withdraw(_ plugin: LoadedPlugin) {
        plugins.removeAll { $0 === plugin }
        router.remove { $0.plugin === plugin }
        bus.remove { $0.plugin === plugin }
        storageDrivers = storageDrivers.filter { $0.value.1 !== plugin }
        sqlDrivers = sqlDrivers.filter { $0.value.1 !== plugin }
        authProviders = authProviders.filter { $0.value.1 !== plugin }
        operations = operations.filter { $0.value.1 !== plugin }
        transformers = transformers.filter { $0.value.1 !== plugin }
    }
}
