import Foundation
import PlinthJSON
import Testing
@testable import Host

/// `mail.send/1` and the engine's MailService on a bootstrapped database: Directus's system emails with the
/// project's name as sender, the `email.send` filter, and Directus errors for callers and failures.
@Suite(.serialized) struct MailServiceTests {
    /// A runtime of this process with the built-in plugins and an engine on a fresh database.
    static func runtime(_ database: DatabaseKind, _ extra: [String: String], extensions: URL? = nil) async throws -> Runtime {
        let folder = TestSupport.temporaryDirectory("plinth-mail")
        var env = try database.freshEnvironment()
        env["DATA_PATH"] = folder.path
        env.merge(extra) { $1 }
        let runtime = try TestSupport.runtime(plugins: URL(fileURLWithPath: TestSupport.buildDirectory),
                                              extensions: extensions ?? folder.appendingPathComponent("extensions"), extra: env)
        try runtime.loadPlugins()
        _ = try await runtime.startEngine()
        return runtime
    }

    static func smtp(_ sink: SMTPSink) -> [String: String] {
        ["EMAIL_TRANSPORT": "smtp", "EMAIL_SMTP_HOST": "127.0.0.1", "EMAIL_SMTP_PORT": "\(sink.port)"]
    }

    static func call(_ runtime: Runtime, _ args: JSON, context: CallContext? = nil) async throws -> JSON {
        let bytes = try await runtime.pool.run { try runtime.services.call("mail.send/1", context: context, args: args.encoded()) }
        return try JSON.parse(bytes)
    }

    @Test(arguments: DatabaseKind.allCases)
    func systemEmailsArriveWithDirectusSubjectsAndTheProjectAsSender(_ database: DatabaseKind) async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let runtime = try await Self.runtime(database, Self.smtp(sink).merging(["PROJECT_NAME": "Acme Data"]) { $1 })
        let url = "https://app.example.com/admin/reset-password?token=abc.def&next=/content"
        let result = try await Self.call(runtime, ["to": "user@example.com", "subject": "Password Reset Request",
                                                   "template": ["name": "password-reset", "data": ["url": .string(url), "email": "user@example.com"]]])
        let engine = try #require(runtime.engine)
        try await runtime.pool.run {
            let service = MailService(engine: engine)
            try service.sendInvitation(to: "new@example.com", url: "https://app.example.com/admin/accept-invite?token=inv")
            try service.sendRegistrationVerification(to: "self@example.com", url: "https://app.example.com/users/register/verify-email?token=reg")
        }
        let messages = try await sink.messages(3)
        let headers = messages.map { $0["headers"] as? [String: String] ?? [:] }
        #expect(headers.map { $0["Subject"] } == ["Password Reset Request", "You've been invited", "Verify your email address"])
        #expect(headers.map { $0["To"] } == ["user@example.com", "new@example.com", "self@example.com"])
        #expect(Set(headers.map { $0["From"] }) == ["Acme Data <no-reply@example.com>"])
        #expect(messages.map { $0["mail_from"] as? String } == ["no-reply@example.com", "no-reply@example.com", "no-reply@example.com"])
        #expect(result["messageId"]?.stringValue == headers[0]["Message-ID"])

        let parts = try #require(messages[0]["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        let html = try #require(parts[1]["content"] as? String)
        #expect(html.contains("href=\"https://app.example.com/admin/reset-password?token=abc.def&amp;next=/content\""))
        #expect(html.contains("Acme Data"))
        let text = try #require(parts[0]["content"] as? String)
        #expect(text.contains(url))
        let invitation = (messages[1]["parts"] as? [[String: Any]])?.last?["content"] as? String ?? ""
        #expect(invitation.contains("href=\"https://app.example.com/admin/accept-invite?token=inv\""))
        let registration = (messages[2]["parts"] as? [[String: Any]])?.last?["content"] as? String ?? ""
        #expect(registration.contains("href=\"https://app.example.com/users/register/verify-email?token=reg\""))
        await runtime.stop()
    }

    @Test func callersAndFailuresGetDirectusErrors() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let runtime = try await Self.runtime(.sqlite, Self.smtp(sink))
        let anonymous = CallContext(accountability: .anonymous(ip: "192.0.2.1"))
        let cases: [(JSON, CallContext?, String, String)] = [
            (["to": "a@example.com", "subject": "x", "html": "x"], anonymous, "FORBIDDEN", "You don't have permission to access this."),
            (["subject": "x", "html": "x"], nil, "INVALID_PAYLOAD", "Invalid payload. \"to\" is required."),
            (["to": "a@example.com", "html": "x"], nil, "INVALID_PAYLOAD", "Invalid payload. \"subject\" is required."),
            (["to": "a@example.com", "subject": "x"], nil, "INVALID_PAYLOAD", "Invalid payload. \"html\" or \"template\" is required."),
            (["to": "a@example.com", "subject": "x", "template": ["name": "newsletter"]], nil, "INVALID_PAYLOAD",
             "Invalid payload. Template \"newsletter\" doesn't exist."),
            (["to": "a@example.com", "subject": "x", "html": "x", "from": ["address": "b@example.com"]], nil, "INVALID_PAYLOAD",
             "Invalid payload. A name and address property are required in the \"from\" object."),
        ]
        for (args, context, code, message) in cases {
            do {
                _ = try await Self.call(runtime, args, context: context)
                Issue.record("\(args) was accepted")
            } catch let error as APIError {
                #expect(error.code == code)
                #expect(error.message == message)
            }
        }
        #expect(sink.received == 0)
        // A named sender object is used as given.
        _ = try await Self.call(runtime, ["to": ["a@example.com", "b@example.com"], "subject": "x", "html": "<p>x</p>",
                                          "from": ["name": "Ops", "address": "ops@example.com"]])
        let message = try await sink.messages(1)[0]
        #expect((message["headers"] as? [String: String])?["From"] == "Ops <ops@example.com>")
        #expect(message["rcpt_tos"] as? [String] == ["a@example.com", "b@example.com"])
        await runtime.stop()

        // Nothing listens on the port any more: the failure names the server and the cause.
        sink.stop()
        let closed = try await Self.runtime(.sqlite, Self.smtp(sink))
        do {
            _ = try await Self.call(closed, ["to": "a@example.com", "subject": "x", "html": "x"])
            Issue.record("sending to a closed port succeeded")
        } catch let error as APIError {
            #expect(error.code == "SERVICE_UNAVAILABLE")
            #expect(error.status == 503)
            #expect(error.message.hasPrefix("Service \"email\" is unavailable. Cannot send email through smtp://127.0.0.1:\(sink.port): "), "\(error.message)")
            #expect(error.extensions["service"] == "email")
        }
        await closed.stop()
    }

    @Test(arguments: [false, true])
    func emailSendFiltersMayReplaceOrCancelTheEmail(_ cancel: Bool) async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let extensions = TestSupport.temporaryDirectory("plinth-mail-ext")
        let source = TestSupport.root.appendingPathComponent("Tests/Fixtures/plugins/mail_filter_plugin.c").path
        let output = extensions.appendingPathComponent("mail_filter.so").path
        let built = try await offload { try TestSupport.run("/usr/bin/cc", ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-shared", "-fPIC",
                                                        "-I", TestSupport.abiInclude, source, "-o", output]
                                                       + (cancel ? ["-DMAIL_FILTER_CANCEL"] : [])) }
        #expect(built.status == 0, "\(built.output)")
        let runtime = try await Self.runtime(.sqlite, Self.smtp(sink), extensions: extensions)
        let result = try await Self.call(runtime, ["to": "original@example.com", "subject": "Original", "html": "<p>original</p>"])
        if cancel {
            #expect(result == ["messageId": .null])
            try await Task.sleep(nanoseconds: 200_000_000)
            #expect(sink.received == 0)
        } else {
            let message = try await sink.messages(1)[0]
            #expect(message["rcpt_tos"] as? [String] == ["filtered@example.com"])
            #expect((message["headers"] as? [String: String])?["Subject"] == "Filtered")
            #expect(result["messageId"]?.stringValue == (message["headers"] as? [String: String])?["Message-ID"])
        }
        await runtime.stop()
    }

    @Test func systemEmailsUseDirectusSubjectsAndEscapeWhatTheyShow() {
        let project = SystemEmails.Project(name: "R&D <Lab>", color: "#123456", logoURL: "https://cdn.example.com/logo.png?a=1&b=2")
        let reset = SystemEmails.passwordReset(url: "https://x.example/reset?token=1&b=\"2\"", project: project)
        #expect(reset.subject == "Password Reset Request")
        #expect(reset.html.contains("href=\"https://x.example/reset?token=1&amp;b=&quot;2&quot;\""))
        #expect(reset.html.contains("R&amp;D &lt;Lab&gt;"))
        #expect(!reset.html.contains("<Lab>"))
        #expect(reset.html.contains("src=\"https://cdn.example.com/logo.png?a=1&amp;b=2\""))
        #expect(reset.text.contains("https://x.example/reset?token=1&b=\"2\""))
        #expect(SystemEmails.userInvitation(url: "u", project: project).subject == "You've been invited")
        #expect(SystemEmails.userInvitation(url: "u", project: project, subject: "Join us").subject == "Join us")
        #expect(SystemEmails.userRegistration(url: "u", project: project).subject == "Verify your email address")
        #expect(!SystemEmails.layout("<p>x</p>", project: SystemEmails.Project()).contains("<img"), "no logo without a project logo")
    }
}
