import Foundation
import Logging
import Testing
@testable import Host

/// The mailer against a real SMTP server: envelope, MIME structure and encodings as Python's email
/// parser reads them, AUTH, STARTTLS and implicit TLS, pooled connections, and secrets kept out of errors and logs.
@Suite(.serialized) struct MailerTests {
    static func mailer(_ sink: SMTPSink, _ extra: [String: String] = [:], logger: Logger = MailerTests.silent) -> Mailer {
        var values = ["EMAIL_TRANSPORT": "smtp", "EMAIL_SMTP_HOST": "127.0.0.1", "EMAIL_SMTP_PORT": "\(sink.port)",
                      "EMAIL_FROM": "sender@example.com"]
        values.merge(extra) { $1 }
        return Mailer(env: Environment(values), logger: logger)
    }

    static let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test func aMessageArrivesWithItsEnvelopeHeadersAndBothParts() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let subject = "Grüße aus Plinth — ein Betreff, der lang genug ist, um über mehrere kodierte Wörter verteilt zu werden ✓"
        let longLine = String(repeating: "0123456789 abc=def ", count: 12)
        let html = "<p>Héllo</p>\n.starts with a dot\n\(longLine)\ntrailing space \n<a href=\"https://example.com/reset?token=abc&x=1\">Reset</a>"
        let mailer = Self.mailer(sink)
        let id = try await offload {
            try mailer.send(to: ["Ann Example <ann@example.com>", "bob@example.com"], subject: subject, html: html, text: "Hello, Ann.\nLine two.")
        }
        let message = try await sink.messages(1)[0]
        #expect(message["mail_from"] as? String == "sender@example.com")
        #expect(message["rcpt_tos"] as? [String] == ["ann@example.com", "bob@example.com"])
        #expect(message["defects"] as? [String] == [])
        let headers = try #require(message["headers"] as? [String: String])
        #expect(Set(headers.keys) == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"])
        #expect(headers["Subject"] == subject)
        #expect(headers["From"] == "sender@example.com")
        #expect(headers["To"] == "Ann Example <ann@example.com>, bob@example.com")
        #expect(headers["Message-ID"] == id)
        #expect(id.hasSuffix("@example.com>"))
        #expect(headers["MIME-Version"] == "1.0")
        let date = try #require(headers["Date"])
        #expect(date.range(of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#, options: .regularExpression) != nil, "\(date)")
        #expect(message["content_type"] as? String == "multipart/alternative")
        let parts = try #require(message["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect(parts.map { $0["charset"] as? String } == ["utf-8", "utf-8"])
        #expect(parts.map { $0["transfer_encoding"] as? String } == ["quoted-printable", "quoted-printable"])
        // MIME text travels with CRLF line ends.
        #expect(parts[0]["content"] as? String == "Hello, Ann.\r\nLine two.")
        #expect(parts[1]["content"] as? String == html.replacingOccurrences(of: "\n", with: "\r\n"))
        // No line of the raw message is longer than SMTP allows, so no server rewraps the body.
        let raw = try String(contentsOf: sink.folder.appendingPathComponent("1.eml"), encoding: .utf8)
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func anHTMLOnlyMessageIsASinglePartAndTheSenderCanBeNamed() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await offload { try Self.mailer(sink).send(to: ["carol@example.com"], subject: "Plain subject", html: "<b>Hi</b>", from: "Plinth Ops <ops@example.org>") }
        let message = try await sink.messages(1)[0]
        #expect(message["mail_from"] as? String == "ops@example.org")
        #expect((message["headers"] as? [String: String])?["From"] == "Plinth Ops <ops@example.org>")
        #expect(message["content_type"] as? String == "text/html")
        let content = ((message["parts"] as? [[String: Any]])?.first?["content"]) as? String
        #expect(content?.trimmingCharacters(in: .newlines) == "<b>Hi</b>")
    }

    @Test func credentialsAreSentWithAUTHAndNeverShown() async throws {
        let secret = "s3cr3t-Pa55word"
        let sink = try await SMTPSink.start(user: "mailer", password: secret)
        defer { sink.stop() }
        let records = LogRecords()
        let logger = Logger(label: "test") { _ in records }
        let accepted = Self.mailer(sink, ["EMAIL_SMTP_USER": "mailer", "EMAIL_SMTP_PASSWORD": secret], logger: logger)
        try await offload { try accepted.send(to: ["dan@example.com"], subject: "Authenticated", html: "<p>ok</p>") }
        #expect(try await sink.messages(1)[0]["user"] as? String == "mailer")

        let mailer = Self.mailer(sink, ["EMAIL_SMTP_USER": "mailer", "EMAIL_SMTP_PASSWORD": "wrong-\(secret)"], logger: logger)
        do {
            try await offload { try mailer.send(to: ["dan@example.com"], subject: "Refused", html: "<p>no</p>") }
            Issue.record("a wrong password was accepted")
        } catch let error as MailError {
            #expect(error.message.hasPrefix("Cannot send email through smtp://127.0.0.1:\(sink.port) as mailer (password set): "), "\(error.message)")
            #expect(!error.message.contains(secret))
        }
        #expect(sink.received == 1)
        #expect(!records.text.contains(secret))
        guard case .success(let settings) = mailer.settings, case .smtp(let smtp) = settings.transport else {
            Issue.record("smtp settings expected")
            return
        }
        #expect(!"\(smtp)".contains(secret))
    }

    @Test func startTLSAndImplicitTLSEncryptTheSession() async throws {
        for security in [SMTPSink.Security.startTLS, .tls] {
            let sink = try await SMTPSink.start(security: security)
            defer { sink.stop() }
            let secure = security == .tls ? "true" : "false"
            // A self-signed certificate is refused unless verification is turned off.
            do {
                try await offload { try Self.mailer(sink, ["EMAIL_SMTP_SECURE": secure]).send(to: ["eve@example.com"], subject: "Verified", html: "<p>x</p>") }
                Issue.record("an unverifiable certificate was accepted (\(security))")
            } catch let error as MailError {
                #expect(error.message.contains("Cannot send email through smtp"), "\(error.message)")
            }
            let mailer = Self.mailer(sink, ["EMAIL_SMTP_SECURE": secure, "EMAIL_SMTP_TLS_REJECT_UNAUTHORIZED": "false"])
            try await offload { try mailer.send(to: ["eve@example.com"], subject: "Encrypted", html: "<p>x</p>") }
            let message = try await sink.messages(1)[0]
            #expect(message["tls"] as? Bool == true, "\(security)")
            #expect((message["headers"] as? [String: String])?["Subject"] == "Encrypted")
        }
    }

    @Test func ignoreTLSNeverUpgrades() async throws {
        let sink = try await SMTPSink.start(security: .startTLS)
        defer { sink.stop() }
        // The sink insists on STARTTLS, so a client that never upgrades is turned away.
        let mailer = Self.mailer(sink, ["EMAIL_SMTP_IGNORE_TLS": "true"])
        await #expect(throws: MailError.self) {
            try await offload { try mailer.send(to: ["eve@example.com"], subject: "Plain", html: "<p>x</p>") }
        }
        #expect(sink.received == 0)
    }

    @Test func aPooledMailerReusesItsConnection() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let pooled = Self.mailer(sink, ["EMAIL_SMTP_POOL": "true"])
        try await offload { try pooled.send(to: ["a@example.com"], subject: "One", html: "1") }
        try await offload { try pooled.send(to: ["a@example.com"], subject: "Two", html: "2") }
        let single = Self.mailer(sink)
        try await offload { try single.send(to: ["a@example.com"], subject: "Three", html: "3") }
        try await offload { try single.send(to: ["a@example.com"], subject: "Four", html: "4") }
        let ports = try await sink.messages(4).map { $0["peer_port"] as? Int }
        #expect(ports[0] == ports[1], "pooled messages share a connection")
        #expect(ports[2] != ports[3], "without a pool each message has its own connection")
    }

    @Test func addressesThatCouldInjectAreRefused() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let mailer = Self.mailer(sink)
        for bad in ["a@example.com\r\nBcc: x@example.com", "-oQ/tmp@example.com", "no-at-sign", "a b@example.com", ""] {
            #expect(throws: MailError.self) { try mailer.send(to: [bad], subject: "x", html: "x") }
        }
        #expect(throws: MailError.self) { try mailer.send(to: ["a@example.com"], subject: "two\r\nlines", html: "x") }
        #expect(throws: MailError.self) { try mailer.send(to: [], subject: "nobody", html: "x") }
        #expect(sink.received == 0)
    }

    @Test func settingsFollowDirectusNamesAndDefaults() async throws {
        let defaults = try MailSettings(Environment([:]))
        #expect(defaults.from == "no-reply@example.com")
        #expect(defaults.transport == .sendmail(path: "/usr/sbin/sendmail", crlf: false))
        let smtp = try SMTPSettings(Environment(["EMAIL_SMTP_SECURE": "true"]))
        #expect(smtp.host == "localhost")
        #expect(smtp.port == 465)
        #expect(try SMTPSettings(Environment([:])).port == 587)
        #expect(smtp.url == "smtps://localhost:465/")
        #expect(try SMTPSettings(Environment(["EMAIL_SMTP_HOST": "::1", "EMAIL_SMTP_NAME": "plinth.example"])).url == "smtp://[::1]:587/plinth.example")
        #expect(throws: ConfigError.self) { try MailSettings(Environment(["EMAIL_TRANSPORT": "ses"])) }
        #expect(throws: ConfigError.self) { try MailSettings(Environment(["EMAIL_TRANSPORT": "pigeon"])) }
        let broken = Mailer(env: Environment(["EMAIL_TRANSPORT": "mailgun"]), logger: Self.silent)
        do {
            try await offload { try broken.send(to: ["a@example.com"], subject: "x", html: "x") }
            Issue.record("an unusable transport sent mail")
        } catch let error as ConfigError {
            #expect(error.message == "EMAIL_TRANSPORT=mailgun is not available in Plinth: use smtp (most providers, Mailgun and SES included, offer SMTP) or sendmail.")
        }
    }

    @Test func sendmailGetsTheEnvelopeAsArgumentsAndTheMessageOnItsInput() async throws {
        let folder = TestSupport.temporaryDirectory("plinth-sendmail")
        let script = folder.appendingPathComponent("sendmail")
        try """
        #!/bin/sh
        printf '%s\\n' "$@" > "\(folder.path)/args"
        cat > "\(folder.path)/message"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let mailer = Mailer(env: Environment(["EMAIL_SENDMAIL_PATH": script.path, "EMAIL_FROM": "Plinth <sender@example.com>"]), logger: Self.silent)
        try await offload { try mailer.send(to: ["ann@example.com", "bob@example.com"], subject: "Via sendmail", html: "<p>hi</p>") }
        let arguments = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
        #expect(arguments == "-i\n-f\nsender@example.com\nann@example.com\nbob@example.com\n")
        let message = try String(contentsOf: folder.appendingPathComponent("message"), encoding: .utf8)
        #expect(message.contains("Subject: Via sendmail\n"))
        #expect(message.contains("From: \"Plinth\" <sender@example.com>\n"))
        #expect(!message.contains("\r"), "EMAIL_SENDMAIL_NEW_LINE=unix (the default) sends LF line ends")

        let missing = Mailer(env: Environment(["EMAIL_SENDMAIL_PATH": folder.appendingPathComponent("nope").path]), logger: Self.silent)
        await #expect(throws: MailError.self) { try await offload { try missing.send(to: ["a@example.com"], subject: "x", html: "x") } }
    }
}

/// A log handler that keeps every line, to check what was logged.
final class LogRecords: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { lines.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(event.error.map { "\($0)" } ?? "") \(self.metadata)") }
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
