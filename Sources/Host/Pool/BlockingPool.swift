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
/// wake-up, which costs a system call on each side and a context switch. A
/// thread that takes work and leaves more queued wakes the next sleeper, so
/// work queued during one watch never waits behind another item.
public final class BlockingPool: @unchecked Sendable {
    /// Number of threads started.
    public private(set) var size = 0

    private let lock = NSCondition()
    /// Queued work from `head` on; taken slots are emptied at once, so nothing they captured
    /// outlives its run.
    private var queue: [Work?] = []
    private var head = 0
    private var sleeping = 0
    private var active = true
    /// Threads not yet exited, and `shutdown` callers waiting for none to be left; under `lock`.
    private var running = 0
    private var stopped: [CheckedContinuation<Void, Never>] = []
    /// Queued work not yet taken, and threads watching the queue, read without the lock.
    private let pending = Atomic<Int>(0)
    private let watching = Atomic<Int>(0)
    /// Set by `shutdown`, so that a watching thread stops watching.
    private let closing = Atomic<Bool>(false)

    /// How long the watching thread looks at the queue before it sleeps; 0: threads sleep at once.
    private let watchNanoseconds: UInt64

    private struct Work {
        /// Runs the work; `false` when the pool stopped before it ran.
        let body: (Bool) -> Void
    }

    /// Starts a pool of `threads` threads; an idle one watches for work for `watch` microseconds
    /// before it sleeps (`PLUGIN_THREADS_WATCH`). Stops the process when not one thread starts.
    public init(threads: Int, watch: Int = 0) {
        watchNanoseconds = UInt64(max(0, watch)) * 1000
        var started = 0
        for index in 0..<max(1, threads) {
            lock.lock()
            running += 1
            lock.unlock()
            if Self.startThread(name: "TP-#\(index)", { [self] in work() }) {
                started += 1
            } else {
                lock.lock()
                running -= 1
                lock.unlock()
            }
        }
        precondition(started > 0, "the blocking pool could not start any thread")
        size = started
    }

    /// Runs `body` on a pool thread and returns its result. Work whose task is cancelled before
    /// a thread takes it is not run (CancellationError), as with NIO's pool.
    public func run<T>(_ body: @escaping () throws -> T) async throws -> T {
        let cancelled = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                enqueue(Work { active in
                    guard active else { return continuation.resume(throwing: PoolStopped()) }
                    guard !cancelled.isSet else { return continuation.resume(throwing: CancellationError()) }
                    continuation.resume(with: Result { try body() })
                })
            }
        } onCancel: {
            cancelled.set()
        }
    }

    /// Queues `body` on a pool thread without waiting for it.
    public func submit(_ body: @escaping () -> Void) {
        enqueue(Work { active in if active { body() } })
    }

    /// Stops accepting work; work queued and not started is refused at once (`run` throws
    /// PoolStopped, `submit`ted bodies are dropped). Returns when running work has finished and
    /// every thread has left.
    public func shutdown() async {
        for work in stopAccepting() { work.body(false) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if running == 0 {
                lock.unlock()
                continuation.resume()
            } else {
                stopped.append(continuation)
                lock.unlock()
            }
        }
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

    /// Set when the task awaiting a `run` is cancelled.
    private final class CancelFlag: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .acquiring) }
        func set() { flag.store(true, ordering: .releasing) }
    }

    private func stopAccepting() -> [Work] {
        lock.lock()
        active = false
        closing.store(true, ordering: .releasing)
        let left = queue[head...].compactMap { $0 }
        queue = []
        head = 0
        pending.store(0, ordering: .relaxed)
        lock.broadcast()
        lock.unlock()
        return left
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
        queue[head] = nil
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: queue.count <= 1024)
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
                let arrived = watch()
                lock.lock()
                next = take()
                guard next == nil, active, !arrived else { continue }
                sleeping += 1
                lock.wait()
                sleeping -= 1
                next = take()
            }
            // More work queued than this thread takes (it arrived while one thread watched): pass
            // the wake-up on.
            let wakeAnother = next != nil && head < queue.count && sleeping > 0
            lock.unlock()
            if wakeAnother { lock.signal() }
            guard let next else { break }
            next.body(true)
        }
        // Stopped: the last thread out releases the shutdown callers.
        lock.lock()
        running -= 1
        let waiting = running == 0 ? stopped : []
        if running == 0 { stopped = [] }
        lock.unlock()
        for continuation in waiting { continuation.resume() }
    }

    /// Watches the queue for a short while, if no other thread does; true when work arrived.
    private func watch() -> Bool {
        guard watchNanoseconds > 0, watching.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return false }
        defer { watching.store(0, ordering: .releasing) }
        let start = DispatchTime.now().uptimeNanoseconds
        while true {
            if pending.load(ordering: .acquiring) > 0 { return true }
            if closing.load(ordering: .acquiring) { return false }
            if DispatchTime.now().uptimeNanoseconds - start > watchNanoseconds { return false }
            sched_yield()
        }
    }

    // MARK: Threads

    private final class Start {
        let name: String
        let body: () -> Void
        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Starts a detached thread running `body`; false when the system refuses one (NIO's pool
    /// stopped the process then; Foundation's Thread ignores the failure).
    private static func startThread(name: String, _ body: @escaping () -> Void) -> Bool {
        let start = Unmanaged.passRetained(Start(name: name, body: body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            let start = Unmanaged<Start>.fromOpaque(argument!).takeRetainedValue()
            BlockingPool.nameThread(start.name)
            start.body()
            return nil
        }, start.toOpaque())
        guard status == 0 else {
            start.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// Names the calling thread (as NIO named its pool's threads, for `top -H` and perf): a Linux
    /// thread otherwise keeps its creator's name. `pthread_setname_np(pthread_t, const char *)`
    /// is a GNU extension the Glibc module does not declare, so it is looked up (Linux only:
    /// Darwin's takes only a name).
    private static func nameThread(_ name: String) {
        #if os(Linux)
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np") else { return }
        _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), name)
        #endif
    }
}
