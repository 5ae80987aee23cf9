import NIOPosix

/// The dedicated thread pool for blocking work: plugin callbacks flagged
/// PLINTH_FLAG_MAY_BLOCK, database calls, action hooks.
///
/// Never run blocking work on the HTTP event loop or Swift's cooperative
/// pool: measured, it collapses throughput by two orders of magnitude.
public final class BlockingPool: @unchecked Sendable {
    private let pool: NIOThreadPool
    /// Number of threads.
    public let size: Int

    /// Starts a pool of `threads` threads.
    public init(threads: Int) {
        size = threads
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Runs `body` on a pool thread and returns its result.
    public func run<T>(_ body: @escaping () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    /// Queues `body` on a pool thread without waiting for it.
    public func submit(_ body: @escaping () -> Void) {
        pool.submit { state in
            if case .active = state { body() }
        }
    }

    /// Stops accepting work and waits for running work to finish.
    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
