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
        // No revision for deletes, nor for an update that changed nothing (as Directus).
        guard mode == "all", action != "delete" else { return nil }
        if action == "update", delta?.objectValue?.isEmpty ?? true { return nil }
        let revision = try database.insertRow(into: SystemTables.revisions, [
            "activity": activity, "collection": .string(collection.name), "item": .string(item),
            "data": Self.masked(data, collection), "delta": Self.masked(delta, collection), "parent": parent ?? .null,
        ], in: transaction)
        revisions.append(revision)
        return revision
    }

    /// Revision data as the API would show it: concealed and hashed values masked.
    static func masked(_ value: JSON?, _ collection: CollectionInfo) -> JSON {
        guard var object = value?.objectValue else { return value ?? .null }
        for field in collection.fields where field.has("conceal") || field.has("hash") || field.type == .hash {
            if let current = object[field.name], !current.isNull, current.stringValue != "" { object[field.name] = "**********" }
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
