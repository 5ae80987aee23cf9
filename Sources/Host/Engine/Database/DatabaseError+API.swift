import PlinthJSON

extension DatabaseError {
    /// The Directus error a database failure becomes; raw database messages reach only admins.
    ///
    /// Messages follow Directus's constructors: the parts naming the field and the collection are left
    /// out when unknown, and `extensions` always carries `collection` and `field` (null when unknown).
    func apiError(admin: Bool) -> APIError {
        let extensions: JSONObject = ["collection": table.map(JSON.string) ?? .null, "field": column.map(JSON.string) ?? .null]
        var place = ""
        if let column { place += "for field \"\(column)\" " }
        if let table { place += "in collection \"\(table)\" " }
        switch kind {
        case "unique":
            return APIError(code: "RECORD_NOT_UNIQUE", status: 400, message: "Value \(place)has to be unique.", extensions: extensions)
        case "foreign_key":
            let message = "Invalid foreign key" + (place.isEmpty ? "" : " " + place.dropLast()) + "."
            return APIError(code: "INVALID_FOREIGN_KEY", status: 400, message: message, extensions: extensions)
        case "not_null":
            return APIError(code: "NOT_NULL_VIOLATION", status: 400, message: "Value \(place)can't be null.", extensions: extensions)
        case "too_long":
            return APIError(code: "VALUE_TOO_LONG", status: 400, message: "Value \(place)is too long.", extensions: extensions)
        case "out_of_range":
            return APIError(code: "VALUE_OUT_OF_RANGE", status: 400, message: "Numeric value \(place)is out of range.", extensions: extensions)
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
