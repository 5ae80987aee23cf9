#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlinthJSON
import SQLPlan

/// A select plan's text split into its shape and its values, so a driver can compile a shape
/// once and run it again with other values (`ReadCache`).
///
/// The shape is the plan's JSON with every bound value — the content of an expression's `"v"`
/// member and each element of an `"l"` list — replaced by a placeholder string that carries
/// the value's JSON kind and its position (`"\u0001s0"`, `"\u0001n1"`, …). A `null` value stays
/// in the shape as `null`, since the compiler treats it apart (`= NULL` becomes `IS NULL`), and
/// so does the length of every list.
///
/// Only select plans that start as the host writes them (`Plan.encoded()`) are taken; any other
/// text gets nil and is decoded as usual. In valid JSON the bytes `{"v":` can only open an
/// object whose first member is `v` — inside a string a quote is escaped — so the values are
/// found without walking the whole document: the text between them is copied in runs, which
/// makes the scan much cheaper than decoding. A value written any other way (`{"v" :`) simply
/// stays in the shape.
/// Each value is then parsed on its own (`values(in:)`), which checks it, to the depth left at
/// its place in the plan.
///
/// A placeholder cannot be forged: text holding U+0001 — the raw byte or `\u0001` — is not
/// taken, so the only strings of a shape that start with it are the scanner's own.
public struct PlanShape: Sendable {
    /// The shape's bytes: the cache key, and a plan to decode when the shape is new.
    public let bytes: [UInt8]
    /// A hash of `bytes`, computed once.
    public let hash: UInt64
    /// Where each placeholder's value is in the plan's text, in placeholder order, and how many
    /// arrays and objects enclose it there.
    let valueRanges: [(range: Range<Int>, depth: Int)]

    /// The shape of a select plan, or nil for another plan or text this scanner does not take.
    public init?(of plan: [UInt8]) {
        let scanned = plan.withUnsafeBufferPointer { input -> ([UInt8], [(range: Range<Int>, depth: Int)])? in
            var scanner = ShapeScanner(input: input)
            return scanner.scan()
        }
        guard let (bytes, ranges) = scanned else { return nil }
        self.bytes = bytes
        self.valueRanges = ranges
        self.hash = PlanShape.hash(bytes)
    }

    /// The plan's values in placeholder order; an error when one is not valid JSON.
    public func values(in plan: [UInt8]) throws -> [JSON] {
        try valueRanges.map { value in
            // The plan's nesting limit counts from the plan's root (JSON.parse's default).
            do { return try JSON.parse(plan[value.range], maxDepth: 512 - value.depth) } catch { throw PlanError("plan is not valid JSON: \(error)") }
        }
    }

    /// The position a shape's placeholder string stands for, nil for any other value.
    static func placeholder(_ value: JSON) -> Int? {
        guard case .string(let text) = value else { return nil }
        var utf8 = text.utf8.makeIterator()
        guard utf8.next() == marker, let kind = utf8.next(), kinds.contains(kind), let first = utf8.next() else { return nil }
        var index = 0
        var digits = 0
        var digit: UInt8? = first
        while let byte = digit {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return nil }
            index = index * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            digit = utf8.next()
        }
        return index
    }

    /// The kind letters of placeholders: s(tring), n(umber), b(oolean), a(rray), o(bject).
    static let kinds: [UInt8] = Array("snbao".utf8)

    /// The first character of a placeholder string, U+0001, which no name the host sends holds;
    /// should one reach SQL text or a constant parameter, the compiled form is not reused.
    static let marker: UInt8 = 1

    /// A 64-bit hash eight bytes at a time (a multiply-xorshift mix); equal shapes are still
    /// compared byte for byte, so a collision costs a comparison, never a wrong read.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                state = mix(state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            return mix(state ^ tail)
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}

/// The scan behind `PlanShape`.
private struct ShapeScanner {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    var output: [UInt8] = []
    var ranges: [(range: Range<Int>, depth: Int)] = []
    /// Where the text not yet copied to `output` starts.
    var copied = 0
    /// Arrays and objects open at `position`.
    var depth = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    static let prefix = Array(#"{"v":\#(Plan.version),"op":"select","select":{"#.utf8)

    mutating func scan() -> ([UInt8], [(range: Range<Int>, depth: Int)])? {
        guard input.count > Self.prefix.count, input.starts(with: Self.prefix), !holdsMarker() else { return nil }
        output.reserveCapacity(input.count + 16)
        position = Self.prefix.count
        depth = 2
        while let open = nextObject() {
            position = open + 1
            depth += 1
            // `{"v":` — a value; `{"l":[` — a list of values.
            guard open + 5 < input.count, input[open + 1] == UInt8(ascii: "\""), input[open + 3] == UInt8(ascii: "\""),
                  input[open + 4] == UInt8(ascii: ":") else { continue }
            switch input[open + 2] {
            case UInt8(ascii: "v"):
                position = open + 5
                guard bound(depth: depth) else { return nil }
            case UInt8(ascii: "l") where input[open + 5] == UInt8(ascii: "["):
                position = open + 6
                guard list() else { return nil }
            default:
                continue
            }
        }
        guard depth == 0 else { return nil }
        copy(upTo: input.count)
        return (output, ranges)
    }

    /// Whether the text holds U+0001, raw or escaped (then a placeholder could be forged).
    func holdsMarker() -> Bool {
        guard let base = input.baseAddress else { return false }
        if memchr(base, Int32(PlanShape.marker), input.count) != nil { return true }
        var offset = 0
        while offset < input.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\\")), input.count - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 5 < input.count, input[index + 1] == UInt8(ascii: "u"), input[index + 2] == UInt8(ascii: "0"),
               input[index + 3] == UInt8(ascii: "0"), input[index + 4] == UInt8(ascii: "0"), input[index + 5] == UInt8(ascii: "1") {
                return true
            }
            offset = index + 2
        }
        return false
    }

    /// The next `{` from `position`, stepping over strings (whose content is never structure) and
    /// counting the arrays and objects opened and closed on the way.
    mutating func nextObject() -> Int? {
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: "{"): return position
            case UInt8(ascii: "\""):
                guard skipString() else { return nil }
            case UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                position += 1
            default: position += 1
            }
        }
        return nil
    }

    /// The elements of an `"l"` list, each a bound value; the list's length stays in the shape.
    mutating func list() -> Bool {
        guard position < input.count else { return false }
        if input[position] == UInt8(ascii: "]") { position += 1; return true }
        while true {
            guard bound(depth: depth + 1), position < input.count else { return false }
            let byte = input[position]
            position += 1
            if byte == UInt8(ascii: "]") { return true }
            guard byte == UInt8(ascii: ",") else { return false }
        }
    }

    /// One bound value at `position`: the text before it copied, a placeholder written in its
    /// place (`null` stays as it is), its range kept.
    mutating func bound(depth: Int) -> Bool {
        let start = position
        guard let kind = skipValue(depth: 0) else { return false }
        if kind == UInt8(ascii: "z") {
            // Not parsed later like the other values: checked here.
            return position - start == 4 && input[start + 1] == UInt8(ascii: "u") && input[start + 2] == UInt8(ascii: "l")
                && input[start + 3] == UInt8(ascii: "l")
        }
        copy(upTo: start)
        output.append(contentsOf: #""\u0001"#.utf8)
        output.append(kind)
        output.append(contentsOf: String(ranges.count).utf8)
        output.append(UInt8(ascii: "\""))
        ranges.append((start..<position, depth))
        copied = position
        return true
    }

    mutating func copy(upTo end: Int) {
        guard end > copied else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<end]))
        copied = end
    }

    /// Moves past any JSON value; returns its kind letter: s(tring), n(umber), b(oolean),
    /// a(rray), o(bject), z (null). Whitespace inside arrays and objects is allowed.
    mutating func skipValue(depth: Int) -> UInt8? {
        guard depth < 512, position < input.count else { return nil }
        switch input[position] {
        case UInt8(ascii: "\""):
            return skipString() ? UInt8(ascii: "s") : nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = input[position] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipWhitespace()
            if position < input.count, input[position] == close { position += 1; return isObject ? UInt8(ascii: "o") : UInt8(ascii: "a") }
            while true {
                skipWhitespace()
                if isObject {
                    guard skipString() else { return nil }
                    skipWhitespace()
                    guard position < input.count, input[position] == UInt8(ascii: ":") else { return nil }
                    position += 1
                    skipWhitespace()
                }
                guard skipValue(depth: depth + 1) != nil else { return nil }
                skipWhitespace()
                guard position < input.count else { return nil }
                let byte = input[position]
                position += 1
                if byte == close { return isObject ? UInt8(ascii: "o") : UInt8(ascii: "a") }
                guard byte == UInt8(ascii: ",") else { return nil }
            }
        default:
            let first = input[position]
            let start = position
            while position < input.count {
                switch input[position] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "E"):
                    position += 1
                    continue
                default: break
                }
                break
            }
            guard position > start else { return nil }
            switch first {
            case UInt8(ascii: "n"): return UInt8(ascii: "z")
            case UInt8(ascii: "t"), UInt8(ascii: "f"): return UInt8(ascii: "b")
            default: return UInt8(ascii: "n")
            }
        }
    }

    /// Moves past a string (escapes are stepped over, not decoded).
    mutating func skipString() -> Bool {
        guard position < input.count, input[position] == UInt8(ascii: "\"") else { return false }
        position += 1
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: "\""): position += 1; return true
            case UInt8(ascii: "\\"): position += 2
            default: position += 1
            }
        }
        return false
    }

    mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}
