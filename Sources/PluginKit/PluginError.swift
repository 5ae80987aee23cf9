import PlinthJSON
import PluginABI

/// An error a plugin callback returns to the host as a status and message.
///
/// Throw it from any PluginKit callback; the trampolines turn it into the
/// status code and `out_error` the ABI expects. Other thrown errors become
/// `PLINTH_ERR_FAILED` with their description as the message.
public struct PluginError: Error, CustomStringConvertible, Sendable {
    /// The ABI status code (one of the `PLINTH_ERR_*` constants).
    public var status: plinth_status
    /// A message for logs, or a JSON object `{"message","code","status"}`.
    public var message: String

    /// Creates an error with a status and message.
    public init(_ status: plinth_status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// An error with a Directus error code and HTTP status, as hooks use to veto a payload.
    public static func directus(code: String, message: String, status: Int, rejected: Bool = true) -> PluginError {
        let json = "{\"message\":\(JSON.quote(message)),\"code\":\(JSON.quote(code)),\"status\":\(status)}"
        return PluginError(rejected ? PLINTH_ERR_REJECTED : PLINTH_ERR_FAILED, json)
    }

    /// Describes the error as "status N: message".
    public var description: String { "status \(status): \(message)" }

    /// Converts any thrown error into a status, writing its message to `out`.
    static func report(_ error: any Error, into out: UnsafeMutablePointer<plinth_buffer>?) -> plinth_status {
        let pluginError = (error as? PluginError) ?? PluginError(PLINTH_ERR_FAILED, String(describing: error))
        out?.pointee = Bytes.buffer(pluginError.message)
        return pluginError.status
    }

    /// Throws a PluginError when a host call returned an error status.
    static func check(_ status: plinth_status, _ error: plinth_buffer = plinth_buffer(), _ what: String) throws {
        guard status < 0 else {
            Bytes.release(error)
            return
        }
        let message = Bytes.takeString(error)
        throw PluginError(status, message.isEmpty ? "\(what) failed with status \(status)" : message)
    }
}
