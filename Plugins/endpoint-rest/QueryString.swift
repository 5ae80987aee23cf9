import PlinthJSON

/// Parses query strings the way Express's `qs` does for Directus: `a[b][c]=1` nests,
/// `a[]=1&a[]=2` and repeated keys make arrays, `a[0]=x` indexes arrays.
///
/// Values stay strings; turning them into a typed query (JSON filters,
/// comma lists) is the engine's job. Nesting stops at `maxDepth` (the rest
/// of the key is kept literally, as qs does).
enum QueryString {
    static func parse(_ raw: String, maxDepth: Int = 10, arrayLimit: Int = 500) -> JSONObject {
        var root = JSON.object(JSONObject())
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]), !key.isEmpty else { continue }
            let value = parts.count > 1 ? (decode(parts[1]) ?? "") : ""
            let path = segments(key, maxDepth: maxDepth)
            insert(.string(value), at: path[...], into: &root, arrayLimit: arrayLimit)
        }
        return root.objectValue ?? JSONObject()
    }

    /// `a[b][]` → ["a", "b", ""].
    static func segments(_ key: String, maxDepth: Int) -> [String] {
        guard let open = key.firstIndex(of: "["), open != key.startIndex else { return [key] }
        var result = [String(key[..<open])]
        var rest = key[open...]
        while result.count <= maxDepth, rest.first == "[", let close = rest.firstIndex(of: "]") {
            result.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }

    private static func insert(_ value: JSON, at path: ArraySlice<String>, into node: inout JSON, arrayLimit: Int) {
        guard let key = path.first else { return }
        let rest = path.dropFirst()
        if case .array(var items) = node {
            if key.isEmpty {
                if rest.isEmpty { items.append(value) } else {
                    var child = JSON.object(JSONObject())
                    insert(value, at: rest, into: &child, arrayLimit: arrayLimit)
                    items.append(child)
                }
                node = .array(items)
                return
            }
            if let index = Int(key), index >= 0, index <= arrayLimit {
                while items.count <= index { items.append(.null) }
                var child = items[index]
                if rest.isEmpty { child = value } else {
                    if case .null = child { child = container(for: rest.first!) }
                    insert(value, at: rest, into: &child, arrayLimit: arrayLimit)
                }
                items[index] = child
                node = .array(items.filter { !$0.isNull || rest.isEmpty })
                return
            }
            // A non-index key turns the array into an object keyed by position, as qs does.
            var object = JSONObject()
            for (index, item) in items.enumerated() { object[String(index)] = item }
            node = .object(object)
        }
        guard case .object(var object) = node else { return }
        if rest.isEmpty {
            if let existing = object[key] {
                if case .array(var items) = existing { items.append(value); object[key] = .array(items) } else { object[key] = .array([existing, value]) }
            } else {
                object[key] = value
            }
        } else {
            var child = object[key] ?? container(for: rest.first!)
            if case .string = child { child = .array([child]) }
            insert(value, at: rest, into: &child, arrayLimit: arrayLimit)
            object[key] = child
        }
        node = .object(object)
    }

    private static func container(for nextKey: String) -> JSON {
        nextKey.isEmpty || (Int(nextKey) != nil) ? .array([]) : .object(JSONObject())
    }

    static func decode<S: StringProtocol>(_ text: S) -> String? {
        // Most keys and many values have nothing encoded.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        return String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation
