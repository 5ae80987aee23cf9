/// The JSON objects of a read's top-level rows, written by a driver from one column per field
/// (`Compiler.selectColumns`) instead of by the database.
///
/// Both databases escape strings in JSON one character at a time through a general append
/// routine, which made up a third of the cost of listing rows; here text is scanned eight bytes
/// at a time and copied in runs. The drivers write exactly the bytes the database's own JSON
/// functions write (SQLite's `json_object`, PostgreSQL's `json_build_object` without its
/// spaces), so the two paths agree; the row tests of each driver hold them byte-equal.
public struct RowWriter {
    /// `{"key":` for the first column, `,"key":` for the others, one after another.
    @usableFromInline let prefixes: [UInt8]
    /// Where each column's prefix ends in `prefixes`.
    @usableFromInline let ends: [Int]

    public init(keys: [String]) {
        let writer = ByteWriter(capacity: 16 * keys.count)
        var ends: [Int] = []
        for (index, key) in keys.enumerated() {
            writer.append(UInt8(ascii: index == 0 ? "{" : ","))
            var key = key
            key.withUTF8 { RowWriter.appendString($0.baseAddress, $0.count, to: writer) }
            writer.append(UInt8(ascii: ":"))
            ends.append(writer.count)
        }
        if keys.isEmpty { writer.append(UInt8(ascii: "{")) }
        prefixes = writer.bytes
        self.ends = ends
    }

    /// Appends one row as a JSON object; `value` appends column `n`'s value.
    @inlinable
    public func appendRow(to out: ByteWriter, _ value: (Int) throws -> Void) rethrows {
        try prefixes.withUnsafeBytes { raw in
            if ends.isEmpty { out.append(raw.baseAddress!, count: raw.count) }
            var start = 0
            for (column, end) in ends.enumerated() {
                out.append(raw.baseAddress! + start, count: end - start)
                start = end
                try value(column)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `null`.
    @inlinable
    public static func appendNull(to out: ByteWriter) {
        out.reserve(4)
        for byte in "null".utf8 { out.append(byte) }
    }

    /// A JSON string as both databases write one: `"` and `\` escaped, control characters as
    /// `\b \t \n \f \r` or `\u00xx` (lowercase hex), every other byte as it is (SQLite's
    /// `jsonAppendString`, PostgreSQL's `escape_json`).
    public static func appendString(_ bytes: UnsafePointer<UInt8>?, _ count: Int, to out: ByteWriter) {
        out.append(0x22)
        guard let bytes, count > 0 else {
            out.append(0x22)
            return
        }
        var runStart = 0
        var index = 0
        while index < count {
            // Eight plain bytes at a time: none below 0x20, none a quote or a backslash.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                if needsEscape(word) { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                index += 1
                continue
            }
            out.append(bytes + runStart, count: index - runStart)
            out.append(0x5C)
            switch byte {
            case 0x22, 0x5C: out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        out.append(bytes + runStart, count: count - runStart)
        out.append(0x22)
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Whether any byte of `word` is below 0x20, a quote or a backslash (exact, per Hacker's Delight).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let slash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroSlash = (slash &- ones) & ~slash & highs
        return (below | zeroQuote | zeroSlash) != 0
    }
}
