import HedgeCore

extension ObjectKind {
    /// A finished hedged backtest.
    public static let backtest = ObjectKind("backtest")
}

/// A finished backtest, with the names of its two legs as typed.
public struct BacktestObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.backtest
    public var result: BacktestResult
    public var long: String
    public var benchmark: String
    /// What the capital would be worth holding the benchmark, at each of the backtest's value dates (for plots).
    public var benchmarkValue: Series?

    public init(result: BacktestResult, long: String, benchmark: String, benchmarkValue: Series?) {
        self.result = result; self.long = long; self.benchmark = benchmark; self.benchmarkValue = benchmarkValue
    }

    public func listing() -> ListingRow {
        let r = result
        // The steps of the per-rebalance table (the notebook trims the values to the betas' length).
        return ListingRow(shape: SeriesText.count(r.reportedCount, "step"), dates: SeriesText.range(r.valueDates),
                          about: "\(r.method): \(long) vs \(benchmark), final \(NumberFormat.grouped(r.final)), Sharpe \(NumberFormat.fixed(r.sharpe, 2))")
    }

    public func show(name: String, context: DisplayContext) -> String {
        report(context: context) + "\n\(context.style.name(name)): backtest, \(headline)"
    }

    /// `method notebook, long p / short d.QQQ, dates, rebalance …`: the settings in one line.
    public var headline: String {
        let r = result, p = r.parameters
        return "method \(r.method), long \(long) / short \(benchmark), \(SeriesText.range(r.valueDates)), rebalance \(p.rebalance), cost \(NumberFormat.general(p.cost)), rf \(NumberFormat.general(p.riskFreeRate)), capital \(NumberFormat.grouped(p.capital))"
    }

    /// The notebook's summary block and per-rebalance table (head and tail only past 60 rows, as pandas
    /// prints it, unless `context.allRows`), with a warning when the Sharpe ratio is not meaningful.
    public func report(context: DisplayContext) -> String {
        let r = result
        var text = ""
        if r.lengthMismatchWarning { text += context.style.warning("Warning: Length mismatch detected. Trimming data to match lengths.") + "\n" }
        text += "Initial Portfolio Size: \(NumberFormat.grouped(r.initial))\n"
        text += "Final Portfolio Size: \(NumberFormat.grouped(r.final))\n"
        text += "Total Realized Returns: \(NumberFormat.fixed(r.totalReturnPercent, 2))%\n"
        text += "Annual Returns: \(NumberFormat.fixed(r.annualizedReturnPercent, 2))%\n"
        text += "Benchmark Annualized Returns: \(NumberFormat.fixed(r.benchmarkAnnualizedPercent, 2))%\n"
        text += "Sharpe Ratio: \(NumberFormat.fixed(r.sharpe, 2))\n"
        if let caveat = r.sharpeCaveat { text += context.style.warning("Warning: \(caveat)") + "\n" }
        text += "\n"
        let table = Self.rebalanceTable(values: r.reportedValues, betas: r.reportedBetas)
        // pandas truncates beyond 60 rows; `show NAME all` prints them all.
        text += "Portfolio and Beta values at each rebalancing:\n " + (context.allRows ? table.render() : table.renderTruncated())
        return text
    }

    /// The notebook's `df` of steps, values and betas, formatted as `'{:,.2f}'.format` prints them.
    static func rebalanceTable(values: [Double], betas: [Double]) -> TextTable {
        TextTable(
            headers: ["Rebalancing Step", "Portfolio Value", "Beta Value"],
            rows: values.indices.map { ["\($0 + 1)", NumberFormat.grouped(values[$0]), NumberFormat.grouped(betas[$0])] },
            index: values.indices.map { "\($0)" })
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        switch format {
        case .csv: (Exporter.csv(backtest: result), SeriesText.count(result.portfolioValues.count, "rebalance row"))
        case .json: (Exporter.json(backtest: result), "backtest")
        }
    }

    /// The value at each rebalance next to the benchmark's buy-and-hold.
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        guard request.mode == .level else { throw ShellError("a backtest is drawn as its value path; drop '\(request.mode.rawValue)'") }
        let r = result
        let values = Series(name: "\(name) (\(r.method))", dates: r.valueDates, values: Array(r.portfolioValues.prefix(r.valueDates.count)))
        var series = [values]
        if let growth = benchmarkValue { series.append(growth) }
        var style = request.style
        style.title = style.title ?? "\(name): portfolio value at each rebalance vs \(benchmark) buy-and-hold"
        return try Chart.line(series, transform: .level, unit: .number, style: style, cancellation: request.cancellation)
    }
}
