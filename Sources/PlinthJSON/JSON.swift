/// A JSON value that keeps object key order and number text exactly.
///
/// Numbers stay as their literal text, so big integers and decimals pass
/// through without precision loss; objects keep insertion order, so
/// responses keep the column order of the database.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    /// An integer number.
    public static func int<T: BinaryInteger>(_ value: T) -> JSON { .number(String(value)) }

    /// A floating-point number (non-finite values become null, as JSON has no NaN).
    public static func double(_ value: Double) -> JSON {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(String(value))
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The number as an Int, when it is an integral number (or a string holding one).
    public var intValue: Int? {
        switch self {
        case .number(let text): return Int(text) ?? Double(text).flatMap { $0 == $0.rounded() && abs($0) < 9e15 ? Int($0) : nil }
        default: return nil
        }
    }

    /// The number as a Double.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array, or nil.
    public subscript(index: Int) -> JSON? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

/// A JSON object: unique keys in insertion order.
///
/// Members live in one array of pairs. Most objects (rows, plans, query
/// parameters) have a handful of members, where a linear scan of short
/// strings beats hashing; an object that grows past `indexThreshold` members
/// also keeps a key → position index.
public struct JSONObject: Sendable, Equatable, Sequence {
    private var pairs: [(key: String, value: JSON)] = []
    private var index: [String: Int]?

    /// Members from which lookups use the hash index.
    static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object from pairs; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSON) {
        self.pairs.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    /// The keys, in insertion order.
    public var keys: [String] { pairs.map(\.key) }

    /// The first key, if any.
    public var firstKey: String? { pairs.first?.key }

    /// The values, in insertion order.
    public var values: [JSON] { pairs.map(\.value) }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        for position in pairs.indices where pairs[position].key == key { return position }
        return nil
    }

    /// Reads, sets, or (with nil) removes a member; a new key is appended.
    public subscript(key: String) -> JSON? {
        get { position(of: key).map { pairs[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    pairs[position].value = newValue
                } else {
                    pairs.append((key, newValue))
                    if index != nil {
                        index![key] = pairs.count - 1
                    } else if pairs.count > Self.indexThreshold {
                        buildIndex()
                    }
                }
            } else if let position = position(of: key) {
                pairs.remove(at: position)
                if index != nil { buildIndex() }
            }
        }
    }

    private mutating func buildIndex() {
        var built: [String: Int] = [:]
        built.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() { built[pair.key] = position }
        index = built
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> {
        pairs.makeIterator()
    }

    /// Objects are equal when they hold the same members, whatever their order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.pairs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }
}
