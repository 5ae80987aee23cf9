import PlinthJSON

/// MAX_RELATIONAL_DEPTH, checked on the whole query before planning as Directus does: every field
/// path, sort path and the nesting of `filter` and `deep` may go at most that many levels deep.
enum RelationalDepth {
    static func validate(_ query: Query, maximum: Int) throws {
        let fields = !query.groupBy.isEmpty ? query.groupBy : (query.aggregate.isEmpty ? query.fields : [])
        let paths = fields + (query.sort ?? []).map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }
        for path in paths where segments(path) > maximum {
            throw QuerySanitizer.invalid("Max relational depth exceeded")
        }
        if let filter = query.filter, depth(.object(filter)) > maximum {
            throw QuerySanitizer.invalid("Max relational depth exceeded")
        }
        if depth(.object(query.deep)) > maximum {
            throw QuerySanitizer.invalid("Max relational depth exceeded")
        }
    }

    /// Levels of a dot path; dots inside a function's parentheses do not count.
    static func segments(_ path: String) -> Int {
        var count = 1
        var nesting = 0
        for character in path {
            switch character {
            case "(": nesting += 1
            case ")": nesting -= 1
            case "." where nesting == 0: count += 1
            default: break
            }
        }
        return count
    }

    /// Levels of a filter or deep object: every key that is not an operator or query option (`_…`) is one level.
    static func depth(_ value: JSON) -> Int {
        switch value {
        case .object(let object):
            return object.map { key, child in depth(child) + (key.hasPrefix("_") ? 0 : 1) }.max() ?? 0
        case .array(let items):
            return items.map(depth).max() ?? 0
        default:
            return 0
        }
    }
}
