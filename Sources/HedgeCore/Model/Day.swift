/// A calendar day with no time zone, stored as days since 1970-01-01 (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day for a civil date, or nil when the date does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time part (`T…` or ` …`) which is ignored.
    public init?(iso text: some StringProtocol) {
        guard let parsed = Day.parse(Array(text.utf8)[...]) else { return nil }
        self = parsed
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYYMMDD`) from bytes; a trailing time part is ignored.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Day? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func number(_ count: Int) -> Int? {
            guard end - i >= count else { return nil }
            var value = 0
            for _ in 0..<count {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
                i += 1
            }
            return value
        }
        guard let year = number(4) else { return nil }
        var separator: UInt8? = nil
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "/") {
            separator = bytes[i]; i += 1
        }
        guard let month = number(2) else { return nil }
        if let separator {
            guard i < end, bytes[i] == separator else { return nil }
            i += 1
        }
        guard let day = number(2) else { return nil }
        if i < end {
            let b = bytes[i]
            guard b == UInt8(ascii: "T") || b == UInt8(ascii: " ") else { return nil }
        }
        return Day(year: year, month: month, day: day)
    }

    /// The civil (year, month, day) of this day.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
}
