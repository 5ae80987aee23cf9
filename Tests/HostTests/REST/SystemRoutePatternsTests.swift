import PluginABI
import Testing
@testable import Host

/// The system routers register only `/x` and `/x/:id` shapes, so literal routes that other
/// plugins add later (`/users/me`, `/permissions/me`, `/policies/me/globals`, `/files/import`)
/// win without touching them, while every method those literals lack still reaches `/x/:id`.
@Suite struct SystemRoutePatternsTests {
    let runtime = try! TestSupport.runtime(plugins: TestSupport.temporaryDirectory(), extensions: TestSupport.temporaryDirectory())

    /// The shapes `Plugins/endpoint-rest/SystemRoutes.swift` registers for a CRUD router.
    static func crud(_ base: String) -> [(String, String)] {
        [("GET", base), ("SEARCH", base), ("GET", base + "/:id"), ("POST", base), ("PATCH", base),
         ("PATCH", base + "/:id"), ("DELETE", base), ("DELETE", base + "/:id")]
    }

    private func router(_ routes: [(String, String)]) -> Router {
        let router = Router()
        for (method, path) in routes {
            let plugin = LoadedPlugin(descriptor: plinth_descriptor(), path: path, builtin: true, runtime: runtime)
            router.add(EndpointRoute(plugin: plugin, method: method, path: path, mayBlock: true, handle: { _, _, _, _ in 0 }, ctx: nil))
        }
        return router
    }

    @Test func withNothingForMeTheIdRouteServesIt() throws {
        let router = router(Self.crud("/users"))
        let match = try #require(router.match(method: "GET", path: "/users/me"))
        #expect(match.route.path == "/users/:id" && match.params.map(\.1) == ["me"])
        #expect(router.match(method: "GET", path: "/users/me/track/page") == nil, "deeper paths stay free for other routes")
    }

    @Test func literalRoutesAddedLaterWinOverTheIdRoute() throws {
        let later = [("GET", "/users/me"), ("PATCH", "/users/me"), ("PATCH", "/users/me/track/page"), ("POST", "/users/invite"),
                     ("GET", "/permissions/me"), ("GET", "/permissions/me/:collection/:id"), ("GET", "/policies/me/globals"),
                     ("POST", "/files/import")]
        let router = router(Self.crud("/users") + Self.crud("/permissions") + Self.crud("/policies") + Self.crud("/files") + later)
        for (method, path) in later where !path.contains(":") {
            #expect(router.match(method: method, path: path)?.route.path == path, "\(method) \(path)")
        }
        #expect(router.match(method: "GET", path: "/permissions/me/articles/1")?.route.path == "/permissions/me/:collection/:id")
        #expect(router.match(method: "GET", path: "/permissions/7")?.route.path == "/permissions/:id")
        #expect(router.match(method: "DELETE", path: "/users/me")?.route.path == "/users/:id", "a method the literal lacks falls back to :id")
        #expect(router.match(method: "PATCH", path: "/users/invite")?.route.path == "/users/:id")
        #expect(router.match(method: "POST", path: "/users")?.route.path == "/users")
    }
}
