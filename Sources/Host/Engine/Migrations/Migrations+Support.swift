import Foundation
import PlinthJSON

extension JSON {
    /// The value a JSON column holds, decoding it once more when it was stored as a JSON string
    /// (Directus reads such columns as text on some databases and parses them itself).
    var decodedIfString: JSON {
        guard case .string(let text) = self, let parsed = try? JSON.parse(text) else { return self }
        return parsed
    }
}

extension Migrations {
    /// A timestamp as the driver renders it (ISO 8601, with or without fractional seconds), or nil.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Whether `text` looks like one e-mail address (`local@domain.tld`, no spaces), as Directus checks `PROJECT_OWNER`.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
