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

    init(algorithm: String = "RS256") throws {
        let script = TestSupport.root.appendingPathComponent("Tests/Fixtures/oidc/oidc_provider.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--client-id=\(Self.clientID)", "--client-secret=\(Self.clientSecret)", "--alg=\(algorithm)"]
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
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
