import Foundation
import Testing
@testable import Host

/// Directus's rate limiters: fixed windows per client IP and for everyone, 429 `REQUESTS_EXCEEDED` with
/// `limit`, `reset` and `Retry-After`, and `/server/info` telling the configuration.
@Suite(.serialized) struct RateLimitTests {
    @Test func aWindowAllowsItsPointsThenRefusesUntilItEnds() {
        let limiter = RateLimiter(.init(points: 3, duration: 2))
        #expect(limiter.consume("a", now: 1000) == nil)
        #expect(limiter.consume("a", now: 1100) == nil)
        #expect(limiter.consume("b", now: 1200) == nil)
        #expect(limiter.consume("a", now: 1300) == nil)
        #expect(limiter.consume("a", now: 1400) == 1600)
        #expect(limiter.consume("a", now: 2999) == 1)
        #expect(limiter.consume("a", now: 3000) == nil, "the window opened at 1000 ends at 3000")
        #expect(limiter.consume("b", now: 3100) == nil)
    }

    @Test func aZeroDurationNeverResets() {
        let limiter = RateLimiter(.init(points: 1, duration: 0))
        #expect(limiter.consume("a", now: 0) == nil)
        #expect(limiter.consume("a", now: 10_000_000) == -1)
    }

    @Test func waitsAreWrittenAsTheMsPackageWritesThem() {
        #expect(HTTPPolicy.shortDuration(999) == "999ms")
        #expect(HTTPPolicy.shortDuration(1000) == "1s")
        #expect(HTTPPolicy.shortDuration(1499) == "1s")
        #expect(HTTPPolicy.shortDuration(1500) == "2s")
        #expect(HTTPPolicy.shortDuration(59_999) == "60s")
        #expect(HTTPPolicy.shortDuration(90_000) == "2m")
        #expect(HTTPPolicy.shortDuration(3_600_000) == "1h")
        #expect(HTTPPolicy.shortDuration(-1) == "-1ms")
    }

    @Test func settingsRefuseWhatDirectusRefuses() throws {
        #expect(try RateLimitSettings(Environment([:])) == RateLimitSettings(Environment(["RATE_LIMITER_POINTS": "5"])))
        #expect(try RateLimitSettings(Environment([:])).ip == nil)
        let defaults = try RateLimitSettings(Environment(["RATE_LIMITER_ENABLED": "true"]))
        #expect(defaults.ip == .init(points: 50, duration: 1))
        #expect(defaults.global == nil)
        let cases: [([String: String], String)] = [
            (["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_STORE": "redis"],
             "RATE_LIMITER_STORE=redis is not supported: Plinth counts requests in memory, per instance. Set RATE_LIMITER_STORE=memory or leave it unset."),
            (["RATE_LIMITER_GLOBAL_ENABLED": "true"],
             "The IP based rate limiter needs to be enabled when using the global rate limiter: set RATE_LIMITER_ENABLED=true."),
            (["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_POINTS": "2000", "RATE_LIMITER_GLOBAL_ENABLED": "true"],
             "The global rate limiter needs to allow more requests per second than the IP based rate limiter: raise RATE_LIMITER_GLOBAL_POINTS or lower RATE_LIMITER_POINTS."),
            (["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_DURATION": "1s"],
             "Invalid value for RATE_LIMITER_DURATION: expected a number of seconds such as 1 or 60, found \"1s\"."),
        ]
        for (values, message) in cases {
            #expect(throws: ConfigError.self) { try RateLimitSettings(Environment(values)) }
            do {
                _ = try RateLimitSettings(Environment(values))
            } catch let error as ConfigError {
                #expect(error.message == message)
            }
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func aClientOverItsLimitGets429InDirectusEnvelope(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database, environment: ["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_POINTS": "2",
                                                            "RATE_LIMITER_DURATION": "60", "IP_TRUST_PROXY": "true"])
        defer { api.stop() }
        let client = ["X-Forwarded-For": "203.0.113.7"]
        for _ in 0..<2 {
            #expect(try await api.send("GET", "/server/ping", headers: client).status == 200)
        }
        let started = Date()
        let refused = try await api.send("GET", "/server/ping", headers: client)
        #expect(refused.status == 429)
        // The window opened with the first request; on a busy machine a second or two may have passed since.
        let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init))
        #expect((50...60).contains(retryAfter))
        #expect(refused.header("Content-Type") == "application/json; charset=utf-8")
        let body = try #require(refused.json as? [String: Any])
        let errors = try #require(body["errors"] as? [[String: Any]])
        let extensions = try #require(errors.first?["extensions"] as? [String: Any])
        let reset = try #require(extensions["reset"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let resetDate = try #require(formatter.date(from: reset), "reset is an ISO timestamp with milliseconds: \(reset)")
        #expect(resetDate.timeIntervalSince(started) > 49 && resetDate.timeIntervalSince(started) <= 61)
        let expected: [String: Any] = ["errors": [["message": "Too many requests, retry after \(retryAfter)s.",
                                                   "extensions": ["code": "REQUESTS_EXCEEDED", "limit": 2, "reset": reset]]]]
        #expect(NSDictionary(dictionary: body).isEqual(to: expected), "\(refused.text)")

        // Another client, and any other route, are counted separately per IP.
        #expect(try await api.send("GET", "/server/ping", headers: ["X-Forwarded-For": "203.0.113.8"]).status == 200)
        #expect(try await api.send("GET", "/server/info", headers: client).status == 429)

        let info = try await RateLimitTests.info(api, client: "203.0.113.9")
        #expect(info["rateLimit"] as? [String: Int] == ["points": 2, "duration": 60])
        #expect(info["rateLimitGlobal"] as? Bool == false)
    }

    @Test func theWindowResets() async throws {
        let api = try await APIHost(.sqlite, environment: ["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_POINTS": "1",
                                                           "RATE_LIMITER_DURATION": "2", "IP_TRUST_PROXY": "true"])
        defer { api.stop() }
        let client = ["X-Forwarded-For": "198.51.100.1"]
        // Two requests in one window: the second is refused (on a slow machine a window may end between two tries).
        var refusal: TestResponse?
        for _ in 0..<5 where refusal == nil {
            let response = try await api.send("GET", "/server/ping", headers: client)
            if response.status == 429 { refusal = response } else { #expect(response.status == 200) }
        }
        let refused = try #require(refusal, "never refused")
        #expect(["0", "1", "2"].contains(refused.header("Retry-After") ?? ""))
        let message = ((refused.json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["message"] as? String ?? ""
        #expect(message.range(of: #"^Too many requests, retry after ([0-9]{1,3}ms|[12]s)\.$"#, options: .regularExpression) != nil, "\(message)")
        try await Task.sleep(nanoseconds: 2_100_000_000)
        #expect(try await api.send("GET", "/server/ping", headers: client).status == 200)
    }

    @Test func theGlobalLimiterCountsEveryClientTogether() async throws {
        let api = try await APIHost(.sqlite, environment: ["RATE_LIMITER_ENABLED": "true", "RATE_LIMITER_POINTS": "1",
                                                           "RATE_LIMITER_DURATION": "100", "RATE_LIMITER_GLOBAL_ENABLED": "true",
                                                           "RATE_LIMITER_GLOBAL_POINTS": "3", "RATE_LIMITER_GLOBAL_DURATION": "10",
                                                           "IP_TRUST_PROXY": "true"])
        defer { api.stop() }
        let info = try await RateLimitTests.info(api, client: "192.0.2.1")
        #expect(info["rateLimit"] as? [String: Int] == ["points": 1, "duration": 100])
        #expect(info["rateLimitGlobal"] as? [String: Int] == ["points": 3, "duration": 10])
        // Every request comes from a new address, so only the global window can refuse one.
        var refusal: TestResponse?
        for index in 2..<12 {
            let response = try await api.send("GET", "/server/ping", headers: ["X-Forwarded-For": "192.0.2.\(index)"])
            if response.status == 429 { refusal = response; break }
            #expect(response.status == 200)
        }
        let refused = try #require(refusal, "the global limiter never refused")
        let extensions = (((refused.json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["extensions"]) as? [String: Any]
        #expect(extensions?["limit"] as? Int == 3)
        #expect(extensions?["code"] as? String == "REQUESTS_EXCEEDED")
    }

    @Test func disabledLimitersAreReportedFalse() async throws {
        let api = try await APIHost(.sqlite)
        defer { api.stop() }
        let info = try #require(try await api.data("GET", "/server/info") as? [String: Any])
        #expect(info["rateLimit"] as? Bool == false)
        #expect(info["rateLimitGlobal"] as? Bool == false)
    }

    static func info(_ api: APIHost, client: String) async throws -> [String: Any] {
        let response = try await api.send("GET", "/server/info", headers: ["X-Forwarded-For": client])
        #expect(response.status == 200, "\(response.text)")
        return (response.json as? [String: Any])?["data"] as? [String: Any] ?? [:]
    }
}
