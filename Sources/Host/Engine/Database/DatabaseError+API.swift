import PlinthJSON

extension DatabaseError {
    /// The Directus error a database failure becomes; raw database messages reach only admins.
    func apiError(admin: Bool) -> APIError {
        let collection = table ?? ""
        let field = column ?? ""
        var extensions: JSONObject = [:]
        if let table { extensions["collection"] = .string(table) }
        if let column { extensions["field"] = .string(column) }
        switch kind {
        case "unique":
            return APIError(code: "RECORD_NOT_UNIQUE", status: 400, message: "Value for field \"\(field)\" in collection \"\(collection)\" has to be unique.", extensions: extensions)
        case "foreign_key":
            return APIError(code: "INVALID_FOREIGN_KEY", status: 400, message: "Invalid foreign key for field \"\(field)\" in collection \"\(collection)\".", extensions: extensions)
        case "not_null":
            return APIError(code: "NOT_NULL_VIOLATION", status: 400, message: "Value for field \"\(field)\" in collection \"\(collection)\" can't be null.", extensions: extensions)
        case "too_long":
            return APIError(code: "VALUE_TOO_LONG", status: 400, message: "Value for field \"\(field)\" in collection \"\(collection)\" is too long.", extensions: extensions)
        case "out_of_range":
            return APIError(code: "VALUE_OUT_OF_RANGE", status: 400, message: "Numeric value for field \"\(field)\" in collection \"\(collection)\" is out of range.", extensions: extensions)
        case "invalid_text":
            return APIError.invalidPayload(admin ? message : "A value has the wrong format for its field")
        case "connection":
            return APIError.serviceUnavailable("database")
        default:
            var error = APIError.internalError()
            if admin { error.message = message }
            return error
        }
    }
}
