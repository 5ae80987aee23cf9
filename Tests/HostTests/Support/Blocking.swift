import Foundation

/// Runs blocking work (a child process, a socket exchange, polling) on a Dispatch thread and awaits it.
///
/// Swift Testing runs tests on the cooperative pool, which has one thread per core: a test that blocks
/// one of them stalls every other test's async work (URLSession callbacks included) on a small machine.
@discardableResult
func offload<T>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
