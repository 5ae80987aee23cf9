import Foundation
import Testing
@testable import Host

@Suite struct CronTests {
    private func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test func fiveFieldsFireAtSecondZero() throws {
        let cron = try Cron("*/15 * * * *")
        #expect(cron.matches(date("2026-01-05T10:15:00Z")))
        #expect(!cron.matches(date("2026-01-05T10:15:01Z")))
        #expect(!cron.matches(date("2026-01-05T10:16:00Z")))
    }

    @Test func sixFieldsIncludeSeconds() throws {
        let cron = try Cron("*/2 * * * * *")
        #expect(cron.matches(date("2026-01-05T10:15:02Z")))
        #expect(!cron.matches(date("2026-01-05T10:15:03Z")))
    }

    @Test func rangesListsAndWeekdays() throws {
        let cron = try Cron("0 9-17/4 * * 1,7")
        #expect(cron.matches(date("2026-01-05T13:00:00Z")))  // Monday
        #expect(cron.matches(date("2026-01-04T09:00:00Z")))  // Sunday as 7
        #expect(!cron.matches(date("2026-01-06T13:00:00Z")))  // Tuesday
        #expect(!cron.matches(date("2026-01-05T11:00:00Z")))
    }

    @Test func dayOfMonthOrWeekdayWhenBothAreRestricted() throws {
        let cron = try Cron("0 0 1 * 1")
        #expect(cron.matches(date("2026-02-01T00:00:00Z")))  // 1st, a Sunday
        #expect(cron.matches(date("2026-02-02T00:00:00Z")))  // a Monday
        #expect(!cron.matches(date("2026-02-03T00:00:00Z")))
    }

    @Test func badExpressionsNameTheField() {
        #expect(throws: ConfigError.self) { try Cron("* * *") }
        do {
            _ = try Cron("61 * * * *")
        } catch let error as ConfigError {
            #expect(error.message == "Invalid cron expression \"61 * * * *\": bad minute field \"61\".")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
