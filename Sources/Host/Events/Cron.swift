import Foundation

/// A cron expression with 5 fields (minute hour day month weekday) or 6
/// (second first), as Directus's `schedule` hooks accept.
///
/// Fields take `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, and
/// comma lists; weekday 0 and 7 are Sunday. As in classic cron, when both
/// day-of-month and weekday are restricted, either may match.
public struct Cron: Sendable, Equatable {
    let seconds: Set<Int>
    let minutes: Set<Int>
    let hours: Set<Int>
    let days: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    let daysRestricted: Bool
    let weekdaysRestricted: Bool

    /// Parses an expression, or throws a message naming the bad field.
    public init(_ expression: String) throws {
        var fields = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 || fields.count == 6 else {
            throw ConfigError("Invalid cron expression \"\(expression)\": expected 5 or 6 fields, found \(fields.count).")
        }
        if fields.count == 5 { fields.insert("0", at: 0) }
        func parse(_ index: Int, _ name: String, _ range: ClosedRange<Int>) throws -> Set<Int> {
            guard let values = Cron.field(fields[index], range) else {
                throw ConfigError("Invalid cron expression \"\(expression)\": bad \(name) field \"\(fields[index])\".")
            }
            return values
        }
        seconds = try parse(0, "second", 0...59)
        minutes = try parse(1, "minute", 0...59)
        hours = try parse(2, "hour", 0...23)
        days = try parse(3, "day-of-month", 1...31)
        months = try parse(4, "month", 1...12)
        weekdays = Set(try parse(5, "weekday", 0...7).map { $0 % 7 })
        daysRestricted = fields[3] != "*"
        weekdaysRestricted = fields[5] != "*"
    }

    /// Whether the expression fires at `date` (to the second, in UTC).
    public func matches(_ date: Date, calendar: Calendar = Cron.utc) -> Bool {
        let parts = calendar.dateComponents([.second, .minute, .hour, .day, .month, .weekday], from: date)
        guard seconds.contains(parts.second!), minutes.contains(parts.minute!), hours.contains(parts.hour!),
              months.contains(parts.month!) else { return false }
        let dayMatch = days.contains(parts.day!)
        let weekdayMatch = weekdays.contains(parts.weekday! - 1)
        if daysRestricted && weekdaysRestricted { return dayMatch || weekdayMatch }
        return dayMatch && weekdayMatch
    }

    /// A Gregorian calendar in UTC.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func field(_ text: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { return nil }
                step = parsed
            }
            var low = range.lowerBound
            var high = range.upperBound
            if pieces[0] != "*" {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2, let first = Int(bounds[0]) else { return nil }
                low = first
                high = bounds.count == 2 ? (Int(bounds[1]) ?? -1) : (pieces.count == 2 ? range.upperBound : first)
            }
            guard range.contains(low), range.contains(high), low <= high else { return nil }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values.isEmpty ? nil : values
    }
}
