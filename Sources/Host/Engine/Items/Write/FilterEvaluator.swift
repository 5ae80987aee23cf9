import Foundation
import PlinthJSON

/// Evaluates Directus filter rules against an item in memory (field validation and permission
/// validation), reporting the first failing rule as Directus's FAILED_VALIDATION does.
struct FilterEvaluator {
    struct Failure: Error {
        let field: String
        /// The operator that failed, `_lte`, `_regex`, …
        let type: String
        /// The operator's value.
        let valid: JSON
        /// The item's value.
        let value: JSON
    }

    /// Throws the first rule `item` breaks.
    func check(_ rules: JSONObject, _ item: JSONObject, path: [String] = []) throws {
        for (key, value) in rules {
            switch key {
            case "_and":
                for part in value.arrayValue ?? [] { try check(part.objectValue ?? [:], item, path: path) }
            case "_or":
                let parts = (value.arrayValue ?? []).compactMap(\.objectValue)
                var failures: [Failure] = []
                for part in parts {
                    do { try check(part, item, path: path); failures = []; break } catch let failure as Failure { failures.append(failure) }
                }
                if let first = failures.first, failures.count == parts.count { throw first }
            default:
                // As Joi validates Directus payloads, a field the item does not have passes (`_submitted` aside).
                guard let operators = value.objectValue else { continue }
                guard let fieldValue = item[key] else {
                    if let submitted = operators["_submitted"], DynamicVariables.truthy(submitted) { throw Failure(field: key, type: "_required", valid: .null, value: .null) }
                    continue
                }
                if operators.keys.allSatisfy({ $0.hasPrefix("_") }) {
                    for (name, expected) in operators where name != "_submitted" && !matches(name, fieldValue, expected) {
                        throw Failure(field: key, type: name, valid: expected, value: fieldValue)
                    }
                } else if let nested = fieldValue.objectValue {
                    try check(operators, nested, path: path + [key])
                }
            }
        }
    }

    func matches(_ name: String, _ value: JSON, _ expected: JSON) -> Bool {
        switch name {
        case "_eq": return loose(value, expected)
        case "_neq": return !loose(value, expected)
        case "_lt", "_lte", "_gt", "_gte":
            guard let order = compare(value, expected) else { return false }
            return ["_lt": order < 0, "_lte": order <= 0, "_gt": order > 0, "_gte": order >= 0][name]!
        case "_in": return Coercion.list(expected).contains { loose(value, $0) }
        case "_nin": return !Coercion.list(expected).contains { loose(value, $0) }
        case "_null": return value.isNull == DynamicVariables.truthy(expected)
        case "_nnull": return value.isNull != DynamicVariables.truthy(expected)
        case "_empty", "_nempty":
            let empty = value.isNull || value.stringValue == "" || value.arrayValue?.isEmpty == true
            return (empty == (name == "_empty")) == DynamicVariables.truthy(expected)
        case "_contains": return text(value).contains(text(expected))
        case "_ncontains": return !text(value).contains(text(expected))
        case "_icontains": return text(value).lowercased().contains(text(expected).lowercased())
        case "_nicontains": return !text(value).lowercased().contains(text(expected).lowercased())
        case "_starts_with": return text(value).hasPrefix(text(expected))
        case "_nstarts_with": return !text(value).hasPrefix(text(expected))
        case "_istarts_with": return text(value).lowercased().hasPrefix(text(expected).lowercased())
        case "_nistarts_with": return !text(value).lowercased().hasPrefix(text(expected).lowercased())
        case "_ends_with": return text(value).hasSuffix(text(expected))
        case "_nends_with": return !text(value).hasSuffix(text(expected))
        case "_iends_with": return text(value).lowercased().hasSuffix(text(expected).lowercased())
        case "_niends_with": return !text(value).lowercased().hasSuffix(text(expected).lowercased())
        case "_between", "_nbetween":
            let bounds = Coercion.list(expected)
            guard bounds.count == 2, let low = compare(value, bounds[0]), let high = compare(value, bounds[1]) else { return name == "_nbetween" }
            return (low >= 0 && high <= 0) == (name == "_between")
        case "_regex":
            guard let pattern = expected.stringValue, let regex = FilterEvaluator.regex(pattern) else { return false }
            let subject = text(value)
            return regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
        default: return true
        }
    }

    /// Directus's JavaScript-style /pattern/flags regular expressions.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        var body = pattern
        var options: NSRegularExpression.Options = []
        if body.hasPrefix("/"), let end = body.lastIndex(of: "/"), end != body.startIndex {
            let flags = body[body.index(after: end)...]
            body = String(body[body.index(after: body.startIndex)..<end])
            if flags.contains("i") { options.insert(.caseInsensitive) }
            if flags.contains("m") { options.insert(.anchorsMatchLines) }
            if flags.contains("s") { options.insert(.dotMatchesLineSeparators) }
        }
        return try? NSRegularExpression(pattern: body, options: options)
    }

    private func text(_ value: JSON) -> String { value.stringValue ?? (value.isNull ? "" : value.description) }

    private func loose(_ a: JSON, _ b: JSON) -> Bool {
        if let x = a.doubleValue ?? a.stringValue.flatMap(Double.init), let y = b.doubleValue ?? b.stringValue.flatMap(Double.init) { return x == y }
        if a.isNull || b.isNull { return a.isNull && b.isNull }
        if let x = a.boolValue ?? (a.stringValue.map { $0 == "true" }), let y = b.boolValue ?? (b.stringValue.map { $0 == "true" }), a.boolValue != nil || b.boolValue != nil { return x == y }
        return text(a) == text(b)
    }

    private func compare(_ a: JSON, _ b: JSON) -> Int? {
        if let x = a.doubleValue ?? a.stringValue.flatMap(Double.init), let y = b.doubleValue ?? b.stringValue.flatMap(Double.init) {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        guard !a.isNull, !b.isNull else { return nil }
        let x = text(a), y = text(b)
        return x < y ? -1 : (x > y ? 1 : 0)
    }
}
