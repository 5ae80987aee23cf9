import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The dedicated thread pool for blocking work: plugin callbacks flagged
/// PLINTH_FLAG_MAY_BLOCK, database calls, action hooks.
///
/// Never run blocking work on the HTTP event loop or Swift's cooperative
/// pool: measured, it collapses throughput by two orders of magnitude.
///
/// One thread that runs out of work watches the queue for a short while
/// (yielding the CPU between looks) before it sleeps, and a submitter wakes a
/// sleeping thread only when no thread is watching: under a steady stream of
/// short calls (reads of an embedded database) work is taken without a
/// wake-up, which costs a system call on each side and a context switch.
public final class BlockingPool: @unchecked Sendable {
    /// Number of threads.
    public let size: Int

    private let lock = NSCondition()
    private var queue: [Work] = []
    private var head = 0
    private var sleeping = 0
    private var active = true
    private var running: Int
    private let finished = NSCondition()
    /// Queued work not yet taken, and threads watching the queue, read without the lock.
    private let pending = Atomic<Int>(0)
    private let watching = Atomic<Int>(0)

    /// How long the watching thread looks at the queue before it sleeps; 0: threads sleep at once.
    private let watchNanoseconds: UInt64

    private struct Work {
        /// Runs the work; `false` when the pool stopped before it ran.
        let body: (Bool) -> Void
    }

    /// Starts a pool of `threads` threads; an idle one watches for work for `watch` microseconds
    /// before it sleeps (`PLUGIN_THREADS_WATCH`).
    public init(threads: Int, watch: Int = 0) {
        size = max(1, threads)
        watchNanoseconds = UInt64(max(0, watch)) * 1000
        running = size
        for index in 0..<size {
            Thread { [self] in
                BlockingPool.nameThread("TP-#\(index)")
                work()
            }.start()
        }
    }

    /// Names the calling thread (as NIO named its pool's threads, for `top -H` and perf): a Linux
    /// thread otherwise keeps its creator's name. `pthread_setname_np` is a GNU extension the
    /// Glibc module does not declare, so it is looked up.
    private static func nameThread(_ name: String) {
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np") else { return }
        _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), name)
    }

    /// Runs `body` on a pool thread and returns its result.
    public func run<T>(_ body: @escaping () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            enqueue(Work { active in
                guard active else { return continuation.resume(throwing: PoolStopped()) }
                continuation.resume(with: Result { try body() })
            })
        }
    }

    /// Queues `body` on a pool thread without waiting for it.
    public func submit(_ body: @escaping () -> Void) {
        enqueue(Work { active in if active { body() } })
    }

    /// Stops accepting work and waits for running work to finish; queued work is dropped
    /// (`run` throws for it).
    public func shutdown() async {
        stopAccepting()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                self.finished.lock()
                while self.running > 0 { self.finished.wait() }
                self.finished.unlock()
                continuation.resume()
            }.start()
        }
    }

    private func stopAccepting() {
        lock.lock()
        active = false
        lock.broadcast()
        lock.unlock()
    }

    /// Whether the pool still takes work (false once `shutdown` began).
    var isAccepting: Bool {
        lock.lock()
        defer { lock.unlock() }
        return active
    }

    /// The pool has stopped.
    public struct PoolStopped: Error, CustomStringConvertible {
        public var description: String { "the blocking pool has stopped" }
    }

    private func enqueue(_ work: Work) {
        lock.lock()
        guard active else {
            lock.unlock()
            work.body(false)
            return
        }
        queue.append(work)
        pending.add(1, ordering: .releasing)
        // A watching thread takes it; otherwise wake a sleeping one — after unlocking, so that
        // it does not wake only to wait for the lock.
        let wake = sleeping > 0 && watching.load(ordering: .acquiring) == 0
        lock.unlock()
        if wake { lock.signal() }
    }

    /// Takes the next work item; the lock is held.
    private func take() -> Work? {
        guard head < queue.count else { return nil }
        let work = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 {
            queue.removeFirst(head)
            head = 0
        }
        pending.subtract(1, ordering: .relaxed)
        return work
    }

    private func work() {
        while true {
            lock.lock()
            var next = take()
            while next == nil, active {
                lock.unlock()
                if watch() {
                    lock.lock()
                    next = take()
                    continue
                }
                lock.lock()
                next = take()
                guard next == nil, active else { break }
                sleeping += 1
                lock.wait()
                sleeping -= 1
                next = take()
            }
            let stopping = !active
            lock.unlock()
            if let next {
                next.body(!stopping)
                continue
            }
            // Stopped: drop what is left, then leave.
            lock.lock()
            let left = Array(queue[head...])
            queue = []
            head = 0
            lock.unlock()
            for work in left { work.body(false) }
            finished.lock()
            running -= 1
            finished.broadcast()
            finished.unlock()
            return
        }
    }

    /// Watches the queue for a short while, if no other thread does; true when work arrived.
    private func watch() -> Bool {
        guard watchNanoseconds > 0, watching.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return false }
        defer { watching.store(0, ordering: .releasing) }
        let start = DispatchTime.now().uptimeNanoseconds
        while true {
            if pending.load(ordering: .acquiring) > 0 { return true }
            if DispatchTime.now().uptimeNanoseconds - start > watchNanoseconds { return false }
            sched_yield()
        }
    }
}
