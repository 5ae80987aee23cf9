/// Reads JSON text piece by piece, for decoders that build their own types without a `JSON`
/// tree in between (the SQL drivers decode plans this way).
///
/// Members and elements are visited in the order they appear: `object` calls its closure once
/// per key, positioned at the value, and the closure must read that value (or `skip` it).
public final class JSONReader {
    private var parser: JSONParser
    private var depth = 0

    /// A reader of `bytes`, which must stay valid while the reader is used.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512) {
        parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
    }

    /// Where the reader is, in bytes from the start.
    public var offset: Int { parser.index }

    /// An error at the current position.
    public func error(_ reason: String) -> JSONParseError { parser.fail(reason) }

    /// Reads an object, calling `member` with each key while positioned at its value.
    public func object(_ member: (String) throws -> Void) throws {
        try open(UInt8(ascii: "{"), "expected an object")
        defer { depth -= 1 }
        if try closes(UInt8(ascii: "}")) { return }
        while true {
            guard current == UInt8(ascii: "\"") else { throw parser.fail("expected a string key") }
            let key = try parser.parseString()
            parser.skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw parser.fail("expected ':'") }
            parser.index += 1
            parser.skipWhitespace()
            try member(key)
            parser.skipWhitespace()
            if try closes(UInt8(ascii: "}")) { return }
            guard current == UInt8(ascii: ",") else { throw parser.fail("expected ',' or '}'") }
            parser.index += 1
            parser.skipWhitespace()
        }
    }

    /// Reads an array, calling `element` positioned at each element.
    public func array(_ element: () throws -> Void) throws {
        try open(UInt8(ascii: "["), "expected an array")
        defer { depth -= 1 }
        if try closes(UInt8(ascii: "]")) { return }
        while true {
            try element()
            parser.skipWhitespace()
            if try closes(UInt8(ascii: "]")) { return }
            guard current == UInt8(ascii: ",") else { throw parser.fail("expected ',' or ']'") }
            parser.index += 1
            parser.skipWhitespace()
        }
    }

    /// The elements of an array, each read by `element`.
    public func elements<T>(_ element: () throws -> T) throws -> [T] {
        var items: [T] = []
        try array { items.append(try element()) }
        return items
    }

    public func string() throws -> String {
        guard current == UInt8(ascii: "\"") else { throw parser.fail("expected a string") }
        return try parser.parseString()
    }

    public func bool() throws -> Bool {
        switch try value() {
        case .bool(let flag): return flag
        default: throw parser.fail("expected true or false")
        }
    }

    /// An integer that fits in `Int`.
    public func int() throws -> Int {
        guard let byte = current, byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else { throw parser.fail("expected a number") }
        let start = parser.index
        guard let value = Int(try parser.parseNumber()) else {
            parser.index = start
            throw parser.fail("expected an integer")
        }
        return value
    }

    /// Whether the next value is `null`; it is read if so.
    public func null() throws -> Bool {
        guard current == UInt8(ascii: "n") else { return false }
        _ = try parser.parseValue(depth: depth)
        return true
    }

    /// The next value, whatever it is, as a `JSON` tree.
    public func value() throws -> JSON {
        try parser.parseValue(depth: depth)
    }

    /// Reads past the next value.
    public func skip() throws {
        _ = try value()
    }

    /// Checks that nothing but whitespace follows.
    public func finish() throws {
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.fail("unexpected trailing characters") }
    }

    private var current: UInt8? {
        parser.index < parser.bytes.count ? parser.bytes[parser.index] : nil
    }

    private func open(_ bracket: UInt8, _ expectation: String) throws {
        guard current == bracket else { throw parser.fail(current == nil ? "unexpected end of input" : expectation) }
        guard depth < parser.maxDepth else { throw parser.fail("nesting deeper than \(parser.maxDepth)") }
        depth += 1
        parser.index += 1
        parser.skipWhitespace()
    }

    private func closes(_ bracket: UInt8) throws -> Bool {
        guard let byte = current else { throw parser.fail("unexpected end of input") }
        guard byte == bracket else { return false }
        parser.index += 1
        return true
    }
}
