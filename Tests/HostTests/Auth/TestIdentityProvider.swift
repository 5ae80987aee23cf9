import Foundation
import Testing

/// The test OpenID provider (Tests/Fixtures/oidc/oidc_provider.py) on a free loopback port.
///
/// Its issuer is `http://127.0.0.1:<port>`; it also serves the explicit
/// endpoints the oauth2 driver is given (`/authorize`, `/token`, `/userinfo`).
final class TestIdentityProvider: @unchecked Sendable {
    static let clientID = "plinth-client"
    static let clientSecret = "plinth secret+/="

    private let process = Process()
    /// The provider's stdin: it exits when this closes, so a crashed test run leaves no provider behind.
    private let lifeline = Pipe()
    let port: Int

    var issuer: String { "http://127.0.0.1:\(port)" }

    static let script = TestSupport.root.appendingPathComponent("Tests/Fixtures/oidc/oidc_provider.py").path

    /// One RSA key for every provider, kept in the build folder: generating one costs a second or two of CPU.
    static let keyFile: Result<String, Error> = Result {
        let path = TestSupport.buildDirectory + "/oidc-test-provider-key.json"
        if FileManager.default.fileExists(atPath: path) { return path }
        let result = try TestSupport.run("/usr/bin/env", ["python3", script, "--write-key=\(path)"])
        guard result.status == 0 else { throw LiveHostError(message: "generating the test provider's key failed: \(result.output)") }
        return path
    }

    /// Starts a provider off the cooperative pool: waiting for the process (and, once, for its key) blocks a thread.
    static func start(algorithm: String = "RS256") async throws -> TestIdentityProvider {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try TestIdentityProvider(algorithm: algorithm) })
            }
        }
    }

    private init(algorithm: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--client-id=\(Self.clientID)", "--client-secret=\(Self.clientSecret)",
                             "--alg=\(algorithm)", "--key-file=\(try Self.keyFile.get())"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw LiveHostError(message: "the test identity provider exited before it was ready") }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words[0] == "READY", let port = Int(words[1]) else {
            throw LiveHostError(message: "the test identity provider said: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    /// What the provider saw: `{"authorize":[query…],"token":[form…],"userinfo":count}`.
    func log() async throws -> [String: Any] {
        let response = try await TestHTTP.get(issuer + "/_log")
        return response.json as? [String: Any] ?? [:]
    }

    func stop() {
        ChildExit.terminate(process, grace: 0)
    }

    deinit { if ChildExit.status(process) == nil { kill(process.processIdentifier, SIGKILL) } }
}
