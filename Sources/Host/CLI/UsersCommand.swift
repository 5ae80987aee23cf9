import ArgumentParser
import Foundation

/// `plinth users create|passwd`: Directus's user commands.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create users and set their passwords.",
        subcommands: [Create.self, Passwd.self]
    )

    /// `plinth users create --email --password --role`: prints the new user's id.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an active user and print its id.")

        @Option(help: "The user's email (unique, ignoring case).") var email: String
        @Option(help: "The user's password.") var password: String
        @Option(help: "The role: its id, or its name when no other role has it.") var role: String

        func run() async throws {
            try await reportingErrors {
                let id = try await Accounts.run { try $0.createUser(email: email, password: password, role: role) }
                print(id)
            }
        }
    }

    /// `plinth users passwd --email --password`.
    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the password of the user with this email.")

        @Option(help: "The user's email (ignoring case).") var email: String
        @Option(help: "The new password.") var password: String

        func run() async throws {
            try await reportingErrors {
                let id = try await Accounts.run { try $0.setPassword(email: email, password: password) }
                print("Password is updated for user \(id)")
            }
        }
    }
}

/// `plinth roles create --role <name> [--admin] [--app]`: Directus's role command.
struct RolesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Create roles.",
        subcommands: [Create.self]
    )

    /// Prints the new role's id.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a role with its own policy and print the role's id.")

        @Option(name: [.customLong("role"), .customLong("name")], help: "The role's name (--name is accepted too).") var role: String
        @Flag(help: "Give the role's policy admin access.") var admin = false
        @Flag(help: "Give the role's policy app (Studio) access.") var app = false

        func run() async throws {
            try await reportingErrors {
                print(try await Accounts.run { try $0.createRole(name: role, admin: admin, app: app) })
            }
        }
    }
}

extension Accounts {
    /// Opens the installed database, as it is (Directus's account commands do not migrate), and runs `body`
    /// on the blocking pool; only the command's own output reaches stdout.
    static func run<T>(_ body: @escaping (Accounts) throws -> T) async throws -> T {
        let (env, settings) = try loadConfiguration()
        let runtime = try await Runtime.forCommand(env: env, settings: settings)
        let database = try await runtime.openDatabase()
        let engine = try await runtime.pool.run { () throws -> Engine in
            guard try Bootstrap(database: database, env: env, logger: runtime.logger).isInstalled(), let resolver = runtime.authentication?.resolver else {
                throw ConfigError("The database has no Directus tables; run `plinth bootstrap` first.")
            }
            return try Engine(database: database, env: env, logger: runtime.logger, access: resolver, bus: runtime.bus)
        }
        return try await runtime.pool.run { try body(Accounts(engine: engine)) }
    }
}
