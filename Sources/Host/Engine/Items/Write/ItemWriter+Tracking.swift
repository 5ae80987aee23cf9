import PlinthJSON
import SQLPlan

extension ItemWriter {
    /// Runs `items.<action>` filter hooks (and the collection-scoped ones) over a payload.
    func filterHook(_ action: String, _ collection: CollectionInfo, _ payload: JSONObject, meta: JSONObject) throws -> JSONObject {
        let names = collection.isSystem ? ["\(eventScope(collection)).\(action)"] : ["items.\(action)", "\(collection.name).items.\(action)"]
        var current = payload
        for name in names where engine.bus.hasFilters(name) {
            let result = try JSON.parse(engine.bus.filter(name, payload: JSON.object(current).encoded(), meta: JSON.object(meta).encoded(), context: context))
            guard let object = result.objectValue else { throw APIError.invalidPayload("A \(name) hook returned something other than an object") }
            current = object
        }
        return current
    }

    /// Queues `items.<action>` action events (both forms) for after the commit.
    func queue(_ action: String, _ collection: CollectionInfo, _ meta: JSONObject) {
        let names = collection.isSystem ? ["\(eventScope(collection)).\(action)"] : ["items.\(action)", "\(collection.name).items.\(action)"]
        var full = meta
        full["event"] = .string(names.last!)
        for name in names where engine.bus.hasActions(name) {
            actions.append((name, meta["payload"] ?? .null, .object(full)))
        }
    }

    func eventScope(_ collection: CollectionInfo) -> String {
        String(collection.name.dropFirst("directus_".count))
    }

    /// Required fields, field validation rules and permission validation; the first failure is FAILED_VALIDATION.
    func validate(_ payload: JSONObject, _ collection: CollectionInfo, _ access: WriteAccess, creating: Bool) throws {
        for field in collection.fields where field.meta?["required"]?.boolValue == true && !field.isAlias && !field.hasAutoIncrement {
            let value = payload[field.name]
            let missing = creating ? (value == nil || value!.isNull) && !hasDefault(field) : value?.isNull == true
            if missing {
                throw failed(field.name, type: "required", message: "Validation failed for field \"\(field.name)\". Value is required.", valid: nil)
            }
        }
        let evaluator = FilterEvaluator()
        for field in collection.fields {
            guard let rule = JSONSupport.object(field.meta?["validation"]), !rule.isEmpty else { continue }
            guard creating || payload[field.name] != nil else { continue }
            do { try evaluator.check(rule, payload) } catch let failure as FilterEvaluator.Failure {
                let custom = field.meta?["validation_message"]?.stringValue
                throw failed(failure.field, type: failure.type, message: custom, valid: failure.valid)
            }
        }
        for rule in access.validation {
            do { try evaluator.check(try resolve(rule), payload) } catch let failure as FilterEvaluator.Failure {
                throw failed(failure.field, type: failure.type, message: nil, valid: failure.valid)
            }
        }
    }

    private func hasDefault(_ field: FieldInfo) -> Bool {
        (field.column?["default_value"].map { !$0.isNull } ?? false) || field.special.contains(where: { ["uuid", "date-created", "user-created", "role-created"].contains($0) })
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

    /// FAILED_VALIDATION as Directus words it: the operator's expected value goes in `valid`, `invalid` or
    /// `substring`, and the message says what the value has to be.
    private func failed(_ field: String, type rawType: String, message custom: String?, valid: JSON?) -> APIError {
        let type = rawType.hasPrefix("_") ? String(rawType.dropFirst()) : rawType
        var extensions: JSONObject = ["field": .string(field), "path": [], "type": .string(type)]
        var message = "Validation failed for field \"\(field)\"."
        func text(_ value: JSON) -> String { value.stringValue ?? value.description }
        func list(_ value: JSON) -> String { (value.arrayValue ?? [value]).map { "\"\(text($0))\"" }.joined(separator: ", ") }
        if let valid {
            switch type {
            case "eq": extensions["valid"] = valid; message += " Value has to be \"\(text(valid))\"."
            case "lt": extensions["valid"] = valid; message += " Value has to be less than \"\(text(valid))\"."
            case "lte": extensions["valid"] = valid; message += " Value has to be less than or equal to \"\(text(valid))\"."
            case "gt": extensions["valid"] = valid; message += " Value has to be greater than \"\(text(valid))\"."
            case "gte": extensions["valid"] = valid; message += " Value has to be greater than or equal to \"\(text(valid))\"."
            case "in": extensions["valid"] = valid; message += " Value has to be one of \(list(valid))."
            case "neq": extensions["invalid"] = valid; message += " Value can't be \"\(text(valid))\"."
            case "nin": extensions["invalid"] = valid; message += " Value can't be one of \(list(valid))."
            case "contains", "icontains": extensions["substring"] = valid; message += " Value has to contain \"\(text(valid))\"."
            case "ncontains": extensions["substring"] = valid; message += " Value can't contain \"\(text(valid))\"."
            default: extensions["valid"] = valid
            }
        }
        switch type {
        case "null": message += " Value has to be null."
        case "nnull": message += " Value can't be null."
        case "empty": message += " Value has to be empty."
        case "nempty": message += " Value can't be empty."
        case "required": message += " Value is required."
        case "regex": message += " Value doesn't have the correct format."
        case "email": message += " Value has to be a valid email address."
        default: break
        }
        return APIError(code: "FAILED_VALIDATION", status: 400, message: custom ?? message, extensions: extensions)
    }

    /// Writes activity (and, when the collection tracks everything, a revision); returns the revision id.
    func track(_ action: String, _ collection: CollectionInfo, key: JSON, data: JSON?, delta: JSON?, parent: JSON?) throws -> JSON? {
        guard let context, let mode = collection.accountability, !["directus_activity", "directus_revisions", "directus_sessions"].contains(collection.name) else { return nil }
        let who = context.accountability
        let item = key.stringValue ?? key.description
        let activity = try database.insertRow(into: SystemTables.activity, [
            "action": .string(action), "user": who.user.map(JSON.string) ?? .null, "timestamp": .string(DynamicVariables.iso(now)),
            "ip": who.ip.map(JSON.string) ?? .null, "user_agent": who.userAgent.map(JSON.string) ?? .null,
            "origin": who.origin.map(JSON.string) ?? .null, "collection": .string(collection.name), "item": .string(item),
        ], in: transaction)
        guard mode == "all", action != "delete" else { return nil }
        let revision = try database.insertRow(into: SystemTables.revisions, [
            "activity": activity, "collection": .string(collection.name), "item": .string(item),
            "data": data.map { concealed($0, collection) } ?? .null, "delta": delta.map { concealed($0, collection) } ?? .null,
            "parent": parent ?? .null,
        ], in: transaction)
        revisions.append(revision)
        return revision
    }

    /// A revision's data or delta with hashed and concealed values masked as reads mask them, so that
    /// password hashes and tokens never reach directus_revisions (Directus stores `**********` too).
    func concealed(_ value: JSON, _ collection: CollectionInfo) -> JSON {
        guard case .object(var object) = value else { return value }
        for field in collection.fields where field.has("conceal") || field.has("hash") || field.type == .hash {
            if let current = object[field.name], !current.isNull { object[field.name] = "**********" }
        }
        return .object(object)
    }

    /// Gives revisions written since `mark` without a parent the parent `revision` (nested items written
    /// before their parent, like many-to-one creates).
    func adopt(since mark: Int, parent revision: JSON?) throws {
        guard let revision, !revision.isNull, mark < revisions.count else { return }
        let orphans = revisions[mark...].filter { !$0.isNull && $0 != revision }
        guard !orphans.isEmpty else { return }
        try database.update(Update(table: "directus_revisions", alias: "t", set: [("parent", .value(revision, type: .integer))],
                                   filter: .and([.compare(.in, .column(table: "t", name: "id", type: nil), .list(Array(orphans), type: .integer)),
                                                 .isNull(.column(table: "t", name: "parent", type: nil), negated: false)])), in: transaction)
    }

    /// The stored item after a write (its columns), for revision data.
    func snapshot(_ collection: CollectionInfo, _ key: JSON) throws -> JSON {
        var query = Query()
        query.fields = collection.fields.filter { !$0.isAlias }.map(\.name)
        query.filter = [collection.primaryKey!: ["_eq": key]]
        query.limit = 1
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: FullAccess())
        return try database.rows(try planner.plan(collection, query), in: transaction).first ?? .null
    }

    /// Writes to these tables change who may do what.
    func noteAccessWrite(_ collection: CollectionInfo) {
        if ["directus_users", "directus_roles", "directus_policies", "directus_access", "directus_permissions"].contains(collection.name) {
            touchedAccess = true
        }
    }
}
