import Foundation

/// Counts requests per key in fixed windows, as rate-limiter-flexible's memory limiter does for Directus.
///
/// The first request of a key opens a window of the configured duration;
/// every request in it consumes a point (refused ones too), and once more
/// than `points` were consumed the key is refused until the window ends.
/// Keys are spread over shards, each behind its own lock, so concurrent
/// clients rarely wait on one another; a shard drops its ended windows as
/// it is used, so memory follows the number of recent clients.
final class RateLimiter: @unchecked Sendable {
    let points: Int
    /// The window length in milliseconds; 0 means the window never ends.
    let window: Int64
    private let shards: [Shard]

    private final class Shard {
        let lock = NSLock()
        var counters: [String: Counter] = [:]
        var nextSweep: Int64 = 0
    }

    private struct Counter {
        var consumed: Int
        var endsAt: Int64
    }

    init(_ settings: RateLimitSettings.Window, shards: Int = 16) {
        points = settings.points
        window = settings.milliseconds
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
    }

    /// Consumes a point for `key`: nil when the request may go on, otherwise the milliseconds
    /// before the window ends (-1 for a window that never ends).
    func consume(_ key: String, now: Int64 = RateLimiter.now()) -> Int64? {
        let shard = shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if window > 0, now >= shard.nextSweep {
            shard.counters = shard.counters.filter { $0.value.endsAt > now }
            shard.nextSweep = now + max(window, 1000)
        }
        var counter = shard.counters[key] ?? Counter(consumed: 0, endsAt: window > 0 ? now + window : .max)
        if counter.endsAt <= now { counter = Counter(consumed: 0, endsAt: now + window) }
        counter.consumed += 1
        shard.counters[key] = counter
        guard counter.consumed > points else { return nil }
        return window > 0 ? counter.endsAt - now : -1
    }

    /// Milliseconds on a monotonic clock.
    static func now() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }
}
