import Foundation
import PlinthJSON
import SQLPlan

/// Writes items, with their nested relational payloads, inside one transaction.
///
/// Every write checks permissions, runs `items.create|update|delete`
/// filter hooks, applies field specials and validation, and records
/// activity and revisions; action hooks are queued and emitted by the
/// caller after the transaction commits.
final class ItemWriter {
    let engine: Engine
    let transaction: Transaction
    let context: CallContext?
    let now = Date()
    /// Items written so far in this request, nested ones included (MAX_BATCH_MUTATION).
    private(set) var mutations = 0
    let maxMutations: Int?
    /// Action events to emit once the transaction has committed.
    var actions: [(event: String, payload: JSON, meta: JSON)] = []
    /// Whether a system table that feeds permissions was written (caches must be dropped).
    var touchedAccess = false
    let hasher: PasswordHasher
    /// Revision ids written so far, in order.
    var revisions: [JSON] = []

    init(engine: Engine, transaction: Transaction, context: CallContext?) throws {
        self.engine = engine
        self.transaction = transaction
        self.context = context
        maxMutations = try engine.env.limit("MAX_BATCH_MUTATION", default: nil)
        hasher = try PasswordHasher(engine.env)
    }

    var schema: SchemaModel { engine.schema }
    var accountability: Accountability { context?.accountability ?? .system }
    var database: Database { engine.database }

    func count() throws {
        mutations += 1
        if let maxMutations, mutations > maxMutations {
            throw APIError.invalidPayload("Exceeded max batch mutation limit of \(maxMutations)")
        }
    }

    func access(_ action: String, _ collection: CollectionInfo) throws -> WriteAccess {
        guard let access = try engine.permissions.write(accountability, action: action, collection: collection.name) else { throw APIError.forbidden() }
        return access
    }

    // MARK: Create

    /// Creates one item (and what its payload nests) and returns its primary key.
    @discardableResult
    func create(_ collection: CollectionInfo, _ input: JSONObject, parentRevision: JSON? = nil) throws -> JSON {
        try count()
        let access = try access("create", collection)
        // As Directus: hooks see the payload, the caller's fields are checked on it, then presets fill the gaps.
        let submitted = try filterHook("create", collection, input, meta: ["collection": .string(collection.name)])
        try checkFields(submitted, collection, access)
        var payload = access.presets
        for (key, value) in submitted { payload[key] = value }
        try validate(payload, collection, access, creating: true)
        if collection.isSystem { try systemCreateRules(collection, payload) }

        var (columns, aliases) = split(payload, collection)
        let mark = revisions.count
        try resolveToOne(&columns, collection, parentRevision: nil)
        var values = try PayloadProcessor(collection: collection, accountability: accountability, hasher: hasher, now: now).process(columns, action: .create)
        let pk = collection.primaryKey!
        values = values.filter { collection.field($0.key).map { !$0.isAlias } ?? false }.reduce(into: JSONObject()) { $0[$1.key] = $1.value }
        let keys = try database.insert(Insert(table: collection.name, columns: values.keys,
                                              rows: [values.keys.map { .value(values[$0]!, type: collection.field($0)?.type) }], returning: pk), in: transaction)
        let key = values[pk] ?? keys.first ?? .null
        let revision = try track("create", collection, key: key, data: .object(values), delta: .object(values), parent: parentRevision)
        try adopt(since: mark, parent: revision)
        for (field, value) in aliases {
            try writeToMany(collection, field: field, parentKey: key, value: value, parentRevision: revision)
        }
        queue("create", collection, ["key": key, "payload": .object(payload), "collection": .string(collection.name)])
        noteAccessWrite(collection)
        return key
    }

    // MARK: Update

    /// Updates items by key with the same payload.
    func update(_ collection: CollectionInfo, keys: [JSON], _ input: JSONObject, parentRevision: JSON? = nil) throws {
        guard !keys.isEmpty else { return }
        let access = try access("update", collection)
        try requireItems(keys, collection, rule: access.rule)
        var payload = try filterHook("update", collection, input, meta: ["keys": .array(keys), "collection": .string(collection.name)])
        try checkFields(payload, collection, access)
        try validate(payload, collection, access, creating: false)
        if collection.isSystem { try systemUpdateRules(collection, keys: keys, &payload) }
        for key in keys {
            try count()
            var (columns, aliases) = split(payload, collection)
            let mark = revisions.count
            try resolveToOne(&columns, collection, parentRevision: nil)
            let values = try PayloadProcessor(collection: collection, accountability: accountability, hasher: hasher, now: now).process(columns, action: .update)
            let pk = collection.primaryKey!
            let settable = values.filter { $0.key != pk && collection.field($0.key).map { !$0.isAlias } ?? false }
            if !settable.isEmpty {
                try database.update(Update(table: collection.name, alias: "t", set: settable.map { ($0.key, .value($0.value, type: collection.field($0.key)?.type)) },
                                           filter: .compare(.eq, .column(table: "t", name: pk, type: nil), .value(key, type: collection.primaryKeyField?.type))), in: transaction)
            }
            let data = try snapshot(collection, key)
            let revision = try track("update", collection, key: key, data: data, delta: .object(values), parent: parentRevision)
            try adopt(since: mark, parent: revision)
            for (field, value) in aliases {
                try writeToMany(collection, field: field, parentKey: key, value: value, parentRevision: revision)
            }
        }
        if collection.isSystem { try systemUpdateEffects(collection, keys: keys, payload) }
        queue("update", collection, ["keys": .array(keys), "payload": .object(payload), "collection": .string(collection.name)])
        noteAccessWrite(collection)
    }

    // MARK: Delete

    /// Deletes items by key.
    func delete(_ collection: CollectionInfo, keys input: [JSON]) throws {
        var keys = input
        let names = collection.isSystem ? ["\(eventScope(collection)).delete"] : ["items.delete", "\(collection.name).items.delete"]
        for name in names where engine.bus.hasFilters(name) {
            let replaced = try JSON.parse(engine.bus.filter(name, payload: JSON.array(keys).encoded(),
                                                            meta: JSON.object(["collection": .string(collection.name)]).encoded(), context: context))
            keys = replaced.arrayValue ?? keys
        }
        guard !keys.isEmpty else { return }
        let access = try access("delete", collection)
        try requireItems(keys, collection, rule: access.rule)
        for _ in keys { try count() }
        let pk = collection.primaryKey!
        if collection.isSystem { try systemDeleteRules(collection, keys: keys) }
        try database.delete(Delete(table: collection.name, alias: "t",
                                   filter: .compare(.in, .column(table: "t", name: pk, type: nil), .list(keys, type: collection.primaryKeyField?.type))), in: transaction)
        for key in keys { _ = try track("delete", collection, key: key, data: nil, delta: nil, parent: nil) }
        if collection.isSystem { try systemDeleteEffects(collection) }
        queue("delete", collection, ["keys": .array(keys), "payload": .array(keys), "collection": .string(collection.name)])
        noteAccessWrite(collection)
    }

    // MARK: Checks

    /// Every key exists and (for non-admins) matches the permission rule, or the request is FORBIDDEN.
    func requireItems(_ keys: [JSON], _ collection: CollectionInfo, rule: JSONObject?) throws {
        let pk = collection.primaryKey!
        var filter: JSONObject = [pk: ["_in": .array(keys)]]
        if let rule { filter = ["_and": [.object(filter), .object(rule)]] }
        let found = try keysMatching(collection, filter)
        let wanted = Set(keys.map { $0.stringValue ?? $0.description })
        guard wanted.isSubset(of: Set(found.map { $0.stringValue ?? $0.description })) else { throw APIError.forbidden() }
    }

    /// Keys of the items matching a filter, read inside the transaction.
    func keysMatching(_ collection: CollectionInfo, _ filter: JSONObject) throws -> [JSON] {
        var query = Query()
        query.fields = [collection.primaryKey!]
        query.filter = filter
        query.limit = -1
        let planner = ReadPlanner(schema: schema, limits: engine.limits, aliases: AliasSource(), variables: variables(), access: FullAccess())
        return try database.rows(try planner.plan(collection, query), in: transaction).compactMap { $0[collection.primaryKey!] }
    }

    func variables() -> DynamicVariables {
        DynamicVariables(accountability: accountability) { [unowned self] collection, id, path in
            guard let info = self.schema.collection(collection) else { return .null }
            var query = Query()
            query.fields = [path]
            query.filter = [info.primaryKey!: ["_eq": .string(id)]]
            query.limit = 1
            let planner = ReadPlanner(schema: self.schema, limits: self.engine.limits, aliases: AliasSource(), variables: self.variables(), access: FullAccess())
            let row = try self.database.rows(try planner.plan(info, query), in: self.transaction).first ?? .null
            return ItemsService.value(at: path, in: row)
        }
    }

    private func checkFields(_ payload: JSONObject, _ collection: CollectionInfo, _ access: WriteAccess) throws {
        for key in payload.keys where collection.field(key) != nil && !access.allows(key) {
            throw APIError.forbidden()
        }
    }

    /// The columns of a payload and its to-many alias values; keys the collection lacks are dropped, as Directus does.
    func split(_ payload: JSONObject, _ collection: CollectionInfo) -> (JSONObject, [(String, JSON)]) {
        var columns = JSONObject()
        var aliases: [(String, JSON)] = []
        for (key, value) in payload {
            guard let field = collection.field(key) else { continue }
            if field.isAlias {
                if schema.relation(one: collection.name, field: key) != nil { aliases.append((key, value)) }
            } else {
                columns[key] = value
            }
        }
        return (columns, aliases)
    }
}
