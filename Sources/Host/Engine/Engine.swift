import Foundation
import Logging
import PlinthJSON

/// The engine: the database, the current schema model and what every service shares.
///
/// The schema model is replaced (never mutated) after each schema change;
/// readers take the current one once per operation.
public final class Engine: @unchecked Sendable {
    public let database: Database
    public let env: Environment
    public let logger: Logger
    public let access: AccessResolver
    public let permissions: PermissionsEngine
    public let bus: EventBus
    public let limits: QueryLimits
    /// Sends email with the `EMAIL_*` transport; see `MailService` for Directus's templated system emails.
    public let mailer: Mailer
    let loader: SchemaLoader
    private let lock = NSLock()
    /// Held for a whole reload, so reloads finish in the order they started.
    private let reloading = NSLock()
    private var model: SchemaModel

    init(database: Database, env: Environment, logger: Logger, access: AccessResolver, bus: EventBus) throws {
        self.database = database
        self.env = env
        self.logger = logger
        self.access = access
        self.bus = bus
        permissions = PermissionsEngine(database: database)
        limits = try QueryLimits(env)
        mailer = Mailer(env: env, logger: logger)
        loader = SchemaLoader(database: database, logger: logger,
                              excludedTables: Set(env.list("DB_EXCLUDE_TABLES", default: ["spatial_ref_sys", "sysdiagrams"])))
        model = try loader.load()
    }

    /// The current schema.
    public var schema: SchemaModel {
        lock.withLock { model }
    }

    /// Reads the schema again (after a schema change, here or in another instance).
    ///
    /// Reloads run one at a time: two concurrent schema changes could otherwise finish their reads out
    /// of order, and the older model would replace the newer one (a new collection would answer 403).
    public func reloadSchema() throws {
        try reloading.withLock {
            let fresh = try loader.load()
            lock.withLock { model = fresh }
        }
    }

    /// Throws FORBIDDEN unless the caller is an admin (schema routes are admin-only).
    func requireAdmin(_ context: CallContext?) throws {
        guard context?.accountability.admin ?? true else { throw APIError.forbidden() }
    }
}
