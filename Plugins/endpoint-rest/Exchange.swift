import PlinthJSON
import PluginKit

/// What every REST handler needs from a request, and the shapes of its answers.
struct Exchange {
    let request: Request
    let host: PluginHost

    /// The JSON body; an empty body is `null`, never an error (clients send Content-Type on GET and DELETE).
    func body() throws -> JSON {
        let bytes = request.body
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .null }
        do {
            return try JSON.parse(bytes)
        } catch {
            throw PluginError.directus(code: "INVALID_PAYLOAD", message: "Invalid payload. Invalid JSON: \(error).", status: 400)
        }
    }

    /// The query: URL parameters, overridden by `query` in the body of a SEARCH request.
    func query() throws -> JSONObject {
        var query = QueryString.parse(request.query)
        query["access_token"] = nil
        // As Directus's validateBatch: a SEARCH body's `query` replaces the URL's query.
        if request.method == "SEARCH", let fromBody = try body()["query"], !fromBody.isNull {
            if let object = fromBody.objectValue {
                query = object
            } else if let text = fromBody.stringValue, let object = (try? JSON.parse(text))?.objectValue {
                query = object
            }
        }
        return query
    }

    /// Calls a service as the request's caller.
    func call(_ service: String, _ args: JSONObject) throws -> [UInt8] {
        try host.call(service, args: JSON.object(args).encodedString(), context: request.context)
    }

    /// 204 with an empty body.
    static let noContent = Response(status: 204)
}

extension Response {
    /// `{"data": result}` without re-encoding the result.
    static func data(_ result: [UInt8]) -> Response {
        .json(Array("{\"data\":".utf8) + result + [UInt8(ascii: "}")])
    }
}

extension PluginHost {
    /// Registers a blocking REST route whose handler gets an `Exchange`.
    func rest(_ method: String, _ path: String, _ handler: @escaping (Exchange) throws -> Response) throws {
        try route(method, path, mayBlock: true) { [unowned self] request in
            try handler(Exchange(request: request, host: self))
        }
    }

    /// A REST route that may block for seconds (argon2, stalls, identity providers): on the host's slow pool.
    func slowRest(_ method: String, _ path: String, _ handler: @escaping (Exchange) throws -> Response) throws {
        try slowRoute(method, path) { [unowned self] request in
            try handler(Exchange(request: request, host: self))
        }
    }
}
