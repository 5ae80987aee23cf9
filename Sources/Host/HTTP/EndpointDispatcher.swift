import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PluginABI

/// Calls an endpoint plugin for one request and turns its `plinth_response` into an HTTP response.
///
/// Routes flagged PLINTH_FLAG_MAY_BLOCK run on the blocking pool (with
/// PLINTH_FLAG_LONG_BLOCK, on the slow pool); the others run inline and must
/// return within microseconds.
struct EndpointDispatcher: Sendable {
    let pool: BlockingPool
    /// The pool of PLINTH_FLAG_LONG_BLOCK routes (logins, SSO callbacks).
    let slowPool: BlockingPool
    let logger: Logger
    let maxResponseSize: Int

    /// Answers one request: `prepare` resolves the caller and builds the request (it may block on
    /// the database when `blockingPrepare`), then the route's plugin runs. A route that may block
    /// runs in the same pool job as `prepare`, so a request crosses threads once each way.
    func dispatch(_ match: Router.Match, blockingPrepare: Bool,
                  prepare: @escaping @Sendable () -> Result<RequestArena, APIError>) async -> Response {
        let route = match.route
        let response = PluginResponse(maxBodySize: maxResponseSize)
        let arena: RequestArena
        let outcome: (plinth_status, [UInt8])
        if route.mayBlock {
            let lane = route.longBlock ? slowPool : pool
            let ran: Result<(RequestArena, plinth_status, [UInt8]), APIError>
            do {
                ran = try await lane.run {
                    prepare().map { arena in
                        let (status, error) = Self.call(route, arena, response)
                        return (arena, status, error)
                    }
                }
            } catch {
                return HTTPErrors.response(.serviceUnavailable("blocking pool"))
            }
            switch ran {
            case .failure(let error): return HTTPErrors.response(error)
            case .success(let (prepared, status, error)):
                arena = prepared
                outcome = (status, error)
            }
        } else {
            let prepared: Result<RequestArena, APIError>
            if blockingPrepare {
                guard let result = try? await pool.run(prepare) else { return HTTPErrors.response(.serviceUnavailable("blocking pool")) }
                prepared = result
            } else {
                prepared = prepare()
            }
            switch prepared {
            case .failure(let error): return HTTPErrors.response(error)
            case .success(let prepared): arena = prepared
            }
            outcome = Self.call(route, arena, response)
        }
        let (status, error) = outcome
        if status == PLINTH_PENDING {
            await response.waitForCompletion()
        } else if status < 0 {
            logger.error("endpoint failed", metadata: ["plugin": "\(route.plugin.id)", "route": "\(route.method) \(route.path)", "status": "\(status)", "error": "\(String(decoding: error, as: UTF8.self))"])
            return HTTPErrors.response(APIError.internalError())
        }
        return withExtendedLifetime(arena) { Self.build(response) }
    }

    private static func call(_ route: EndpointRoute, _ arena: RequestArena, _ response: PluginResponse) -> (plinth_status, [UInt8]) {
        var error = plinth_buffer()
        var request = arena.request
        let status = route.handle(route.ctx, &request, response.handle, &error)
        return (status, OwnedBuffer.take(error))
    }

    private static func build(_ response: PluginResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: Int(response.status))
        guard let body = response.body else { return Response(status: status, headers: fields) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }
}

/// Error responses in the Directus envelope.
enum HTTPErrors {
    static func response(_ error: APIError) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: 128)
        buffer.writeBytes(error.envelope)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if error.code == "METHOD_NOT_ALLOWED", let allowed = error.extensions["allowed"]?.arrayValue {
            headers[.allow] = allowed.compactMap(\.stringValue).joined(separator: ", ")
        }
        return Response(status: HTTPResponse.Status(code: error.status), headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
