import Foundation

/// One mailbox, `address` or `Name <address>`, checked so it cannot inject headers or SMTP commands.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public var name: String?
    public var address: String

    /// Creates a mailbox from its parts.
    public init(name: String? = nil, address: String) throws {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard MailAddress.isValid(trimmed) else { throw MailError("\"\(address)\" is not a valid email address.") }
        if let name, name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw MailError("An email display name cannot contain line breaks.")
        }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = trimmed
    }

    /// Parses `address` or `Display Name <address>` (the name may be in double quotes).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            try self.init(name: name, address: address)
        } else {
            try self.init(address: trimmed)
        }
    }

    /// A pragmatic check: one `@`, a non-empty local part and domain, no spaces, controls, brackets or leading `-`.
    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !address.hasPrefix("-"), address.utf8.count <= 254 else { return false }
        return !address.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || "<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }

    /// The header form: `address`, `"Name" <address>`, or an encoded word for a non-ASCII name.
    public var description: String {
        guard let name else { return address }
        return MIME.displayName(name) + " <" + address + ">"
    }
}

/// Why an email could not be built or sent; the message names the cause and never holds credentials.
public struct MailError: Error, CustomStringConvertible, Sendable {
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
