import Foundation
import Hummingbird
import Logging
import NIOCore

/// The single Hummingbird responder: routes every request to an endpoint plugin.
///
/// Order, as in Directus: security headers (on every response), CORS (an
/// OPTIONS request is answered 204 here when CORS is on), the global and
/// per-IP rate limiters (→ 429 `REQUESTS_EXCEEDED`), route lookup (unknown
/// → 404 `ROUTE_NOT_FOUND`), body collection capped at MAX_PAYLOAD_SIZE
/// (→ 400 `INVALID_PAYLOAD`), accountability, then the plugin.
struct PlinthResponder: HTTPResponder {
    typealias Context = PlinthRequestContext
    let runtime: Runtime
    let policy: HTTPPolicy

    init(runtime: Runtime) {
        self.runtime = runtime
        policy = HTTPPolicy(runtime.settings)
    }

    func respond(to request: Request, context: PlinthRequestContext) async throws -> Response {
        if let preflight = policy.preflight(method: request.method, headers: request.headers) {
            var response = preflight
            policy.decorate(&response, origin: nil, cors: false)
            return response
        }
        var response = try await route(request, context: context)
        policy.decorate(&response, origin: request.headers[.origin], cors: true)
        return response
    }

    private func route(_ request: Request, context: PlinthRequestContext) async throws -> Response {
        let headers = request.headers.map { ($0.name.canonicalName, $0.value) }
        let peer = PlinthResponder.remoteAddress(context)
        let remote = runtime.authentication?.ip(peer: peer, headers: headers) ?? peer
        if policy.limitsRequests, let refusal = policy.limit(ip: remote) {
            return refusal
        }
        let path = PlinthResponder.decodePath(request.uri.path)
        let method = request.method.rawValue
        guard let match = runtime.registry.router.match(method: method, path: path) else {
            return HTTPErrors.response(.routeNotFound(path))
        }
        let limit = runtime.settings.maxPayloadSize
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return HTTPErrors.response(.invalidPayload("request entity too large"))
        }
        var collectedBody: ByteBuffer?
        do {
            let collected = try await request.body.collect(upTo: limit)
            collectedBody = collected.readableBytes > 0 ? collected : nil
        } catch is NIOTooManyBytesError {
            return HTTPErrors.response(.invalidPayload("request entity too large"))
        }
        let body = collectedBody
        let query = request.uri.query ?? ""
        let params = match.params
        let userAgent = request.headers[.userAgent]
        let origin = request.headers[.origin]
        let logger = runtime.logger
        let authentication = path == "/server/ping" ? nil : runtime.authentication
        // Resolving the caller may block on the database (a cache miss): it runs on the
        // pool, in the same job as the plugin call when the route itself may block.
        let prepare: @Sendable () -> Result<RequestArena, APIError> = {
            let accountability: Accountability
            if let auth = authentication {
                do {
                    let token = try auth.token(query: query, headers: headers)
                    accountability = try auth.accountability(token: token, ip: remote, userAgent: userAgent, origin: origin)
                } catch let error as APIError {
                    return .failure(error)
                } catch {
                    logger.error("authentication failed", metadata: ["error": "\(error)"])
                    return .failure(.internalError())
                }
            } else {
                accountability = .anonymous(ip: remote)
            }
            return .success(RequestArena(method: method, path: path, query: query, headers: headers, params: params, body: body,
                                         remoteAddress: remote, context: CallContext(accountability: accountability)))
        }
        return await runtime.dispatcher.dispatch(match, blockingPrepare: authentication != nil, prepare: prepare)
    }

    static func remoteAddress(_ context: PlinthRequestContext) -> String {
        guard let address = context.remoteAddress else { return "" }
        return address.ipAddress ?? ""
    }

    /// Percent-decodes a path; a malformed escape leaves the path as it is.
    static func decodePath(_ raw: String) -> String {
        guard raw.contains("%") else { return raw }
        return raw.removingPercentEncoding ?? raw
    }
}

/// Hummingbird's per-request context, plus the peer address.
struct PlinthRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
