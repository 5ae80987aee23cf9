import Foundation
import Logging

/// Sends email through the transport Directus's `EMAIL_*` variables configure (SMTP or sendmail).
///
/// The configuration is read when the mailer is created, but nothing
/// connects until the first message. Every send blocks the calling thread
/// until the transport accepted the message: call it from the blocking pool.
public final class Mailer: @unchecked Sendable {
    /// The configuration, or why it is unusable (reported on every send).
    public let settings: Result<MailSettings, ConfigError>
    private let logger: Logger
    private let smtp: SMTPTransport?

    /// Reads the configuration; an unusable one is logged as a warning and reported again on each send.
    public init(env: Environment, logger: Logger) {
        self.logger = logger
        do {
            let settings = try MailSettings(env)
            self.settings = .success(settings)
            if case .smtp(let smtp) = settings.transport { self.smtp = SMTPTransport(smtp) } else { smtp = nil }
        } catch let error as ConfigError {
            settings = .failure(error)
            smtp = nil
            logger.warning("Email is not configured correctly, so no email can be sent: \(error.message)")
        } catch {
            settings = .failure(ConfigError("\(error)"))
            smtp = nil
        }
    }

    /// Sends an HTML email (with a plain-text alternative when `text` is given) and returns its Message-ID.
    ///
    /// `from` is an address or `Name <address>`; nil uses `EMAIL_FROM`.
    @discardableResult
    public func send(to: [String], subject: String, html: String, text: String? = nil, from: String? = nil) throws -> String {
        let settings = try self.settings.get()
        let sender = try MailAddress(parsing: from ?? settings.from)
        let message = try MailMessage(from: sender, to: try to.map(MailAddress.init(parsing:)), subject: subject, html: html, text: text)
        try send(message)
        return message.messageID
    }

    /// Sends a prepared message.
    public func send(_ message: MailMessage) throws {
        let settings = try self.settings.get()
        let data = Array(message.rendered().utf8)
        let recipients = message.to.map(\.address)
        switch settings.transport {
        case .smtp:
            try smtp!.send(sender: message.from.address, recipients: recipients, data: data)
        case .sendmail(let path, let crlf):
            try SendmailTransport(path: path, crlf: crlf).send(sender: message.from.address, recipients: recipients, data: data)
        }
        logger.debug("Email sent", metadata: ["message-id": "\(message.messageID)", "recipients": "\(recipients.count)"])
    }
}
