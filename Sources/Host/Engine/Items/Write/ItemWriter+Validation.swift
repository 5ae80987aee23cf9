import PlinthJSON

extension ItemWriter {
    /// Directus's payload validation: every failure is reported, as FAILED_VALIDATION errors.
    ///
    /// Columns that may not be null (and are not generated) must be submitted on create unless they have a
    /// default, and may never be set to null; field validation rules and the permission's validation rules
    /// apply to the submitted values (a field that is not submitted passes them).
    func validate(_ payload: JSONObject, _ collection: CollectionInfo, _ access: WriteAccess, creating: Bool) throws {
        var failures: [APIError] = []
        let evaluator = FilterEvaluator()
        for field in collection.fields {
            if !field.isAlias, !field.isNullable, !isGenerated(field) {
                let value = payload[field.name]
                if creating, value == nil, !hasDefault(field) {
                    failures.append(Self.failed(field: field.name, type: "required", expected: nil, value: nil))
                } else if value?.isNull == true {
                    failures.append(Self.failed(field: field.name, type: "nnull", expected: nil, value: nil))
                }
            }
            if let rule = JSONSupport.object(field.meta?["validation"]), !rule.isEmpty, let failure = check(rule, payload, evaluator) {
                failures.append(failure)
            }
        }
        for rule in access.validation {
            if let failure = check(try resolve(rule), payload, evaluator) { failures.append(failure) }
        }
        guard var first = failures.first else { return }
        first.others = Array(failures.dropFirst())
        throw first
    }

    private func check(_ rule: JSONObject, _ payload: JSONObject, _ evaluator: FilterEvaluator) -> APIError? {
        do { try evaluator.check(FilterRules.normalize(rule), payload) } catch let failure as FilterEvaluator.Failure {
            return Self.failed(field: failure.field, type: String(failure.type.dropFirst()), expected: failure.valid, value: failure.value)
        } catch {
            return nil
        }
        return nil
    }

    /// Keys and specials the database or Plinth fill in, so a missing value is not an error.
    private func isGenerated(_ field: FieldInfo) -> Bool {
        field.hasAutoIncrement || field.special.contains(where: { ["uuid", "date-created", "user-created", "role-created", "date-updated", "user-updated", "role-updated"].contains($0) })
    }

    private func hasDefault(_ field: FieldInfo) -> Bool {
        field.column?["default_value"].map { !$0.isNull } ?? false
    }

    /// A rule with dynamic variables replaced (validation rules may use them too).
    private func resolve(_ rule: JSONObject) throws -> JSONObject {
        let variables = variables()
        func walk(_ value: JSON) throws -> JSON {
            switch value {
            case .object(let object): return .object(JSONObject(try object.map { ($0.key, try walk($0.value)) }))
            case .array(let items): return .array(try items.map(walk))
            default: return try variables.resolve(value)
            }
        }
        return try walk(.object(rule)).objectValue ?? rule
    }

    /// Directus's FailedValidationError: the message names the rule and the expected value.
    static func failed(field: String, type: String, expected: JSON?, value: JSON?) -> APIError {
        var extensions: JSONObject = ["field": .string(field), "type": .string(type)]
        var message = "Validation failed for field \"\(field)\"."
        func quoted(_ value: JSON) -> String { "\"\(value.stringValue ?? value.encodedString())\"" }
        let list = (expected?.arrayValue ?? expected.map { [$0] } ?? []).map(quoted).joined(separator: ", ")
        switch type {
        case "eq", "lt", "lte", "gt", "gte", "in":
            extensions["valid"] = expected ?? .null
            let phrase = ["eq": "", "lt": "less than ", "lte": "less than or equal to ", "gt": "greater than ", "gte": "greater than or equal to "][type]
            message += type == "in" ? " Value has to be one of \(list)." : " Value has to be \(phrase!)\(quoted(expected ?? .null))."
        case "neq", "nin":
            extensions["invalid"] = expected ?? .null
            message += type == "nin" ? " Value can't be one of \(list)." : " Value can't be \(quoted(expected ?? .null))."
        case "contains", "icontains", "ncontains", "starts_with", "nstarts_with", "istarts_with", "nistarts_with",
             "ends_with", "nends_with", "iends_with", "niends_with":
            extensions["substring"] = expected ?? .null
            if type == "contains" || type == "icontains" { message += " Value has to contain \(quoted(expected ?? .null))." }
            if type == "ncontains" { message += " Value can't contain \(quoted(expected ?? .null))." }
        case "regex":
            extensions["invalid"] = value ?? .null
            message += " Value doesn't have the correct format."
        default:
            let suffixes = ["null": " Value has to be null.", "nnull": " Value can't be null.", "empty": " Value has to be empty.",
                            "nempty": " Value can't be empty.", "required": " Value is required."]
            message += suffixes[type] ?? ""
        }
        extensions["path"] = []
        return APIError(code: "FAILED_VALIDATION", status: 400, message: message, extensions: extensions)
    }
}
