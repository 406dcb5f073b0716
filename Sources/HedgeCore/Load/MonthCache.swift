/// Reads `YYYY-MM-DD` date cells quickly: the consecutive rows of a price file mostly share their
/// month, so the ordinal of the month's first day and its length are kept for the last `YYYY-MM-`
/// seen, and a date of that month costs a comparison and two digits.
struct MonthCache {
    /// The eight bytes `YYYY-MM-` of the cached month (0: none).
    private var key: UInt64 = 0
    private var firstOrdinal = 0
    private var length = 0

    /// The day of an exactly-10-byte `YYYY-MM-DD` cell at `p`, or nil when it is not one (the caller
    /// then uses the general date reader, which gives the same day or the error).
    @inline(__always)
    mutating func day(_ p: UnsafePointer<UInt8>) -> Day? {
        let d0 = p[8] &- 48, d1 = p[9] &- 48
        guard d0 < 10, d1 < 10 else { return nil }
        let dayOfMonth = Int(d0) &* 10 &+ Int(d1)
        let prefix = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        if prefix != key || key == 0 {
            guard let first = Self.month(p) else { return nil }
            key = prefix
            firstOrdinal = first.ordinal
            length = first.length
        }
        guard dayOfMonth >= 1, dayOfMonth <= length else { return nil }
        return Day(ordinal: firstOrdinal &+ dayOfMonth &- 1)
    }

    /// The first day and length of the month of `YYYY-MM-` at `p`.
    private static func month(_ p: UnsafePointer<UInt8>) -> (ordinal: Int, length: Int)? {
        guard p[4] == 0x2D, p[7] == 0x2D else { return nil }
        var year = 0
        for k in 0..<4 {
            let digit = p[k] &- 48
            guard digit < 10 else { return nil }
            year = year &* 10 &+ Int(digit)
        }
        let m0 = p[5] &- 48, m1 = p[6] &- 48
        guard m0 < 10, m1 < 10 else { return nil }
        let month = Int(m0) &* 10 &+ Int(m1)
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        return (first.ordinal, Day.daysIn(month: month, year: year))
    }
}
