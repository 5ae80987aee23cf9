import PlinthJSON
import SQLPlan

extension ReadPlanner {
    /// Aggregate reads: one row per group with the group fields and `{function: {field: value}}` objects
    /// (`count` of `*` as a plain number), as Directus returns them.
    func aggregate(_ query: Query, collection: CollectionInfo, alias: String, into select: inout Select) throws {
        for name in query.groupBy {
            let expression: Expr
            if let function = try FieldTree.function(name) {
                let field = try readable(function.field, in: collection, path: "")
                try FieldTree.allow(function.name, on: field)
                guard function.name != "json" else { throw APIError.invalidQuery("Invalid function specified \"json\"") }
                expression = function.name == "count" ? try filters.countExpression(field, alias: alias)
                    : .function(Function(rawValue: function.name)!, [.column(table: alias, name: field.name, type: field.type)])
                select.fields.append((FieldTree.outputKey(name, function), .expr(expression, type: ReadPlanner.functionType(function.name, field))))
            } else {
                let field = try readable(name, in: collection, path: "")
                guard !field.isAlias else { throw FieldTree.unknown(name, collection.name) }
                expression = .column(table: alias, name: name, type: field.type)
                select.fields.append((name, ReadPlanner.columnOutput(field, alias: alias)))
            }
            select.group.append(expression)
        }
        for (function, fields) in query.aggregate {
            if function == "countAll" || (function == "count" && fields == ["*"]) {
                select.fields.append((function == "countAll" ? "countAll" : "count", .expr(.aggregate(.count, nil, distinct: false), type: .bigInteger)))
                continue
            }
            var outputs: [(key: String, value: Output)] = []
            for name in fields {
                let expression = try aggregateExpression(function, name, collection: collection, alias: alias)
                outputs.append((name, .expr(expression, type: Self.aggregateType(function, collection.field(name)))))
            }
            select.fields.append((function, .object(outputs)))
        }
    }

    /// The type of an aggregate's result as the database produces it (PostgreSQL's numeric and bigint
    /// results reach Directus clients as strings); min and max keep their field's type, so dates stay ISO text.
    static func aggregateType(_ function: String, _ field: FieldInfo?) -> FieldType? {
        let type = field?.type
        switch function {
        case "count", "countDistinct": return .bigInteger
        case "sum", "sumDistinct": return type == .float ? .float : (type == .integer ? .bigInteger : .decimal)
        case "avg", "avgDistinct": return type == .float ? .float : .decimal
        default: return field.map { ReadPlanner.outputType($0) } ?? type
        }
    }

    func aggregateExpression(_ function: String, _ fieldName: String, collection: CollectionInfo, alias: String) throws -> Expr {
        if fieldName == "*" { return .aggregate(.count, nil, distinct: false) }
        let field = try readable(fieldName, in: collection, path: "")
        guard !field.isAlias else { throw FieldTree.unknown(fieldName, collection.name) }
        let column = Expr.column(table: alias, name: fieldName, type: field.type)
        switch function {
        case "count": return .aggregate(.count, column, distinct: false)
        case "countDistinct": return .aggregate(.count, column, distinct: true)
        case "sum": return .aggregate(.sum, column, distinct: false)
        case "sumDistinct": return .aggregate(.sum, column, distinct: true)
        case "avg": return .aggregate(.avg, column, distinct: false)
        case "avgDistinct": return .aggregate(.avg, column, distinct: true)
        case "min": return .aggregate(.min, column, distinct: false)
        case "max": return .aggregate(.max, column, distinct: false)
        default: throw APIError.invalidQuery("Aggregate function \"\(function)\" doesn't exist")
        }
    }
}

/// `search`: case-insensitive substring over searchable text fields, equality on numbers and UUIDs when the term is one.
enum Search {
    /// Only fields the caller may read are searched, each on the items it is shown on (`visibility`).
    static func expression(_ term: String, collection: CollectionInfo, alias: String, grant: ReadAccess = .full,
                           visibility: (String) throws -> Expr? = { _ in nil }) throws -> Expr? {
        var terms: [Expr] = []
        for field in collection.fields where !field.isAlias && field.searchable && !field.has("conceal") && !field.has("hash") && grant.allows(field.name) {
            guard let match = condition(term, field, alias: alias) else { continue }
            terms.append(try visibility(field.name).map { .and([$0, match]) } ?? match)
        }
        return terms.isEmpty ? .bool(false) : .or(terms)
    }

    private static func condition(_ term: String, _ field: FieldInfo, alias: String) -> Expr? {
        let column = Expr.column(table: alias, name: field.name, type: field.type)
        switch field.type {
        case .string, .text:
            return .compare(.icontains, column, .value(.string(term), type: .string))
        case .integer, .bigInteger:
            return Int64(term) != nil ? .compare(.eq, column, .value(.number(term), type: field.type)) : nil
        case .float, .decimal:
            return Double(term) != nil ? .compare(.eq, column, .value(.number(term), type: field.type)) : nil
        case .uuid:
            return UUIDFormat.isValid(term) ? .compare(.eq, column, .value(.string(term.lowercased()), type: .uuid)) : nil
        default:
            return nil
        }
    }
}
