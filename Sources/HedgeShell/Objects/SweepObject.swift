#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

extension ObjectKind {
    /// A parameter sweep: every configuration's parameters and metrics.
    public static let sweep = ObjectKind("sweep")
}

/// The outcome of `sweep`, with the names of its two legs as typed.
public struct SweepObject: WorkspaceValue {
    public static let kind = ObjectKind.sweep
    public var result: SweepResult
    public var long: String
    public var benchmark: String
    /// The swept parameters as typed: `rebalance 5..60 step 5 (12) × estimate 20,40 (2)`.
    public var about: String

    public init(result: SweepResult, long: String, benchmark: String, about: String) {
        self.result = result; self.long = long; self.benchmark = benchmark; self.about = about
    }

    /// Metrics in the table `show` prints (the sort metric is added first when it is not among them).
    static let tableMetrics: [SweepMetric] = [.sharpe, .sortino, .calmar, .cagr, .volatility, .maxDrawdown,
                                              .hedgeEffectiveness, .totalCosts]

    public var headline: String {
        "\(SweepValues.grouped(result.grid.count)) configuration\(result.grid.count == 1 ? "" : "s") of method \(result.method.rawValue), long \(long) / short \(benchmark), \(about)"
    }

    public func listing() -> ListingRow {
        let best = result.best(by: .sharpe).map { "best sharpe \(NumberFormat.fixed(result.values(.sharpe)[$0], 3)) at \(configurationText($0))" } ?? "no configuration ran"
        let dates = result.first.map { "\($0) … \(result.last.map { "\($0)" } ?? "")" } ?? ""
        return ListingRow(shape: "\(SweepValues.grouped(result.grid.count)) configs", dates: dates,
                          about: "\(result.method.rawValue): \(result.grid.axes.map(\.name).joined(separator: " × ")) of \(long) vs \(benchmark); \(best)")
    }

    public var isRanked: Bool { true }
    public var takesChartArguments: Bool { true }

    public func show(name: String, context: DisplayContext) -> String {
        report(context: context) + "\n\(context.style.name(name)): sweep, \(headline)"
    }

    /// `rebalance 20, estimate 60`.
    func configurationText(_ k: Int) -> String {
        zip(result.grid.axes, result.grid.values(of: k)).map { "\($0.name) \(SweepValues.format($1))" }.joined(separator: ", ")
    }

    /// The best configuration, the robustness note and the ranked table (`context.top` rows, 20 by default,
    /// every row with `all`), ordered by `context.sortBy` (sharpe by default).
    func report(context: DisplayContext) -> String {
        let metric = context.sortBy.flatMap(SweepMetric.init(rawValue:)) ?? .sharpe
        var lines: [String] = []
        lines.append("Sweep of method \(result.method.rawValue), \(long) vs \(benchmark): \(about) = \(SweepValues.grouped(result.grid.count)) configurations")
        if result.method == .notebook {
            lines.append("the notebook's own figures: total_return, cagr (its annual return), sharpe (per rebalance period), rebalances; method daily has every stats metric")
        } else if let first = result.first, let last = result.last {
            lines.append("trading days \(first) … \(last) (each configuration from its own estimate on)")
        }
        let values = result.values(metric)
        if let best = result.best(by: metric) {
            let row = result.rows[best].metrics
            if result.method == .notebook {
                lines.append("best by \(metric.rawValue): \(configurationText(best)): \(metric.rawValue) \(Self.format(values[best], metric)), total_return \(NumberFormat.percent(row[SweepMetric.totalReturn.column])), cagr \(NumberFormat.percent(row[SweepMetric.cagr.column]))")
            } else {
            lines.append("best by \(metric.rawValue): \(configurationText(best)): \(metric.rawValue) \(Self.format(values[best], metric)), "
                         + "cagr \(NumberFormat.percent(row[SweepMetric.cagr.column])), max_drawdown \(NumberFormat.percent(row[SweepMetric.maxDrawdown.column])), "
                         + "hedge_effectiveness \(NumberFormat.fixed(row[SweepMetric.hedgeEffectiveness.column], 3))")
            }
            lines.append(robustnessNote(metric))
        } else {
            lines.append("no configuration has a \(metric.rawValue)")
        }
        let failures = result.failures
        if let first = failures.first {
            lines.append(context.style.warning("\(failures.count) configuration\(failures.count == 1 ? "" : "s") failed (metrics nan), e.g. \(configurationText(first.index)): \(first.message)"))
        }
        let ranking = result.ranking(by: metric)
        let shown = context.allRows ? ranking : Array(ranking.prefix(context.top ?? 20))
        let listed = result.method == .notebook ? [SweepMetric.sharpe, .totalReturn, .cagr, .rebalances] : Self.tableMetrics
        let metrics = ([metric] + listed).reduce(into: [SweepMetric]()) { if !$0.contains($1) { $0.append($1) } }
        let table = TextTable(
            headers: result.grid.axes.map(\.name) + metrics.map(\.rawValue),
            rows: shown.map { k in
                result.grid.values(of: k).map(SweepValues.format) + metrics.map { Self.format(result.rows[k].metrics[$0.column], $0) }
            },
            index: shown.map { "\($0)" })
        lines.append("")
        lines.append("\(shown.count == ranking.count ? "All" : "Top \(shown.count) of \(SweepValues.grouped(ranking.count))") configurations by \(metric.rawValue) (index = configuration number):")
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }

    /// One line on whether the best configuration by `metric` is a plateau or an isolated peak.
    func robustnessNote(_ metric: SweepMetric) -> String {
        guard let r = result.robustness(by: metric) else { return "robustness: no configuration has a value" }
        // Scores are higher-is-better; show them in the metric's own terms.
        func raw(_ score: Double) -> String {
            let v = metric.direction == .higher ? score : -score
            return Self.format(v, metric)
        }
        let label = metric.direction == .nearerZero ? "|\(metric.rawValue)|" : metric.rawValue
        guard r.neighbourMedian.isFinite else {
            return "robustness: the best configuration has no neighbour with a value to compare with"
        }
        let edge = r.best - r.typical
        guard edge > 0 else {
            return "robustness: every configuration gives the same \(label) (\(raw(r.best)))"
        }
        let kept = (r.neighbourMedian - r.typical) / edge
        if r.isIsolatedPeak {
            return "robustness: WARNING the best \(label) \(raw(r.best)) stands far above its neighbours (their median \(raw(r.neighbourMedian)), "
                + "the median configuration \(raw(r.typical))): an isolated peak, not a plateau; one step away keeps \(NumberFormat.fixed(max(kept, 0) * 100, 0))% of its edge"
        }
        return "robustness: the best \(label) \(raw(r.best)) sits on a plateau: its neighbours' median \(raw(r.neighbourMedian)) keeps "
            + "\(NumberFormat.fixed(kept * 100, 0))% of its edge over the median configuration (\(raw(r.typical)))"
    }

    /// A metric value for tables: counts whole, costs grouped, the rest with 4 decimals.
    static func format(_ x: Double, _ metric: SweepMetric) -> String {
        switch metric {
        case .rebalances, .longestDrawdownDays: NumberFormat.fixed(x, 0)
        case .totalCosts: NumberFormat.grouped(x, 2)
        default: NumberFormat.fixed(x, 4)
        }
    }

    /// CSV: one row per configuration in sweep order, the parameters then every metric (exact round-trip numbers).
    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        guard format == .csv else { throw ShellError("a sweep exports to .csv only") }
        var text = (result.grid.axes.map(\.name) + SweepMetric.allCases.map(\.rawValue) + ["failure"]).joined(separator: ",") + "\n"
        for k in 0..<result.grid.count {
            let row = result.rows[k]
            let cells = result.grid.values(of: k).map(NumberFormat.roundTrip) + row.metrics.map(Exporter.csvNumber)
                + [row.failure.map(Exporter.csvField) ?? ""]
            text += cells.joined(separator: ",") + "\n"
        }
        return (text, "\(SweepValues.grouped(result.grid.count)) configurations")
    }


    /// `plot-ascii SW [METRIC] [by P1 P2]`: a line over one parameter, a heatmap over two.
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        guard request.mode == .level else { throw ShellError("a sweep is drawn as a heatmap of a metric; drop '\(request.mode.rawValue)'") }
        guard request.arguments.count <= 1 else { throw ShellError("plot-ascii SWEEP METRIC [by P1 P2] takes one metric") }
        let metric = try request.arguments.first.map { word throws(ShellError) -> SweepMetric in
            guard let m = SweepMetric(rawValue: word) else {
                throw ShellError("unknown metric '\(word)'; use one of: \(SweepMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return m
        } ?? .sharpe
        let axes = result.grid.axes
        var chosen: [Int]
        if request.by.isEmpty {
            guard axes.count <= 2 else {
                throw ShellError("the sweep has \(axes.count) parameters: name the two to draw, by \(axes[0].name) \(axes[1].name)")
            }
            chosen = Array(axes.indices)
        } else {
            chosen = try request.by.map { word throws(ShellError) -> Int in
                guard let i = result.grid.axisIndex(word) else {
                    throw ShellError("'\(word)' is not a swept parameter of \(name) (\(axes.map(\.name).joined(separator: ", ")))")
                }
                return i
            }
            guard chosen.count == 2 || (chosen.count == 1 && axes.count >= 1), Set(chosen).count == chosen.count else {
                throw ShellError("by takes two different swept parameters (or one)")
            }
        }
        var style = request.style
        let held = result.heldAxes(by: metric, keeping: Set(chosen))
        let heldText = held.isEmpty ? "" : " (" + held.map { "\($0.name) \(SweepValues.format($0.value))" }.joined(separator: ", ") + ")"
        if chosen.count == 1 {
            let a = chosen[0]
            let map = result.heatmap(metric, rows: a, columns: a)
            let xs = axes[a].values
            let ys = xs.indices.map { map.cells[$0][$0] }
            style.title = style.title ?? "\(name): \(metric.rawValue) by \(axes[a].name)\(heldText)"
            return try Chart.profile(x: xs, y: ys, parameter: axes[a].name, metric: map.metricName,
                                     higherIsBetter: map.higherIsBetter, style: style)
        }
        style.title = style.title ?? "\(name): \(metric.rawValue) by \(axes[chosen[0]].name) × \(axes[chosen[1]].name)\(heldText)"
        var lines = try Chart.heatmap(result.heatmap(metric, rows: chosen[0], columns: chosen[1]), style: style)
        if lines.count < style.height { lines.append(robustnessNote(metric)) }
        return lines
    }
}

extension SweepObject: Equatable {
    public static func == (a: SweepObject, b: SweepObject) -> Bool {
        a.long == b.long && a.benchmark == b.benchmark && a.about == b.about && a.result.grid == b.result.grid
            && a.result.base == b.result.base && zip(a.result.rows, b.result.rows).allSatisfy { x, y in
                x.failure == y.failure && zip(x.metrics, y.metrics).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            }
    }
}
