import Foundation
import Testing
@testable import Host

/// The headers Directus sets on every response: helmet's Content-Security-Policy with Directus's directives,
/// Cross-Origin-Opener-Policy, optional HSTS, and `X-Powered-By: Directus`.
@Suite struct SecurityHeadersTests {
    /// What Directus 11 (helmet 8.1) sends with no CONTENT_SECURITY_POLICY_* variable.
    static let directusPolicy = "script-src 'self' 'unsafe-eval';worker-src 'self' blob:;child-src 'self' blob:;"
        + "img-src 'self' data: blob: https://raw.githubusercontent.com https://avatars.githubusercontent.com;media-src 'self';"
        + "connect-src 'self' https://* wss://*;default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';"
        + "frame-ancestors 'self';object-src 'none';script-src-attr 'none';style-src 'self' https: 'unsafe-inline'"

    @Test func defaultsAreDirectusHeaders() throws {
        let settings = try SecurityHeaderSettings(Environment([:]))
        #expect(settings.headers.map(\.name) == ["Content-Security-Policy", "Cross-Origin-Opener-Policy", "X-Powered-By"])
        #expect(settings.headers.map(\.value) == [Self.directusPolicy, "same-origin-allow-popups", "Directus"])
    }

    @Test func directivesMergeAsDirectusMergesThem() throws {
        let policy = try SecurityHeaderSettings.contentSecurityPolicy(Environment([
            // A list replaces Directus's entries position by position (lodash merge) …
            "CONTENT_SECURITY_POLICY_DIRECTIVES__IMG_SRC": "'self',https://cdn.test",
            // … one value replaces the whole directive …
            "CONTENT_SECURITY_POLICY_DIRECTIVES__SCRIPT_SRC": "'self'",
            // … null removes one, and a new one goes after Directus's own.
            "CONTENT_SECURITY_POLICY_DIRECTIVES__MEDIA_SRC": "null",
            "CONTENT_SECURITY_POLICY_DIRECTIVES__FRAME_ANCESTORS": "'none'",
            "CONTENT_SECURITY_POLICY_DIRECTIVES__UPGRADE_INSECURE_REQUESTS": "[]",
        ]))
        #expect(policy == "script-src 'self';upgrade-insecure-requests;worker-src 'self' blob:;child-src 'self' blob:;"
            + "img-src 'self' https://cdn.test blob: https://raw.githubusercontent.com https://avatars.githubusercontent.com;"
            + "connect-src 'self' https://* wss://*;frame-ancestors 'none';default-src 'self';base-uri 'self';font-src 'self' https: data:;"
            + "form-action 'self';object-src 'none';script-src-attr 'none';style-src 'self' https: 'unsafe-inline'")
        #expect(throws: ConfigError.self) {
            try SecurityHeaderSettings.contentSecurityPolicy(Environment(["CONTENT_SECURITY_POLICY_DIRECTIVES__SCRIPT_SRC": "self"]))
        }
        #expect(throws: ConfigError.self) {
            try SecurityHeaderSettings.contentSecurityPolicy(Environment(["CONTENT_SECURITY_POLICY_USE_DEFAULTS": "false"]))
        }
    }

    @Test func hstsAndOpenerPolicyFollowTheirVariables() throws {
        let settings = try SecurityHeaderSettings(Environment(["HSTS_ENABLED": "true", "HSTS_PRELOAD": "true", "HSTS_MAX_AGE": "600",
                                                                "CROSS_ORIGIN_OPENER_POLICY": "same-origin",
                                                                "CONTENT_SECURITY_POLICY_REPORT_ONLY": "true"]))
        #expect(settings.headers.map(\.name) == ["Content-Security-Policy-Report-Only", "Cross-Origin-Opener-Policy",
                                                 "Strict-Transport-Security", "X-Powered-By"])
        #expect(settings.headers[1].value == "same-origin")
        #expect(settings.headers[2].value == "max-age=600; includeSubDomains; preload")
        let off = try SecurityHeaderSettings(Environment(["CROSS_ORIGIN_OPENER_POLICY_ENABLED": "false"]))
        #expect(off.headers.map(\.name) == ["Content-Security-Policy", "X-Powered-By"])
    }

    @Test func everyResponseCarriesThem() async throws {
        let host = try LiveHost()
        defer { host.stop() }
        try await host.waitUntilReady()
        for path in ["/server/ping", "/no/such/route"] {
            let response = try await TestHTTP.get(host.baseURL + path)
            #expect(response.header("Content-Security-Policy") == Self.directusPolicy)
            #expect(response.header("Cross-Origin-Opener-Policy") == "same-origin-allow-popups")
            #expect(response.header("X-Powered-By") == "Directus")
            #expect(response.header("Strict-Transport-Security") == nil)
        }
    }
}
