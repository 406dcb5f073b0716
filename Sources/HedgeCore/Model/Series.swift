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
    public init(_ series: [Series]) {
        guard let firstSeries = series.first else { dates = []; columns = []; return }
        var positions = series.map { _ in 0 }
        var dates: [Day] = []
        var columns = series.map { _ in [Double]() }
        dates.reserveCapacity(firstSeries.count)
        outer: for (i, day) in firstSeries.dates.enumerated() {
            var row = [firstSeries.values[i]]
            for k in 1..<max(series.count, 1) where series.count > 1 {
                let s = series[k]
                var p = positions[k]
                while p < s.count && s.dates[p] < day { p += 1 }
                positions[k] = p
                guard p < s.count, s.dates[p] == day else { continue outer }
                row.append(s.values[p])
            }
            if row.contains(where: \.isNaN) { continue }
            dates.append(day)
            for k in 0..<row.count { columns[k].append(row[k]) }
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
