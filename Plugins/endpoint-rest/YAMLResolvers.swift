/// The implicit types of js-yaml's default schema, as text patterns: a string matching one of
/// them must be quoted, or a YAML reader would load it as null, a boolean, a number or a date.
///
/// Each matcher mirrors the js-yaml 4.1 resolver (regular expression or hand-written scanner)
/// over ASCII UTF-16 units; any other unit fails the match.
enum YAMLResolvers {
    /// Whether a YAML reader would resolve `units` to a non-string (js-yaml's `testImplicitResolving`).
    static func isAmbiguous(_ units: [UInt16]) -> Bool {
        let text = String(decoding: units, as: UTF16.self)
        return ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "<<"].contains(text)
            || isInteger(units) || isFloat(units) || isTimestamp(units)
    }

    /// `[-+]?[0-9_]+(:[0-9_]+)+(\.[0-9_]*)?`: YAML 1.1 sexagesimal numbers, which js-yaml quotes.
    static func isBase60(_ units: [UInt16]) -> Bool {
        var scan = Scanner(units)
        scan.sign()
        guard scan.many(digitOrUnderscore) else { return false }
        var groups = 0
        while scan.take(":") {
            guard scan.many(digitOrUnderscore) else { return false }
            groups += 1
        }
        guard groups > 0 else { return false }
        if scan.take(".") { _ = scan.many(digitOrUnderscore) }
        return scan.atEnd
    }

    /// js-yaml's `resolveYamlInteger`: decimal, `0b`, `0x`, `0o`, with `_` separators, not ending in `_`.
    static func isInteger(_ units: [UInt16]) -> Bool {
        guard !units.isEmpty else { return false }
        var index = 0
        func at(_ position: Int) -> UInt16? { position < units.count ? units[position] : nil }
        var ch = at(0)
        if ch == ascii("-") || ch == ascii("+") { index += 1; ch = at(index) }
        if ch == ascii("0") {
            if index + 1 == units.count { return true }
            index += 1
            ch = at(index)
            let digit: ((UInt16) -> Bool)? = switch ch {
            case ascii("b"): { $0 == ascii("0") || $0 == ascii("1") }
            case ascii("x"): { isDigit($0) || (ascii("a")...ascii("f")).contains($0) || (ascii("A")...ascii("F")).contains($0) }
            case ascii("o"): { (ascii("0")...ascii("7")).contains($0) }
            default: nil
            }
            if let digit {
                var hasDigits = false
                index += 1
                while index < units.count {
                    ch = units[index]
                    index += 1
                    if ch == ascii("_") { continue }
                    guard let unit = ch, digit(unit) else { return false }
                    hasDigits = true
                }
                return hasDigits && ch != ascii("_")
            }
        }
        if ch == ascii("_") { return false }
        var hasDigits = false
        while index < units.count {
            ch = units[index]
            index += 1
            if ch == ascii("_") { continue }
            guard let unit = ch, isDigit(unit) else { return false }
            hasDigits = true
        }
        return hasDigits && ch != ascii("_")
    }

    /// js-yaml's float pattern: `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+]?[0-9]+)?`,
    /// `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`; never ending in `_`.
    static func isFloat(_ units: [UInt16]) -> Bool {
        guard units.last != ascii("_") else { return false }
        let text = String(decoding: units, as: UTF16.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var scan = Scanner(units)
        let signed = scan.sign()
        if scan.take(".") {
            let rest = String(decoding: units[scan.position...], as: UTF16.self)
            if ["inf", "Inf", "INF"].contains(rest) { return true }
            guard !signed, scan.many(digitOrUnderscore) else { return false }
            return scan.exponent() && scan.atEnd
        }
        guard scan.one(isDigit) else { return false }
        _ = scan.many(digitOrUnderscore)
        if scan.take(".") { _ = scan.many(digitOrUnderscore) }
        return scan.exponent() && scan.atEnd
    }

    /// js-yaml's timestamp patterns: `YYYY-MM-DD`, or a date and time with optional fraction and zone.
    static func isTimestamp(_ units: [UInt16]) -> Bool {
        var date = Scanner(units)
        if date.digits(4...4), date.take("-"), date.digits(2...2), date.take("-"), date.digits(2...2), date.atEnd { return true }
        var scan = Scanner(units)
        guard scan.digits(4...4), scan.take("-"), scan.digits(1...2), scan.take("-"), scan.digits(1...2) else { return false }
        guard scan.take("T") || scan.take("t") || scan.many({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        guard scan.digits(1...2), scan.take(":"), scan.digits(2...2), scan.take(":"), scan.digits(2...2) else { return false }
        if scan.take(".") { _ = scan.many(isDigit) }
        if scan.atEnd { return true }
        _ = scan.many { $0 == 0x20 || $0 == 0x09 }
        if scan.take("Z") { return scan.atEnd }
        guard scan.take("-") || scan.take("+"), scan.digits(1...2) else { return false }
        if scan.take(":") { guard scan.digits(2...2) else { return false } }
        return scan.atEnd
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
    private static func isDigit(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) }
    private static func digitOrUnderscore(_ unit: UInt16) -> Bool { isDigit(unit) || unit == 0x5F }

    /// A forward-only cursor for the patterns above (none of them needs backtracking).
    private struct Scanner {
        let units: [UInt16]
        var position = 0

        init(_ units: [UInt16]) { self.units = units }

        var atEnd: Bool { position == units.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard position < units.count, units[position] == UInt16(character.value) else { return false }
            position += 1
            return true
        }

        @discardableResult
        mutating func sign() -> Bool { take("-") || take("+") }

        mutating func one(_ accept: (UInt16) -> Bool) -> Bool {
            guard position < units.count, accept(units[position]) else { return false }
            position += 1
            return true
        }

        /// One or more units accepted by `accept`.
        mutating func many(_ accept: (UInt16) -> Bool) -> Bool {
            let start = position
            while position < units.count, accept(units[position]) { position += 1 }
            return position > start
        }

        /// Between `count.lowerBound` and `count.upperBound` digits, as many as there are.
        mutating func digits(_ count: ClosedRange<Int>) -> Bool {
            let start = position
            while position < units.count, position - start < count.upperBound, isDigit(units[position]) { position += 1 }
            return position - start >= count.lowerBound
        }

        /// An optional `[eE][-+]?[0-9]+`; false when an exponent starts but is incomplete.
        mutating func exponent() -> Bool {
            guard take("e") || take("E") else { return true }
            sign()
            return many(isDigit)
        }
    }
}
