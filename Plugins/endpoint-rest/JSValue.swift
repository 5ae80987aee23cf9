import PlinthJSON

/// How JavaScript sees a JSON value, for exports that must match what Directus (Node) writes.
enum JS {
    /// An object's keys in JavaScript property order: array-index keys ("0", "7", …) first in
    /// ascending order, then the others in insertion order.
    static func keys(_ object: JSONObject) -> [String] {
        var indices: [(UInt32, String)] = []
        var others: [String] = []
        for key in object.keys {
            if let index = arrayIndex(key) { indices.append((index, key)) } else { others.append(key) }
        }
        return indices.sorted { $0.0 < $1.0 }.map(\.1) + others
    }

    /// The key as an array index: the canonical decimal form of 0 ... 2³² − 2.
    private static func arrayIndex(_ key: String) -> UInt32? {
        guard let value = UInt32(key), value != .max, String(value) == key else { return nil }
        return value
    }

    /// `JSON.stringify(value)`, or with `indent` `JSON.stringify(value, null, indent)`.
    static func stringify(_ value: JSON, indent: String? = nil) -> String {
        var out = ""
        write(value, indent: indent, current: "", into: &out)
        return out
    }

    private static func write(_ value: JSON, indent: String?, current: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += number(text)
        case .string(let text): quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            let inner = current + (indent ?? "")
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if indent != nil { out += "\n" + inner }
                write(item, indent: indent, current: inner, into: &out)
            }
            if indent != nil { out += "\n" + current }
            out += "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{}"; return }
            out += "{"
            let inner = current + (indent ?? "")
            for (index, key) in keys(object).enumerated() {
                if index > 0 { out += "," }
                if indent != nil { out += "\n" + inner }
                quote(key, into: &out)
                out += indent != nil ? ": " : ":"
                write(object[key]!, indent: indent, current: inner, into: &out)
            }
            if indent != nil { out += "\n" + current }
            out += "}"
        }
    }

    /// A JSON string literal as JSON.stringify escapes it (short escapes for \b \f \n \r \t, `\u00xx` for other controls).
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// A JSON number as JavaScript prints it (`String(n)`): `0.0` is `0`, `1e-07` is `1e-7`, `1e21` is `1e+21`.
    ///
    /// Integer literals keep their digits: beyond 2⁵³ JavaScript would round them, but those reach
    /// Directus's clients as strings anyway, so their exact text is the better answer.
    static func number(_ text: String) -> String {
        guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(text), value.isFinite else {
            return text == "-0" ? "0" : text
        }
        if value == 0 { return "0" }
        // Swift's description is the shortest text that reads back as `value`, as JavaScript's is;
        // only the layout differs, so take its digits and decimal exponent and lay them out again.
        let description = value.magnitude.description
        let parts = description.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(mantissa[0] + (mantissa.count == 2 ? mantissa[1] : ""))
        var point = mantissa[0].count + exponent
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let n = point
        let sign = value < 0 ? "-" : ""
        if k <= n, n <= 21 { return sign + String(digits) + String(repeating: "0", count: n - k) }
        if 0 < n, n <= 21 { return sign + String(digits[..<n]) + "." + String(digits[n...]) }
        if -6 < n, n <= 0 { return sign + "0." + String(repeating: "0", count: -n) + String(digits) }
        let power = (n - 1 < 0 ? "-" : "+") + String(abs(n - 1))
        return sign + String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e" + power
    }

    /// `String(value)`: null is "null", objects are "[object Object]", arrays join their items with ",".
    static func string(_ value: JSON) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): number(text)
        case .string(let text): text
        case .object: "[object Object]"
        case .array(let items): items.map { $0.isNull ? "" : string($0) }.joined(separator: ",")
        }
    }
}
