import Foundation
import Testing

/// The real `plinth` binary: starts, serves the built-in endpoint plugin, refuses bad input, stops cleanly.
@Suite(.serialized) struct LiveStartTests {
    @Test func startsAnswersPingAndStopsGracefully() async throws {
        let host = try LiveHost()
        defer { host.stop() }
        try await host.waitUntilReady()

        let ping = try await TestHTTP.get(host.baseURL + "/server/ping")
        #expect(ping.status == 200)
        #expect(ping.text == "pong")
        #expect(ping.header("content-type")?.hasPrefix("text/html") == true)

        let missing = try await TestHTTP.get(host.baseURL + "/no/such/route")
        #expect(missing.status == 404)
        #expect(missing.text == #"{"errors":[{"message":"Route /no/such/route doesn't exist.","extensions":{"code":"ROUTE_NOT_FOUND"}}]}"#)

        let health = try await TestHTTP.get(host.baseURL + "/server/health")
        #expect(health.status == 200)
        #expect(health.text == #"{"status":"ok"}"#)

        let extensions = try await TestHTTP.get(host.baseURL + "/extensions")
        #expect(extensions.status == 403)
        #expect(extensions.text == #"{"errors":[{"message":"You don't have permission to access this.","extensions":{"code":"FORBIDDEN"}}]}"#)

        #expect(host.stop() == 0)
        #expect(host.log.contains("Server stopped"))
    }

    @Test func oversizedBodyIsRefusedWithInvalidPayload() async throws {
        let host = try LiveHost(environment: ["MAX_PAYLOAD_SIZE": "1kb"])
        defer { host.stop() }
        try await host.waitUntilReady()
        let body = TestSupport.temporaryDirectory().appendingPathComponent("body.json")
        try Data(repeating: UInt8(ascii: "a"), count: 4096).write(to: body)
        let expected = #"{"errors":[{"message":"Invalid payload. request entity too large.","extensions":{"code":"INVALID_PAYLOAD","reason":"request entity too large"}}]}"# + "\n400"
        // curl copes with a server that answers before reading the whole body, as real clients do.
        for framing in ["Content-Length: 4096", "Transfer-Encoding: chunked"] {
            let result = try TestSupport.run("/usr/bin/curl", ["-s", "-X", "GET", "-H", framing, "-H", "Content-Type: application/json",
                                                              "--data-binary", "@\(body.path)", "-w", "\n%{http_code}", host.baseURL + "/server/info"])
            #expect(result.output == expected, "with \(framing)")
        }
        let small = try TestSupport.run("/usr/bin/curl", ["-s", "-X", "GET", "-H", "Content-Type: application/json", "--data-binary", "{}",
                                                         "-w", "\n%{http_code}", host.baseURL + "/server/info"])
        #expect(small.output.hasSuffix("\n200"))
    }

    @Test func invalidConfigurationExitsWithAMessageNamingTheVariable() throws {
        let host = try LiveHost(environment: ["PORT": "not-a-port"])
        let status = host.waitForExit()
        #expect(status == 1)
        #expect(host.log.contains("plinth: Invalid value for PORT: expected an integer from 0 to 65535, found \"not-a-port\"."))
    }

    @Test func badExtensionIsSkippedUnlessItMustLoad() async throws {
        let extensions = TestSupport.temporaryDirectory("live-ext")
        let bad = try TestSupport.buildFixture("old.so", in: extensions, defines: ["FIXTURE_MAJOR=0"])
        let good = try TestSupport.buildFixture("good.so", in: extensions, defines: ["FIXTURE_ID=\"fixture.live\""])
        _ = good

        let lenient = try LiveHost(environment: ["EXTENSIONS_PATH": extensions.path])
        defer { lenient.stop() }
        try await lenient.waitUntilReady()
        #expect(lenient.log.contains("Refused plugin \(bad): expected ABI major 1, found 0"))
        let fixture = try await TestHTTP.get(lenient.baseURL + "/fixture/ping")
        #expect(fixture.text == "fixture pong")
        lenient.stop()

        let strict = try LiveHost(environment: ["EXTENSIONS_PATH": extensions.path, "EXTENSIONS_MUST_LOAD": "true"])
        let status = strict.waitForExit()
        #expect(status != nil && status != 0)
        #expect(strict.log.contains("Refused plugin \(bad): expected ABI major 1, found 0"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("start"))
    }
}
