import PlinthJSON

/// What one output key of a read asks for, parsed from `fields` (and `alias`).
indirect enum FieldRequest: Equatable {
    /// A column or an alias field's keys.
    case field(name: String, key: String)
    /// `fn(field[, argument])`: year, month, …, count, json.
    case function(name: String, field: String, argument: String?, key: String)
    /// A relation read as nested objects: `children` are the paths below it; `scope` names the
    /// collection of a many-to-any item (`item:headings.title`).
    case relation(name: String, key: String, children: [String], scopes: [String: [String]])

    var key: String {
        switch self {
        case .field(_, let key), .function(_, _, _, let key), .relation(_, let key, _, _): return key
        }
    }
}

/// Parses `fields` into requests for one collection, expanding `*`.
struct FieldTree {
    let schema: SchemaModel

    func requests(_ fields: [String], collection: CollectionInfo, aliases: [(name: String, field: String)]) throws -> [FieldRequest] {
        var order: [String] = []
        var leaves: [String: FieldRequest] = [:]
        var nested: [String: (children: [String], scopes: [String: [String]])] = [:]
        let aliasMap = Dictionary(aliases.map { ($0.name, $0.field) }, uniquingKeysWith: { $1 })

        func note(_ key: String) { if !order.contains(key) { order.append(key) } }

        for path in fields {
            let (head, rest) = Self.split(path)
            if head == "*" {
                for field in collection.fields where Self.isReadable(field) {
                    note(field.name)
                    if leaves[field.name] == nil && nested[field.name] == nil { leaves[field.name] = .field(name: field.name, key: field.name) }
                    if let rest, Self.isRelational(field, schema) {
                        nested[field.name, default: ([], [:])].children.append(rest)
                        leaves[field.name] = nil
                    }
                }
                continue
            }
            if let function = try Self.function(head) {
                let key = function.argument.map { "\(function.field)_\(Self.jsonKey($0))_json" } ?? "\(function.field)_\(function.name)"
                guard collection.field(function.field) != nil else { throw FieldTree.unknown(function.field, collection.name) }
                note(key)
                leaves[key] = .function(name: function.name, field: function.field, argument: function.argument, key: key)
                continue
            }
            let source = aliasMap[head] ?? head
            if let function = try Self.function(source) {
                note(head)
                leaves[head] = .function(name: function.name, field: function.field, argument: function.argument, key: head)
                continue
            }
            // M2A scope: `item:headings.title` arrives as head "item:headings".
            let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
            let fieldName = parts[0]
            guard let field = collection.field(fieldName), Self.isReadable(field) else { throw FieldTree.unknown(fieldName, collection.name) }
            note(head)
            if let rest {
                guard Self.isRelational(field, schema) else {
                    throw APIError.invalidQuery("Field \"\(fieldName)\" in collection \"\(collection.name)\" is not a relational field")
                }
                var entry = nested[head] ?? ([], [:])
                if parts.count == 2 { entry.scopes[parts[1], default: []].append(rest) } else { entry.children.append(rest) }
                nested[head] = entry
                leaves[head] = nil
            } else if nested[head] == nil {
                leaves[head] = .field(name: fieldName, key: head)
            }
        }
        return order.map { key in
            if let entry = nested[key] {
                let name = (aliasMap[key] ?? key).split(separator: ":").first.map(String.init) ?? key
                return .relation(name: name, key: key, children: entry.children, scopes: entry.scopes)
            }
            return leaves[key]!
        }
    }

    /// Fields a read may return: columns, and alias fields that carry a relation (not presentation aliases).
    static func isReadable(_ field: FieldInfo) -> Bool {
        !field.isAlias || field.special.contains(where: { ["o2m", "m2m", "m2a", "files", "translations"].contains($0) })
    }

    static func isRelational(_ field: FieldInfo, _ schema: SchemaModel) -> Bool {
        schema.relation(many: field.collection, field: field.name) != nil || schema.relation(one: field.collection, field: field.name) != nil
    }

    /// "a.b.c" → ("a", "b.c"); "item:headings.title" → ("item:headings", "title").
    static func split(_ path: String) -> (String, String?) {
        var depth = 0
        for index in path.indices {
            switch path[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "." where depth == 0: return (String(path[..<index]), String(path[path.index(after: index)...]))
            default: break
            }
        }
        return (path, nil)
    }

    static let functions: Set<String> = ["year", "month", "week", "day", "weekday", "hour", "minute", "second", "count", "json"]

    /// `year(date)` → ("year", "date", nil); `json(data, a.b)` → ("json", "data", "a.b"); nil when not a function.
    static func function(_ text: String) throws -> (name: String, field: String, argument: String?)? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let name = String(text[..<open])
        guard functions.contains(name) else { throw APIError.invalidQuery("Function \"\(name)\" doesn't exist") }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let arguments = inside.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let field = arguments.first, !field.isEmpty else { throw APIError.invalidQuery("Function \"\(name)\" needs a field") }
        if name == "json" {
            guard arguments.count == 2 else { throw APIError.invalidQuery("json() needs a field and a path") }
            return (name, field, arguments[1])
        }
        return (name, field, nil)
    }

    /// A JSON path as part of an output key: every character that is not a letter, digit or underscore becomes "_".
    static func jsonKey(_ path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    static func unknown(_ field: String, _ collection: String) -> APIError {
        APIError.invalidQuery("Field \"\(field)\" doesn't exist in collection \"\(collection)\"")
    }
}
