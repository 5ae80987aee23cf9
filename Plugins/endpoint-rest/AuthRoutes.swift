import Foundation
import PlinthJSON
import PluginKit

/// `/auth`: login (every provider), refresh, logout, password reset, and the provider list.
///
/// The engine decides everything (`auth.*` services); this file moves
/// bodies and cookies between HTTP and those services.
enum AuthRoutes {
    static func register(_ host: PluginHost) throws {
        try host.slowRest("POST", "/auth/login") { exchange in
            try tokens(exchange, "auth.login/1", ["provider": "default", "payload": try exchange.objectBody()])
        }
        try host.slowRest("POST", "/auth/login/:provider") { exchange in
            try tokens(exchange, "auth.login/1", ["provider": SchemaRoutes.param(exchange, "provider"), "payload": try exchange.objectBody()])
        }
        try host.slowRest("GET", "/auth/login/:provider") { exchange in
            let result = try JSON.parse(exchange.call("auth.sso.start/1", [
                "provider": SchemaRoutes.param(exchange, "provider"),
                "query": .object(QueryString.parse(exchange.request.query)),
            ]))
            return redirect(result)
        }
        for method in ["GET", "POST"] {
            try host.slowRest(method, "/auth/login/:provider/callback") { exchange in
                let body = method == "POST" ? try exchange.formOrJSONBody() : .object([:])
                let result = try JSON.parse(exchange.call("auth.sso.callback/1", [
                    "provider": SchemaRoutes.param(exchange, "provider"),
                    "query": .object(QueryString.parse(exchange.request.query)),
                    "body": body,
                    "cookies": .object(cookies(exchange.request)),
                ]))
                if result["location"]?.stringValue != nil { return redirect(result) }
                return withCookies(.data(result["data"]?.encoded() ?? Array("null".utf8)), result["cookies"])
            }
        }
        try host.slowRest("POST", "/auth/refresh") { exchange in
            try tokens(exchange, "auth.refresh/1", ["payload": try exchange.objectBody(), "cookies": .object(cookies(exchange.request))])
        }
        try host.rest("POST", "/auth/logout") { exchange in
            let result = try JSON.parse(exchange.call("auth.logout/1", ["payload": try exchange.objectBody(), "cookies": .object(cookies(exchange.request))]))
            return withCookies(Exchange.noContent, result["cookies"])
        }
        try host.slowRest("POST", "/auth/password/request") { exchange in
            _ = try exchange.call("auth.password.request/1", ["payload": try exchange.objectBody()])
            return Exchange.noContent
        }
        try host.slowRest("POST", "/auth/password/reset") { exchange in
            _ = try exchange.call("auth.password.reset/1", ["payload": try exchange.objectBody()])
            return Exchange.noContent
        }
        try host.rest("GET", "/auth") { exchange in
            let query = QueryString.parse(exchange.request.query)
            // Directus: present at all means true (even "false").
            let sessionOnly = query["sessionOnly"] != nil
            return .json(try exchange.call("auth.providers/1", ["sessionOnly": .bool(sessionOnly)]))
        }
    }

    /// Calls a login or refresh service and answers `{"data": …}` with its cookies set.
    static func tokens(_ exchange: Exchange, _ service: String, _ args: JSONObject) throws -> Response {
        let result = try JSON.parse(exchange.call(service, args))
        return withCookies(.data(result["data"]?.encoded() ?? Array("null".utf8)), result["cookies"])
    }

    /// A 302 to `location` with the service's cookies.
    static func redirect(_ result: JSON) -> Response {
        var response = Response(status: 302, headers: [("Location", result["location"]?.stringValue ?? "/")])
        response = withCookies(response, result["cookies"])
        return response
    }

    /// Adds one `Set-Cookie` header per cookie spec `{"name","value","max_age","http_only","secure","same_site","domain","path"}`.
    static func withCookies(_ response: Response, _ cookies: JSON?) -> Response {
        var response = response
        for cookie in cookies?.arrayValue ?? [] {
            if let header = setCookie(cookie) { response.headers.append(("Set-Cookie", header)) }
        }
        return response
    }

    static func setCookie(_ cookie: JSON) -> String? {
        guard let name = cookie["name"]?.stringValue else { return nil }
        let value = cookie["value"]?.stringValue ?? ""
        let maxAge = cookie["max_age"]?.intValue ?? 0
        var parts = ["\(name)=\(value.addingPercentEncoding(withAllowedCharacters: cookieValueCharacters) ?? value)"]
        parts.append("Max-Age=\(maxAge)")
        if let domain = cookie["domain"]?.stringValue { parts.append("Domain=\(domain)") }
        parts.append("Path=\(cookie["path"]?.stringValue ?? "/")")
        let expires = maxAge > 0 ? Date().addingTimeInterval(Double(maxAge)) : Date(timeIntervalSince1970: 0)
        parts.append("Expires=\(httpDate(expires))")
        if cookie["http_only"]?.boolValue ?? true { parts.append("HttpOnly") }
        if cookie["secure"]?.boolValue == true { parts.append("Secure") }
        if let sameSite = cookie["same_site"]?.stringValue { parts.append("SameSite=\(sameSite.prefix(1).uppercased() + sameSite.dropFirst())") }
        return parts.joined(separator: "; ")
    }

    private static let cookieValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~!$'()*+/:=?@[]"))

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// The request's cookies by name.
    static func cookies(_ request: Request) -> JSONObject {
        var out = JSONObject()
        for (name, value) in request.headers where name.lowercased() == "cookie" {
            for part in value.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, out[pair[0]] == nil else { continue }
                out[pair[0]] = .string(pair[1].removingPercentEncoding ?? pair[1])
            }
        }
        return out
    }
}

extension Exchange {
    /// The body as an object: an empty body is `{}`, anything else but an object is INVALID_PAYLOAD.
    func objectBody() throws -> JSON {
        let value = try body()
        if value.isNull { return .object([:]) }
        guard value.objectValue != nil else {
            throw PluginError.directus(code: "INVALID_PAYLOAD", message: "Invalid payload. Payload must be an object.", status: 400)
        }
        return value
    }

    /// A form-encoded (`response_mode=form_post`) or JSON body as an object.
    func formOrJSONBody() throws -> JSON {
        let type = request.header("content-type")?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            var out = JSONObject()
            for part in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
                if let key = pair.first { out[key] = .string(pair.count > 1 ? pair[1] : "") }
            }
            return .object(out)
        }
        return try objectBody()
    }
}
