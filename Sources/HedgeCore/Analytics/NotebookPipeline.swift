/// Everything the notebook computes, from prices and volumes to the backtest summary.
public struct NotebookAnalysis: Sendable, Equatable {
    /// The benchmark ticker as found in the panel.
    public var benchmarkTicker: String
    /// The weighted basket (benchmark excluded).
    public var portfolio: WeightedPortfolio
    /// The benchmark's simple returns on every panel date (NaN where undefined).
    public var benchmarkReturns: Series
    /// Regression, hedge and hedged regression on the dates portfolio and benchmark share.
    public var hedge: HedgeAnalysis
    public var backtest: BacktestResult
}

/// The notebook's whole method in one call: returns → weighting (benchmark excluded) → alignment by
/// date → OLS → hedge → OLS → backtest.
public enum NotebookPipeline {
    public static func run(panel: Panel, benchmark: String, scheme: WeightingScheme = .volume(window: 30),
                           parameters: BacktestParameters = BacktestParameters()) throws -> NotebookAnalysis {
        guard let benchmarkPrices = panel.series(benchmark, field: .price) else {
            throw HedgeError("the benchmark \(benchmark) is not in the data (tickers: \(panel.tickers.joined(separator: ", ")))")
        }
        let portfolio = try Weighting.portfolio(panel, scheme: scheme, excluding: [benchmarkPrices.name])
        let benchmarkReturns = Returns.simple(benchmarkPrices)
        let hedge = try Hedge.analyze(portfolio: portfolio.returns, benchmark: benchmarkReturns)
        let backtest = try NotebookBacktest.run(dates: hedge.dates, long: hedge.portfolio.values,
                                                benchmark: hedge.benchmark.values, parameters: parameters)
        return NotebookAnalysis(benchmarkTicker: benchmarkPrices.name, portfolio: portfolio,
                                benchmarkReturns: benchmarkReturns, hedge: hedge, backtest: backtest)
    }
}
