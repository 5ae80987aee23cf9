import Foundation

/// Directus's request rate limiters: one window per client IP and, optionally, one for all clients together.
///
/// Read from `RATE_LIMITER_*` and `RATE_LIMITER_GLOBAL_*`. The counters live
/// in this process's memory (`RATE_LIMITER_STORE=memory`), so behind a load
/// balancer each instance counts its own requests.
public struct RateLimitSettings: Sendable, Equatable {
    /// One limiter: `points` requests per `duration` seconds (0 seconds: the window never resets).
    public struct Window: Sendable, Equatable {
        public var points: Int
        public var duration: Double

        /// The window in milliseconds, 0 for "never resets".
        var milliseconds: Int64 { Int64((duration * 1000).rounded()) }
    }

    /// The per-IP limiter (`RATE_LIMITER_ENABLED`), or nil.
    public var ip: Window?
    /// The all-clients limiter (`RATE_LIMITER_GLOBAL_ENABLED`), or nil.
    public var global: Window?

    /// Reads and validates the limiters; refuses the combinations Directus refuses at start.
    public init(_ env: Environment) throws {
        if try env.bool("RATE_LIMITER_ENABLED", default: false) {
            let store = env.string("RATE_LIMITER_STORE", default: "memory").lowercased()
            guard store == "memory" else {
                throw ConfigError("RATE_LIMITER_STORE=\(store) is not supported: Plinth counts requests in memory, per instance. Set RATE_LIMITER_STORE=memory or leave it unset.")
            }
            ip = Window(points: try env.int("RATE_LIMITER_POINTS", default: 50, in: 1...Int(Int32.max)),
                        duration: try RateLimitSettings.seconds(env, "RATE_LIMITER_DURATION", default: 1))
        }
        if try env.bool("RATE_LIMITER_GLOBAL_ENABLED", default: false) {
            let global = Window(points: try env.int("RATE_LIMITER_GLOBAL_POINTS", default: 1000, in: 1...Int(Int32.max)),
                                duration: try RateLimitSettings.seconds(env, "RATE_LIMITER_GLOBAL_DURATION", default: 1))
            guard let ip else {
                throw ConfigError("The IP based rate limiter needs to be enabled when using the global rate limiter: set RATE_LIMITER_ENABLED=true.")
            }
            // Directus's start-up check, durations under a second counting as one.
            let globalRate = Double(global.points) / max(global.duration, 1)
            let ipRate = Double(ip.points) / max(ip.duration, 1)
            guard globalRate > ipRate else {
                throw ConfigError("The global rate limiter needs to allow more requests per second than the IP based rate limiter: raise RATE_LIMITER_GLOBAL_POINTS or lower RATE_LIMITER_POINTS.")
            }
            self.global = global
        }
    }

    /// A non-negative number of seconds (decimals allowed), as rate-limiter-flexible takes it.
    static func seconds(_ env: Environment, _ key: String, default fallback: Double) throws -> Double {
        guard let raw = env.string(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return fallback }
        guard let value = Double(raw), value >= 0, value.isFinite else {
            throw ConfigError.invalid(key, expected: "a number of seconds such as 1 or 60", found: raw)
        }
        return value
    }
}
