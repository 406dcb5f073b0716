/// A value axis: its range, round ticks and their labels.
struct ValueAxis {
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var labels: [String]

    /// A y axis for data in `lo ... hi` drawn over `rows` rows: ticks at nice values covering the data,
    /// at least two rows apart when the rows allow (on short charts every row may carry one, and at
    /// least two intervals are allowed, which any range fits with ticks spanning at most 5× the data).
    /// An empty range is widened around its value. Nil when `rows` (fewer than 3) cannot hold the
    /// ticks the data needs.
    static func covering(_ lo: Double, _ hi: Double, unit: ChartUnit, rows: Int, minimumStep: Double = 0) -> ValueAxis? {
        let (low, high) = widened(lo, hi, unit: unit)
        guard rows >= 3 else { return nil }
        let most = rows - 1
        let preferred = Swift.min(most, Swift.max(2, (rows - 1) / 2))
        guard let nice = NiceTicks.covering(low, high, maxIntervals: preferred, minimumStep: minimumStep)
                ?? NiceTicks.covering(low, high, maxIntervals: most, minimumStep: minimumStep) else { return nil }
        return ValueAxis(lower: nice.lower, upper: nice.upper, ticks: nice.ticks,
                         labels: unit.labels(for: nice.ticks, step: nice.step))
    }

    /// `lo ... hi`, widened when empty: by 5% of the value, or a unit-sized amount around zero.
    static func widened(_ lo: Double, _ hi: Double, unit: ChartUnit) -> (Double, Double) {
        guard hi <= lo else { return (lo, hi) }
        let middle = (lo + hi) / 2
        let zeroSpan: Double = unit == .number ? 1 : 0.01
        let half = middle == 0 ? zeroSpan : abs(middle) * 0.05
        return (middle - half, middle + half)
    }

    /// x-axis ticks at nice values inside `lo ... hi` for `columns` plot columns, centred labels,
    /// as many as fit without overlapping.
    static func xTicks(_ lo: Double, _ hi: Double, unit: ChartUnit, columns: Int, column: (Double) -> Int) -> [AxisTick] {
        guard hi > lo else { return [] }
        var intervals = Swift.max(1, columns / 8)
        while intervals >= 1 {
            let nice = NiceTicks.within(lo, hi, maxIntervals: intervals)
            let labels = unit.labels(for: nice.ticks, step: nice.step)
            let ticks = zip(nice.ticks, labels).map { (column: column($0.0), label: $0.1) }
            if !ticks.isEmpty, let placed = AxisTick.place(ticks, columns: columns, centred: true) { return placed }
            intervals -= 1
        }
        return []
    }
}
