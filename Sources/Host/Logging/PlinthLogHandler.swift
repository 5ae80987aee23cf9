import Foundation
import Logging

/// A swift-log handler writing one line per record to standard output.
///
/// `pretty` prints "time LEVEL [label] message key=value"; `raw` prints one
/// JSON object per line with pino's numeric levels, as Directus's
/// `LOG_STYLE=raw` does.
public struct PlinthLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String
    let raw: Bool

    /// Creates a handler for `label` at `level` in `style` ("pretty" or "raw").
    public init(label: String, level: Logger.Level, style: String) {
        self.label = label
        self.logLevel = level
        self.raw = style == "raw"
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = raw
            ? rawLine(level: event.level, message: "\(event.message)", metadata: merged)
            : prettyLine(level: event.level, message: "\(event.message)", metadata: merged)
        LogOutput.shared.write(line)
    }

    private func prettyLine(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var line = "\(LogOutput.timestamp()) \(Self.name(level).uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)) [\(label)] \(message)"
        for key in metadata.keys.sorted() { line += " \(key)=\(metadata[key]!)" }
        return line + "\n"
    }

    private func rawLine(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var object: [String: Any] = ["level": Self.pinoLevel(level), "time": Int(Date().timeIntervalSince1970 * 1000), "name": label, "msg": message]
        for (key, value) in metadata { object[key] = "\(value)" }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "trace"
        case .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warn"
        case .error: return "error"
        case .critical: return "fatal"
        }
    }

    static func pinoLevel(_ level: Logger.Level) -> Int {
        switch level {
        case .trace: return 10
        case .debug: return 20
        case .info, .notice: return 30
        case .warning: return 40
        case .error: return 50
        case .critical: return 60
        }
    }

    /// Maps a Directus `LOG_LEVEL` to a swift-log level; "silent" maps above every level used.
    public static func level(_ name: String) -> Logger.Level {
        switch name {
        case "trace": return .trace
        case "debug": return .debug
        case "warn": return .warning
        case "error": return .error
        case "fatal", "silent": return .critical
        default: return .info
        }
    }
}

/// Serialises log lines from all threads onto standard output.
final class LogOutput: @unchecked Sendable {
    static let shared = LogOutput()
    private let lock = NSLock()
    /// Set when LOG_LEVEL=silent, so nothing is written at all.
    var silent = false

    func write(_ line: String) {
        guard !silent else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func timestamp() -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        var seconds = time_t(now.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(now.tv_usec / 1000))
    }
}

extension Logging.LoggingSystem {
    /// Installs PlinthLogHandler for every logger, once per process.
    public static func bootstrapPlinth(level: String, style: String) {
        LogOutput.shared.silent = level == "silent"
        let swiftLevel = PlinthLogHandler.level(level)
        LoggingBootstrap.once {
            LoggingSystem.bootstrap { label in PlinthLogHandler(label: label, level: swiftLevel, style: style) }
        }
    }
}

/// Guards swift-log's one-time bootstrap (tests start several hosts in one process).
enum LoggingBootstrap {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    static func once(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}
