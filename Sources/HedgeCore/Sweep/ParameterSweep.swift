/// Which backtest a sweep runs.
public enum SweepMethod: String, Sendable, Equatable {
    /// The daily mark-to-market backtest (`DailyBacktest`): every `SweepMetric`.
    case daily
    /// The notebook's backtest (`NotebookBacktest`), parameters `rebalance`, `cost`, `rf`, `capital`, and
    /// only its own figures: `total_return` (its total realized return), `cagr` (its annual return),
    /// `sharpe` (its per-rebalance-period Sharpe ratio), `rebalances` (its rebalancing steps); other metrics NaN.
    case notebook

    /// The parameters the method has.
    public var parameters: [SweepParameter] {
        switch self {
        case .daily: SweepParameter.allCases
        case .notebook: [.rebalance, .cost, .rf, .capital]
        }
    }
}

/// A grid of `method daily` (or `method notebook`) backtests over the same aligned inputs, ready to run
/// configuration by configuration or all at once on every core.
///
/// Work shared by all configurations is done once, in `init`: the returns are aligned once (the
/// `DailyBacktestInputs`), the OLS β of every estimation window is computed once per distinct `estimate`
/// (an `OLSBetaTable`, one slope per row) and the rolling β series once per distinct `window`; each
/// configuration then only runs the daily loop and its tear sheet.
public struct ParameterSweep: Sendable {
    public let inputs: DailyBacktestInputs
    /// The fixed parameters (every parameter not swept).
    public let base: DailyBacktestParameters
    public let grid: SweepGrid
    /// The parameter of each grid axis.
    public let parameters: [SweepParameter]
    public let method: SweepMethod
    private let olsTables: [Int: OLSBetaTable]
    private let rollingBetas: [Int: Series]

    /// Checks every configuration (whole days, the limits of `DailyBacktestParameters.validate`,
    /// window ≤ estimate) and precomputes the shared β tables. Axis names must be `SweepParameter`s.
    public init(inputs: DailyBacktestInputs, base: DailyBacktestParameters, axes: [SweepAxis],
                method: SweepMethod = .daily, cancellation: Cancellation? = nil) throws {
        let grid = try SweepGrid(axes)
        let parameters = try axes.map { try SweepParameter.named($0.name) }
        if let other = parameters.first(where: { !method.parameters.contains($0) }) {
            throw HedgeError("method \(method.rawValue) has no \(other.rawValue) parameter; sweep one of: \(method.parameters.map(\.rawValue).joined(separator: ", "))")
        }
        self.method = method
        for (axis, parameter) in zip(axes, parameters) { for v in axis.values { try parameter.check(v) } }
        if parameters.contains(.window) {
            guard base.beta == .ols else { throw HedgeError("window sweeps a rolling OLS β: it cannot go with beta fixed or a β series") }
        }
        self.inputs = inputs
        self.base = base
        self.grid = grid
        self.parameters = parameters
        // Each parameter's values are checked at the axes' extremes: validate() is monotone in each.
        for corner in ParameterSweep.extremeConfigurations(grid) {
            let p = ParameterSweep.configuration(values: corner, parameters: parameters, base: base).parameters
            if method == .notebook { try ParameterSweep.notebookParameters(p).validate() } else { try p.validate() }
        }
        var tables: [Int: OLSBetaTable] = [:]
        var rolling: [Int: Series] = [:]
        if base.beta == .ols && method == .daily {
            let estimates = Set(ParameterSweep.values(of: .estimate, parameters: parameters, grid: grid) ?? [Double(base.estimate)])
            let windows = ParameterSweep.values(of: .window, parameters: parameters, grid: grid)
            if !parameters.contains(.window) {
                for w in estimates { tables[Int(w)] = try OLSBetaTable(inputs, window: Int(w), cancellation: cancellation) }
            }
            if let windows {
                let smallestEstimate = estimates.min() ?? Double(base.estimate)
                if let largest = windows.max(), largest > smallestEstimate {
                    throw HedgeError("window \(SweepValues.format(largest)) is longer than estimate \(SweepValues.format(smallestEstimate)): the first rebalance would have no β")
                }
                for w in windows {
                    let table = try OLSBetaTable(inputs, window: Int(w), cancellation: cancellation)
                    rolling[Int(w)] = ParameterSweep.rollingSeries(table, inputs: inputs)
                }
            }
        }
        olsTables = tables
        rollingBetas = rolling
    }

    /// The backtest parameters of configuration `flat` (with a rolling β series when `window` is swept).
    public func parameters(of flat: Int) -> DailyBacktestParameters {
        let configuration = ParameterSweep.configuration(values: grid.values(of: flat), parameters: parameters, base: base)
        var p = configuration.parameters
        if let window = configuration.window, let series = rollingBetas[window] { p.beta = .series(series) }
        return p
    }

    /// Runs configuration `flat`, optionally on a cut (`from`/`to` override the base's) from another capital.
    public func backtest(_ flat: Int, from: Day? = nil, to: Day? = nil, capital: Double? = nil,
                         cancellation: Cancellation? = nil) throws -> DailyBacktestResult {
        var p = parameters(of: flat)
        if let from { p.from = from }
        if let to { p.to = to }
        if let capital { p.capital = capital }
        let table: OLSBetaTable? = p.beta == .ols ? olsTables[p.estimate] : nil
        return try DailyBacktest.run(inputs, parameters: p, olsBetas: table, cancellation: cancellation)
    }

    /// Every metric of every configuration, on `workers` cores, in grid order. A configuration whose
    /// backtest fails (equity wiped out, an undefined β) gets NaN metrics and its message in `failures`.
    public func run(workers: Int = ParallelRunner.availableCores, cancellation: Cancellation? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) async throws -> SweepResult {
        let rows = try await ParallelRunner.map(count: grid.count, workers: workers, cancellation: cancellation,
                                                progress: progress) { flat in self.evaluate(flat) }
        return SweepResult(sweep: self, rows: rows)
    }

    /// `run` for synchronous callers on their own thread (the shell; see `ParallelRunner.waitFor`).
    public func runBlocking(workers: Int = ParallelRunner.availableCores, cancellation: Cancellation? = nil,
                            progress: (@Sendable (Int) -> Void)? = nil) throws -> SweepResult {
        try ParallelRunner.waitFor { try await self.run(workers: workers, cancellation: cancellation, progress: progress) }
    }

    /// The notebook backtest of configuration `flat` on the (base-cut) aligned inputs.
    public func notebookBacktest(_ flat: Int) throws -> BacktestResult {
        let p = parameters(of: flat)
        let rows = inputs.rows(from: p.from, to: p.to)
        return try NotebookBacktest.run(dates: Array(inputs.dates[rows]), long: Array(inputs.long[rows]),
                                        benchmark: Array(inputs.benchmark[rows]), parameters: ParameterSweep.notebookParameters(p))
    }

    /// The notebook's settings taken from daily parameters (rebalance, cost, rf, capital).
    static func notebookParameters(_ p: DailyBacktestParameters) -> BacktestParameters {
        BacktestParameters(rebalance: p.rebalance, cost: p.cost, riskFreeRate: p.riskFreeRate, capital: p.capital)
    }

    /// The figures a notebook backtest has, as `SweepMetric` values (see `SweepMethod.notebook`).
    static func notebookMetrics(_ r: BacktestResult) -> [Double] {
        var metrics = Array(repeating: Double.nan, count: SweepMetric.allCases.count)
        metrics[SweepMetric.totalReturn.column] = r.totalReturnPercent / 100
        metrics[SweepMetric.cagr.column] = r.annualizedReturnPercent / 100
        metrics[SweepMetric.sharpe.column] = r.sharpe
        metrics[SweepMetric.rebalances.column] = Double(r.reportedCount)
        return metrics
    }

    /// The metrics of configuration `flat` on the whole (base-cut) sample, or its failure.
    func evaluate(_ flat: Int) -> SweepRow {
        do {
            if method == .notebook { return SweepRow(metrics: ParameterSweep.notebookMetrics(try notebookBacktest(flat)), failure: nil) }
            return SweepRow(metrics: SweepMetric.values(of: try backtest(flat)), failure: nil)
        } catch let error as HedgeError {
            return SweepRow(metrics: Array(repeating: .nan, count: SweepMetric.allCases.count), failure: error.message)
        } catch {
            return SweepRow(metrics: Array(repeating: .nan, count: SweepMetric.allCases.count), failure: "\(error)")
        }
    }

    /// The largest `estimate` of any configuration: trading rows of every configuration start there.
    public var largestEstimate: Int {
        Int(ParameterSweep.values(of: .estimate, parameters: parameters, grid: grid)?.max() ?? Double(base.estimate))
    }

    // MARK: - helpers

    static func configuration(values: [Double], parameters: [SweepParameter], base: DailyBacktestParameters)
        -> (parameters: DailyBacktestParameters, window: Int?) {
        var p = base
        var window: Int? = nil
        for (parameter, value) in zip(parameters, values) {
            if parameter == .window { window = Int(value) } else { parameter.apply(value, to: &p) }
        }
        return (p, window)
    }

    static func values(of parameter: SweepParameter, parameters: [SweepParameter], grid: SweepGrid) -> [Double]? {
        parameters.firstIndex(of: parameter).map { grid.axes[$0].values }
    }

    /// The configurations taking every axis to its lowest or highest value (2^k of them, deduplicated).
    static func extremeConfigurations(_ grid: SweepGrid) -> [[Double]] {
        var result: [[Double]] = [[]]
        for axis in grid.axes {
            let ends = [axis.values.first, axis.values.last].compactMap { $0 }
            result = result.flatMap { prefix in Array(Set(ends)).sorted().map { prefix + [$0] } }
        }
        return result
    }

    /// The rolling β as a dated series: its value on date t−1 is the slope over rows t−W … t−1, so
    /// "the value on the last date before row t" is that window's slope (what `rolling` gives).
    static func rollingSeries(_ table: OLSBetaTable, inputs: DailyBacktestInputs) -> Series {
        let n = inputs.count
        var values = [Double](repeating: .nan, count: n)
        for t in 1..<Swift.max(1, n) { values[t - 1] = table.betas[t] }
        if n > table.window {
            values[n - 1] = DailyBacktest.windowSlope(inputs, row: n, window: table.window)
        }
        return Series(name: "rolling β (window \(table.window))", dates: inputs.dates, values: values)
    }
}

/// One configuration's outcome in a sweep.
public struct SweepRow: Sendable, Equatable {
    /// Every `SweepMetric`, in `allCases` order (NaN when the backtest failed).
    public var metrics: [Double]
    /// Why the backtest failed, or nil.
    public var failure: String?
}
