import Foundation

/// An SMTP server (Python's aiosmtpd, Tests/Fixtures/mail/smtp_sink.py) in a child process on a free
/// loopback port; every message it receives is parsed by Python's email package and written as JSON.
final class SMTPSink: @unchecked Sendable {
    enum Security {
        case plain
        /// STARTTLS required, with a self-signed certificate for 127.0.0.1.
        case startTLS
        /// Implicit TLS from the first byte.
        case tls
    }

    let port: Int
    let folder: URL
    private let process = Process()
    private let output = Pipe()
    private var printed = Data()
    private let lock = NSLock()

    /// The test virtualenv's Python, which has aiosmtpd (scripts/python-env creates it; scripts/test runs that first).
    static func python() throws -> String {
        let path = TestSupport.root.appendingPathComponent(".build-venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw LiveHostError(message: "no test virtualenv: run scripts/python-env first (scripts/test does)")
        }
        return path
    }

    /// Starts a sink off the cooperative pool (starting one blocks until Python is listening).
    static func start(user: String? = nil, password: String? = nil, security: Security = .plain) async throws -> SMTPSink {
        try await offload { try SMTPSink(user: user, password: password, security: security) }
    }

    private init(user: String?, password: String?, security: Security) throws {
        port = TestSupport.freePort()
        folder = TestSupport.temporaryDirectory("plinth-smtp")
        var arguments = [TestSupport.root.appendingPathComponent("Tests/Fixtures/mail/smtp_sink.py").path, "\(port)", folder.path]
        if let user, let password { arguments += ["--user", user, "--password", password] }
        if security != .plain {
            let (certificate, key) = try SMTPSink.certificate(in: folder)
            arguments += [security == .startTLS ? "--starttls" : "--tls", certificate, key]
        }
        process.executableURL = URL(fileURLWithPath: try SMTPSink.python())
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed.append(data) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while !log.contains("ready") {
            guard ChildExit.status(process) == nil, Date() < deadline else {
                stop()
                throw LiveHostError(message: "the SMTP sink did not start:\n\(log)")
            }
            usleep(20_000)
        }
    }

    var log: String { lock.withLock { String(decoding: printed, as: UTF8.self) } }

    /// The first `count` messages received, waiting up to `timeout` seconds for them.
    func messages(_ count: Int, timeout: TimeInterval = 10) async throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        var result: [[String: Any]] = []
        while result.count < count {
            let file = folder.appendingPathComponent("\(result.count + 1).json")
            if let data = FileManager.default.contents(atPath: file.path) {
                result.append(try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
                continue
            }
            guard Date() < deadline else { throw LiveHostError(message: "only \(result.count) of \(count) messages arrived:\n\(log)") }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return result
    }

    /// How many messages arrived so far.
    var received: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    func stop() {
        ChildExit.terminate(process, grace: 5)
    }

    deinit { stop() }

    /// A throwaway self-signed certificate and key for 127.0.0.1.
    private static func certificate(in folder: URL) throws -> (String, String) {
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let result = try TestSupport.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                                                             "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        guard result.status == 0 else { throw LiveHostError(message: "openssl failed: \(result.output)") }
        return (certificate, key)
    }
}
