/// The outcome of a parameter sweep: for each configuration (in grid order) its parameter values and
/// every tear-sheet metric.
public struct SweepResult: Sendable {
    public let grid: SweepGrid
    /// The fixed parameters the swept ones were varied around.
    public let base: DailyBacktestParameters
    /// The backtest method the configurations ran.
    public let method: SweepMethod
    /// One row per configuration, in grid order.
    public let rows: [SweepRow]
    /// First and last trading day of the widest configuration, for the description.
    public let first: Day?
    public let last: Day?

    init(sweep: ParameterSweep, rows: [SweepRow]) {
        grid = sweep.grid
        base = sweep.base
        method = sweep.method
        self.rows = rows
        let cut = sweep.inputs.rows(from: sweep.base.from, to: sweep.base.to)
        let smallest = sweep.grid.axes.first { $0.name == SweepParameter.estimate.rawValue }?.values.first
            .map(Int.init) ?? sweep.base.estimate
        let start = cut.lowerBound + (sweep.method == .notebook ? 0 : smallest)
        first = start < cut.upperBound ? sweep.inputs.dates[start] : nil
        last = cut.isEmpty ? nil : sweep.inputs.dates[cut.upperBound - 1]
    }

    /// A result from already computed rows (tests, reloaded files).
    public init(grid: SweepGrid, base: DailyBacktestParameters, method: SweepMethod = .daily, rows: [SweepRow],
                first: Day? = nil, last: Day? = nil) {
        self.grid = grid; self.base = base; self.method = method; self.rows = rows; self.first = first; self.last = last
    }

    /// `metric` of every configuration, in grid order.
    public func values(_ metric: SweepMetric) -> [Double] {
        let column = metric.column
        return rows.map { $0.metrics[column] }
    }

    /// Configuration numbers ordered best first by `metric` (NaN last; ties keep grid order).
    public func ranking(by metric: SweepMetric) -> [Int] {
        let scores = values(metric).map(metric.score)
        return scores.indices.sorted { a, b in
            let x = scores[a], y = scores[b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x != y, !x.isNaN { return x > y }
            return a < b
        }
    }

    /// The best configuration by `metric`, nil when none has a value.
    public func best(by metric: SweepMetric) -> Int? {
        ranking(by: metric).first.flatMap { values(metric)[$0].isFinite ? $0 : nil }
    }

    /// The robustness of the best configuration by `metric` (see `SweepRobustness`), on the metric's
    /// score (so "above" means better for every direction).
    public func robustness(by metric: SweepMetric) -> SweepRobustness? {
        SweepRobustness.assess(values(metric).map(metric.score), grid: grid, higherIsBetter: true)
    }

    /// Indices of the configurations that failed, with their messages.
    public var failures: [(index: Int, message: String)] {
        rows.enumerated().compactMap { i, row in row.failure.map { (i, $0) } }
    }

    /// The heatmap of `metric` over axes `rowAxis` × `columnAxis`, every other axis held at the value of
    /// the best configuration. β-like metrics (better nearer zero) are shown as |value|, lower better.
    public func heatmap(_ metric: SweepMetric, rows rowAxis: Int, columns columnAxis: Int) -> Heatmap {
        let all = values(metric)
        let anchor = grid.indices(of: best(by: metric) ?? 0)
        let rowValues = grid.axes[rowAxis].values, columnValues = grid.axes[columnAxis].values
        let nearZero = metric.direction == .nearerZero
        let cells = rowValues.indices.map { r in
            columnValues.indices.map { c -> Double in
                var at = anchor
                at[rowAxis] = r; at[columnAxis] = c
                let v = all[grid.flatIndex(at)]
                return nearZero ? abs(v) : v
            }
        }
        return Heatmap(rowName: grid.axes[rowAxis].name, rowLabels: rowValues.map(SweepValues.format),
                       columnName: grid.axes[columnAxis].name, columnLabels: columnValues.map(SweepValues.format),
                       cells: cells, metricName: nearZero ? "|\(metric.rawValue)|" : metric.rawValue,
                       higherIsBetter: metric.direction == .higher)
    }

    /// The axes other than `kept`, at the best configuration's values (for the chart's note).
    public func heldAxes(by metric: SweepMetric, keeping kept: Set<Int>) -> [(name: String, value: Double)] {
        let anchor = grid.indices(of: best(by: metric) ?? 0)
        return grid.axes.indices.filter { !kept.contains($0) }.map { (grid.axes[$0].name, grid.axes[$0].values[anchor[$0]]) }
    }
}
