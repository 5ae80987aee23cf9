import PlinthJSON
import SQLPlan

extension FilterCompiler {
    /// The operators of one field rule (`{"_eq": 1, "_lt": 5}`), ANDed; `accepting` is the type whose
    /// operators are allowed (the field's, or a function's output type).
    func operators(_ rules: JSONObject, subject: Expr, type: FieldType, field: FieldInfo, alias: String = "", accepting: FieldType? = nil) throws -> Expr {
        var terms: [Expr] = []
        for (name, raw) in rules {
            try FilterRules.check(name, field: field, type: accepting ?? type)
            let value = try variables.resolve(raw)
            terms.append(try op(name, value, subject: subject, type: type, field: field, alias: alias))
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private func op(_ name: String, _ value: JSON, subject: Expr, type: FieldType, field: FieldInfo, alias: String) throws -> Expr {
        switch name {
        case "_eq", "_neq", "_lt", "_lte", "_gt", "_gte":
            let compare = CompareOp(rawValue: String(name.dropFirst()))!
            if value.isNull { return .isNull(subject, negated: name == "_neq") }
            try Coercion.requireNumeric(value, type)
            guard let coerced = Coercion.value(value, type) else { return .bool(name == "_neq") }
            return .compare(compare, subject, .value(coerced, type: type))
        case "_in", "_nin":
            let items = Coercion.list(value)
            for item in items { try Coercion.requireNumeric(item, type) }
            return .compare(name == "_in" ? .in : .nin, subject, .list(items.compactMap { Coercion.value($0, type) }, type: type))
        case "_null", "_nnull":
            let wanted = DynamicVariables.truthy(value) == (name == "_null")
            return .isNull(subject, negated: !wanted)
        case "_empty", "_nempty":
            let empty: Expr = [.string, .text, .csv, .hash].contains(type)
                ? .or([.isNull(subject, negated: false), .compare(.eq, subject, .value("", type: type))])
                : .isNull(subject, negated: false)
            return DynamicVariables.truthy(value) == (name == "_empty") ? empty : .not(empty)
        case "_contains", "_icontains", "_starts_with", "_istarts_with", "_ends_with", "_iends_with":
            return .compare(CompareOp(rawValue: String(name.dropFirst()))!, subject, .value(.string(Coercion.text(value)), type: .string))
        case "_ncontains", "_nicontains", "_nstarts_with", "_nistarts_with", "_nends_with", "_niends_with":
            // NOT LIKE, as Directus runs it: rows whose value is null match neither form.
            let positive = "_" + name.dropFirst(2)
            let test = CompareOp(rawValue: String(positive.dropFirst()))!
            return .not(.compare(test, subject, .value(.string(Coercion.text(value)), type: .string)))
        case "_between", "_nbetween":
            let bounds = Coercion.list(value)
            // Directus adds no condition unless there are exactly two bounds.
            guard bounds.count == 2 else { return .bool(true) }
            for bound in bounds { try Coercion.requireNumeric(bound, type) }
            guard let low = Coercion.value(bounds[0], type), let high = Coercion.value(bounds[1], type) else { return .bool(name == "_nbetween") }
            return .compare(name == "_between" ? .between : .nbetween, subject, .list([low, high], type: type))
        case "_json":
            guard type == .json, let paths = value.objectValue else { throw APIError.invalidQuery("\"_json\" needs a JSON field and an object of paths") }
            return try json(paths, subject: subject, field: field)
        case "_intersects", "_nintersects", "_intersects_bbox", "_nintersects_bbox":
            throw APIError.invalidQuery("\"\(name)\" needs a geometry field and a spatial database")
        case "_some", "_none":
            throw APIError.invalidQuery("\"\(name)\" can only be used with top level relational alias field")
        default:
            throw APIError.invalidQuery("Invalid filter operator \"\(name)\"")
        }
    }

    /// `_json`: each path's operators applied to the value at that path.
    private func json(_ paths: JSONObject, subject: Expr, field: FieldInfo) throws -> Expr {
        var terms: [Expr] = []
        for (path, rules) in paths {
            if path == "_and" || path == "_or" {
                guard let items = rules.arrayValue else { throw APIError.invalidQuery("\"_json\" logical operator \"\(path)\" must be an array") }
                let parts = try items.map { item -> Expr in
                    guard let object = item.objectValue else { throw APIError.invalidQuery("\"_json\" filter value must be an object") }
                    return try json(object, subject: subject, field: field)
                }
                terms.append(path == "_and" ? .and(parts) : .or(parts))
                continue
            }
            guard let object = rules.objectValue else { throw APIError.invalidQuery("\"_json\" inner filter for path \"\(path)\" must be an object") }
            for (name, value) in object {
                let numeric = Coercion.list(try variables.resolve(value)).allSatisfy { $0.doubleValue != nil } && !value.isNull
                let extracted = Expr.function(.jsonValue, [subject, .value(.string(path), type: .string)])
                let target: Expr = numeric ? .cast(extracted, .float) : extracted
                let dummy = FieldInfo(collection: field.collection, name: field.name, type: numeric ? .float : .string, column: field.column, meta: nil, special: [])
                terms.append(try operators([name: value], subject: target, type: numeric ? .float : .string, field: dummy, accepting: .unknown))
            }
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }
}

/// Coercing filter values to a field's type, as Directus does loosely.
enum Coercion {
    /// The value for a field of `type`, or nil when it can never match (e.g. "abc" for an integer key).
    static func value(_ value: JSON, _ type: FieldType) -> JSON? {
        switch type {
        case .integer, .bigInteger:
            if case .number(let text) = value { return Int64(text) != nil ? value : .number(text) }
            if let text = value.stringValue.map(trimmed), Int64(text) != nil { return .number(text) }
            if let text = value.stringValue, let number = Double(text) { return .double(number) }
            if let flag = value.boolValue { return .int(flag ? 1 : 0) }
            return nil
        case .float, .decimal:
            if case .number = value { return value }
            if let text = value.stringValue, Double(text) != nil { return .number(text) }
            return nil
        case .boolean:
            if let flag = value.boolValue { return .bool(flag) }
            if let text = value.stringValue?.lowercased() { return ["true", "1"].contains(text) ? .bool(true) : (["false", "0"].contains(text) ? .bool(false) : nil) }
            if let number = value.intValue { return .bool(number != 0) }
            return nil
        case .uuid:
            guard let text = value.stringValue, UUIDFormat.isValid(text) else { return nil }
            return .string(text.lowercased())
        default:
            if case .number(let text) = value { return .string(text) }
            if let flag = value.boolValue { return .string(flag ? "true" : "false") }
            return value
        }
    }

    /// Directus casts filter values for integer, float and decimal fields to numbers and refuses what is not one.
    static func requireNumeric(_ value: JSON, _ type: FieldType) throws {
        guard [.integer, .float, .decimal].contains(type), !value.isNull else { return }
        if value.boolValue != nil || value.doubleValue != nil { return }
        if let text = value.stringValue.map(trimmed), Double(text) != nil || text.isEmpty { return }
        throw APIError.invalidQuery("Invalid numeric value")
    }

    /// `text` without leading and trailing `.whitespaces`; Foundation is asked only when an end
    /// is not plain ASCII (every key in a URL goes through here).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if plain(first), plain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// An array, or a comma-separated string, as a list.
    static func list(_ value: JSON) -> [JSON] {
        if let items = value.arrayValue { return items }
        if let text = value.stringValue { return text.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) } }
        return [value]
    }

    static func text(_ value: JSON) -> String {
        value.stringValue ?? value.description
    }
}

/// UUID syntax checks (filters on uuid columns with malformed values match nothing instead of erroring on PostgreSQL).
enum UUIDFormat {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)) {
                return false
            }
        }
        return true
    }
}
