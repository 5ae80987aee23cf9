import Foundation

/// Parses `.env` files: `KEY=value` lines, `#` comments, optional `export `,
/// single quotes (literal) and double quotes (with `\n`, `\t`, `\"`, `\\`).
enum DotEnv {
    static func parse(_ text: String, file: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError("\(file):\(index + 1): expected KEY=value, found \"\(line)\".")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else {
                throw ConfigError("\(file):\(index + 1): \"\(key)\" is not a valid variable name.")
            }
            result[key] = try value(String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces), file: file, line: index + 1)
        }
        return result
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    private static func value(_ raw: String, file: String, line: Int) throws -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'" else {
            if let hash = raw.range(of: " #") { return raw[..<hash.lowerBound].trimmingCharacters(in: .whitespaces) }
            return raw
        }
        guard raw.count >= 2, raw.last == quote else {
            throw ConfigError("\(file):\(line): unterminated \(quote) quote.")
        }
        let inner = String(raw.dropFirst().dropLast())
        guard quote == "\"" else { return inner }
        var out = ""
        var escaping = false
        for character in inner {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
