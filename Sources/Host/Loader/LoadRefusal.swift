/// Why the loader refused a plugin file: one line naming the file, what was expected and what was found.
public struct LoadRefusal: Error, CustomStringConvertible, Sendable {
    /// The refused file.
    public let file: String
    /// What was expected and what was found.
    public let reason: String

    public var description: String { "Refused plugin \(file): \(reason)" }
}
