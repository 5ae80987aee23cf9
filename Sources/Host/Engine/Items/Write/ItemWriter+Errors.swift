import PlinthJSON
import SQLPlan

extension ItemWriter {
    /// Runs a write of `values` into `collection`, naming the collection and field of a failure the
    /// database reported without them: PostgreSQL does not say which column is too long or out of
    /// range, SQLite does not say which foreign key failed.
    func naming<T>(_ collection: CollectionInfo, _ values: JSONObject, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where ["too_long", "out_of_range", "foreign_key"].contains(error.kind) && error.column == nil {
            let field = try culprit(error.kind, collection, values)
            throw DatabaseError(kind: error.kind, message: error.message, table: collection.name, column: field)
        }
    }

    /// The first field of `values` that explains a failure of `kind`, or nil.
    private func culprit(_ kind: String, _ collection: CollectionInfo, _ values: JSONObject) throws -> String? {
        for field in collection.fields where !field.isAlias {
            guard let value = values[field.name], !value.isNull else { continue }
            switch kind {
            case "too_long":
                if let limit = field.maxLength, let text = value.stringValue, text.count > limit { return field.name }
            case "out_of_range":
                if Self.outOfRange(value, field) { return field.name }
            default:
                guard let relation = schema.relation(many: collection.name, field: field.name), let related = relation.relatedCollection,
                      let target = schema.collection(related), let key = target.primaryKey else { continue }
                if try keysMatching(target, [key: ["_eq": value]]).isEmpty { return field.name }
            }
        }
        return nil
    }

    /// Whether a number does not fit the column type of `field`.
    static func outOfRange(_ value: JSON, _ field: FieldInfo) -> Bool {
        let text: String
        switch value {
        case .number(let number): text = number
        case .string(let string): text = string
        default: return false
        }
        switch field.type {
        case .integer:
            guard let number = Double(text) else { return false }
            return number < Double(Int32.min) || number > Double(Int32.max)
        case .bigInteger:
            guard Double(text) != nil else { return false }
            return Int64(text) == nil && !text.contains(".")
        case .decimal:
            let precision = field.column?["numeric_precision"]?.intValue ?? 10
            let scale = field.column?["numeric_scale"]?.intValue ?? 5
            let digits = text.drop { $0 == "-" || $0 == "+" }.prefix { $0 != "." }.drop { $0 == "0" }
            return digits.count > precision - scale
        default:
            return false
        }
    }
}
