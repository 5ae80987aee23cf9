import Foundation
import PlinthJSON
import SQLPlan

/// Field specials applied to a payload before it is written, as Directus's payload service does.
///
/// On create: `uuid` (when no value was given), `date-created`, `user-created`, `role-created`;
/// on update: `date-updated`, `user-updated`, `role-updated`; on both: `hash` (argon2),
/// `cast-csv` arrays joined, booleans and JSON normalised.
struct PayloadProcessor {
    let collection: CollectionInfo
    let accountability: Accountability
    let hasher: PasswordHasher
    let now: Date

    enum Action { case create, update }

    /// The column values to write for `payload` (relational aliases already removed).
    func process(_ payload: JSONObject, action: Action) throws -> JSONObject {
        var values = payload
        for field in collection.fields where !field.isAlias {
            let special = field.special
            if action == .create {
                if special.contains("uuid"), values[field.name] == nil || values[field.name]?.isNull == true {
                    values[field.name] = .string(Identifiers.uuid())
                }
                if special.contains("date-created") { values[field.name] = timestamp(field) }
                if special.contains("user-created") { values[field.name] = accountability.user.map(JSON.string) ?? .null }
                if special.contains("role-created") { values[field.name] = accountability.role.map(JSON.string) ?? .null }
            } else {
                if special.contains("date-updated") { values[field.name] = timestamp(field) }
                if special.contains("user-updated") { values[field.name] = accountability.user.map(JSON.string) ?? .null }
                if special.contains("role-updated") { values[field.name] = accountability.role.map(JSON.string) ?? .null }
            }
            guard let value = values[field.name], !value.isNull else { continue }
            if special.contains("hash") || field.type == .hash, let text = value.stringValue {
                // Re-hashing a value that is already an argon2 hash would lock its owner out.
                if !text.hasPrefix("$argon2") { values[field.name] = .string(try hasher.hash(text)) }
            } else if field.type == .csv || special.contains("cast-csv"), let items = value.arrayValue {
                values[field.name] = .string(items.map { $0.stringValue ?? $0.description }.joined(separator: ","))
            } else if field.type == .boolean || special.contains("cast-boolean") {
                values[field.name] = Coercion.value(value, .boolean) ?? value
            }
        }
        return values
    }

    /// "now" for a date field: a full timestamp, or the date / time part.
    private func timestamp(_ field: FieldInfo) -> JSON {
        let iso = DynamicVariables.iso(now)
        switch field.type {
        case .date: return .string(String(iso.prefix(10)))
        case .time: return .string(String(iso.dropFirst(11).prefix(8)))
        case .dateTime: return .string(String(iso.prefix(19)))
        default: return .string(iso)
        }
    }
}
