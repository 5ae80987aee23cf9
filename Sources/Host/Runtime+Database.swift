import Foundation
import Logging

/// Opening the database and bootstrapping it, for `start` and the CLI commands.
extension Runtime {
    /// A runtime for a one-shot CLI command: plugins loaded (the SQL drivers are plugins), no HTTP server.
    static func forCommand(env: Environment, settings: Settings) async throws -> Runtime {
        let runtime = Runtime(env: env, settings: settings, logger: Logger(label: "plinth"))
        do {
            try runtime.loadPlugins()
        } catch let refusal as LoadRefusal {
            throw ConfigError("EXTENSIONS_MUST_LOAD is true and a plugin failed to load: \(refusal.description)")
        }
        return runtime
    }

    /// Opens the configured database (on the blocking pool) and runs `body` with it.
    func withDatabase<T>(_ body: @escaping (Database) throws -> T) async throws -> T {
        let database = try await openDatabase()
        return try await pool.run { try body(database) }
    }

    /// Opens the configured database, once.
    func openDatabase() async throws -> Database {
        if let database { return database }
        let settings = try DatabaseSettings(env, dataPath: self.settings.dataPath)
        let opened = try await pool.run { [registry] in try Database.open(settings, registry: registry) }
        database = opened
        try configureAuthentication(opened)
        return opened
    }

    private func configureAuthentication(_ database: Database) throws {
        let header = env.string("IP_CUSTOM_HEADER").flatMap { $0.isEmpty || $0 == "false" ? nil : $0.lowercased() }
        authentication = RequestAuthentication(
            jwt: JWT(secret: settings.secret),
            resolver: AccessResolver(database: database),
            bus: bus,
            sessionCookie: env.string("SESSION_COOKIE_NAME", default: "directus_session_token"),
            trustProxy: try env.bool("IP_TRUST_PROXY", default: false),
            ipHeader: header
        )
    }

    /// Opens and bootstraps the database if needed, then loads the schema into a new engine.
    func startEngine() async throws -> Engine {
        if let engine { return engine }
        let database = try await openDatabase()
        let outcome = try await pool.run { [env, logger] in try Bootstrap(database: database, env: env, logger: logger).run() }
        Runtime.report(outcome, logger: logger)
        let resolver = authentication!.resolver
        let started = try await pool.run { [env, logger] in try Engine(database: database, env: env, logger: logger, access: resolver, bus: self.bus) }
        engine = started
        let config = try AuthConfig(env, publicURL: settings.publicURL)
        auth = try AuthService(engine: started, config: config, jwt: JWT(secret: settings.secret),
                           providers: try AuthProviders(config: config, registry: registry))
        return started
    }

    /// Logs what a bootstrap did; a generated admin password is printed once, here.
    static func report(_ outcome: Bootstrap.Outcome, logger: Logger) {
        switch outcome {
        case .installed(let email, let generated):
            logger.info("Database installed")
            if let email, let generated {
                logger.notice("Created the first admin user: \(email) with password \(generated) — it is shown only this once; change it after logging in.")
            } else if let email {
                logger.info("Created the first admin user \(email)")
            }
        case .migrated(let applied):
            if !applied.isEmpty { logger.info("Applied \(applied.count) migration(s)") }
        }
    }
}
