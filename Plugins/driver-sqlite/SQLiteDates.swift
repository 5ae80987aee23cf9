import CSQLite

/// `plinth_datetime(x)`, `plinth_timestamp(x)` and `plinth_date(x)`: the common shapes of a
/// stored date formatted without SQLite's general date parser.
///
/// Reads format every date column of every row, and `strftime` (which parses its input,
/// converts through a Julian day and prints with printf) costs as much as building the
/// row's JSON. These functions handle epoch milliseconds (how Plinth and Directus store
/// dates in SQLite) and `YYYY-MM-DD[ T]HH:MM:SS` / `YYYY-MM-DD` text; for anything else
/// they return NULL and the dialect falls back to `strftime`
/// (`coalesce(plinth_datetime(x), <strftime expression>)`), so results are exactly
/// `strftime`'s.
enum SQLiteDates {
    enum Kind: Int {
        /// `%Y-%m-%dT%H:%M:%S`
        case dateTime = 1
        /// `%Y-%m-%dT%H:%M:%fZ`
        case timestamp
        /// `%Y-%m-%d`
        case date

        var function: String {
            switch self {
            case .dateTime: return "plinth_datetime"
            case .timestamp: return "plinth_timestamp"
            case .date: return "plinth_date"
            }
        }
    }

    /// Registers the three functions on a connection.
    static func register(on db: OpaquePointer) -> Int32 {
        for kind in [Kind.dateTime, .timestamp, .date] {
            let status = sqlite3_create_function_v2(db, kind.function, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                                    UnsafeMutableRawPointer(bitPattern: kind.rawValue), format, nil, nil, nil)
            if status != SQLITE_OK { return status }
        }
        return SQLITE_OK
    }

    private static let format: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, arguments in
        guard let context, count == 1, let value = arguments?[0],
              let kind = Kind(rawValue: Int(bitPattern: sqlite3_user_data(context))) else { return }
        var parts: Parts?
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: parts = Parts(epochMilliseconds: sqlite3_value_int64(value))
        case SQLITE_TEXT:
            if let text = sqlite3_value_text(value) {
                parts = Parts(text: UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value))))
            }
        default: break
        }
        guard let parts else {
            sqlite3_result_null(context)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let length = parts.write(kind, to: buffer)
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: length) { characters in
                sqlite3_result_text(context, characters, Int32(length), transient)
            }
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A valid calendar date and time of day, in years 0000–9999.
    struct Parts {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0

        /// From milliseconds since 1970-01-01T00:00:00Z (proleptic Gregorian, as SQLite computes it).
        init?(epochMilliseconds ms: Int64) {
            // Years 0000–9999: beyond them SQLite returns NULL or other shapes, which the fallback handles.
            guard ms >= -62_167_219_200_000, ms <= 253_402_300_799_999 else { return nil }
            let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
            millisecond = Int(ms - seconds * 1000)
            let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
            let secondOfDay = Int(seconds - days * 86400)
            hour = secondOfDay / 3600
            minute = secondOfDay % 3600 / 60
            second = secondOfDay % 60
            // Days to civil date (H. Hinnant's algorithm), shifted to an era starting 0000-03-01.
            let z = Int(days) + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
            guard (0...9999).contains(year) else { return nil }
        }

        /// From exactly `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` / `YYYY-MM-DDTHH:MM:SS` naming a real
        /// date and time (SQLite rolls an impossible one such as February 30 over; the fallback does that).
        init?(text: UnsafeBufferPointer<UInt8>) {
            guard text.count == 10 || text.count == 19 else { return nil }
            func digits(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let byte = text[index]
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
                  let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
                  (1...12).contains(month), day >= 1, day <= Parts.days(in: month, of: year) else { return nil }
            self.year = year
            self.month = month
            self.day = day
            if text.count == 19 {
                guard text[10] == UInt8(ascii: " ") || text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
                      let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
                      hour < 24, minute < 60, second < 60 else { return nil }
                self.hour = hour
                self.minute = minute
                self.second = second
            }
        }

        static func days(in month: Int, of year: Int) -> Int {
            switch month {
            case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// Writes the formatted value; returns its length (at most 24).
        func write(_ kind: Kind, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var length = 0
            func put(_ value: Int, _ width: Int) {
                var remaining = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    out[length + offset] = UInt8(0x30 + remaining % 10)
                    remaining /= 10
                }
                length += width
            }
            func put(_ character: Unicode.Scalar) {
                out[length] = UInt8(ascii: character)
                length += 1
            }
            put(year, 4); put("-"); put(month, 2); put("-"); put(day, 2)
            if kind == .date { return length }
            put("T"); put(hour, 2); put(":"); put(minute, 2); put(":"); put(second, 2)
            if kind == .timestamp { put("."); put(millisecond, 3); put("Z") }
            return length
        }
    }
}
