import Foundation

/// The validated settings the host itself uses, read once at start.
///
/// Names and defaults follow Directus where Directus has the variable; the
/// embedded default keeps everything under `./data`.
public struct Settings: Sendable {
    public var host: String
    public var port: Int
    public var publicURL: String
    public var secret: String
    /// True when SECRET was not configured and a random one was generated.
    public var secretGenerated: Bool
    public var logLevel: String
    public var logStyle: String
    public var maxPayloadSize: Int
    public var extensionsPath: String
    public var extensionsMustLoad: Bool
    /// Folder holding the built-in plugins (`PLUGINS_PATH`).
    public var pluginsPath: String?
    /// Threads of the pool that runs blocking plugin calls (`PLUGIN_THREADS`).
    public var pluginThreads: Int
    /// Microseconds an idle blocking-pool thread watches for work before it sleeps (PLUGIN_THREADS_WATCH).
    public var pluginThreadsWatch: Int
    /// Threads of the pool for long-blocking routes such as logins (`PLUGIN_SLOW_THREADS`).
    public var pluginSlowThreads: Int
    /// The data folder of the embedded default.
    public var dataPath: String
    /// The per-IP and global request limiters (`RATE_LIMITER_*`).
    public var rateLimit: RateLimitSettings
    /// CORS headers and preflights (`CORS_*`).
    public var cors: CORSSettings
    /// The headers added to every response (`CONTENT_SECURITY_POLICY_*`, `HSTS_*`, …).
    public var securityHeaders: SecurityHeaderSettings

    /// Reads and validates the settings, naming the first bad variable.
    public init(_ env: Environment) throws {
        try env.requireReadable(["HOST", "PORT", "PUBLIC_URL", "SECRET", "KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "ADMIN_TOKEN",
                                 "DB_PASSWORD", "DB_CONNECTION_STRING", "DB_USER", "DB_HOST", "DB_DATABASE", "DB_FILENAME", "EMAIL_SMTP_PASSWORD"])
        host = env.string("HOST", default: "0.0.0.0")
        port = try env.int("PORT", default: 8055, in: 0...65535)
        publicURL = env.string("PUBLIC_URL", default: "/")
        if let secret = env.string("SECRET"), !secret.isEmpty {
            self.secret = secret
            secretGenerated = false
        } else {
            secret = Settings.randomSecret()
            secretGenerated = true
        }
        logLevel = try env.choice("LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], default: "info")
        logStyle = try env.choice("LOG_STYLE", ["pretty", "raw"], default: "pretty")
        maxPayloadSize = try env.bytes("MAX_PAYLOAD_SIZE", default: 1 << 20)
        dataPath = env.string("DATA_PATH", default: "./data")
        extensionsPath = env.string("EXTENSIONS_PATH", default: "./extensions")
        extensionsMustLoad = try env.bool("EXTENSIONS_MUST_LOAD", default: false)
        pluginsPath = env.string("PLUGINS_PATH").flatMap { $0.isEmpty ? nil : $0 }
        // A few threads per core: database calls wait briefly, and every extra runnable thread costs
        // context switches (bench/run items-pg on 2 cores: 6 threads served 13–35% more item reads than 16).
        pluginThreads = try env.int("PLUGIN_THREADS", default: max(6, ProcessInfo.processInfo.activeProcessorCount * 3), in: 1...1024)
        // Watching pays with an embedded database, whose calls are short and CPU-bound; with a
        // database server on the same cores the watching thread takes CPU from it.
        let embedded = DatabaseSettings.client(env) == "sqlite3"
        pluginThreadsWatch = try env.int("PLUGIN_THREADS_WATCH", default: embedded ? 30 : 0, in: 0...1000)
        pluginSlowThreads = try env.int("PLUGIN_SLOW_THREADS", default: max(4, ProcessInfo.processInfo.activeProcessorCount * 2), in: 1...1024)
        rateLimit = try RateLimitSettings(env)
        cors = try CORSSettings(env)
        securityHeaders = try SecurityHeaderSettings(env)
    }

    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
