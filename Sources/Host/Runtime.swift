import Foundation
import Hummingbird
import Logging
import NIOCore
import PlinthJSON
import PluginABI

/// One running Plinth host: configuration, plugins, event bus, pool, engine services and HTTP server.
public final class Runtime: @unchecked Sendable {
    public let env: Environment
    public let settings: Settings
    public let logger: Logger
    public let pool: BlockingPool
    /// Runs PLINTH_FLAG_LONG_BLOCK routes (PLUGIN_SLOW_THREADS), apart from everything else.
    public let slowPool: BlockingPool
    public let bus: EventBus
    public let registry: Registry
    public let services: ServiceRegistry
    /// Plugins refused at load, configure or start (already logged).
    public private(set) var refusals: [LoadRefusal] = []
    private(set) lazy var loader = PluginLoader(runtime: self)
    private(set) lazy var dispatcher = EndpointDispatcher(pool: pool, slowPool: slowPool, logger: logger, maxResponseSize: Int.max)
    private var scheduler: Scheduler?
    /// The platform database, once opened.
    var database: Database?
    /// Resolves request tokens once the database is open.
    var authentication: RequestAuthentication?
    /// The engine, once the database is open and bootstrapped.
    var engine: Engine?
    /// Logins, tokens and sessions, once the engine runs.
    var auth: AuthService?
    /// Identifies this process in health reports when KEY is unset.
    let serviceID = UUID().uuidString.lowercased()

    /// Creates a runtime; nothing is loaded or started yet.
    public init(env: Environment, settings: Settings, logger: Logger = Logger(label: "plinth")) {
        self.env = env
        self.settings = settings
        self.logger = logger
        pool = BlockingPool(threads: settings.pluginThreads, watch: settings.pluginThreadsWatch)
        slowPool = BlockingPool(threads: settings.pluginSlowThreads)
        bus = EventBus(pool: pool, logger: logger)
        registry = Registry(bus: bus)
        services = ServiceRegistry()
        CoreServices.register(in: self)
        SchemaServices.register(in: self)
        ItemServices.register(in: self)
        AuthServices.register(in: self)
        SSOServices.register(in: self)
        MeServices.register(in: self)
        PermissionServices.register(in: self)
        UserFlowServices.register(in: self)
        MailServices.register(in: self)
    }

    /// Loads every plugin, configures them all, then starts them all.
    ///
    /// Throws the first refusal when EXTENSIONS_MUST_LOAD is true; otherwise
    /// refused plugins are logged and skipped.
    public func loadPlugins() throws {
        refusals = loader.loadAll()
        for step in [configure, start] {
            for plugin in registry.plugins {
                if let refusal = step(plugin) {
                    registry.withdraw(plugin)
                    logger.error("\(refusal.description)")
                    refusals.append(refusal)
                }
            }
        }
        if settings.extensionsMustLoad, let first = refusals.first {
            throw first
        }
        bus.runInit("app.before")
    }

    private func configure(_ plugin: LoadedPlugin) -> LoadRefusal? {
        guard let configure = plugin.descriptor.configure else { return nil }
        let config: JSON = ["v": 1, "id": .string(plugin.id), "file": .string(plugin.path), "data_dir": .string(settings.dataPath)]
        var error = plinth_buffer()
        let status = ABIText.withView(config.encoded()) { configure(plugin.state, $0, &error) }
        return LoadRefusal.unless(status, "configure", plugin: plugin, message: OwnedBuffer.take(error))
    }

    private func start(_ plugin: LoadedPlugin) -> LoadRefusal? {
        if let start = plugin.descriptor.start {
            var error = plinth_buffer()
            let status = start(plugin.state, &error)
            if let refusal = LoadRefusal.unless(status, "start", plugin: plugin, message: OwnedBuffer.take(error)) { return refusal }
        }
        plugin.started = true
        return nil
    }

    /// Serves HTTP until SIGTERM/SIGINT (or task cancellation), then shuts down gracefully.
    ///
    /// `onRunning` receives the bound port once the server listens.
    public func serve(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        bus.runInit("routes.before")
        bus.runInit("routes.after")
        bus.runInit("app.after")
        let scheduler = Scheduler(bus: bus, logger: logger)
        self.scheduler = scheduler
        scheduler.start()
        let app = Application(
            responder: PlinthResponder(runtime: self),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? settings.port
                logger.info("Server started at http://\(settings.host):\(port)")
                bus.action("server.start", payload: Array("null".utf8), meta: Array("{}".utf8), context: nil)
                onRunning(port)
            },
            logger: Logger(label: "http")
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        await stop()
    }

    /// Stops the scheduler and plugins (in reverse load order) and drains the pool.
    public func stop() async {
        scheduler?.stop()
        bus.actionNow("server.stop")
        for plugin in registry.plugins.reversed() where plugin.started {
            plugin.descriptor.stop?(plugin.state)
            plugin.started = false
        }
        await slowPool.shutdown()
        await pool.shutdown()
        logger.info("Server stopped")
    }
}
