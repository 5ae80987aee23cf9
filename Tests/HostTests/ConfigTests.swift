import Foundation
import Testing
@testable import Host

/// Configuration follows Directus's variable names and syntax, and names the variable in every error.
@Suite struct ConfigTests {
    @Test func dotEnvParsesQuotesCommentsAndExport() throws {
        let text = """
        # a comment
        export HOST=127.0.0.1
        PORT = 9000
        SECRET="quoted \\"value\\" with\\nnewline"
        LITERAL='single $quoted'
        TRAILING=value # comment after a space

        EMPTY=
        """
        let values = try DotEnv.parse(text, file: ".env")
        #expect(values == ["HOST": "127.0.0.1", "PORT": "9000", "SECRET": "quoted \"value\" with\nnewline",
                           "LITERAL": "single $quoted", "TRAILING": "value", "EMPTY": ""])
    }

    @Test func dotEnvRejectsLinesWithoutEqualsNamingTheLine() {
        #expect(throws: ConfigError.self) { try DotEnv.parse("OK=1\nBROKEN LINE\n", file: "my.env") }
        do {
            _ = try DotEnv.parse("OK=1\nBROKEN LINE\n", file: "my.env")
        } catch let error as ConfigError {
            #expect(error.message == "my.env:2: expected KEY=value, found \"BROKEN LINE\".")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func processEnvironmentWinsOverTheFile() throws {
        let dir = TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("plinth.env")
        try "PORT=9000\nHOST=10.0.0.1\n".write(to: file, atomically: true, encoding: .utf8)
        let env = try Environment.load(process: ["CONFIG_PATH": file.path, "PORT": "9100"])
        #expect(env["PORT"] == "9100")
        #expect(env["HOST"] == "10.0.0.1")
    }

    @Test func missingConfigPathIsAnError() {
        #expect(throws: ConfigError.self) { try Environment.load(process: ["CONFIG_PATH": "/nonexistent/plinth.env"]) }
    }

    @Test func fileSuffixReadsTheValueFromAFile() throws {
        let dir = TestSupport.temporaryDirectory()
        let secret = dir.appendingPathComponent("secret")
        try "s3cret\n".write(to: secret, atomically: true, encoding: .utf8)
        let env = try Environment.load(process: ["CONFIG_PATH": "/dev/null", "SECRET_FILE": secret.path])
        #expect(env["SECRET"] == "s3cret")
    }

    @Test func unreadableFileIsReportedOnlyForVariablesPlinthUses() throws {
        let env = try Environment.load(process: ["CONFIG_PATH": "/dev/null", "OTHER_TOOL_FILE": "/nonexistent", "DB_PASSWORD_FILE": "/nonexistent/pw"])
        #expect(env["OTHER_TOOL"] == nil)
        #expect(throws: ConfigError.self) { try Settings(env) }
    }

    @Test func invalidPortNamesTheVariableTheExpectationAndTheValue() {
        do {
            _ = try Settings(Environment(["PORT": "eighty"]))
            Issue.record("expected an error")
        } catch let error as ConfigError {
            #expect(error.message == "Invalid value for PORT: expected an integer from 0 to 65535, found \"eighty\".")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func invalidBooleanAndChoiceAreRefused() {
        #expect(throws: ConfigError.self) { try Settings(Environment(["EXTENSIONS_MUST_LOAD": "maybe"])) }
        #expect(throws: ConfigError.self) { try Settings(Environment(["LOG_LEVEL": "loud"])) }
        #expect(throws: ConfigError.self) { try Settings(Environment(["MAX_PAYLOAD_SIZE": "big"])) }
    }

    /// The pool watches for work by default with SQLite, under every name DB_CLIENT accepts for it.
    @Test func poolThreadsWatchByDefaultOnlyWithSQLite() throws {
        for (client, watch) in [("", 30), ("sqlite3", 30), ("SQLite", 30), ("pg", 0), ("postgres", 0), ("postgresql", 0)] {
            let env = client.isEmpty ? Environment([:]) : Environment(["DB_CLIENT": client])
            #expect(try Settings(env).pluginThreadsWatch == watch, "\(client)")
        }
        #expect(try Settings(Environment(["DB_CLIENT": "pg", "PLUGIN_THREADS_WATCH": "12"])).pluginThreadsWatch == 12)
        #expect(throws: ConfigError.self) { try Settings(Environment(["PLUGIN_THREADS_WATCH": "5000"])) }
    }

    @Test func defaultsAreTheEmbeddedOnes() throws {
        let settings = try Settings(Environment([:]))
        #expect(settings.host == "0.0.0.0")
        #expect(settings.port == 8055)
        #expect(settings.publicURL == "/")
        #expect(settings.maxPayloadSize == 1_048_576)
        #expect(settings.extensionsPath == "./extensions")
        #expect(settings.extensionsMustLoad == false)
        #expect(settings.dataPath == "./data")
        #expect(settings.secretGenerated)
        #expect(settings.secret.count == 32)
    }

    @Test func sizesDurationsAndTypePrefixesParse() throws {
        let env = Environment(["A": "1mb", "B": "500kb", "C": "2048", "D": "15m", "E": "7d", "F": "500", "G": "string:123", "H": "a, b,,c"])
        #expect(try env.bytes("A", default: 0) == 1_048_576)
        #expect(try env.bytes("B", default: 0) == 512_000)
        #expect(try env.bytes("C", default: 0) == 2048)
        #expect(try env.milliseconds("D", default: 0) == 900_000)
        #expect(try env.milliseconds("E", default: 0) == 604_800_000)
        #expect(try env.milliseconds("F", default: 0) == 500)
        #expect(env.string("G") == "123")
        #expect(env.list("H") == ["a", "b", "c"])
        #expect(try env.limit("Z", default: nil) == nil)
        #expect(try Environment(["Z": "Infinity"]).limit("Z", default: 5) == nil)
    }
}
