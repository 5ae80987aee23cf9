import Foundation
import Testing

/// Freezes the C ABI: every struct's size, alignment and field offsets, and every constant's value.
///
/// The layout is read from the headers by compiling a generated C program,
/// so a new struct, field or constant is covered without editing this test.
/// `abi-<major>.<minor>.txt` holds the snapshot of each released version:
/// the current version's must match exactly, and every older one of the
/// same major must still hold (fields keep their offsets, constants their
/// values, structs only grow) — so an append needs a minor bump and a new
/// snapshot, and any other change fails.
@Suite struct ABILayoutTests {
    static let headerDirectory = TestSupport.root.appendingPathComponent("Sources/PluginABI/include/plinth")
    static let snapshotDirectory = TestSupport.root.appendingPathComponent("Tests/HostTests/ABI")

    @Test func headersCompileAsStrictC11() throws {
        let dir = TestSupport.temporaryDirectory("abi-c11")
        let source = dir.appendingPathComponent("all.c")
        try "#include \"plinth/plinth.h\"\nint main(void) { return 0; }\n".write(to: source, atomically: true, encoding: .utf8)
        let result = try TestSupport.run("/usr/bin/cc", ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-I", TestSupport.abiInclude, source.path, "-o", dir.appendingPathComponent("all").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func everyHeaderStaysSmall() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.headerDirectory.path) where name.hasSuffix(".h") {
            let lines = try String(contentsOf: Self.headerDirectory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines < 400, "\(name) has \(lines) lines")
        }
    }

    @Test func layoutMatchesTheSnapshotOfTheCurrentVersion() throws {
        let layout = try Self.currentLayout()
        let version = try #require(Self.version(from: layout))
        let snapshotURL = Self.snapshotDirectory.appendingPathComponent("abi-\(version).txt")
        guard let snapshot = try? String(contentsOf: snapshotURL, encoding: .utf8) else {
            // A new minor version gets its snapshot written once, deliberately.
            if ProcessInfo.processInfo.environment["PLINTH_WRITE_ABI_SNAPSHOT"] == version {
                try layout.write(to: snapshotURL, atomically: true, encoding: .utf8)
                return
            }
            Issue.record("No snapshot for ABI \(version). For a new version, run the tests once with PLINTH_WRITE_ABI_SNAPSHOT=\(version) and commit \(snapshotURL.lastPathComponent).")
            return
        }
        #expect(snapshot == layout, "The ABI layout changed without a version bump. Current layout:\n\(layout)")
    }

    @Test func olderSnapshotsOfTheSameMajorStillHold() throws {
        let current = Self.entries(try Self.currentLayout())
        let version = try #require(Self.version(from: try Self.currentLayout()))
        let major = version.split(separator: ".")[0]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.snapshotDirectory.path) where name.hasPrefix("abi-\(major).") && name.hasSuffix(".txt") {
            let older = Self.entries(try String(contentsOf: Self.snapshotDirectory.appendingPathComponent(name), encoding: .utf8))
            for (key, value) in older where key != "PLINTH_ABI_MINOR" {
                let now = try #require(current[key], "\(key) from \(name) was removed")
                if key.hasSuffix(" size") {
                    #expect(Int(now)! >= Int(value)!, "\(key) shrank from \(value) to \(now) since \(name)")
                } else {
                    #expect(now == value, "\(key) changed from \(value) to \(now) since \(name)")
                }
            }
        }
    }

    // MARK: - Generating the layout

    /// Compiles and runs a C program printing the layout of every struct and constant in the headers.
    static func currentLayout() throws -> String {
        let (structs, constants) = try parseHeaders()
        var program = "#include \"plinth/plinth.h\"\n#include <stddef.h>\n#include <stdio.h>\nint main(void) {\n"
        for (name, fields) in structs {
            let type = name == "plinth_host_api" ? "struct plinth_host_api" : name
            program += "    printf(\"\(name) size=%zu align=%zu\\n\", sizeof(\(type)), _Alignof(\(type)));\n"
            for field in fields {
                program += "    printf(\"\(name).\(field) offset=%zu\\n\", offsetof(\(type), \(field)));\n"
            }
        }
        for (name, isString) in constants {
            if isString {
                program += "    printf(\"\(name)=%s\\n\", \(name));\n"
            } else {
                program += "    printf(\"\(name)=%lld\\n\", (long long)(\(name)));\n"
            }
        }
        program += "    return 0;\n}\n"
        let dir = TestSupport.temporaryDirectory("abi-layout")
        let source = dir.appendingPathComponent("layout.c")
        let binary = dir.appendingPathComponent("layout").path
        try program.write(to: source, atomically: true, encoding: .utf8)
        let compiled = try TestSupport.run("/usr/bin/cc", ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-I", TestSupport.abiInclude, source.path, "-o", binary])
        guard compiled.status == 0 else { throw TestSupport.FixtureError(message: compiled.output) }
        return try TestSupport.run(binary, []).output
    }

    /// Struct names with their field names, and constant names, in header order.
    static func parseHeaders() throws -> (structs: [(String, [String])], constants: [(String, Bool)]) {
        var structs: [(String, [String])] = []
        var constants: [(String, Bool)] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: headerDirectory.path).filter { $0.hasSuffix(".h") }.sorted()
        for name in names {
            let text = stripComments(try String(contentsOf: headerDirectory.appendingPathComponent(name), encoding: .utf8))
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                if parts.count == 3, parts[0] == "#define", parts[1].hasPrefix("PLINTH_") {
                    constants.append((String(parts[1]), parts[2].hasPrefix("\"")))
                }
            }
            var rest = Substring(text)
            while let open = rest.range(of: #"(typedef )?struct (plinth_[a-z0-9_]+) \{"#, options: .regularExpression) {
                let header = rest[open]
                let structName = String(header.split(separator: " ").first { $0.hasPrefix("plinth_") }!)
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                let body = rest[open.upperBound..<close]
                structs.append((structName, fields(in: body)))
                rest = rest[close...].dropFirst()
            }
        }
        return (structs, constants)
    }

    private static func fields(in body: Substring) -> [String] {
        body.split(separator: ";").compactMap { declaration -> String? in
            let text = declaration.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            if let pointer = text.range(of: #"\(\*([a-z_0-9]+)\)"#, options: .regularExpression) {
                return String(text[pointer].dropFirst(2).dropLast())
            }
            let identifier = text.split(whereSeparator: { $0 == " " || $0 == "*" || $0 == "\n" }).last!
            return String(identifier.split(separator: "[").first!)
        }
    }

    private static func stripComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "/*") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    static func version(from layout: String) -> String? {
        let entries = entries(layout)
        guard let major = entries["PLINTH_ABI_MAJOR"], let minor = entries["PLINTH_ABI_MINOR"] else { return nil }
        return "\(major).\(minor)"
    }

    /// "name size" / "name.field offset" / "CONSTANT" → value.
    static func entries(_ layout: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in layout.split(separator: "\n") {
            if let equals = line.firstIndex(of: "="), !line.contains(" ") || line.hasPrefix("PLINTH_") {
                result[String(line[..<equals])] = String(line[line.index(after: equals)...])
                continue
            }
            let parts = line.split(separator: " ")
            guard parts.count >= 2 else { continue }
            for attribute in parts.dropFirst() {
                let pair = attribute.split(separator: "=")
                if pair.count == 2 { result["\(parts[0]) \(pair[0])"] = String(pair[1]) }
            }
        }
        return result
    }
}
