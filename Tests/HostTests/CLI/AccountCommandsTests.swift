import Foundation
import PlinthJSON
import Testing
@testable import Host

/// `plinth users create|passwd` and `plinth roles create`, run as the built binary on SQLite and PostgreSQL,
/// checked in the database rows they leave.
@Suite(.serialized) struct AccountCommandsTests {
    /// A bootstrapped database and a way to run `plinth` against it.
    final class Instance: @unchecked Sendable {
        let environment: [String: String]
        let directory = TestSupport.temporaryDirectory("plinth-cli")
        let database: Database

        /// Bootstraps off the cooperative pool (the child process takes seconds).
        static func make(_ kind: DatabaseKind) async throws -> Instance {
            try await offload { try Instance(kind) }
        }

        private init(_ kind: DatabaseKind) throws {
            var env = try kind.freshEnvironment()
            if kind == .sqlite {
                env["DB_CLIENT"] = "sqlite3"
                env["DB_FILENAME"] = directory.appendingPathComponent("cli.db").path
            }
            env["SECRET"] = "cli-test-secret"
            env["ADMIN_EMAIL"] = "admin@example.com"
            env["ADMIN_PASSWORD"] = "admin-password"
            env["LOG_LEVEL"] = "warn"
            env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            environment = env
            let bootstrap = try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["bootstrap"], environment: env, directory: directory)
            guard bootstrap.status == 0 else { throw LiveHostError(message: "bootstrap failed: \(bootstrap.output)") }
            let settings = try DatabaseSettings(Environment(env), dataPath: directory.path)
            database = try Database.open(settings, registry: try DriverHarness.runtime.registry)
        }

        /// Runs `plinth <arguments>` off the cooperative pool; stdout and stderr apart.
        func run(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
            try await offload { try self.runBlocking(arguments) }
        }

        private func runBlocking(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestSupport.buildDirectory + "/plinth")
            process.arguments = arguments
            process.environment = environment
            process.currentDirectoryURL = directory
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            return (ChildExit.wait(process), String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
        }

        func user(_ id: String) throws -> JSONObject? {
            try database.rows(of: SystemTables.users, where: ["id": .string(id)]).first
        }
    }

    static func isUUID(_ text: String) -> Bool { UUID(uuidString: text) != nil }

    @Test(arguments: DatabaseKind.allCases)
    func usersCreatePrintsTheIdOfAnActiveUserWithAHashedPassword(_ kind: DatabaseKind) async throws {
        let instance = try await Instance.make(kind)
        let created = try await instance.run(["users", "create", "--email", "Ann@Example.com", "--password", "correct horse", "--role", "Administrator"])
        #expect(created.status == 0, "\(created.err)")
        #expect(created.err.isEmpty, "\(created.err)")
        let id = created.out.trimmingCharacters(in: .newlines)
        #expect(created.out == id + "\n" && Self.isUUID(id), "stdout is the id alone: \(created.out)")
        let user = try #require(try instance.user(id))
        #expect(user["email"]?.stringValue == "Ann@Example.com")
        #expect(user["status"]?.stringValue == "active")
        #expect(user["provider"]?.stringValue == "default")
        let administrator = try instance.database.rows(of: SystemTables.roles, where: ["name": "Administrator"]).first?["id"]
        #expect(user["role"] == administrator)
        let hash = try #require(user["password"]?.stringValue)
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=3,p=4$"))
        #expect(try PasswordHasher().verify("correct horse", against: hash))

        // The same address in another case is the same user.
        let duplicate = try await instance.run(["users", "create", "--email", "ann@example.com", "--password", "x", "--role", "Administrator"])
        #expect(duplicate.status == 1)
        #expect(duplicate.out.isEmpty)
        #expect(duplicate.err == "plinth: Value for field \"email\" in collection \"directus_users\" has to be unique.\n")

        let unknownRole = try await instance.run(["users", "create", "--email", "bob@example.com", "--password", "x", "--role", "Editors"])
        #expect(unknownRole.status == 1)
        #expect(unknownRole.err == "plinth: No role has the id or name \"Editors\". Create one with `plinth roles create --role <name>`.\n")
        let unknownID = try await instance.run(["users", "create", "--email", "bob@example.com", "--password", "x", "--role", UUID().uuidString.lowercased()])
        #expect(unknownID.status == 1)

        let invalid = try await instance.run(["users", "create", "--email", "not-an-email", "--password", "x", "--role", "Administrator"])
        #expect(invalid.status == 1)
        #expect(invalid.err == "plinth: Validation failed for field \"email\". Value has to be a valid email address.\n")

        let missing = try await instance.run(["users", "create", "--email", "bob@example.com", "--role", "Administrator"])
        #expect(missing.status == 64, "a usage error")
        #expect(missing.err.contains("Missing expected argument '--password <password>'"), "\(missing.err)")
        #expect(try instance.database.rows(of: SystemTables.users).count == 2, "only the admin and Ann")
    }

    @Test(arguments: DatabaseKind.allCases)
    func rolesCreateAttachesAPolicyAndUsersCanBeGivenTheRoleByName(_ kind: DatabaseKind) async throws {
        let instance = try await Instance.make(kind)
        let created = try await instance.run(["roles", "create", "--role", "Editors", "--admin"])
        #expect(created.status == 0, "\(created.err)")
        let roleID = created.out.trimmingCharacters(in: .newlines)
        #expect(Self.isUUID(roleID))
        let role = try #require(try instance.database.rows(of: SystemTables.roles, where: ["id": .string(roleID)]).first)
        #expect(role["name"]?.stringValue == "Editors")
        let links = try instance.database.rows(of: SystemTables.access, where: ["role": .string(roleID)])
        #expect(links.count == 1)
        #expect(links.first?["user"]?.isNull == true)
        let policy = try #require(try instance.database.rows(of: SystemTables.policies, where: ["id": links.first?["policy"] ?? .null]).first)
        #expect(policy["name"]?.stringValue == "Policy for Editors")
        #expect(policy["icon"]?.stringValue == "supervised_user_circle")
        #expect(Coercion.value(policy["admin_access"] ?? .null, .boolean) == .bool(true))
        #expect(Coercion.value(policy["app_access"] ?? .null, .boolean) == .bool(false))

        // --name is accepted too; --app without --admin.
        let viewers = try await instance.run(["roles", "create", "--name", "Viewers", "--app"])
        #expect(viewers.status == 0, "\(viewers.err)")
        let viewersPolicy = try instance.database.rows(of: SystemTables.access, where: ["role": .string(viewers.out.trimmingCharacters(in: .newlines))]).first?["policy"]
        let appPolicy = try #require(try instance.database.rows(of: SystemTables.policies, where: ["id": viewersPolicy ?? .null]).first)
        #expect(Coercion.value(appPolicy["admin_access"] ?? .null, .boolean) == .bool(false))
        #expect(Coercion.value(appPolicy["app_access"] ?? .null, .boolean) == .bool(true))

        let user = try await instance.run(["users", "create", "--email", "ed@example.com", "--password", "pw", "--role", "Editors"])
        #expect(user.status == 0, "\(user.err)")
        #expect(try instance.user(user.out.trimmingCharacters(in: .newlines))?["role"]?.stringValue == roleID)
        let byID = try await instance.run(["users", "create", "--email", "ed2@example.com", "--password", "pw", "--role", roleID.uppercased()])
        #expect(byID.status == 0, "\(byID.err)")
        #expect(try instance.user(byID.out.trimmingCharacters(in: .newlines))?["role"]?.stringValue == roleID)

        #expect(try await instance.run(["roles", "create", "--role", "Editors"]).status == 0, "Directus does not require unique role names")
        let ambiguous = try await instance.run(["users", "create", "--email", "ed3@example.com", "--password", "pw", "--role", "Editors"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err == "plinth: 2 roles are named \"Editors\"; pass the role's id instead.\n")

        let nameless = try await instance.run(["roles", "create"])
        #expect(nameless.status == 64)
    }

    @Test(arguments: DatabaseKind.allCases)
    func usersPasswdSetsTheHashOfTheUserFoundIgnoringCase(_ kind: DatabaseKind) async throws {
        let instance = try await Instance.make(kind)
        let admin = try #require(try instance.database.rows(of: SystemTables.users, where: ["email": "admin@example.com"]).first)
        let id = try #require(admin["id"]?.stringValue)
        let changed = try await instance.run(["users", "passwd", "--email", "ADMIN@example.com", "--password", "new password"])
        #expect(changed.status == 0, "\(changed.err)")
        #expect(changed.out == "Password is updated for user \(id)\n")
        let hash = try #require(try instance.user(id)?["password"]?.stringValue)
        #expect(try PasswordHasher().verify("new password", against: hash))
        #expect(try !PasswordHasher().verify("admin-password", against: hash))

        let nobody = try await instance.run(["users", "passwd", "--email", "nobody@example.com", "--password", "x"])
        #expect(nobody.status == 1)
        #expect(nobody.err == "plinth: No user has the email nobody@example.com.\n")
        #expect(try await instance.run(["users", "passwd", "--email", "admin@example.com"]).status == 64)
    }

    @Test func usersCreateChecksThePasswordPolicy() async throws {
        let instance = try await Instance.make(.sqlite)
        try instance.database.updateRows(of: SystemTables.settings, set: ["auth_password_policy": "/^.{12,}$/"], where: [:])
        let weak = try await instance.run(["users", "create", "--email", "weak@example.com", "--password", "short", "--role", "Administrator"])
        #expect(weak.status == 1)
        #expect(weak.err == "plinth: Validation failed for field \"password\". Value doesn't have the correct format.\n")
        let strong = try await instance.run(["users", "create", "--email", "strong@example.com", "--password", "long enough pw", "--role", "Administrator"])
        #expect(strong.status == 0, "\(strong.err)")
    }

    @Test func commandsRefuseADatabaseWithoutDirectusTables() async throws {
        let directory = TestSupport.temporaryDirectory("plinth-cli-empty")
        let result = try await offload { try TestSupport.run(TestSupport.buildDirectory + "/plinth", ["users", "create", "--email", "a@example.com", "--password", "x", "--role", "Administrator"],
                                         environment: ["PATH": "/usr/bin:/bin", "SECRET": "s", "DB_CLIENT": "sqlite3",
                                                       "DB_FILENAME": directory.appendingPathComponent("empty.db").path],
                                         directory: directory) }
        #expect(result.status == 1)
        #expect(result.output == "plinth: The database has no Directus tables; run `plinth bootstrap` first.\n")
    }
}
