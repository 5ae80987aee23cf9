import ArgumentParser
import Foundation
import Logging

/// `plinth`: the server command line.
public struct PlinthCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plinth",
        abstract: "A Directus-compatible data platform: REST and GraphQL over your SQL database, with native plugins.",
        discussion: "Configuration comes from the environment and a .env file (CONFIG_PATH), with Directus's variable names.",
        version: PlinthVersion.current,
        subcommands: [StartCommand.self, BootstrapCommand.self, DatabaseCommand.self, SchemaCommand.self, UsersCommand.self, RolesCommand.self]
    )

    public init() {}
}

/// Loads the environment and settings, or prints the configuration error and exits 1.
func loadConfiguration() throws -> (Environment, Settings) {
    do {
        let env = try Environment.load()
        let settings = try Settings(env)
        LoggingSystem.bootstrapPlinth(level: settings.logLevel, style: settings.logStyle)
        return (env, settings)
    } catch let error as ConfigError {
        FileHandle.standardError.write(Data("plinth: \(error.message)\n".utf8))
        throw ExitCode(1)
    }
}

/// Runs a command body, turning configuration, command, API and database errors into one line on stderr and exit code 1.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ConfigError {
        FileHandle.standardError.write(Data("plinth: \(error.message)\n".utf8))
        throw ExitCode(1)
    } catch let error as CommandError {
        FileHandle.standardError.write(Data("plinth: \(error.message)\n".utf8))
        throw ExitCode(1)
    } catch let error as APIError {
        FileHandle.standardError.write(Data("plinth: \(error.message)\n".utf8))
        throw ExitCode(1)
    } catch let error as DatabaseError {
        FileHandle.standardError.write(Data("plinth: database error: \(error.message)\n".utf8))
        throw ExitCode(1)
    }
}

/// The process entry point used by the `plinth` executable.
public enum PlinthMain {
    public static func run() async {
        await PlinthCommand.main()
    }
}
