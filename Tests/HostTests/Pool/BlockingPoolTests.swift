import Foundation
import Synchronization
import Testing
@testable import Host

/// The blocking pool: results and errors come back, work runs on the pool's threads and in
/// parallel, no submission is lost when threads sleep or watch, and a stopped pool refuses work.
@Suite struct BlockingPoolTests {
    struct Failure: Error, Equatable { let code: Int }

    @Test(arguments: [0, 30])
    func resultsAndErrorsComeBack(watch: Int) async throws {
        let pool = BlockingPool(threads: 3, watch: watch)
        #expect(try await pool.run { 6 * 7 } == 42)
        await #expect(throws: Failure(code: 7)) { try await pool.run { () throws -> Int in throw Failure(code: 7) } }
        // The pool's threads are named, as NIO's were (top -H, perf).
        let name = try await pool.run { try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8) }
        #expect(name.hasPrefix("TP-#"))
        await pool.shutdown()
    }

    /// Blocking work holds a thread each: as many run at once as the pool has threads.
    @Test(arguments: [0, 30])
    func blockingWorkRunsInParallelOnEveryThread(watch: Int) async throws {
        let pool = BlockingPool(threads: 4, watch: watch)
        let inside = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        _ = most.load(ordering: .relaxed)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.run {
                        let now = inside.add(1, ordering: .sequentiallyConsistent).newValue
                        _ = most.max(now, ordering: .sequentiallyConsistent)
                        // Hold the thread until four run together (or give up after 5 s).
                        let deadline = Date().addingTimeInterval(5)
                        while most.load(ordering: .sequentiallyConsistent) < 4, Date() < deadline { usleep(1_000) }
                        usleep(2_000)
                        inside.subtract(1, ordering: .sequentiallyConsistent)
                    }
                }
            }
            try await group.waitForAll()
        }
        let parallel = most.load(ordering: .sequentiallyConsistent)
        #expect(parallel == 4)
        await pool.shutdown()
    }

    /// Many short calls from many tasks, with pauses that let threads watch and fall asleep:
    /// every one completes (a lost wake-up would hang this test).
    @Test(arguments: [0, 30])
    func noSubmissionIsLost(watch: Int) async throws {
        let pool = BlockingPool(threads: 3, watch: watch)
        let done = Atomic<Int>(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for call in 0..<200 {
                        try await pool.run { done.add(1, ordering: .relaxed) }
                        if (task + call) % 50 == 0 { try await Task.sleep(nanoseconds: UInt64(10_000 * (call % 7))) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let submitted = Mutex(0)
        for _ in 0..<100 { pool.submit { submitted.withLock { $0 += 1 } } }
        _ = try await pool.run { 0 }
        // Submitted work runs; the last run may finish before the last submits, so wait a little.
        for _ in 0..<100 where submitted.withLock({ $0 }) < 100 { try await Task.sleep(nanoseconds: 10_000_000) }
        let completed = done.load(ordering: .relaxed)
        #expect(completed == 16 * 200)
        #expect(submitted.withLock { $0 } == 100)
        await pool.shutdown()
    }

    /// Work queued while one thread watches is not left behind the item that thread takes: here
    /// the first item waits for the second, which another (sleeping) thread must run.
    @Test func workQueuedDuringAWatchWakesASleeper() async throws {
        let pool = BlockingPool(threads: 3, watch: 5_000_000)
        try await Task.sleep(nanoseconds: 20_000_000)
        let second = DispatchSemaphore(value: 0)
        let outcome = Mutex<DispatchTimeoutResult?>(nil)
        pool.submit { let result = second.wait(timeout: .now() + 5); outcome.withLock { $0 = result } }
        pool.submit { second.signal() }
        while outcome.withLock({ $0 }) == nil { try await Task.sleep(nanoseconds: 1_000_000) }
        #expect(outcome.withLock { $0 } == .success)
        await pool.shutdown()
    }

    /// A `run` whose task is cancelled before a thread takes it does not run.
    @Test func cancelledWorkDoesNotRun() async throws {
        let pool = BlockingPool(threads: 1)
        let gate = DispatchSemaphore(value: 0)
        let started = Atomic<Bool>(false)
        pool.submit { started.store(true, ordering: .sequentiallyConsistent); gate.wait() }
        while !started.load(ordering: .sequentiallyConsistent) { try await Task.sleep(nanoseconds: 1_000_000) }
        let ran = Atomic<Bool>(false)
        let task = Task { try await pool.run { ran.store(true, ordering: .sequentiallyConsistent) } }
        try await Task.sleep(nanoseconds: 10_000_000)
        task.cancel()
        gate.signal()
        await #expect(throws: CancellationError.self) { try await task.value }
        let didRun = ran.load(ordering: .sequentiallyConsistent)
        #expect(!didRun)
        await pool.shutdown()
    }

    /// Shutdown waits for running work; work queued behind it and work submitted later is refused.
    @Test func aStoppedPoolRefusesWork() async throws {
        let pool = BlockingPool(threads: 1)
        let gate = DispatchSemaphore(value: 0)
        let started = Atomic<Bool>(false)
        let running = Task { try await pool.run { () -> Int in started.store(true, ordering: .sequentiallyConsistent); gate.wait(); return 1 } }
        while !started.load(ordering: .sequentiallyConsistent) { try await Task.sleep(nanoseconds: 1_000_000) }
        let queuedRan = Atomic<Bool>(false)
        pool.submit { queuedRan.store(true, ordering: .sequentiallyConsistent) }
        let stopping = Task { await pool.shutdown() }
        while pool.isAccepting { try await Task.sleep(nanoseconds: 1_000_000) }
        gate.signal()
        #expect(try await running.value == 1)
        await stopping.value
        let didRun = queuedRan.load(ordering: .sequentiallyConsistent)
        #expect(!didRun)
        await #expect(throws: BlockingPool.PoolStopped.self) { try await pool.run { 3 } }
    }
}

