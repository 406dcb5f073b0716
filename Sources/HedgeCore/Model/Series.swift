/// A dated series of doubles: `values[i]` is the value on `dates[i]`. Dates strictly increase.
/// NaN marks a missing value.
public struct Series: Sendable, Equatable {
    public var name: String
    public var dates: [Day]
    public var values: [Double]

    public init(name: String, dates: [Day], values: [Double]) {
        self.name = name
        self.dates = dates
        self.values = values
    }

    public var count: Int { dates.count }
    public var isEmpty: Bool { dates.isEmpty }
    public var first: Day? { dates.first }
    public var last: Day? { dates.last }

    /// The series without its NaN entries (pandas `dropna`).
    public func droppingNaN() -> Series {
        var d: [Day] = []; var v: [Double] = []
        d.reserveCapacity(count); v.reserveCapacity(count)
        for i in 0..<count where !values[i].isNaN { d.append(dates[i]); v.append(values[i]) }
        return Series(name: name, dates: d, values: v)
    }

    /// Entries with `from <= date <= to` (either bound optional).
    public func filtered(from: Day? = nil, to: Day? = nil) -> Series {
        let lo = from.map { f in dates.partitioningIndex { $0 >= f } } ?? 0
        let hi = to.map { t in dates.partitioningIndex { $0 > t } } ?? count
        guard lo < hi else { return Series(name: name, dates: [], values: []) }
        return Series(name: name, dates: Array(dates[lo..<hi]), values: Array(values[lo..<hi]))
    }

    public func renamed(_ newName: String) -> Series {
        Series(name: newName, dates: dates, values: values)
    }
}

/// Several series on their common dates (an inner join), rows where any value is NaN dropped.
public struct AlignedSeries: Sendable, Equatable {
    public var dates: [Day]
    /// `columns[k][i]` is series k on `dates[i]`.
    public var columns: [[Double]]

    /// Inner-joins `series` on date and drops every date where any of them is NaN.
    /// One merge pass per series over the first one's dates, and no allocation per date.
    public init(_ series: [Series]) {
        guard let first = series.first else { dates = []; columns = []; return }
        let n = first.count
        // keep[i]: the first series' date i is in every series with a value; match[c][i]: its position in series c.
        var keep = first.values.map { !$0.isNaN }
        var match: [[Int]] = [[]]
        for other in series.dropFirst() {
            var positions = [Int](repeating: 0, count: n)
            if other.dates == first.dates {
                for i in 0..<n {
                    positions[i] = i
                    if other.values[i].isNaN { keep[i] = false }
                }
            } else {
                first.dates.withUnsafeBufferPointer { days in
                    other.dates.withUnsafeBufferPointer { otherDays in
                        other.values.withUnsafeBufferPointer { otherValues in
                            var p = 0
                            for i in 0..<n where keep[i] {
                                let day = days[i]
                                while p < otherDays.count && otherDays[p] < day { p += 1 }
                                if p < otherDays.count, otherDays[p] == day, !otherValues[p].isNaN {
                                    positions[i] = p
                                } else {
                                    keep[i] = false
                                }
                            }
                        }
                    }
                }
            }
            match.append(positions)
        }
        var count = 0
        for i in 0..<n where keep[i] { count += 1 }
        var dates: [Day] = []
        dates.reserveCapacity(count)
        for i in 0..<n where keep[i] { dates.append(first.dates[i]) }
        var columns: [[Double]] = []
        columns.reserveCapacity(series.count)
        for (c, s) in series.enumerated() {
            var column = [Double]()
            column.reserveCapacity(count)
            s.values.withUnsafeBufferPointer { values in
                if c == 0 {
                    for i in 0..<n where keep[i] { column.append(values[i]) }
                } else {
                    let positions = match[c]
                    for i in 0..<n where keep[i] { column.append(values[positions[i]]) }
                }
            }
            columns.append(column)
        }
        self.dates = dates
        self.columns = columns
    }

    public var count: Int { dates.count }
}

extension RandomAccessCollection {
    /// The first index whose element satisfies `predicate`, assuming the collection is partitioned
    /// (all non-satisfying elements first).
    public func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var lo = startIndex
        var n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if predicate(self[mid]) { n = half } else { lo = index(after: mid); n -= half + 1 }
        }
        return lo
    }
}
