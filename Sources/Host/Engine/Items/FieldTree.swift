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

    /// `path` names this level in errors ("" for the top level); `backlink` is the relation this level was
    /// reached through when `backlink=false`: wildcards do not expand it again.
    func requests(_ fields: [String], collection: CollectionInfo, aliases: [(name: String, field: String)], path: String = "",
                  backlink: RelationInfo? = nil) throws -> [FieldRequest] {
        var order: [String] = []
        var leaves: [String: FieldRequest] = [:]
        var nested: [String: (children: [String], scopes: [String: [String]])] = [:]
        let aliasMap = Dictionary(aliases.map { ($0.name, $0.field) }, uniquingKeysWith: { $1 })

        func note(_ key: String) { if !order.contains(key) { order.append(key) } }

        for requested in fields {
            let (head, rest) = Self.split(requested)
            if head == "*" {
                for field in collection.fields where Self.isReadable(field) {
                    note(field.name)
                    if leaves[field.name] == nil && nested[field.name] == nil { leaves[field.name] = .field(name: field.name, key: field.name) }
                    if let rest, Self.isRelational(field, schema), !(backlink.map { Self.field(field, uses: $0, schema) } ?? false) {
                        nested[field.name, default: ([], [:])].children.append(rest)
                        leaves[field.name] = nil
                    }
                }
                // `*` also brings the query's aliases.
                for (name, source) in aliases where leaves[name] == nil && nested[name] == nil {
                    if let function = try Self.function(source) {
                        note(name)
                        leaves[name] = .function(name: function.name, field: function.field, argument: function.argument, key: name)
                    } else if collection.field(source) != nil {
                        note(name)
                        leaves[name] = .field(name: source, key: name)
                    }
                }
                continue
            }
            if let function = try Self.function(head) {
                let key = Self.outputKey(head, function)
                guard let field = collection.field(function.field) else { throw FieldTree.unknown(function.field, collection.name, path: path) }
                try Self.allow(function.name, on: field)
                note(key)
                leaves[key] = .function(name: function.name, field: function.field, argument: function.argument, key: key)
                continue
            }
            let source = aliasMap[head] ?? head
            if let function = try Self.function(source) {
                guard let field = collection.field(function.field) else { throw FieldTree.unknown(function.field, collection.name, path: path) }
                try Self.allow(function.name, on: field)
                note(head)
                leaves[head] = .function(name: function.name, field: function.field, argument: function.argument, key: head)
                continue
            }
            // M2A scope: `item:headings.title` arrives as head "item:headings"; its output key is "item".
            let parts = source.split(separator: ":", maxSplits: 1).map(String.init)
            let fieldName = parts[0]
            let key = parts.count == 2 ? String(head.split(separator: ":", maxSplits: 1)[0]) : head
            guard let field = collection.field(fieldName), Self.isReadable(field) else { throw FieldTree.unknown(fieldName, collection.name, path: path) }
            // A path through a field that is not relational is dropped, as Directus drops it.
            if parts.count == 2 || rest != nil, !Self.isRelational(field, schema) { continue }
            note(key)
            if parts.count == 2 || rest != nil {
                var entry = nested[key] ?? ([], [:])
                if parts.count == 2 { entry.scopes[parts[1], default: []].append(rest ?? "*") } else if let rest { entry.children.append(rest) }
                nested[key] = entry
                leaves[key] = nil
            } else if nested[key] == nil {
                leaves[key] = .field(name: fieldName, key: key)
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

    /// Whether `field` is one side of `relation`.
    static func field(_ field: FieldInfo, uses relation: RelationInfo, _ schema: SchemaModel) -> Bool {
        let own = schema.relation(many: field.collection, field: field.name) ?? schema.relation(one: field.collection, field: field.name)
        return own.map { $0.collection == relation.collection && $0.field == relation.field } ?? false
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
        guard functions.contains(name) else { throw APIError.invalidQuery("Invalid function specified \"\(name)\"") }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let arguments = inside.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if name == "json" {
            guard arguments.count == 2 else { throw APIError.invalidQuery("Invalid json() syntax: requires json(field, path) format") }
            guard !arguments[0].isEmpty else { throw APIError.invalidQuery("Invalid json() syntax: missing field name") }
            guard !arguments[1].isEmpty else { throw APIError.invalidQuery("Invalid json() syntax: missing path") }
            guard !arguments[1].contains(where: { "*?@$".contains($0) }), !arguments[1].contains("[]") else {
                throw APIError.invalidQuery("Invalid json() syntax: unsupported path expression")
            }
            return (name, arguments[0], arguments[1])
        }
        guard let field = arguments.first, !field.isEmpty, arguments.count == 1 else { throw APIError.invalidQuery("Invalid function specified \"\(name)\"") }
        return (name, field, nil)
    }

    /// The output key of a function field: `year(date)` → `date_year`; for `json(data, a.b[0])` the
    /// argument text with every run of `.`, `[`, `]`, `,` and spaces made one `_`, then `json` (`data_a_b_0_json`).
    static func outputKey(_ text: String, _ function: (name: String, field: String, argument: String?)) -> String {
        guard function.name == "json", let open = text.firstIndex(of: "(") else { return "\(function.field)_\(function.name)" }
        var slug = ""
        for character in text[text.index(after: open)..<text.index(before: text.endIndex)] {
            if ".[],".contains(character) || character.isWhitespace {
                if !slug.hasSuffix("_") { slug.append("_") }
            } else {
                slug.append(character)
            }
        }
        return slug + (slug.hasSuffix("_") ? "json" : "_json")
    }

    /// The functions Directus allows on a field's type (`getFunctionsForType`).
    static func functions(for field: FieldInfo) -> Set<String> {
        switch field.type {
        case .dateTime, .timestamp: return ["year", "month", "week", "day", "weekday", "hour", "minute", "second"]
        case .date: return ["year", "month", "week", "day", "weekday"]
        case .time: return ["hour", "minute", "second"]
        case .json: return ["count", "json"]
        case .alias: return ["count"]
        default: return field.isAlias ? ["count"] : []
        }
    }

    /// Refuses a function the field's type does not support, in `fields`, `sort` or `groupBy`.
    static func allow(_ function: String, on field: FieldInfo) throws {
        guard functions(for: field).contains(function) else { throw APIError.invalidQuery("Invalid function specified \"\(function)\"") }
    }

    /// Refuses a function the field's type does not support, in a filter key.
    static func allow(_ function: String, on field: FieldInfo, key: String, collection: String) throws {
        guard functions(for: field).contains(function) else { throw APIError.invalidQuery("Invalid filter key \"\(key)\" on \"\(collection)\"") }
    }

    /// A field the collection lacks: Directus's 403, which does not reveal whether the field exists.
    static func unknown(_ field: String, _ collection: String, path: String = "") -> APIError {
        AccessErrors.fields([field], collection: collection, path: path)
    }
}
