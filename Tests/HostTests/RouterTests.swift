import PluginABI
import Testing
@testable import Host

/// Route matching: literals beat parameters, parameters beat wildcards, "*" methods serve any method.
@Suite struct RouterTests {
    let runtime = try! TestSupport.runtime(plugins: TestSupport.temporaryDirectory(), extensions: TestSupport.temporaryDirectory())

    private func route(_ method: String, _ path: String) -> EndpointRoute {
        let descriptor = plinth_descriptor()
        let plugin = LoadedPlugin(descriptor: descriptor, path: path, builtin: true, runtime: runtime)
        return EndpointRoute(plugin: plugin, method: method, path: path, mayBlock: false, handle: { _, _, _, _ in 0 }, ctx: nil)
    }

    private func router(_ routes: [(String, String)]) -> Router {
        let router = Router()
        for (method, path) in routes { router.add(route(method, path)) }
        return router
    }

    @Test func literalBeatsParameterAndParametersAreNamedPerRoute() throws {
        let router = router([("GET", "/items/:collection"), ("GET", "/items/:name/:id"), ("GET", "/items/special")])
        #expect(router.match(method: "GET", path: "/items/special")?.route.path == "/items/special")
        let one = try #require(router.match(method: "GET", path: "/items/articles"))
        #expect(one.route.path == "/items/:collection")
        #expect(one.params.map { "\($0.0)=\($0.1)" } == ["collection=articles"])
        let two = try #require(router.match(method: "GET", path: "/items/articles/7"))
        #expect(two.params.map { "\($0.0)=\($0.1)" } == ["name=articles", "id=7"])
    }

    @Test func wildcardMatchesTheRestIncludingNothing() throws {
        let router = router([("GET", "/ext/*"), ("GET", "/ext/fixed")])
        #expect(router.match(method: "GET", path: "/ext/a/b/c")?.params.first?.1 == "a/b/c")
        #expect(router.match(method: "GET", path: "/ext")?.params.first?.1 == "")
        #expect(router.match(method: "GET", path: "/ext/fixed")?.route.path == "/ext/fixed")
    }

    @Test func methodsAreExactUnlessTheRouteAcceptsAny() {
        let router = router([("GET", "/a"), ("*", "/b")])
        #expect(router.match(method: "POST", path: "/a") == nil)
        #expect(router.match(method: "SEARCH", path: "/b")?.route.path == "/b")
    }

    @Test func trailingSlashAndEmptySegmentsAreIgnored() {
        let router = router([("DELETE", "/files")])
        #expect(router.match(method: "DELETE", path: "/files/")?.route.path == "/files")
        #expect(router.match(method: "DELETE", path: "//files")?.route.path == "/files")
    }

    @Test func parameterBacktracksToWildcard() {
        let router = router([("GET", "/x/:a/end"), ("GET", "/x/*")])
        #expect(router.match(method: "GET", path: "/x/1/end")?.route.path == "/x/:a/end")
        #expect(router.match(method: "GET", path: "/x/1/other")?.route.path == "/x/*")
    }

    @Test func samePatternWithDifferentParameterNamesConflicts() {
        let router = router([("GET", "/a/:x")])
        #expect(router.contains(method: "GET", path: "/a/:y"))
        #expect(!router.contains(method: "POST", path: "/a/:y"))
    }
}
