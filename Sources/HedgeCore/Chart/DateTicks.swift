/// Chooses date ticks for an x axis: month or year boundaries, as many as fit without crowding.
enum DateTicks {
    /// How far apart ticks are and how they are labelled.
    enum Spacing: Equatable {
        /// Every `n` months, labelled `Mar 2024`.
        case months(Int)
        /// Every `n` months, labelled `Mar` (January labelled with its year, `2024`).
        case monthsShort(Int)
        /// Every `n` years, labelled `2024`.
        case years(Int)
    }

    /// Candidates from finest to coarsest.
    static let candidates: [Spacing] = [
        .months(1), .monthsShort(1), .months(2), .monthsShort(2), .months(3), .monthsShort(3),
        .months(6), .monthsShort(6),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100), .years(500), .years(1000),
    ]

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Ticks for dates `from ... to` drawn across `columns` plot columns, `column` giving each day's
    /// column. Picks the finest spacing with at least two ticks (else one) whose labels do not overlap and
    /// with no more than one tick per 8 columns; when no boundary fits, labels the first and last day.
    static func choose(from: Day, to: Day, columns: Int, column: (Day) -> Int) -> [AxisTick] {
        let limit = Swift.max(2, columns / 8)
        for minimum in [2, 1] {
            for spacing in candidates {
                let days = boundaries(from: from, to: to, spacing: spacing, limit: limit)
                guard days.count >= minimum, days.count <= limit else { continue }
                let ticks = days.map { (column: column($0), label: label($0, spacing)) }
                if let placed = AxisTick.place(ticks, columns: columns, centred: false) { return placed }
            }
        }
        let ends = from == to ? [from] : [from, to]
        let endTicks = ends.map { (column: column($0), label: $0.description) }
        if let placed = AxisTick.place(endTicks, columns: columns, centred: from == to) { return placed }
        return AxisTick.place([endTicks[0]], columns: columns, centred: false) ?? []
    }

    /// The boundaries in `from ... to` for `spacing`: first days of months (`n`-monthly from January)
    /// or of years divisible by `n`. Stops early past `limit` (the caller rejects those anyway).
    static func boundaries(from: Day, to: Day, spacing: Spacing, limit: Int) -> [Day] {
        guard from <= to else { return [] }
        var result: [Day] = []
        let (startYear, startMonth, _) = from.civil
        let endYear = to.year
        switch spacing {
        case .months(let n), .monthsShort(let n):
            var year = startYear, month = startMonth
            while year <= endYear {
                if (month - 1) % n == 0, let day = Day(year: year, month: month, day: 1), day >= from {
                    if day > to { break }
                    result.append(day)
                    if result.count > limit { break }
                }
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        case .years(let n):
            var year = startYear
            let remainder = ((year % n) + n) % n
            if remainder != 0 { year += n - remainder }
            while year <= endYear {
                if let day = Day(year: year, month: 1, day: 1), day >= from, day <= to {
                    result.append(day)
                    if result.count > limit { break }
                }
                year += n
            }
        }
        return result
    }

    static func label(_ day: Day, _ spacing: Spacing) -> String {
        let (year, month, _) = day.civil
        switch spacing {
        case .months: return "\(monthNames[month - 1]) \(year)"
        case .monthsShort: return month == 1 ? "\(year)" : monthNames[month - 1]
        case .years: return "\(year)"
        }
    }
}
