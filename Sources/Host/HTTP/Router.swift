/// Matches request paths to endpoint routes.
///
/// Patterns are "/"-separated segments: literals, ":name" parameters and a
/// final "*" that matches the rest (possibly nothing). Literal segments win
/// over parameters, parameters over the wildcard; trailing slashes are
/// ignored, as Express's non-strict routing does.
final class Router: @unchecked Sendable {
    /// A route that matched, with its parameters in pattern order.
    struct Match {
        let route: EndpointRoute
        let params: [(String, String)]
    }

    private final class Node {
        var literals: [Substring: Node] = [:]
        var parameter: Node?
        var wildcard: [String: EndpointRoute] = [:]
        var routes: [String: EndpointRoute] = [:]
    }

    private var root = Node()
    private var all: [EndpointRoute] = []

    /// Every registered route, in registration order.
    var routes: [EndpointRoute] { all }

    func add(_ route: EndpointRoute) {
        all.append(route)
        insert(route)
    }

    func remove(where predicate: (EndpointRoute) -> Bool) {
        all.removeAll(where: predicate)
        root = Node()
        for route in all { insert(route) }
    }

    func contains(method: String, path: String) -> Bool {
        all.contains { $0.method == method && Router.segments($0.path).map(Router.shape) == Router.segments(path).map(Router.shape) }
    }

    static func samePattern(_ a: EndpointRoute, _ b: EndpointRoute) -> Bool {
        a.method == b.method && segments(a.path).map(shape) == segments(b.path).map(shape)
    }

    /// Finds the route for `method` and `path`; a route registered for "*" serves any method.
    func match(method: String, path: String) -> Match? {
        var values: [String] = []
        guard let route = search(root, Router.segments(path)[...], method, &values) else { return nil }
        let names = Router.segments(route.path).compactMap { segment -> String? in
            if segment == "*" { return "*" }
            return segment.hasPrefix(":") ? String(segment.dropFirst()) : nil
        }
        return Match(route: route, params: Array(zip(names, values)))
    }

    private func insert(_ route: EndpointRoute) {
        var node = root
        for segment in Router.segments(route.path) {
            if segment == "*" {
                node.wildcard[route.method] = route
                return
            }
            if segment.hasPrefix(":") {
                if node.parameter == nil { node.parameter = Node() }
                node = node.parameter!
            } else {
                if node.literals[segment] == nil { node.literals[segment] = Node() }
                node = node.literals[segment]!
            }
        }
        node.routes[route.method] = route
    }

    private func search(_ node: Node, _ rest: ArraySlice<Substring>, _ method: String, _ values: inout [String]) -> EndpointRoute? {
        guard let segment = rest.first else {
            if let found = node.routes[method] ?? node.routes["*"] { return found }
            if let found = node.wildcard[method] ?? node.wildcard["*"] {
                values.append("")
                return found
            }
            return nil
        }
        let tail = rest.dropFirst()
        if let child = node.literals[segment], let found = search(child, tail, method, &values) { return found }
        if let child = node.parameter {
            values.append(String(segment))
            if let found = search(child, tail, method, &values) { return found }
            values.removeLast()
        }
        if let found = node.wildcard[method] ?? node.wildcard["*"] {
            values.append(rest.joined(separator: "/"))
            return found
        }
        return nil
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func shape(_ segment: Substring) -> Substring {
        segment.hasPrefix(":") ? ":" : segment
    }
}
