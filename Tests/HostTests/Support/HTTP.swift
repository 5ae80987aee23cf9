import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP client for tests against a live host.
struct TestResponse {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

enum TestHTTP {
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60  // generous: the whole suite runs in parallel on two cores
        // Tests handle cookies themselves: nothing is stored or sent behind their back.
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration)
    }()

    static func request(_ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil) async throws -> TestResponse {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                let http = response as! HTTPURLResponse
                var fields: [String: String] = [:]
                for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
                continuation.resume(returning: TestResponse(status: http.statusCode, headers: fields, body: data ?? Data()))
            }.resume()
        }
    }

    static func get(_ url: String, headers: [String: String] = [:]) async throws -> TestResponse {
        try await request("GET", url, headers: headers)
    }

    /// Sends one request and returns its answer as is: a 3xx comes back with its `Location`, unfollowed.
    static func requestWithoutRedirects(_ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil) async throws -> TestResponse {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        // FoundationNetworking asks about redirects only a session delegate, so each request gets its own session.
        let collector = ResponseCollector()
        let session = URLSession(configuration: session.configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            collector.finish = { continuation.resume(with: $0) }
            session.dataTask(with: request).resume()
        }
    }
}

/// Collects one response for `requestWithoutRedirects`, refusing to follow redirects.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    var finish: ((Result<TestResponse, Error>) -> Void)?
    private var response: HTTPURLResponse?
    private var data = Data()

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        self.response = response as? HTTPURLResponse
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        self.data.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let done = finish
        finish = nil
        if let error { return done?(.failure(error)) ?? () }
        guard let http = response ?? task.response as? HTTPURLResponse else {
            return done?(.failure(URLError(.badServerResponse))) ?? ()
        }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        done?(.success(TestResponse(status: http.statusCode, headers: fields, body: data)))
    }
}

/// A `plinth` process started for one test, in its own working directory.
final class LiveHost {
    let process = Process()
    /// The port asked for with PORT, or nil: the host then binds a free one itself (PORT=0), which
    /// avoids the race of picking a free port first when many tests start hosts at once.
    private let requestedPort: Int?
    let directory: URL
    private let output = Pipe()
    private var collected = Data()
    private let lock = NSLock()

    /// The port the host listens on (read from its start-up line when it chose one), 0 until known.
    var port: Int {
        if let requestedPort { return requestedPort }
        guard let range = log.range(of: "Server started at http://") else { return 0 }
        let rest = log[range.upperBound...].prefix { $0 != "\n" }
        return rest.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `plinth <arguments>` with `environment` added to a minimal environment.
    init(arguments: [String] = ["start"], environment: [String: String] = [:], directory: URL? = nil) throws {
        requestedPort = environment["PORT"].flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 }
        self.directory = directory ?? TestSupport.temporaryDirectory("plinth-live")
        process.executableURL = URL(fileURLWithPath: TestSupport.buildDirectory + "/plinth")
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOST": "127.0.0.1",
                   "PORT": "0", "SECRET": "live-test-secret", "LOG_LEVEL": "info", "EXTENSIONS_PATH": "./extensions"]
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = self.directory
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.collected.append(data)
            self.lock.unlock()
        }
        try process.run()
    }

    /// Everything the process printed so far.
    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    /// Waits until /server/ping answers, or throws with the log after `timeout` seconds.
    func waitUntilReady(timeout: TimeInterval = 90) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = ChildExit.status(process) { throw LiveHostError(message: "plinth exited with \(status):\n\(log)") }
            if port == 0 {
                try await Task.sleep(nanoseconds: 20_000_000)
                continue
            }
            if let response = try? await TestHTTP.get(baseURL + "/server/ping"), response.status == 200 { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw LiveHostError(message: "plinth did not answer within \(timeout) s:\n\(log)")
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 10) -> Int32 {
        ChildExit.terminate(process, grace: timeout)
    }

    /// Waits for the process to exit by itself.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        ChildExit.wait(process, timeout: timeout)
    }

    deinit {
        if ChildExit.status(process) == nil { kill(process.processIdentifier, SIGKILL) }
    }
}

struct LiveHostError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
