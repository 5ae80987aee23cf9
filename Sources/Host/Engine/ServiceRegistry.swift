import PlinthJSON

/// The engine services plugins reach through `service_call`, by versioned id.
///
/// A service receives the caller's context (nil means full access) and its
/// JSON arguments and returns JSON; it throws `APIError` for failures the
/// caller should see.
public final class ServiceRegistry: @unchecked Sendable {
    public typealias Handler = (_ context: CallContext?, _ args: JSON) throws -> JSON
    /// A handler that returns encoded JSON itself (large results pass through without re-encoding).
    public typealias RawHandler = (_ context: CallContext?, _ args: JSON) throws -> [UInt8]
    private var handlers: [String: RawHandler] = [:]

    public init() {}

    /// Adds a service; ids look like "noun.verb/1".
    public func register(_ id: String, _ handler: @escaping Handler) {
        handlers[id] = { context, args in try handler(context, args).encoded() }
    }

    /// Adds a service whose result is already encoded JSON.
    public func registerRaw(_ id: String, _ handler: @escaping RawHandler) {
        handlers[id] = handler
    }

    public func supports(_ id: String) -> Bool { handlers[id] != nil }

    /// Every service id, sorted.
    public var ids: [String] { handlers.keys.sorted() }

    /// Calls a service with encoded arguments and returns its encoded result.
    public func call(_ id: String, context: CallContext?, args: [UInt8]) throws -> [UInt8] {
        guard let handler = handlers[id] else {
            throw APIError(code: "ROUTE_NOT_FOUND", status: 404, message: "Service \(id) doesn't exist.")
        }
        let parsed: JSON
        do {
            parsed = args.isEmpty ? .object(JSONObject()) : try JSON.parse(args)
        } catch {
            throw APIError.invalidPayload("Service arguments are not valid JSON: \(error)")
        }
        return try handler(context, parsed)
    }
}
