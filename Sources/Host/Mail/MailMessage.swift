import Foundation

/// One email: its envelope and its RFC 5322 text, HTML with an optional plain-text alternative.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var html: String
    public var text: String?
    public var date: Date
    /// `<…@domain>`, generated from the sender's domain.
    public var messageID: String

    /// Creates a message; `to` must name at least one recipient.
    public init(from: MailAddress, to: [MailAddress], subject: String, html: String, text: String? = nil, date: Date = Date()) throws {
        guard !to.isEmpty else { throw MailError("An email needs at least one recipient.") }
        // Unicode scalars, not characters: "\r\n" is a single Character equal to neither.
        guard !subject.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { throw MailError("An email subject cannot contain line breaks.") }
        self.from = from
        self.to = to
        self.subject = subject
        self.html = html
        self.text = text
        self.date = date
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        messageID = "<\(MIME.token())@\(domain)>"
    }

    /// The message with CRLF line ends, ready for SMTP `DATA` (or sendmail's standard input).
    public func rendered() -> String {
        var lines = [
            "From: " + MIME.fold([from.description], first: 6),
            "To: " + MIME.fold(to.enumerated().map { $0.offset < to.count - 1 ? $0.element.description + "," : $0.element.description }, first: 4),
            "Subject: " + MIME.headerText(subject, nameLength: 7),
            "Date: " + MIME.date(date),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
        ]
        if let text {
            let boundary = "--_plinth_" + MIME.token()
            lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--" + boundary)
            lines += MailMessage.part("text/plain", text)
            lines.append("--" + boundary)
            lines += MailMessage.part("text/html", html)
            lines.append("--" + boundary + "--")
        } else {
            lines += MailMessage.part("text/html", html)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func part(_ type: String, _ body: String) -> [String] {
        ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", MIME.quotedPrintable(body)]
    }
}
