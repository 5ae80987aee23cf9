import Foundation

/// The encodings an email needs: RFC 2047 encoded words, quoted-printable bodies, RFC 5322 dates and folding.
enum MIME {
    /// A header value: kept as it is when it is printable ASCII, else UTF-8 base64 encoded words; folded to 78 columns.
    static func headerText(_ value: String, nameLength: Int) -> String {
        let printable = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && !value.contains("=?") { return fold(value.split(separator: " ", omittingEmptySubsequences: false).map(String.init), first: nameLength + 2) }
        return fold(encodedWords(value), first: nameLength + 2)
    }

    /// A display name: quoted when it is printable ASCII, else encoded words.
    static func displayName(_ name: String) -> String {
        let printable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && !name.contains("=?") {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(name).joined(separator: " ")
    }

    /// `=?UTF-8?B?…?=` words of at most 60 characters (so the first fits after any header name), never splitting a character.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 36, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk.removeAll()
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Joins words with spaces, starting a continuation line (CRLF + space) before a word that would pass column 78.
    static func fold(_ words: [String], first: Int) -> String {
        var result = ""
        var column = first
        for (index, word) in words.enumerated() {
            if index > 0 {
                if column + 1 + word.count > 78 {
                    result += "\r\n "
                    column = 1
                } else {
                    result += " "
                    column += 1
                }
            }
            result += word
            column += word.count
        }
        return result
    }

    /// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks before column 76.
    ///
    /// A `.` starting a line is encoded too, so no line can end the SMTP data early.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "\r\n" }
            var column = 0
            let bytes = Array(line.utf8)
            for (position, byte) in bytes.enumerated() {
                let last = position == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61 && !(byte == 46 && column == 0))
                    || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if column + piece.count > 75 {
                    out += "=\r\n"
                    column = 0
                }
                // A soft break may leave a "." at the start of the next line.
                if column == 0, piece == "." {
                    out += "=2E"
                    column = 3
                    continue
                }
                out += piece
                column += piece.count
            }
        }
        return out
    }

    /// `Tue, 01 Jul 2025 10:00:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// A random token for boundaries and message ids.
    static func token() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
