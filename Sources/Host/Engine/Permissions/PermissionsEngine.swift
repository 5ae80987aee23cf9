import Foundation
import PlinthJSON

/// The merged permissions of callers, cached per (policies) set and invalidated on any write to
/// roles, policies, access or permissions.
public final class PermissionsEngine: @unchecked Sendable {
    let database: Database
    private let lock = NSLock()
    private var cache: [String: [PermissionRow]] = [:]

    init(database: Database) {
        self.database = database
    }

    /// One directus_permissions row.
    struct PermissionRow: Sendable {
        let collection: String
        let action: String
        let rule: JSONObject?
        let fields: Set<String>?
        let validation: JSONObject?
        let presets: JSONObject?
        /// `fields` in stored order (for `/permissions/me`).
        var orderedFields: [String] = []
    }

    public func invalidate() {
        lock.withLock { cache = [:] }
    }

    /// Every permission row of the caller's policies, plus the app-access minimum when a policy grants app access.
    func rows(for accountability: Accountability) throws -> [PermissionRow] {
        let key = accountability.policies.sorted().joined(separator: ",") + (accountability.app ? "|app" : "")
        if let cached = lock.withLock({ cache[key] }) { return cached }
        var rows: [PermissionRow] = []
        for policy in accountability.policies {
            for row in try database.rows(of: SystemTables.permissions, where: ["policy": .string(policy)]) {
                rows.append(Self.row(row))
            }
        }
        if accountability.app {
            rows += AppAccessPermissions.all.map(Self.row)
        }
        lock.withLock { cache[key] = rows }
        return rows
    }

    static func row(_ row: JSONObject) -> PermissionRow {
        var ordered: [String] = []
        if let list = row["fields"]?.stringValue {
            ordered = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } else if let array = row["fields"]?.arrayValue {
            ordered = array.compactMap(\.stringValue)
        }
        var permission = PermissionRow(collection: row["collection"]?.stringValue ?? "", action: row["action"]?.stringValue ?? "",
                                       rule: JSONSupport.object(row["permissions"]), fields: Set(ordered),
                                       validation: JSONSupport.object(row["validation"]), presets: JSONSupport.object(row["presets"]))
        permission.orderedFields = ordered
        return permission
    }

    /// The planner's view of the caller's `action` permissions.
    func policy(for accountability: Accountability, action: String) throws -> AccessPolicy {
        PermissionPolicy(rows: try rows(for: accountability).filter { $0.action == action })
    }
}

/// Read access from permission rows: fields unioned, item rules ORed (a rule-less row grants every item).
struct PermissionPolicy: AccessPolicy {
    let rows: [PermissionRow]
    typealias PermissionRow = PermissionsEngine.PermissionRow

    func read(_ collection: String) throws -> ReadAccess? {
        let matching = rows.filter { $0.collection == collection }
        guard !matching.isEmpty else { return nil }
        var fields = Set<String>()
        for row in matching { fields.formUnion(row.fields ?? ["*"]) }
        let rules = matching.map(\.rule)
        let rule: JSONObject? = rules.contains(where: { $0 == nil || $0!.isEmpty }) ? nil : ["_or": .array(rules.compactMap { $0 }.map(JSON.object))]
        return ReadAccess(fields: fields.contains("*") ? nil : fields, rule: rule,
                          grants: matching.map { (fields: $0.fields ?? ["*"], rule: $0.rule) })
    }
}

/// Reading JSON columns that may hold JSON text (SQLite) or JSON values (PostgreSQL).
enum JSONSupport {
    static func object(_ value: JSON?) -> JSONObject? {
        guard let value else { return nil }
        if let object = value.objectValue { return object }
        if let text = value.stringValue, let parsed = try? JSON.parse(text) { return parsed.objectValue }
        return nil
    }
}
