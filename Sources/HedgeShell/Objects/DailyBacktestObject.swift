import HedgeCore

extension ObjectKind {
    /// A finished `method daily` backtest.
    public static let dailyBacktest = ObjectKind("daily-backtest")
}

/// A `method daily` backtest, with the names of its legs (and β series) as typed.
/// It stands for its hedged daily returns wherever a series is expected; its parts are
/// `NAME.returns`, `NAME.equity`, `NAME.unhedged` and `NAME.benchmark`.
public struct DailyBacktestObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.dailyBacktest
    public var result: DailyBacktestResult
    public var long: String
    public var benchmark: String
    /// The β series' name as typed, for `beta SERIES`.
    public var betaSeriesName: String?

    public init(result: DailyBacktestResult, long: String, benchmark: String, betaSeriesName: String?) {
        self.result = result; self.long = long; self.benchmark = benchmark; self.betaSeriesName = betaSeriesName
    }

    public var asSeries: Series? { Series(name: "returns", dates: result.dates, values: result.returns) }

    public var partNames: [String] { ["returns", "equity", "unhedged", "benchmark"] }

    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? {
        let r = result
        let series: (Series, String)
        switch path {
        case "returns": series = (Series(name: path, dates: r.dates, values: r.returns), "daily returns of \(name) (hedged)")
        case "equity": series = (Series(name: path, dates: r.dates, values: r.equity), "end-of-day equity of \(name)")
        case "unhedged": series = (Series(name: path, dates: r.dates, values: r.longReturns), "\(long) on the days of \(name)")
        case "benchmark": series = (Series(name: path, dates: r.dates, values: r.benchmarkReturns), "\(benchmark) on the days of \(name)")
        default: return nil
        }
        return SeriesObject(series: series.0, origin: series.1, portfolio: nil)
    }

    /// `ols`, `fixed 1.2` or the β series' name.
    public var betaText: String {
        switch result.parameters.beta {
        case .ols: "ols"
        case .fixed(let x): "fixed \(NumberFormat.roundTrip(x))"
        case .series(let s): betaSeriesName ?? s.name
        }
    }

    public func listing() -> ListingRow {
        let r = result
        let sheet = r.tearSheet()
        return ListingRow(shape: SeriesText.count(r.days, "day"), dates: SeriesText.range(r.dates),
                          about: "daily: \(long) vs \(benchmark), final \(NumberFormat.grouped(r.finalEquity)), Sharpe \(NumberFormat.fixed(sheet.hedged.sharpe, 2))")
    }

    /// `method daily, long p / short β·d.QQQ, dates, rebalance …`: the settings in one line.
    public var headline: String {
        let r = result, p = r.parameters
        var text = "method daily, long \(long) / short β × \(benchmark), \(SeriesText.range(r.dates)) (\(SeriesText.count(r.days, "day")))"
        text += ", rebalance \(p.rebalance), estimate \(p.estimate), beta \(betaText), cost \(NumberFormat.general(p.cost))"
        text += ", rf \(NumberFormat.general(p.riskFreeRate)), borrow \(NumberFormat.general(p.borrow)), capital \(NumberFormat.grouped(p.capital))"
        if let from = p.from { text += ", from \(from)" }
        if let to = p.to { text += ", to \(to)" }
        return text
    }

    /// The figures the `backtest` command prints right away.
    static let keyMetrics: [StatsMetric] = [.totalReturn, .cagr, .volatility, .sharpe, .maxDrawdown, .beta, .correlation]

    /// The short summary: key metrics of hedged, unhedged and benchmark, the hedge figures, the rebalances
    /// (truncated as pandas truncates a long table unless `context.allRows`).
    public func summary(context: DisplayContext) -> String {
        let sheet = result.tearSheet()
        var text = "Daily mark-to-market backtest: long \(long), short β × \(benchmark), \(SeriesText.range(result.dates))\n\n"
        text += StatsText.render(StatsText.tearSheetTable(sheet), metrics: Self.keyMetrics) + "\n\n"
        text += hedgeLine(sheet) + "\n\n"
        text += rebalanceTable(allRows: context.allRows)
        return text
    }

    /// `show`: the full tear sheet and every rebalance.
    public func show(name: String, context: DisplayContext) -> String {
        let sheet = result.tearSheet()
        var text = "\(context.style.name(name)): daily-backtest, \(headline)\n\n"
        text += StatsText.render(StatsText.tearSheetTable(sheet)) + "\n\n"
        text += hedgeLine(sheet) + "\n\n"
        text += rebalanceTable(allRows: true)
        return text
    }

    private func hedgeLine(_ sheet: DailyTearSheet) -> String {
        let r = result
        return "Final equity: \(NumberFormat.grouped(r.finalEquity)) from \(NumberFormat.grouped(r.parameters.capital)); "
            + "\(SeriesText.count(sheet.hedge.rebalances, "rebalance")), costs \(NumberFormat.grouped(sheet.hedge.totalCosts)), "
            + "turnover \(NumberFormat.fixed(sheet.hedge.annualizedTurnover, 2))× a year, "
            + "hedge effectiveness \(NumberFormat.percent(sheet.hedge.hedgeEffectiveness)), mean β \(NumberFormat.fixed(sheet.hedge.meanBeta, 4))"
    }

    /// `date  beta  traded  cost` per rebalance; more than 60 rows show the first and last 5, as pandas does.
    func rebalanceTable(allRows: Bool) -> String {
        let rebalances = result.rebalances
        let rows: [Int?] = allRows || rebalances.count <= 60 ? Array(rebalances.indices) : SeriesText.headTail(rebalances.count)
        let table = TextTable(
            headers: ["date", "beta", "traded", "cost"],
            rows: rows.map { i in
                guard let i else { return ["...", "...", "...", "..."] }
                let r = rebalances[i]
                return [r.date.description, NumberFormat.fixed(r.beta, 6), NumberFormat.grouped(r.traded), NumberFormat.grouped(r.cost)]
            },
            index: rows.map { $0.map(String.init) ?? "..." })
        var text = "Rebalances:\n" + table.render()
        if rows.contains(where: { $0 == nil }) { text += "\n\n[\(rebalances.count) rows x 4 columns]" }
        return text
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        switch format {
        case .csv: (Exporter.csv(dailyBacktest: result), SeriesText.count(result.days, "day row"))
        case .json: (Exporter.json(dailyBacktest: self), "daily backtest")
        }
    }

    /// Growth of the capital: hedged equity, the unhedged long and the benchmark; or their drawdowns.
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        let r = result
        var style = request.style
        let returns = [Series(name: "\(name) (hedged)", dates: r.dates, values: r.returns),
                       Series(name: "\(long) (unhedged)", dates: r.dates, values: r.longReturns),
                       Series(name: "\(benchmark) (benchmark)", dates: r.dates, values: r.benchmarkReturns)]
        switch request.mode {
        case .level, .cumulative:
            let capital = r.parameters.capital
            let grown = returns.map { s -> Series in
                var value = capital
                return Series(name: s.name, dates: s.dates, values: s.values.map { value *= 1 + $0; return value })
            }
            style.title = style.title ?? "\(name): growth of \(NumberFormat.grouped(capital, 0)), hedged vs unhedged vs benchmark"
            return try Chart.line(grown, transform: .level, unit: .number, style: style, cancellation: request.cancellation)
        case .drawdown:
            style.title = style.title ?? "\(name): drawdown, hedged vs unhedged vs benchmark"
            return try Chart.line(returns, transform: .drawdown, style: style, cancellation: request.cancellation)
        case .histogram:
            return nil
        }
    }
}
