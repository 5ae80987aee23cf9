import Foundation

/// The raw configuration: environment variables merged over a `.env` file.
///
/// Values keep Directus's syntax: a `_FILE` suffix reads the value from a
/// file, and `string:`, `number:`, `json:`, `array:` and `regex:` prefixes
/// are honoured by the typed readers in `Environment+Values.swift`.
public struct Environment: Sendable {
    /// Every variable, after `_FILE` indirection.
    public private(set) var values: [String: String]
    /// `KEY` → path for `KEY_FILE` entries whose file could not be read.
    public private(set) var unreadableFiles: [String: String] = [:]

    /// Creates an environment from literal values (tests, embedding).
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// Loads `CONFIG_PATH` (default `./.env`, missing is fine) and overlays the process environment.
    ///
    /// Process variables win over the file. `KEY_FILE=/path` sets `KEY` to the
    /// file's contents (without a trailing newline) unless `KEY` is set.
    public static func load(process: [String: String] = ProcessInfo.processInfo.environment) throws -> Environment {
        let path = process["CONFIG_PATH"] ?? ".env"
        var merged: [String: String] = [:]
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile(), let text = String(data: data, encoding: .utf8) else {
                throw ConfigError("Cannot read the configuration file \(path).")
            }
            merged = try DotEnv.parse(text, file: path)
        } else if process["CONFIG_PATH"] != nil {
            throw ConfigError("CONFIG_PATH points to \(path), which does not exist.")
        }
        merged.merge(process) { _, fromProcess in fromProcess }
        return Environment(merged).resolvingFiles()
    }

    /// Returns the raw value of `key`, or nil.
    public subscript(key: String) -> String? {
        values[key]
    }

    /// Sets or removes a value.
    public mutating func set(_ key: String, _ value: String?) {
        values[key] = value
    }

    /// Sets `KEY` from the file named by every `KEY_FILE` entry.
    ///
    /// An unreadable file is remembered rather than fatal, because unrelated
    /// programs' variables also end in `_FILE`; `requireReadable` reports it
    /// for the variables Plinth uses.
    func resolvingFiles() -> Environment {
        var resolved = Environment(values)
        for (key, path) in values where key.hasSuffix("_FILE") && key.count > 5 {
            let target = String(key.dropLast(5))
            guard values[target] == nil else { continue }
            if let contents = try? String(contentsOfFile: path, encoding: .utf8) {
                resolved.values[target] = contents.hasSuffix("\n") ? String(contents.dropLast()) : contents
            } else {
                resolved.unreadableFiles[target] = path
            }
        }
        return resolved
    }

    /// Throws when one of `keys` was given as `KEY_FILE` pointing at an unreadable file.
    public func requireReadable(_ keys: [String]) throws {
        for key in keys {
            if let path = unreadableFiles[key] {
                throw ConfigError("Cannot read \(key)_FILE: the file \(path) does not exist or is not readable.")
            }
        }
    }
}

/// A configuration value that is missing or malformed.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    /// What was wrong and what to do, for one log line.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) { self.message = message }

    /// Names the variable, what it expects and what it found.
    public static func invalid(_ key: String, expected: String, found: String) -> ConfigError {
        ConfigError("Invalid value for \(key): expected \(expected), found \"\(found)\".")
    }

    public var description: String { message }
}
