import Foundation

/// Waiting for the test's child processes (hosts, the SMTP sink, the test identity provider,
/// CLI runs) without `Process.waitUntilExit`.
///
/// Foundation learns that a child exited when a socket the child inherited closes. A child that
/// another test spawns at the same moment can inherit that socket too, and then the exit goes
/// unnoticed for as long as that other child lives: `waitUntilExit` blocks one of the few
/// threads Swift concurrency has (two on a 2-core machine), and two such waits hung the suite.
/// These helpers ask the kernel instead (`waitid` with WNOWAIT, which leaves the reaping to
/// Foundation, so the process id stays reserved and `Process` stays consistent).
enum ChildExit {
    /// The exit status once the child has exited (the signal number when a signal ended it, as
    /// `Process.terminationStatus` reports it), nil while it runs.
    static func status(_ process: Process) -> Int32? {
        var info = siginfo_t()
        let pid = process.processIdentifier
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else {
            // ECHILD: Foundation has reaped it and is recording the status.
            return process.isRunning ? nil : process.terminationStatus
        }
        return info._sifields._sigchld.si_pid == pid ? info._sifields._sigchld.si_status : nil
    }

    /// Waits for the child to exit; nil when `timeout` passes first.
    static func wait(_ process: Process, timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = status(process) { return status }
            usleep(10_000)
        }
        return status(process)
    }

    /// Waits for the child to exit, however long it takes.
    static func wait(_ process: Process) -> Int32 {
        while true {
            if let status = status(process) { return status }
            usleep(10_000)
        }
    }

    /// SIGTERM, SIGKILL when the child still runs after `grace` seconds, then its exit status.
    @discardableResult
    static func terminate(_ process: Process, grace: TimeInterval) -> Int32 {
        if let status = status(process) { return status }
        kill(process.processIdentifier, SIGTERM)
        if let status = wait(process, timeout: grace) { return status }
        kill(process.processIdentifier, SIGKILL)
        return wait(process)
    }
}
