import PlinthJSON
import PluginABI

/// An HTTP request handed to a PluginKit route handler.
///
/// A view over the host's request: valid until the response is finished.
/// Copy what must outlive it.
public struct Request {
    let raw: UnsafePointer<plinth_http_request>

    /// The method in upper case ("GET", "SEARCH", …).
    public var method: String { Bytes.string(raw.pointee.method) }
    /// The percent-decoded path without the query string.
    public var path: String { Bytes.string(raw.pointee.path) }
    /// The raw query string, without "?".
    public var query: String { Bytes.string(raw.pointee.query) }
    /// The body bytes (copied).
    public var body: [UInt8] { Bytes.array(raw.pointee.body) }
    /// The client's address.
    public var remoteAddress: String { Bytes.string(raw.pointee.remote_address) }
    /// The request's accountability and transaction, for `PluginHost.call`.
    public var context: Context { Context(handle: raw.pointee.context) }

    /// The first header with this (case-insensitive) name.
    public func header(_ name: String) -> String? {
        Request.find(name.lowercased(), in: raw.pointee.headers, count: raw.pointee.headers_len)
    }

    /// A route parameter (":name" segment; "*" for a trailing wildcard).
    public func param(_ name: String) -> String? {
        Request.find(name, in: raw.pointee.params, count: raw.pointee.params_len)
    }

    /// All headers as (lower-case name, value) pairs.
    public var headers: [(String, String)] {
        guard let base = raw.pointee.headers else { return [] }
        return (0..<Int(raw.pointee.headers_len)).map { (Bytes.string(base[$0].name), Bytes.string(base[$0].value)) }
    }

    private static func find(_ name: String, in list: UnsafePointer<plinth_kv>?, count: UInt64) -> String? {
        guard let list else { return nil }
        let wanted = Array(name.utf8)
        for index in 0..<Int(count) where Bytes.array(list[index].name) == wanted {
            return Bytes.string(list[index].value)
        }
        return nil
    }
}

/// The response a PluginKit route handler returns.
public struct Response {
    /// HTTP status code.
    public var status: Int
    /// Headers, in order.
    public var headers: [(String, String)]
    /// Body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A text response with a content type.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [("content-type", contentType)], body: Array(text.utf8))
    }

    /// A JSON response from already-encoded bytes.
    public static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: [("content-type", "application/json; charset=utf-8")], body: bytes)
    }

    /// A JSON response from already-encoded text.
    public static func json(_ text: String, status: Int = 200) -> Response {
        json(Array(text.utf8), status: status)
    }

    /// A Directus error envelope `{"errors":[{"message","extensions":{"code"}}]}`.
    public static func error(code: String, message: String, status: Int) -> Response {
        json("{\"errors\":[{\"message\":\(JSON.quote(message)),\"extensions\":{\"code\":\(JSON.quote(code))}}]}", status: status)
    }
}

/// Completes a response later, from any thread (for `PluginHost.routeAsync`).
public final class Responder: @unchecked Sendable {
    private let api: UnsafePointer<plinth_host_api>
    private let handle: OpaquePointer?

    init(api: UnsafePointer<plinth_host_api>, handle: OpaquePointer?) {
        self.api = api
        self.handle = handle
    }

    /// Sends the response. Call exactly once.
    public func complete(_ response: Response) {
        Route.write(response, to: handle, api: api)
        _ = api.pointee.response_complete?(handle)
    }
}

extension PluginHost {
    /// Serves `method path` with a synchronous handler.
    ///
    /// `path` segments starting with ":" are parameters; a final "*" matches
    /// the rest. Set `mayBlock` when the handler touches disk, network or the
    /// database (it then runs on the host's blocking pool).
    public func route(_ method: String, _ path: String, mayBlock: Bool = false, _ handler: @escaping (Request) throws -> Response) throws {
        let box = Route(host: self, sync: handler, async: nil)
        try register(method, path, flags: mayBlock ? PLINTH_FLAG_MAY_BLOCK : 0, box: box)
    }

    /// Serves `method path` with a handler that may block for long (password hashing, remote calls):
    /// hosts 1.1 and later run it on their slow pool, apart from other requests (PLINTH_FLAG_LONG_BLOCK).
    public func slowRoute(_ method: String, _ path: String, _ handler: @escaping (Request) throws -> Response) throws {
        let box = Route(host: self, sync: handler, async: nil)
        try register(method, path, flags: PLINTH_FLAG_MAY_BLOCK | PLINTH_FLAG_LONG_BLOCK, box: box)
    }

    /// Serves `method path` with a handler that completes later through a `Responder`.
    public func routeAsync(_ method: String, _ path: String, _ handler: @escaping (Request, Responder) -> Void) throws {
        let box = Route(host: self, sync: nil, async: handler)
        try register(method, path, flags: 0, box: box)
    }

    private func register(_ method: String, _ path: String, flags: UInt32, box: Route) throws {
        let table = plinth_endpoint_v1(
            struct_size: UInt32(MemoryLayout<plinth_endpoint_v1>.size),
            flags: flags,
            method: Bytes.permanent(method),
            path: Bytes.permanent(path),
            handle: routeTrampoline,
            ctx: Unmanaged.passRetained(box).toOpaque()
        )
        try register(PLINTH_CAP_ENDPOINT, table)
    }
}

/// A registered route's handler, kept alive for the process lifetime.
final class Route {
    let host: PluginHost
    let sync: ((Request) throws -> Response)?
    let async: ((Request, Responder) -> Void)?

    init(host: PluginHost, sync: ((Request) throws -> Response)?, async: ((Request, Responder) -> Void)?) {
        self.host = host
        self.sync = sync
        self.async = async
    }

    static func write(_ response: Response, to handle: OpaquePointer?, api: UnsafePointer<plinth_host_api>) {
        _ = api.pointee.response_set_status?(handle, Int32(response.status))
        for (name, value) in response.headers {
            _ = Bytes.withView(name) { n in Bytes.withView(value) { v in api.pointee.response_add_header?(handle, n, v) } }
        }
        if !response.body.isEmpty {
            // Borrowed: the host copies the bytes once, into its own buffer.
            let status = response.body.withUnsafeBufferPointer { bytes in
                api.pointee.response_set_body?(handle, plinth_str(ptr: bytes.baseAddress, len: UInt64(bytes.count))) ?? PLINTH_ERR_UNSUPPORTED
            }
            if status != PLINTH_OK {
                _ = api.pointee.response_take_body?(handle, Bytes.buffer(response.body))
            }
        }
    }
}

private let routeTrampoline: plinth_endpoint_fn = { ctx, request, response, outError in
    guard let ctx, let request else { return PLINTH_ERR_INVALID }
    let route = Unmanaged<Route>.fromOpaque(ctx).takeUnretainedValue()
    let req = Request(raw: request)
    if let handler = route.async {
        handler(req, Responder(api: route.host.api, handle: response))
        return PLINTH_PENDING
    }
    do {
        let result = try route.sync!(req)
        Route.write(result, to: response, api: route.host.api)
        return PLINTH_OK
    } catch let error as PluginError where error.message.hasPrefix("{") {
        // A Directus error (from PluginHost.call or PluginError.directus) answers as its envelope.
        Route.write(ErrorEnvelope.response(from: error), to: response, api: route.host.api)
        return PLINTH_OK
    } catch {
        return PluginError.report(error, into: outError)
    }
}
