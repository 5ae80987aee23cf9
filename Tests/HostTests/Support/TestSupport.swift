import Foundation
import Logging
@testable import Host

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let abiInclude = root.appendingPathComponent("Sources/PluginABI/include").path

    /// The shared steering folder with the Directus fixtures (`../shared` next to the repository).
    static let sharedDirectory: String = {
        let sibling = root.deletingLastPathComponent().appendingPathComponent("shared").path
        return ProcessInfo.processInfo.environment["PLINTH_SHARED_DIR"] ?? sibling
    }()

    /// The build folder holding `plinth` and the built-in plugins (PLINTH_BUILD_DIR, else the test binary's folder).
    static let buildDirectory: String = {
        if let configured = ProcessInfo.processInfo.environment["PLINTH_BUILD_DIR"] { return configured }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // swift-testing runs from <build>/<name>.xctest on Linux.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("plinth").path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.path == "/" ? root.appendingPathComponent(".build/debug").path : directory.path
    }()

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String = "plinth-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a program and returns its exit status and combined output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return (ChildExit.wait(process), String(decoding: data, as: UTF8.self))
    }

    /// Compiles the fixture plugin with `defines` into `directory/name`.
    static func buildFixture(_ name: String, in directory: URL, defines: [String] = []) throws -> String {
        let output = directory.appendingPathComponent(name).path
        let source = root.appendingPathComponent("Tests/Fixtures/plugins/fixture_plugin.c").path
        let result = try run("/usr/bin/cc", ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-shared", "-fPIC",
                                             "-I", abiInclude, source, "-o", output] + defines.map { "-D" + $0 })
        guard result.status == 0 else { throw FixtureError(message: result.output) }
        return output
    }

    struct FixtureError: Error { let message: String }

    /// A runtime that loads built-ins from `plugins` and extensions from `extensions`, logging nowhere.
    static func runtime(plugins: URL, extensions: URL, extra: [String: String] = [:]) throws -> Runtime {
        var values = ["PLUGINS_PATH": plugins.path, "EXTENSIONS_PATH": extensions.path, "PLUGIN_THREADS": "2", "SECRET": "test"]
        values.merge(extra) { $1 }
        let env = Environment(values)
        return Runtime(env: env, settings: try Settings(env), logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A TCP port that was free a moment ago.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
