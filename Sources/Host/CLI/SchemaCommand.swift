import ArgumentParser
import Foundation
import PlinthJSON

/// `plinth schema snapshot|apply`: move a schema between instances as a file.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Export the schema to a snapshot file, or apply one.",
        subcommands: [Snapshot.self, Apply.self]
    )

    /// `plinth schema snapshot [path] [--format json|yaml]`.
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the schema snapshot (YAML by default) to a file, or to stdout.")

        @Argument(help: "File to write; stdout when omitted.") var path: String?
        @Option(help: "json or yaml.") var format: String = "yaml"
        @Flag(help: "Overwrite an existing file without asking.") var yes = false

        func run() async throws {
            try await reportingErrors {
                guard ["json", "yaml"].contains(format) else { throw ConfigError("--format must be json or yaml, not \(format).") }
                let (env, settings) = try loadConfiguration()
                let runtime = try await Runtime.forCommand(env: env, settings: settings)
                let engine = try await runtime.startEngine()
                let snapshot = try await runtime.pool.run { try SchemaService(engine: engine).snapshot(nil) }
                let text = format == "yaml" ? try YAMLConversion.yaml(snapshot) : String(decoding: snapshot.encoded(), as: UTF8.self) + "\n"
                guard let path else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    return
                }
                if FileManager.default.fileExists(atPath: path), !yes {
                    throw ConfigError("\(path) already exists; pass --yes to overwrite it.")
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                print("Snapshot saved to \(path).")
            }
        }
    }

    /// `plinth schema apply <path> [--yes] [--dry-run]`.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply a snapshot file (JSON or YAML) to this database.")

        @Argument(help: "Snapshot file to apply.") var path: String
        @Flag(help: "Apply without asking for confirmation.") var yes = false
        @Flag(name: .customLong("dry-run"), help: "Only print the changes.") var dryRun = false

        func run() async throws {
            try await reportingErrors {
                let (env, settings) = try loadConfiguration()
                guard let data = FileManager.default.contents(atPath: path) else { throw ConfigError("Cannot read the snapshot file \(path).") }
                let text = String(decoding: data, as: UTF8.self)
                let snapshot: JSON
                do {
                    snapshot = path.hasSuffix(".json") ? try JSON.parse(text) : try YAMLConversion.json(fromYAML: text)
                } catch {
                    throw ConfigError("\(path) is not a valid snapshot: \(error).")
                }
                let runtime = try await Runtime.forCommand(env: env, settings: settings)
                let engine = try await runtime.startEngine()
                let service = SchemaService(engine: engine)
                // The file is explicit and local, so a snapshot from another Directus version or database is accepted.
                guard let diff = try await runtime.pool.run({ try service.diff(snapshot, force: true, nil) }) else {
                    print("No changes to apply.")
                    return
                }
                print(SchemaCommand.summary(diff))
                if dryRun { return }
                if !yes {
                    guard isatty(STDIN_FILENO) != 0 else { throw ConfigError("Pass --yes to apply these changes non-interactively.") }
                    print("Apply these changes? (y/N) ", terminator: "")
                    guard readLine()?.lowercased().hasPrefix("y") == true else { return }
                }
                try await runtime.pool.run { try service.apply(diff, force: false, nil) }
                print("Snapshot applied.")
            }
        }
    }

    /// One line per changed collection, field and relation.
    static func summary(_ result: JSON) -> String {
        var lines: [String] = []
        let diff = result["diff"] ?? .null
        for (key, label) in [("collections", "Collection"), ("fields", "Field"), ("systemFields", "System field"), ("relations", "Relation")] {
            for entry in diff[key]?.arrayValue ?? [] {
                let name = [entry["collection"]?.stringValue, entry["field"]?.stringValue].compactMap { $0 }.joined(separator: ".")
                let first = entry["diff"]?[0]
                let verb = first?["path"] != nil ? "update" : (["N": "create", "D": "delete"][first?["kind"]?.stringValue ?? ""] ?? "update")
                lines.append("- \(label) \(name): \(verb)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
