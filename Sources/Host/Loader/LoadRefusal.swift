/// Why the loader refused a plugin file: one line naming the file, what was expected and what was found.
public struct LoadRefusal: Error, CustomStringConvertible, Sendable {
    /// The refused file.
    public let file: String
    /// What was expected and what was found.
    public let reason: String

    public var description: String { "Refused plugin \(file): \(reason)" }
}

extension LoadRefusal {
    /// A refusal for a lifecycle step that did not return PLINTH_OK, or nil when it did.
    static func unless(_ status: Int32, _ step: String, plugin: LoadedPlugin, message: [UInt8]) -> LoadRefusal? {
        guard status != 0 else { return nil }
        let text = String(decoding: message, as: UTF8.self)
        return LoadRefusal(file: plugin.path, reason: "expected \(step) to succeed, found status \(status)\(text.isEmpty ? "" : ": \(text)")")
    }
}
