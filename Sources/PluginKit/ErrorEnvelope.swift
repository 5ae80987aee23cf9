import PlinthJSON
import PluginABI

/// Turns errors from `PluginHost.call` into Directus error responses.
public enum ErrorEnvelope {
    /// The HTTP response for a service error.
    ///
    /// The host reports errors as `{"message","code","status",…}`; members
    /// other than those three become `extensions`, except `errors`: further
    /// errors in the same form, reported after the first. Text that is not
    /// such an object becomes a 500 `INTERNAL_SERVER_ERROR`.
    public static func response(from error: PluginError) -> Response {
        guard let flat = (try? JSON.parse(error.message))?.objectValue, flat["message"]?.stringValue != nil else {
            return .error(code: "INTERNAL_SERVER_ERROR", message: "An unexpected error occurred.", status: 500)
        }
        let errors = [flat] + (flat["errors"]?.arrayValue ?? []).compactMap(\.objectValue)
        let body: JSON = ["errors": .array(errors.map(object))]
        return .json(body.encoded(), status: flat["status"]?.intValue ?? 500)
    }

    /// `{"message", "extensions": {"code", …}}` from the flat form.
    private static func object(_ flat: JSONObject) -> JSON {
        var extensions: JSONObject = ["code": flat["code"] ?? "INTERNAL_SERVER_ERROR"]
        for (key, value) in flat where !["message", "code", "status", "errors"].contains(key) { extensions[key] = value }
        return ["message": flat["message"] ?? "An unexpected error occurred.", "extensions": .object(extensions)]
    }
}
