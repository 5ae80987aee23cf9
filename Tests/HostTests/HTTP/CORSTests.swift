import Foundation
import Testing
@testable import Host

/// CORS as Directus answers it through the `cors` package: preflights answered before routing, origins
/// reflected when allowed, and Directus's ways of writing `CORS_ORIGIN`.
@Suite(.serialized) struct CORSTests {
    static let security: [String: String] = [
        "content-security-policy": SecurityHeadersTests.directusPolicy,
        "cross-origin-opener-policy": "same-origin-allow-popups",
        "x-powered-by": "Directus",
    ]

    @Test func originFormsAreCastAsDirectusCastsThem() throws {
        func origin(_ raw: String) throws -> CORSSettings.Origin? {
            try CORSSettings(Environment(["CORS_ENABLED": "true", "CORS_ORIGIN": raw])).origin
        }
        #expect(try origin("false") == nil)
        #expect(try origin("true") == .matching([.any]))
        #expect(try origin("*") == .any)
        #expect(try origin("https://app.test") == .fixed("https://app.test"))
        #expect(try origin("https://a.test, https://b.test") == .matching([.exact("https://a.test"), .exact("https://b.test")]))
        #expect(try origin("array:https://a.test") == .matching([.exact("https://a.test")]))
        #expect(try origin("regex:^https://.*\\.test$") == .matching([.pattern("^https://.*\\.test$")]))
        #expect(try origin("https://a.test,regex:\\.b\\.test$") == .matching([.exact("https://a.test"), .pattern("\\.b\\.test$")]))
        #expect(try origin(#"json:["https://a.test"]"#) == .matching([.exact("https://a.test")]))
        #expect(try CORSSettings(Environment(["CORS_ORIGIN": "true"])).origin == nil, "CORS_ENABLED defaults to false")
        #expect(throws: ConfigError.self) { try origin("regex:([") }
        let settings = try CORSSettings(Environment(["CORS_ENABLED": "true", "CORS_METHODS": "GET, POST", "CORS_MAX_AGE": "false",
                                                     "CORS_EXPOSED_HEADERS": "false", "CORS_CREDENTIALS": "false"]))
        #expect(settings.methods == "GET,POST")
        #expect(settings.maxAge == nil)
        #expect(settings.exposedHeaders == nil)
        #expect(settings.credentials == false)
        #expect(settings.allowedHeaders == "Content-Type,Authorization")
    }

    @Test(arguments: DatabaseKind.allCases)
    func preflightsAndRequestsFromAllowedAndOtherOrigins(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: ["CORS_ENABLED": "true",
                                                            "CORS_ORIGIN": "https://app.test,regex:^https://[a-z]+\\.preview\\.test$"])
        defer { api.stop() }
        let preflight = ["Origin": "https://pr.preview.test", "Access-Control-Request-Method": "PATCH",
                         "Access-Control-Request-Headers": "content-type"]
        let allowed = try await TestHTTP.request("OPTIONS", api.host.baseURL + "/items/no_such_collection", headers: preflight)
        #expect(allowed.status == 204)
        #expect(allowed.body.isEmpty)
        let common = Self.security.merging([
            "access-control-allow-credentials": "true",
            "access-control-allow-methods": "GET,POST,PATCH,DELETE",
            "access-control-allow-headers": "Content-Type,Authorization",
            "access-control-max-age": "18000",
            "access-control-expose-headers": "Content-Range",
            "vary": "Origin",
        ]) { $1 }
        #expect(Self.headers(allowed) == common.merging(["access-control-allow-origin": "https://pr.preview.test"]) { $1 })

        var other = preflight
        other["Origin"] = "https://evil.test"
        let refused = try await TestHTTP.request("OPTIONS", api.host.baseURL + "/server/info", headers: other)
        #expect(refused.status == 204)
        #expect(Self.headers(refused) == common, "no Access-Control-Allow-Origin for an origin not in the list")

        let simple = try await TestHTTP.get(api.host.baseURL + "/server/ping", headers: ["Origin": "https://app.test"])
        #expect(simple.status == 200)
        #expect(Self.headers(simple) == Self.security.merging([
            "content-type": "text/html; charset=utf-8", "content-length": "4",
            "access-control-allow-origin": "https://app.test", "access-control-allow-credentials": "true",
            "access-control-expose-headers": "Content-Range", "vary": "Origin",
        ]) { $1 })

        let foreign = try await TestHTTP.get(api.host.baseURL + "/server/ping", headers: ["Origin": "https://evil.test"])
        #expect(Self.headers(foreign) == Self.security.merging([
            "content-type": "text/html; charset=utf-8", "content-length": "4",
            "access-control-allow-credentials": "true", "access-control-expose-headers": "Content-Range", "vary": "Origin",
        ]) { $1 })

        // Errors carry the CORS headers too, so a browser can read them.
        let missing = try await TestHTTP.get(api.host.baseURL + "/no/such/route", headers: ["Origin": "https://app.test"])
        #expect(missing.status == 404)
        #expect(missing.header("Access-Control-Allow-Origin") == "https://app.test")
    }

    @Test func aSingleOriginIsAlwaysSentAndCredentialsCanBeOff() async throws {
        let host = try LiveHost(environment: ["CORS_ENABLED": "true", "CORS_ORIGIN": "https://only.test", "CORS_CREDENTIALS": "false",
                                              "CORS_ALLOWED_HEADERS": "false", "CORS_MAX_AGE": "600"])
        defer { host.stop() }
        try await host.waitUntilReady()
        let preflight = try await TestHTTP.request("OPTIONS", host.baseURL + "/server/ping",
                                                   headers: ["Origin": "https://other.test", "Access-Control-Request-Headers": "x-custom"])
        #expect(preflight.status == 204)
        #expect(Self.headers(preflight) == Self.security.merging([
            "access-control-allow-origin": "https://only.test",
            "access-control-allow-methods": "GET,POST,PATCH,DELETE",
            "access-control-allow-headers": "x-custom",
            "access-control-max-age": "600",
            "access-control-expose-headers": "Content-Range",
            "vary": "Origin, Access-Control-Request-Headers",
        ]) { $1 })
    }

    @Test func withCORSOffNoCORSHeaderIsSent() async throws {
        let host = try LiveHost(environment: ["CORS_ORIGIN": "true"])
        defer { host.stop() }
        try await host.waitUntilReady()
        let response = try await TestHTTP.get(host.baseURL + "/server/ping", headers: ["Origin": "https://app.test"])
        #expect(Self.headers(response) == Self.security.merging(["content-type": "text/html; charset=utf-8", "content-length": "4"]) { $1 })
        let options = try await TestHTTP.request("OPTIONS", host.baseURL + "/server/ping", headers: ["Origin": "https://app.test"])
        #expect(options.status != 204)
        #expect(options.header("Access-Control-Allow-Origin") == nil)
    }

    /// Every response header but `Date`, names lower-cased.
    static func headers(_ response: TestResponse) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in response.headers where name.lowercased() != "date" { result[name.lowercased()] = value }
        return result
    }
}
