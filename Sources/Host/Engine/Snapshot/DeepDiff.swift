import PlinthJSON

/// The `deep-diff` library's change records, which Directus's schema diffs are made of.
///
/// Kinds: `N` new (rhs only), `D` deleted (lhs only), `E` edited, `A` array
/// change at `index` with a nested `item`. `path` is left out when empty.
/// Objects are walked in lhs key order, then keys new on the rhs; arrays
/// from the highest index down, as deep-diff does.
enum DeepDiff {
    static func diff(_ lhs: JSON?, _ rhs: JSON?) -> [JSON] {
        var changes: [JSON] = []
        walk(lhs, rhs, path: [], into: &changes)
        return changes
    }

    private static func walk(_ lhs: JSON?, _ rhs: JSON?, path: [JSON], into changes: inout [JSON]) {
        switch (lhs, rhs) {
        case (nil, nil): return
        case (nil, let rhs?): changes.append(entry("N", path, rhs: rhs))
        case (let lhs?, nil): changes.append(entry("D", path, lhs: lhs))
        case (.object(let left)?, .object(let right)?):
            for (key, value) in left { walk(value, right[key], path: path + [.string(key)], into: &changes) }
            for (key, value) in right where !left.contains(key) { walk(nil, value, path: path + [.string(key)], into: &changes) }
        case (.array(let left)?, .array(let right)?):
            var i = left.count - 1
            var j = right.count - 1
            while i > j {
                changes.append(arrayEntry(path, index: i, item: ["kind": "D", "lhs": left[i]]))
                i -= 1
            }
            while j > i {
                changes.append(arrayEntry(path, index: j, item: ["kind": "N", "rhs": right[j]]))
                j -= 1
            }
            while i >= 0 {
                walk(left[i], right[i], path: path + [.int(i)], into: &changes)
                i -= 1
            }
        case (let lhs?, let rhs?):
            if !same(lhs, rhs) { changes.append(entry("E", path, lhs: lhs, rhs: rhs)) }
        }
    }

    /// Scalars compare by value (numbers numerically).
    static func same(_ a: JSON, _ b: JSON) -> Bool {
        if case .number = a, case .number = b { return a.doubleValue == b.doubleValue }
        return a == b
    }

    private static func entry(_ kind: String, _ path: [JSON], lhs: JSON? = nil, rhs: JSON? = nil) -> JSON {
        var object: JSONObject = ["kind": .string(kind)]
        if !path.isEmpty { object["path"] = .array(path) }
        if let lhs { object["lhs"] = lhs }
        if let rhs { object["rhs"] = rhs }
        return .object(object)
    }

    private static func arrayEntry(_ path: [JSON], index: Int, item: JSON) -> JSON {
        var object: JSONObject = ["kind": "A"]
        if !path.isEmpty { object["path"] = .array(path) }
        object["index"] = .int(index)
        object["item"] = item
        return .object(object)
    }

    /// Applies change records to `target` (deep-diff's applyChange), returning the result.
    static func apply(_ changes: [JSON], to target: JSON) -> JSON {
        var result = target
        for change in changes {
            let path = change["path"]?.arrayValue ?? []
            switch change["kind"]?.stringValue {
            case "N": result = set(result, path[...], change["rhs"] ?? .null)
            case "E": result = set(result, path[...], change["rhs"] ?? .null)
            case "D": result = remove(result, path[...])
            case "A":
                guard let index = change["index"]?.intValue, let item = change["item"] else { continue }
                result = apply([item.settingPath(path + [.int(index)])], to: result)
            default: continue
            }
        }
        return result
    }

    private static func set(_ node: JSON, _ path: ArraySlice<JSON>, _ value: JSON) -> JSON {
        guard let key = path.first else { return value }
        let rest = path.dropFirst()
        if let index = key.intValue, case .array(var items) = node {
            while items.count <= index { items.append(.null) }
            items[index] = set(items[index], rest, value)
            return .array(items)
        }
        var object = node.objectValue ?? JSONObject()
        let name = key.stringValue ?? key.description
        object[name] = set(object[name] ?? .null, rest, value)
        return .object(object)
    }

    private static func remove(_ node: JSON, _ path: ArraySlice<JSON>) -> JSON {
        guard let key = path.first else { return .null }
        let rest = path.dropFirst()
        if let index = key.intValue, case .array(var items) = node, items.indices.contains(index) {
            if rest.isEmpty { items.remove(at: index) } else { items[index] = remove(items[index], rest) }
            return .array(items)
        }
        guard var object = node.objectValue else { return node }
        let name = key.stringValue ?? key.description
        if rest.isEmpty { object[name] = nil } else if let child = object[name] { object[name] = remove(child, rest) }
        return .object(object)
    }
}

extension JSON {
    /// The same change record with its path replaced.
    func settingPath(_ path: [JSON]) -> JSON {
        guard var object = objectValue else { return self }
        object["path"] = .array(path)
        return .object(object)
    }
}
