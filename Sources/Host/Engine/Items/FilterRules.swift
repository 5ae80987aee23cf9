import PlinthJSON
import SQLPlan

/// What Directus checks in filters before running them: value shapes (`validateQuery`), the loose
/// coercion of `parseFilter`, and which operators each field type accepts.
enum FilterRules {
    /// `parseFilter`: `"true"`, `"false"` and `"null"` become JSON literals everywhere, and a bare
    /// `field: value` means `field: {_eq: value}`.
    static func normalize(_ filter: JSONObject) -> JSONObject {
        JSONObject(filter.map { key, value in (key, normalize(value, key: key)) })
    }

    private static func normalize(_ value: JSON, key: String) -> JSON {
        switch value {
        case .object(let object): return .object(normalize(object))
        case .array(let items): return .array(items.map { normalize($0, key: key) })
        default:
            let literal = coerce(value)
            // A field with a value instead of operators compares for equality.
            return key.hasPrefix("_") ? literal : ["_eq": literal]
        }
    }

    private static func coerce(_ value: JSON) -> JSON {
        switch value.stringValue {
        case "true": return true
        case "false": return false
        case "null", "NULL": return .null
        default: return value
        }
    }

    /// `validateQuery`'s checks of operator values in a top-level filter.
    static func validate(_ filter: JSONObject) throws {
        for (key, value) in filter {
            if key == "_and" || key == "_or" {
                for part in value.arrayValue ?? [] { if let object = part.objectValue { try validate(object) } }
            } else if key.hasPrefix("_") {
                try validateOperator(key, value)
            } else if let object = value.objectValue {
                try validate(object)
            } else {
                try validatePrimitive(value, "_eq")
            }
        }
    }

    private static func validateOperator(_ key: String, _ value: JSON) throws {
        switch key {
        case "_in", "_nin", "_between", "_nbetween":
            if let items = value.arrayValue, items.isEmpty { throw invalid("\"\(key)\" has to be an array of values") }
            if value.arrayValue == nil, value.stringValue == nil { throw invalid("\"\(key)\" has to be an array of values") }
        case "_null", "_nnull", "_empty", "_nempty":
            guard value.isNull || value.boolValue != nil || value.stringValue == "" else { throw invalid("\"\(key)\" has to be a boolean") }
        case "_some", "_none":
            if let object = value.objectValue { try validate(object) }
        case "_json":
            guard value.objectValue != nil else { throw invalid("\"_json\" filter value must be an object") }
        case "_intersects", "_nintersects", "_intersects_bbox", "_nintersects_bbox":
            break
        default:
            try validatePrimitive(value, key)
        }
    }

    private static func validatePrimitive(_ value: JSON, _ key: String) throws {
        switch value {
        case .null, .bool: return
        case .number(let text):
            if let number = Double(text), abs(number) > 9_007_199_254_740_991, !text.contains("."), Int64(text) == nil {
                throw invalid("The filter value for \"\(key)\" is not a valid number")
            }
        case .string(let text):
            if text.isEmpty { throw invalid("You can't filter for an empty string in \"\(key)\". Use \"_empty\" or \"_nempty\" instead") }
        case .array, .object:
            throw invalid("The filter value for \"\(key)\" has to be a string, number, or boolean")
        }
    }

    /// The operators a field type accepts (`getFilterOperatorsForType`). Plinth adds `_json` for JSON fields, and
    /// `_nicontains` for text, which Directus implements but leaves out of its list.
    static func operators(for type: FieldType) -> Set<String> {
        switch type {
        case .string, .text, .csv, .binary: return Operators.text
        case .hash: return Operators.nullOrEmpty
        case .uuid: return Operators.uuid
        case .json: return Operators.json
        case .boolean: return Operators.boolean
        case .integer, .bigInteger, .float, .decimal, .dateTime, .date, .time: return Operators.ordered
        case _ where type.isGeometry: return Operators.geometry
        default: return Operators.other
        }
    }

    /// The sets `operators(for:)` returns, built once (a filter checks one per field it names).
    private enum Operators {
        static let text: Set<String> = ["_contains", "_ncontains", "_icontains", "_nicontains", "_starts_with", "_nstarts_with", "_istarts_with",
                                        "_nistarts_with", "_ends_with", "_nends_with", "_iends_with", "_niends_with", "_eq", "_neq", "_empty",
                                        "_nempty", "_null", "_nnull", "_in", "_nin"]
        static let ordered: Set<String> = ["_eq", "_neq", "_lt", "_lte", "_gt", "_gte", "_between", "_nbetween", "_null", "_nnull", "_in", "_nin"]
        static let nullOrEmpty: Set<String> = ["_empty", "_nempty", "_null", "_nnull"]
        static let uuid: Set<String> = ["_eq", "_neq", "_null", "_nnull", "_in", "_nin"]
        static let json: Set<String> = ["_null", "_nnull", "_json"]
        static let boolean: Set<String> = ["_eq", "_neq", "_null", "_nnull"]
        static let geometry: Set<String> = ["_eq", "_neq", "_null", "_nnull", "_intersects", "_nintersects", "_intersects_bbox", "_nintersects_bbox"]
        static let other = ordered.union(["_contains", "_ncontains", "_empty", "_nempty"])
    }

    /// Refuses an operator the field does not accept, with Directus's message.
    static func check(_ name: String, field: FieldInfo, type: FieldType) throws {
        if field.has("conceal") {
            guard Operators.nullOrEmpty.contains(name) else {
                throw invalid("Field with \"conceal\" special does not allow the \"\(name)\" filter operator")
            }
            return
        }
        guard operators(for: type).contains(name) else {
            throw invalid("\"\(type.rawValue)\" field type does not contain the \"\(name)\" filter operator")
        }
    }

    private static func invalid(_ reason: String) -> APIError { APIError.invalidQuery(reason) }
}
