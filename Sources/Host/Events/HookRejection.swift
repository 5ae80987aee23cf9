/// A filter hook vetoed a payload; carries the error the request answers with.
public struct HookRejection: Error, Sendable {
    /// The hook's plugin id.
    public let plugin: String
    /// The Directus error the hook asked for (or a generic one).
    public let error: APIError
}
