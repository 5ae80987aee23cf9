import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking HTTP client for talking to identity providers.
///
/// Auth callbacks run on the host's blocking pool, so waiting here never
/// stalls the server's event loops. Every request has a timeout
/// (`AUTH_<NAME>_CLIENT_HTTP_TIMEOUT`); cookies are neither stored nor sent.
final class HTTPClient: @unchecked Sendable {
    /// A response: status, content type and body.
    struct Response {
        let status: Int
        let contentType: String
        let body: Data
    }

    /// The request could not be completed (connection refused, timeout, …).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let session: URLSession

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    func get(_ url: URL, bearer: String? = nil) throws -> Response {
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        return try send(request)
    }

    /// POSTs `fields` form-encoded, with HTTP Basic credentials when given (RFC 6749 §2.3.1 encoding).
    func postForm(_ url: URL, _ fields: [(String, String)], basic: (user: String, password: String)? = nil) throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let basic {
            let pair = Self.formEncode(basic.user) + ":" + Self.formEncode(basic.password)
            request.setValue("Basic " + Data(pair.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        }
        request.httpBody = Data(Self.formEncode(fields).utf8)
        return try send(request)
    }

    private func send(_ request: URLRequest) throws -> Response {
        let outcome = Outcome()
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.result = .failure(Failure(description: "\(request.url?.absoluteString ?? "request"): \(error.localizedDescription)"))
            } else if let http = response as? HTTPURLResponse {
                let type = http.value(forHTTPHeaderField: "Content-Type") ?? ""
                outcome.result = .success(Response(status: http.statusCode, contentType: type, body: data ?? Data()))
            }
            outcome.done.signal()
        }
        task.resume()
        outcome.done.wait()
        return try outcome.result.get()
    }

    /// One request's result, written by URLSession's queue before it signals `done`.
    private final class Outcome: @unchecked Sendable {
        var result: Result<Response, Failure> = .failure(Failure(description: "no response"))
        let done = DispatchSemaphore(value: 0)
    }

    /// `application/x-www-form-urlencoded` for a list of fields.
    static func formEncode(_ fields: [(String, String)]) -> String {
        fields.map { formEncode($0.0) + "=" + formEncode($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
