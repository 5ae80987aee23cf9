import PlinthJSON

/// The 403s Directus answers when a query names a collection or field that does not exist or may not be
/// read; the same answer for both, so callers cannot probe the schema.
enum AccessErrors {
    /// `path` is the relational path of the query level ("" for the top level).
    static func collection(_ collection: String, path: String = "") -> APIError {
        forbidden("You don't have permission to access collection \"\(collection)\" or it does not exist. Queried in \(suffix(path)).")
    }

    static func fields(_ fields: [String], collection: String, path: String = "") -> APIError {
        let list = fields.map { "\"\($0)\"" }.joined(separator: ", ")
        if fields.count == 1 {
            return forbidden("You don't have permission to access field \(list) in collection \"\(collection)\" or it does not exist. Queried in \(suffix(path)).")
        }
        return forbidden("You don't have permission to access fields \(list) in collection \"\(collection)\" or they do not exist. Queried in \(suffix(path)).")
    }

    /// The path of a nested level: `parent.key`.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private static func suffix(_ path: String) -> String {
        path.isEmpty ? "root" : "\"\(path)\""
    }

    private static func forbidden(_ reason: String) -> APIError {
        APIError(code: "FORBIDDEN", status: 403, message: reason, extensions: ["reason": .string(reason)])
    }
}
