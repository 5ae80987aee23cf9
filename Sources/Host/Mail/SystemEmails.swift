import Foundation

/// The emails Directus sends by itself — password reset, user invitation, registration verification —
/// with Directus's subjects, in Plinth's own HTML layout and with a plain-text alternative.
public enum SystemEmails {
    /// The project details every system email shows.
    public struct Project: Sendable, Equatable {
        public var name: String
        /// The accent colour, `#171717` when the project has none.
        public var color: String
        /// The logo's URL, or nil for none.
        public var logoURL: String?
        /// The project's URL, linked from the footer when set.
        public var url: String?

        public init(name: String = "Directus", color: String = "#171717", logoURL: String? = nil, url: String? = nil) {
            self.name = name
            self.color = color
            self.logoURL = logoURL
            self.url = url
        }
    }

    /// A rendered system email.
    public struct Rendered: Sendable, Equatable {
        public var subject: String
        public var html: String
        public var text: String
    }

    /// The template names `mail.send/1` accepts, as Directus names its template files.
    public static let templateNames = ["base", "password-reset", "user-invitation", "user-registration"]

    /// "Password Reset Request", with the reset link (`url` carries the token).
    public static func passwordReset(url: String, project: Project) -> Rendered {
        message(subject: "Password Reset Request", project: project, heading: "Reset your \(project.name) password",
                intro: "Someone asked to reset the password of your \(project.name) account. If it was you, open the link below and choose a new password. If it was not, ignore this email or tell an administrator; your password stays as it is.",
                action: "Reset your password", url: url, note: "The link is valid for 24 hours.")
    }

    /// "You've been invited" (or `subject`), with the link that accepts the invitation.
    public static func userInvitation(url: String, project: Project, subject: String? = nil) -> Rendered {
        message(subject: subject ?? "You've been invited", project: project, heading: "Join \(project.name)",
                intro: "You have been invited to \(project.name). Open the link below to accept the invitation and set your password.",
                action: "Accept the invitation", url: url, note: nil)
    }

    /// "Verify your email address", with the link that completes a self-registration.
    public static func userRegistration(url: String, project: Project) -> Rendered {
        message(subject: "Verify your email address", project: project, heading: "Verify your email address",
                intro: "Thank you for registering with \(project.name). Open the link below to confirm this address and finish your registration. If you did not register, you can ignore this email.",
                action: "Verify email", url: url, note: nil)
    }

    /// Any HTML fragment inside the layout (the `base` template).
    public static func layout(_ content: String, project: Project) -> String {
        let accent = escape(project.color)
        let logo = project.logoURL.map {
            "<img src=\"\(escape($0))\" alt=\"\(escape(project.name))\" width=\"40\" height=\"40\" style=\"display:block;border-radius:8px;background:\(accent);padding:8px\">"
        } ?? ""
        let footerLink = project.url.flatMap { $0.isEmpty ? nil : $0 }.map {
            " · <a href=\"\(escape($0))\" style=\"color:#525252\">\(escape($0))</a>"
        } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(project.name))</title>
        </head>
        <body style="margin:0;padding:0;background:#f4f4f5">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5">
        <tr><td align="center" style="padding:32px 16px">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px">
        <tr><td style="padding:32px 32px 0 32px">\(logo)</td></tr>
        <tr><td style="padding:24px 32px 32px 32px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#27272a">
        \(content)
        </td></tr>
        </table>
        <p style="font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#71717a;margin:16px 0 0 0">Sent by \(escape(project.name))\(footerLink)</p>
        </td></tr>
        </table>
        </body>
        </html>
        """
    }

    private static func message(subject: String, project: Project, heading: String, intro: String, action: String, url: String, note: String?) -> Rendered {
        let accent = escape(project.color)
        var content = """
        <h1 style="font-size:24px;line-height:32px;margin:0 0 16px 0;color:#18181b">\(escape(heading))</h1>
        <p style="margin:0 0 24px 0">\(escape(intro))</p>
        <p style="margin:0 0 24px 0"><a href="\(escape(url))" style="display:inline-block;padding:12px 24px;border-radius:8px;background:\(accent);color:#ffffff;font-weight:600;text-decoration:none">\(escape(action))</a></p>
        <p style="margin:0;font-size:13px;color:#71717a">If the button does not work, paste this address into your browser:<br><a href="\(escape(url))" style="color:#52525b;word-break:break-all">\(escape(url))</a></p>
        """
        if let note { content += "\n<p style=\"margin:24px 0 0 0;font-size:13px;color:#71717a\">\(escape(note))</p>" }
        var text = "\(heading)\n\n\(intro)\n\n\(action): \(url)\n"
        if let note { text += "\n\(note)\n" }
        text += "\n— \(project.name)\n"
        return Rendered(subject: subject, html: layout(content, project: project), text: text)
    }

    /// HTML-escapes text and attribute values.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
