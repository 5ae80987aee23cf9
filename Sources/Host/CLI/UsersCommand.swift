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
