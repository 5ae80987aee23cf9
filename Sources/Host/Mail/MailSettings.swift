import Foundation

/// Directus's `EMAIL_*` variables: the sender and the transport.
public struct MailSettings: Sendable, Equatable {
    /// How messages leave the host.
    public enum Transport: Sendable, Equatable {
        case smtp(SMTPSettings)
        /// A sendmail-compatible program and the line ends it expects (`unix` or `windows`).
        case sendmail(path: String, crlf: Bool)
    }

    /// `EMAIL_FROM`: the sender address used when a message names none.
    public var from: String
    public var transport: Transport

    /// Reads the variables; a transport Plinth does not have (`mailgun`, `ses`) is refused with a clear message.
    public init(_ env: Environment) throws {
        from = env.string("EMAIL_FROM", default: "no-reply@example.com")
        let name = env.string("EMAIL_TRANSPORT", default: "sendmail").lowercased()
        switch name {
        case "smtp":
            transport = .smtp(try SMTPSettings(env))
        case "sendmail":
            let newline = try env.choice("EMAIL_SENDMAIL_NEW_LINE", ["unix", "windows"], default: "unix")
            transport = .sendmail(path: env.string("EMAIL_SENDMAIL_PATH", default: "/usr/sbin/sendmail"), crlf: newline == "windows")
        case "mailgun", "ses":
            throw ConfigError("EMAIL_TRANSPORT=\(name) is not available in Plinth: use smtp (most providers, Mailgun and SES included, offer SMTP) or sendmail.")
        default:
            throw ConfigError.invalid("EMAIL_TRANSPORT", expected: "one of smtp, sendmail", found: name)
        }
    }
}

/// The `EMAIL_SMTP_*` variables, with nodemailer's defaults where Directus sets none.
///
/// Its description leaves the password out, so logging it is safe.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    /// Implicit TLS from the first byte (`smtps`, usually port 465).
    public var secure: Bool
    /// Never upgrade with STARTTLS, even when the server offers it.
    public var ignoreTLS: Bool
    /// The name sent in `EHLO`; nil sends the machine's host name.
    public var name: String?
    /// Keep connections open and reuse them for later messages.
    public var pool: Bool
    /// Verify the server's certificate (`EMAIL_SMTP_TLS_REJECT_UNAUTHORIZED`).
    public var verifyCertificate: Bool

    public init(_ env: Environment) throws {
        host = env.string("EMAIL_SMTP_HOST", default: "localhost")
        secure = try env.bool("EMAIL_SMTP_SECURE", default: false)
        port = try env.int("EMAIL_SMTP_PORT", default: secure ? 465 : 587, in: 1...65535)
        user = env.string("EMAIL_SMTP_USER").flatMap { $0.isEmpty ? nil : $0 }
        password = env.string("EMAIL_SMTP_PASSWORD").flatMap { $0.isEmpty ? nil : $0 }
        ignoreTLS = try env.bool("EMAIL_SMTP_IGNORE_TLS", default: false)
        name = env.string("EMAIL_SMTP_NAME").flatMap { $0.isEmpty ? nil : $0 }
        pool = try env.bool("EMAIL_SMTP_POOL", default: false)
        verifyCertificate = try env.bool("EMAIL_SMTP_TLS_REJECT_UNAUTHORIZED", default: true)
    }

    /// The server's URL, without credentials.
    var url: String {
        let scheme = secure ? "smtps" : "smtp"
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)/" + (name.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .urlHostAllowed) } ?? "")
    }

    public var description: String {
        "\(secure ? "smtps" : "smtp")://\(host):\(port)" + (user.map { " as \($0)" } ?? "") + (password == nil ? "" : " (password set)")
    }
}
