import Foundation
import Logging

/// Runs schedule hooks when their cron expression matches, once per second tick.
///
/// Each run goes to the blocking pool; a run that is still going when its
/// next tick arrives is skipped rather than stacked.
final class Scheduler: @unchecked Sendable {
    private let jobs: [(cron: Cron, hook: HookEntry)]
    private let bus: EventBus
    private var running = Set<Int>()
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    init(bus: EventBus, logger: Logger) {
        self.bus = bus
        var jobs: [(Cron, HookEntry)] = []
        for hook in bus.schedules {
            do {
                jobs.append((try Cron(hook.event), hook))
            } catch {
                logger.error("schedule hook ignored", metadata: ["plugin": "\(hook.plugin.id)", "error": "\(error)"])
            }
        }
        self.jobs = jobs
    }

    var isEmpty: Bool { jobs.isEmpty }

    func start() {
        guard !jobs.isEmpty else { return }
        task = Task.detached { [self] in
            var last = Int(Date().timeIntervalSince1970)
            while !Task.isCancelled {
                let now = Date().timeIntervalSince1970
                let next = floor(now) + 1
                try? await Task.sleep(nanoseconds: UInt64((next - now) * 1_000_000_000))
                let second = Int(Date().timeIntervalSince1970)
                guard second != last else { continue }
                last = second
                tick(Date(timeIntervalSince1970: TimeInterval(second)))
            }
        }
    }

    func stop() {
        task?.cancel()
    }

    func tick(_ date: Date) {
        for (index, job) in jobs.enumerated() where job.cron.matches(date) {
            guard lock.withLock({ running.insert(index).inserted }) else { continue }
            bus.pool.submit { [self] in
                let outcome = bus.invoke(job.hook, event: job.hook.event, payload: Array("null".utf8), meta: Array("{}".utf8), context: nil)
                if outcome.status < 0 {
                    bus.logger.warning("schedule hook failed", metadata: ["plugin": "\(job.hook.plugin.id)", "cron": "\(job.hook.event)", "error": "\(String(decoding: outcome.error, as: UTF8.self))"])
                }
                _ = lock.withLock { running.remove(index) }
            }
        }
    }
}
