import ArgumentParser
import Foundation
import Logging

/// `plinth start`: loads plugins and serves HTTP until SIGTERM or SIGINT.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the server (HOST, PORT, EXTENSIONS_PATH, …)."
    )

    func run() async throws {
        try await reportingErrors {
            let (env, settings) = try loadConfiguration()
            let logger = Logger(label: "plinth")
            if settings.secretGenerated {
                logger.warning("SECRET is not set: a random one is used, so tokens will not survive a restart.")
            }
            let runtime = Runtime(env: env, settings: settings, logger: logger)
            do {
                try runtime.loadPlugins()
            } catch let refusal as LoadRefusal {
                logger.critical("EXTENSIONS_MUST_LOAD is true and a plugin failed to load: \(refusal.description)")
                throw ExitCode(1)
            }
            _ = try await runtime.startEngine()
            try await runtime.serve()
        }
    }
}
