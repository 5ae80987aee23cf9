import Testing
@testable import Host

/// Plinth implements exactly the Directus migrations after 20220826A, in order, and a fresh install needs none of them.
@Suite struct MigrationListTests {
    @Test func everyMigrationAfterDirectus9IsImplementedInVersionOrder() {
        let expected = DirectusMigrations.all.map(\.version).filter { $0 > DirectusMigrations.oldestSupported }
        #expect(expected.count == 39)
        #expect(Migrations.all.map(\.version) == expected)
    }

    @Test func freshInstallLeavesTheRunnerNothingToDo() async throws {
        try await TestDatabase.withEmpty { database in
            guard case .installed = try await database.bootstrap() else { Issue.record("an empty database was not installed"); return }
            #expect(try await database.run { try MigrationRunner(database: $0, logger: TestDatabase.logger).pending() }.isEmpty)
            #expect(try await database.migrate() == [])
        }
    }
}
