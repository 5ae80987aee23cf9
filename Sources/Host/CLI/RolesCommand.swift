import ArgumentParser
import Foundation

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
