/// js-yaml 4.1's `writeScalar` for strings: the style it picks and how it writes each style.
///
/// Plain when the text cannot be mistaken for anything else; single-quoted when it could (`'true'`,
/// `'12'`, `'2024-01-01'`, `'yes'`, a leading `-` …); literal (`|`) for several lines; folded (`>`)
/// when a line is longer than the width; double-quoted with escapes when a character is not
/// printable. Lengths and positions are counted in UTF-16 units, as JavaScript counts them.
enum YAMLScalar {
    private enum Style { case plain, single, literal, folded, double }

    /// js-yaml still quotes YAML 1.1 booleans, so older parsers do not read them as booleans.
    private static let deprecatedBooleans: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
                                                          "n", "N", "no", "No", "NO", "off", "Off", "OFF"]

    /// The scalar as written at `level`; keys are always written on one line.
    static func write(_ text: String, level: Int, isKey: Bool) -> String {
        let units = Array(text.utf16)
        if units.isEmpty { return "''" }
        if deprecatedBooleans.contains(text) || YAMLResolvers.isBase60(units) { return "'" + text + "'" }
        let indent = 2 * max(1, level)
        let lineWidth = max(40, 80 - indent)
        switch style(units, singleLineOnly: isKey, lineWidth: lineWidth) {
        case .plain:
            return text
        case .single:
            return "'" + String(decoding: units.flatMap { $0 == 0x27 ? [0x27, 0x27] : [$0] }, as: UTF16.self) + "'"
        case .literal:
            return "|" + blockHeader(units) + dropEndingNewline(indented(units, by: indent))
        case .folded:
            return ">" + blockHeader(units) + dropEndingNewline(indented(fold(units, width: lineWidth), by: indent))
        case .double:
            return "\"" + escaped(text) + "\""
        }
    }

    private static func style(_ units: [UInt16], singleLineOnly: Bool, lineWidth: Int) -> Style {
        var plain = isPlainSafeFirst(codePoint(units, 0)) && isPlainSafeLast(codePoint(units, units.count - 1))
        var hasLineBreak = false
        var hasFoldableLine = false
        var previousLineBreak = -1
        var previous: UInt32?
        var index = 0
        // A line can be folded when it is too long and does not start with a space.
        func foldable(until end: Int) -> Bool {
            end - previousLineBreak - 1 > lineWidth && (previousLineBreak + 1 >= units.count || units[previousLineBreak + 1] != 0x20)
        }
        while index < units.count {
            let char = codePoint(units, index)
            if !singleLineOnly, char == 0x0A {
                hasLineBreak = true
                hasFoldableLine = hasFoldableLine || foldable(until: index)
                previousLineBreak = index
            } else if !isPrintable(char) {
                return .double
            }
            plain = plain && isPlainSafe(char, previous)
            previous = char
            index += char >= 0x10000 ? 2 : 1
        }
        if !singleLineOnly { hasFoldableLine = hasFoldableLine || foldable(until: index) }
        if !hasLineBreak, !hasFoldableLine {
            return plain && !YAMLResolvers.isAmbiguous(units) ? .plain : .single
        }
        return hasFoldableLine ? .folded : .literal
    }

    /// The block header: an indentation indicator when the text starts with a space (after any
    /// line breaks), and the chomping indicator for its trailing line breaks.
    private static func blockHeader(_ units: [UInt16]) -> String {
        let leading = units.drop { $0 == 0x0A }
        let indicator = leading.first == 0x20 ? "2" : ""
        let clip = units.last == 0x0A
        let keep = clip && (units.count == 1 || units[units.count - 2] == 0x0A)
        return indicator + (keep ? "+" : clip ? "" : "-") + "\n"
    }

    /// Every line that is not empty, prefixed with `spaces` spaces.
    private static func indented(_ units: [UInt16], by spaces: Int) -> [UInt16] {
        var out: [UInt16] = []
        var atLineStart = true
        for unit in units {
            if atLineStart, unit != 0x0A { out += Array(repeating: 0x20, count: spaces) }
            out.append(unit)
            atLineStart = unit == 0x0A
        }
        return out
    }

    private static func dropEndingNewline(_ units: [UInt16]) -> String {
        String(decoding: units.last == 0x0A ? Array(units.dropLast()) : units, as: UTF16.self)
    }

    /// js-yaml's `foldString`: each run of line breaks is kept, one more is added between two
    /// ordinary lines (folding would otherwise join them), and each line is folded at spaces.
    private static func fold(_ units: [UInt16], width: Int) -> [UInt16] {
        let firstBreak = units.firstIndex(of: 0x0A) ?? units.count
        var result = foldLine(units[..<firstBreak], width: width)
        var previousMoreIndented = units.first == 0x0A || units.first == 0x20
        var position = firstBreak
        while position < units.count {
            var lineStart = position
            while lineStart < units.count, units[lineStart] == 0x0A { lineStart += 1 }
            var lineEnd = lineStart
            while lineEnd < units.count, units[lineEnd] != 0x0A { lineEnd += 1 }
            let line = units[lineStart..<lineEnd]
            let moreIndented = line.first == 0x20
            result += units[position..<lineStart]
            if !previousMoreIndented, !moreIndented, !line.isEmpty { result.append(0x0A) }
            result += foldLine(line, width: width)
            previousMoreIndented = moreIndented
            position = lineEnd
        }
        return result
    }

    /// js-yaml's greedy `foldLine`: breaks at a space followed by a non-space, keeping each piece
    /// within `width` when it can; lines starting with a space are never folded.
    private static func foldLine(_ line: ArraySlice<UInt16>, width: Int) -> [UInt16] {
        let line = Array(line)
        if line.isEmpty || line[0] == 0x20 { return line }
        var result: [UInt16] = []
        var start = 0, current = 0, search = 0
        while let next = breakPoint(in: line, from: search) {
            if next - start > width {
                let end = current > start ? current : next
                result.append(0x0A)
                result += line[start..<end]
                start = end + 1
            }
            current = next
            search = next + 2
        }
        result.append(0x0A)
        if line.count - start > width, current > start {
            result += line[start..<current]
            result.append(0x0A)
            result += line[(current + 1)...]
        } else {
            result += line[start...]
        }
        return Array(result.dropFirst())
    }

    /// The next match of `/ [^ ]/` at or after `index`.
    private static func breakPoint(in line: [UInt16], from index: Int) -> Int? {
        var position = index
        while position + 1 < line.count {
            if line[position] == 0x20, line[position + 1] != 0x20 { return position }
            position += 1
        }
        return nil
    }

    /// The double-quoted form: YAML's short escapes, `\x`/`\u`/`\U` for other unprintable characters.
    private static func escaped(_ text: String) -> String {
        let short: [UInt32: String] = [0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f",
                                       0x0D: "\\r", 0x1B: "\\e", 0x22: "\\\"", 0x5C: "\\\\", 0x85: "\\N", 0xA0: "\\_",
                                       0x2028: "\\L", 0x2029: "\\P"]
        var out = ""
        for scalar in text.unicodeScalars {
            if let escape = short[scalar.value] {
                out += escape
            } else if isPrintable(scalar.value) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value <= 0xFF ? "\\x" + hex.leftPadded(to: 2) : scalar.value <= 0xFFFF ? "\\u" + hex.leftPadded(to: 4) : "\\U" + hex.leftPadded(to: 8)
            }
        }
        return out
    }

    /// The code point at a UTF-16 position (a surrogate pair read as one).
    private static func codePoint(_ units: [UInt16], _ index: Int) -> UInt32 {
        let first = UInt32(units[index])
        if (0xD800...0xDBFF).contains(first), index + 1 < units.count, (0xDC00...0xDFFF).contains(units[index + 1]) {
            return (first - 0xD800) * 0x400 + UInt32(units[index + 1]) - 0xDC00 + 0x10000
        }
        return first
    }

    private static func isPrintable(_ c: UInt32) -> Bool {
        (0x20...0x7E).contains(c) || ((0xA1...0xD7FF).contains(c) && c != 0x2028 && c != 0x2029)
            || ((0xE000...0xFFFD).contains(c) && c != 0xFEFF) || (0x10000...0x10FFFF).contains(c)
    }

    private static func isWhitespace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 }

    private static func isNsCharOrWhitespace(_ c: UInt32) -> Bool {
        isPrintable(c) && c != 0xFEFF && c != 0x0D && c != 0x0A
    }

    /// Whether `c` may appear in a plain scalar after `previous` (block context).
    private static func isPlainSafe(_ c: UInt32, _ previous: UInt32?) -> Bool {
        let nsOrWhite = isNsCharOrWhitespace(c)
        let ns = nsOrWhite && !isWhitespace(c)
        let afterColon = previous == 0x3A
        let afterNsChar = previous.map { isNsCharOrWhitespace($0) && !isWhitespace($0) } ?? false
        return (nsOrWhite && c != 0x23 && !(afterColon && !ns)) || (afterNsChar && c == 0x23) || (afterColon && ns)
    }

    /// YAML's indicator characters cannot start a plain scalar.
    private static func isPlainSafeFirst(_ c: UInt32) -> Bool {
        isPrintable(c) && c != 0xFEFF && !isWhitespace(c) && !indicators.contains(c)
    }

    private static let indicators = Set("-?:,[]{}#&*!|=>'\"%@`".unicodeScalars.map(\.value))

    private static func isPlainSafeLast(_ c: UInt32) -> Bool { !isWhitespace(c) && c != 0x3A }
}
