import Foundation
import PlinthJSON

/// What callers may do, as they ask the API (`/permissions/me`, `/policies/me/globals`, `/roles/me`).
enum PermissionServices {
    static let actions = ["create", "read", "update", "delete", "share"]

    static func register(in runtime: Runtime) {
        let services = runtime.services
        func engine() throws -> Engine {
            guard let engine = runtime.engine else { throw APIError.serviceUnavailable("database") }
            return engine
        }

        services.register("permissions.me/1") { context, _ in
            guard let who = context?.accountability, who.user != nil || who.role != nil else { throw APIError.forbidden() }
            return try collectionAccess(who, engine: engine())
        }

        services.register("permissions.me.item/1") { context, args in
            guard let who = context?.accountability, who.user != nil else { throw APIError.forbidden() }
            guard let collection = args["collection"]?.stringValue else { throw APIError.forbidden() }
            let id = args["id"]?.stringValue ?? args["id"]?.intValue.map(String.init)
            return try itemPermissions(who, context: context, collection: collection, id: id, engine: engine())
        }

        services.register("policies.me.globals/1") { context, _ in
            guard let who = context?.accountability, who.user != nil || who.role != nil else { return ["app_access": false] }
            let engine = try engine()
            var enforce = false
            for policy in who.policies where !enforce {
                enforce = try engine.database.rows(of: SystemTables.policies, columns: ["enforce_tfa"], where: ["id": .string(policy)]).first?["enforce_tfa"]?.boolValue ?? false
            }
            return ["app_access": .bool(who.app), "admin_access": .bool(who.admin), "enforce_tfa": .bool(enforce)]
        }

        services.registerRaw("roles.me/1") { context, args in
            guard let who = context?.accountability, who.user != nil || who.role != nil else { throw APIError.forbidden() }
            var query = try QuerySanitizer.object(args["query"] ?? .object([:]), "query")
            query["limit"] = -1
            query["filter"] = ["id": ["_in": .array(who.roles.map(JSON.string))]]
            do {
                let roles = try ItemsService(engine: engine(), context: context, collection: "directus_roles")
                return ItemServices.envelope(try roles.readByQuery(query).data, meta: nil)
            } catch let error as APIError where error.code == "FORBIDDEN" {
                return JSON.object(["data": .array(who.roles.map { JSON.object(["id": .string($0)]) })]).encoded()
            }
        }
    }

    /// `{collection: {action: {access: none|partial|full, fields?, presets?}}}` for the caller.
    static func collectionAccess(_ who: Accountability, engine: Engine) throws -> JSON {
        if who.admin {
            var out = JSONObject()
            for collection in engine.schema.collections.map(\.name) {
                out[collection] = .object(JSONObject(actions.map { ($0, JSON.object(["access": "full", "fields": ["*"]])) }))
            }
            return .object(out)
        }
        var infos: [(String, [String: JSONObject])] = []
        func index(_ collection: String) -> Int {
            if let found = infos.firstIndex(where: { $0.0 == collection }) { return found }
            var byAction: [String: JSONObject] = [:]
            for action in actions { byAction[action] = ["access": "none"] }
            infos.append((collection, byAction))
            return infos.count - 1
        }
        for row in try engine.permissions.rows(for: who) where actions.contains(row.action) {
            let position = index(row.collection)
            var info = infos[position].1[row.action]!
            if info["access"]?.stringValue == "none" { info["access"] = "full" }
            if info["access"]?.stringValue == "full", let rule = row.rule, !rule.isEmpty { info["access"] = "partial" }
            var fields = info["fields"]?.arrayValue?.compactMap(\.stringValue)
            if fields?.first != "*" {
                var merged = fields ?? []
                for field in row.orderedFields where !merged.contains(field) { merged.append(field) }
                fields = merged.contains("*") ? ["*"] : merged
                info["fields"] = .array(fields!.map(JSON.string))
            }
            if let presets = row.presets {
                var combined = info["presets"]?.objectValue ?? [:]
                for (key, value) in presets { combined[key] = value }
                info["presets"] = .object(combined)
            }
            infos[position].1[row.action] = info
        }
        var out = JSONObject()
        for (collection, byAction) in infos {
            out[collection] = .object(JSONObject(["read", "create", "update", "delete", "share"].map { ($0, JSON.object(byAction[$0]!)) }))
        }
        return .object(out)
    }

    /// `{update:{access}, delete:{access}, share:{access}}` for one item (or a singleton, which adds fields and presets).
    static func itemPermissions(_ who: Accountability, context: CallContext?, collection name: String, id: String?, engine: Engine) throws -> JSON {
        if who.admin {
            return ["update": ["access": true], "delete": ["access": true], "share": ["access": true]]
        }
        guard let info = engine.schema.collection(name) else {
            return ["update": ["access": false], "delete": ["access": false], "share": ["access": false]]
        }
        let rows = try engine.permissions.rows(for: who).filter { $0.collection == name }
        let service = try ItemsService(engine: engine, context: context, collection: name)
        var updateAction = "update"
        if info.singleton {
            var query = Query()
            query.fields = [info.primaryKey!]
            query.limit = 1
            if (try? service.rows(query).first) == nil { updateAction = "create" }
        }
        func allowed(_ action: String) throws -> Bool {
            let matching = rows.filter { $0.action == action }
            guard !matching.isEmpty else { return false }
            guard let id, let key = try service.keyValue(id) else { return true }
            let rules = matching.map(\.rule)
            var query = Query()
            query.fields = [info.primaryKey!]
            query.limit = 1
            var filter: JSONObject = [info.primaryKey!: ["_eq": key]]
            if !rules.contains(where: { $0 == nil || $0!.isEmpty }) {
                filter = ["_and": [.object(filter), ["_or": .array(rules.compactMap { $0 }.map(JSON.object))]]]
            }
            query.filter = filter
            return !(try service.rows(query)).isEmpty
        }
        var update: JSONObject = ["access": .bool(try allowed(updateAction))]
        let delete = try allowed("delete"), share = try allowed("share")
        if info.singleton, update["access"]?.boolValue == true {
            var fields: [String] = []
            var presets = JSONObject()
            for row in rows where row.action == updateAction {
                if fields.first != "*" {
                    for field in row.orderedFields where !fields.contains(field) { fields.append(field) }
                    if fields.contains("*") { fields = ["*"] }
                }
                for (key, value) in row.presets ?? [:] { presets[key] = value }
            }
            update["fields"] = .array(fields.map(JSON.string))
            update["presets"] = .object(presets)
        }
        return ["update": .object(update), "delete": ["access": .bool(delete)], "share": ["access": .bool(share)]]
    }
}
