import Foundation
import PlinthJSON

/// Directus's MailService: fills a template with the project's details, names the project as the sender,
/// lets `email.send` filters change or cancel the email, then hands it to the engine's mailer.
///
/// Blocks until the message was accepted; run it on the blocking pool.
public struct MailService {
    let engine: Engine
    let context: CallContext?

    /// A mail service acting for `context` (nil: the engine itself).
    public init(engine: Engine, context: CallContext? = nil) {
        self.engine = engine
        self.context = context
    }

    /// Sends Directus's password-reset email to `email`, linking `url`; `subject` overrides "Password Reset Request".
    @discardableResult
    public func sendPasswordReset(to email: String, url: String, subject: String? = nil) throws -> String? {
        try send(["to": .string(email), "subject": .string(subject ?? "Password Reset Request"),
                  "template": ["name": "password-reset", "data": ["url": .string(url), "email": .string(email)]]])
    }

    /// Sends Directus's invitation email to `email`, linking `url`; `subject` overrides "You've been invited".
    @discardableResult
    public func sendInvitation(to email: String, url: String, subject: String? = nil) throws -> String? {
        try send(["to": .string(email), "subject": .string(subject ?? "You've been invited"),
                  "template": ["name": "user-invitation", "data": ["url": .string(url), "email": .string(email)]]])
    }

    /// Sends Directus's registration-verification email ("Verify your email address") to `email`, linking `url`.
    @discardableResult
    public func sendRegistrationVerification(to email: String, url: String, firstName: String? = nil, lastName: String? = nil) throws -> String? {
        let data: JSONObject = ["url": .string(url), "email": .string(email),
                                "first_name": firstName.map(JSON.string) ?? .null, "last_name": lastName.map(JSON.string) ?? .null]
        return try send(["to": .string(email), "subject": "Verify your email address",
                         "template": ["name": "user-registration", "data": .object(data)]])
    }

    /// Sends an email in Directus's shape — `to` (string or array), `subject`, `html` or `template`
    /// (`{name, data}`), optional `text` and `from` (string or `{name, address}`) — and returns its
    /// Message-ID, or nil when an `email.send` filter cancelled it.
    public func send(_ email: JSONObject) throws -> String? {
        var payload = JSON.object(email)
        if engine.bus.hasFilters("email.send") {
            let filtered = try engine.bus.filter("email.send", payload: payload.encoded(), meta: Array("{}".utf8), context: context)
            payload = try JSON.parse(filtered)
            guard payload.objectValue != nil else { return nil }
        }
        let recipients: [String]
        if let one = payload["to"]?.stringValue {
            recipients = [one]
        } else if let many = payload["to"]?.arrayValue, !many.isEmpty {
            recipients = many.compactMap(\.stringValue)
        } else {
            throw APIError.invalidPayload("\"to\" is required")
        }
        guard let subject = payload["subject"]?.stringValue else { throw APIError.invalidPayload("\"subject\" is required") }
        let project = try projectDetails()
        var html = payload["html"]?.stringValue
        var text = payload["text"]?.stringValue
        if let template = payload["template"], !template.isNull {
            let rendered = try render(template, project: project)
            html = rendered.html
            text = text ?? rendered.text
        }
        guard let body = html else { throw APIError.invalidPayload("\"html\" or \"template\" is required") }
        // Directus trims every line: some mail clients misbehave with long indented lines.
        let trimmed = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        let sender = try self.sender(payload["from"], project: project)
        do {
            let addresses = try recipients.map(MailAddress.init(parsing:))
            let message = try MailMessage(from: sender, to: addresses, subject: subject, html: trimmed, text: text)
            try engine.mailer.send(message)
            return message.messageID
        } catch let error as MailError {
            throw APIError(code: "SERVICE_UNAVAILABLE", status: 503, message: "Service \"email\" is unavailable. \(error.message)",
                           extensions: ["service": "email", "reason": .string(error.message)])
        } catch let error as ConfigError {
            throw APIError(code: "SERVICE_UNAVAILABLE", status: 503, message: "Service \"email\" is unavailable. \(error.message)",
                           extensions: ["service": "email", "reason": .string(error.message)])
        }
    }

    /// `from` as Directus reads it: `{name, address}`, or an address sent in the project's name; EMAIL_FROM when absent.
    private func sender(_ from: JSON?, project: SystemEmails.Project) throws -> MailAddress {
        do {
            if let object = from?.objectValue {
                guard let name = object["name"]?.stringValue, let address = object["address"]?.stringValue else {
                    throw APIError.invalidPayload("A name and address property are required in the \"from\" object")
                }
                return try MailAddress(name: name, address: address)
            }
            let configured = try engine.mailer.settings.get().from
            let parsed = try MailAddress(parsing: from?.stringValue ?? configured)
            return parsed.name == nil ? try MailAddress(name: project.name, address: parsed.address) : parsed
        } catch let error as MailError {
            throw APIError.invalidPayload(error.message)
        } catch let error as ConfigError {
            throw APIError(code: "SERVICE_UNAVAILABLE", status: 503, message: "Service \"email\" is unavailable. \(error.message)",
                           extensions: ["service": "email", "reason": .string(error.message)])
        }
    }

    private func render(_ template: JSON, project: SystemEmails.Project) throws -> (html: String, text: String?) {
        guard let name = template["name"]?.stringValue else { throw APIError.invalidPayload("\"template.name\" is required") }
        let data = template["data"]?.objectValue ?? [:]
        let url = data["url"]?.stringValue ?? ""
        switch name {
        case "password-reset":
            let email = SystemEmails.passwordReset(url: url, project: project)
            return (email.html, email.text)
        case "user-invitation":
            let email = SystemEmails.userInvitation(url: url, project: project)
            return (email.html, email.text)
        case "user-registration":
            let email = SystemEmails.userRegistration(url: url, project: project)
            return (email.html, email.text)
        case "base":
            return (SystemEmails.layout(data["html"]?.stringValue ?? "", project: project), nil)
        default:
            throw APIError.invalidPayload("Template \"\(name)\" doesn't exist")
        }
    }

    /// The project's name, colour, logo and URL from `directus_settings`, with Directus's mail defaults.
    func projectDetails() throws -> SystemEmails.Project {
        var query = Query()
        query.fields = ["project_name", "project_color", "project_logo", "project_url"]
        query.limit = 1
        let row = try ItemsService(engine: engine, context: nil, collection: "directus_settings").rows(query).first ?? .null
        func text(_ key: String) -> String? { row[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        let publicURL = engine.env.string("PUBLIC_URL", default: "/")
        let logo = text("project_logo").map { (publicURL.hasSuffix("/") ? publicURL : publicURL + "/") + "assets/" + $0 }
        return SystemEmails.Project(name: text("project_name") ?? "Directus", color: text("project_color") ?? "#171717",
                                    logoURL: logo, url: text("project_url"))
    }
}
