/// The outcome of a hedged backtest.
public struct BacktestResult: Sendable, Equatable {
    /// The method's name (`notebook`).
    public var method: String
    public var parameters: BacktestParameters
    /// Portfolio value at the start and after each rebalancing period, the partial last period included
    /// (the notebook's `portfolio_values` as its backtest function returns them, before trimming).
    public var portfolioValues: [Double]
    /// The initial beta, then the beta fitted on each full period.
    public var betas: [Double]
    /// The date of each entry of `portfolioValues`: the first return date for the start, then the last
    /// return date of each period.
    public var valueDates: [Day]
    /// Annualized Sharpe ratio of the period returns of the untrimmed `portfolioValues`.
    public var sharpe: Double
    /// First and last of the reported (trimmed) values.
    public var initial: Double
    public var final: Double
    public var totalReturnPercent: Double
    public var annualizedReturnPercent: Double
    public var benchmarkAnnualizedPercent: Double
    /// True when `portfolioValues` and `betas` differ in length and the report was trimmed
    /// (the notebook prints "Warning: Length mismatch detected. Trimming data to match lengths.").
    public var lengthMismatchWarning: Bool

    /// How many rebalancing steps the notebook's table reports: `min(values, betas)`.
    public var reportedCount: Int { min(portfolioValues.count, betas.count) }
    /// The values the notebook's table shows (trimmed to `reportedCount`).
    public var reportedValues: [Double] { Array(portfolioValues.prefix(reportedCount)) }
    /// The betas the notebook's table shows.
    public var reportedBetas: [Double] { Array(betas.prefix(reportedCount)) }
}

/// The notebook's backtest, reproduced exactly, quirks included: `hedged_portfolio_performance_dynamic_beta`,
/// `get_sharpe_ratio` and the summary block after them.
///
/// Long the portfolio, short the benchmark. The initial split `1/(1+β) : β/(1+β)` uses β of the long returns
/// on the benchmark over the first `rebalance` days. Each period, both allocations grow by their compounded
/// returns and pay `cost` on their whole size; the split for the next period uses β of `(long + short) / 2` on
/// the benchmark over the period just ended. A partial last period keeps the current split and adds a value but
/// no beta, so the values then outnumber the betas and the summary trims to the shorter length (with a warning);
/// the Sharpe ratio, computed first, still uses every value.
public enum NotebookBacktest {
    public static let methodName = "notebook"

    /// Runs on `long` (portfolio) and `benchmark` returns aligned by date; the short leg is `-benchmark`.
    /// `cancellation` is polled once per rebalancing period (`HedgeError("interrupted")`).
    public static func run(portfolio: Series, benchmark: Series, parameters: BacktestParameters = BacktestParameters(),
                           cancellation: Cancellation? = nil) throws -> BacktestResult {
        let aligned = AlignedSeries([portfolio, benchmark])
        guard aligned.columns.count == 2 else { throw HedgeError("the backtest needs a portfolio and a benchmark") }
        try cancellation?.check()
        return try run(dates: aligned.dates, long: aligned.columns[0], benchmark: aligned.columns[1], parameters: parameters,
                       cancellation: cancellation)
    }

    /// Runs on already aligned arrays: `long[i]` and `benchmark[i]` are the returns on `dates[i]`.
    public static func run(dates: [Day], long: [Double], benchmark: [Double], parameters: BacktestParameters = BacktestParameters(),
                           cancellation: Cancellation? = nil) throws -> BacktestResult {
        try parameters.validate()
        guard long.count == benchmark.count, dates.count == long.count else {
            throw HedgeError("the backtest inputs differ in length (\(dates.count) dates, \(long.count) long, \(benchmark.count) benchmark returns)")
        }
        guard long.allSatisfy(\.isFinite), benchmark.allSatisfy(\.isFinite) else {
            throw HedgeError("the backtest returns must be finite numbers")
        }
        let rebalance = parameters.rebalance
        let n = long.count
        guard n >= rebalance else {
            throw HedgeError("the backtest needs at least \(rebalance) aligned returns for its first beta window; there are \(n)")
        }
        let short = benchmark.map { -$0 }
        let cost = parameters.cost

        var portfolioValue = parameters.capital
        var values = [portfolioValue]
        var valueDates = [dates[0]]
        var betas: [Double] = []

        let initialBeta = try slope(y: Array(long[0..<rebalance]), x: Array(benchmark[0..<rebalance]), period: 0)
        betas.append(initialBeta)
        var longRatio = 1 / (1 + initialBeta)
        var shortRatio = initialBeta / (1 + initialBeta)
        var longAllocation = portfolioValue * longRatio
        var shortAllocation = portfolioValue * shortRatio

        for start in stride(from: 0, to: n, by: rebalance) {
            try cancellation?.check()
            let end = min(start + rebalance, n)
            let longPeriod = Array(long[start..<end])
            let shortPeriod = Array(short[start..<end])
            let benchmarkPeriod = Array(benchmark[start..<end])
            if benchmarkPeriod.count == rebalance {
                let combined = zip(longPeriod, shortPeriod).map { ($0 + $1) / 2 }
                let beta = try slope(y: combined, x: benchmarkPeriod, period: start / rebalance + 1)
                betas.append(beta)
                longRatio = 1 / (1 + beta)
                shortRatio = beta / (1 + beta)
            } else {
                longRatio = longAllocation / portfolioValue
                shortRatio = shortAllocation / portfolioValue
            }
            let longCumulative = Metrics.cumulativeReturn(longPeriod)
            let shortCumulative = Metrics.cumulativeReturn(shortPeriod)
            longAllocation *= (1 + longCumulative) * (1 - cost)
            shortAllocation *= (1 + shortCumulative) * (1 - cost)
            portfolioValue = longAllocation + shortAllocation
            values.append(portfolioValue)
            valueDates.append(dates[end - 1])
            longAllocation = portfolioValue * longRatio
            shortAllocation = portfolioValue * shortRatio
        }

        let sharpe = Metrics.sharpeRatio(values: values, periodDays: rebalance, riskFreeRate: parameters.riskFreeRate)
        let reported = min(values.count, betas.count)
        let initial = values[0]
        let final = values[reported - 1]
        let total = (final - initial) / initial * 100
        let annualized = Metrics.annualizedRate(growth: final / initial, days: Double(reported * rebalance)) * 100
        let benchmarkCumulative = Metrics.cumulativeReturn(benchmark)
        let benchmarkAnnualized = Metrics.annualizedRate(growth: 1 + benchmarkCumulative, days: Double(n)) * 100
        return BacktestResult(
            method: methodName, parameters: parameters, portfolioValues: values, betas: betas, valueDates: valueDates,
            sharpe: sharpe, initial: initial, final: final, totalReturnPercent: total,
            annualizedReturnPercent: annualized, benchmarkAnnualizedPercent: benchmarkAnnualized,
            lengthMismatchWarning: values.count != betas.count)
    }

    /// The OLS slope of `y` on `x` with an intercept; errors say which window failed.
    private static func slope(y: [Double], x: [Double], period: Int) throws -> Double {
        do {
            return try OLS.slope(y: y, x: x).beta
        } catch let error as HedgeError {
            let which = period == 0 ? "the initial beta window" : "rebalancing period \(period)"
            throw HedgeError("cannot fit beta for \(which): \(error.message)")
        }
    }
}
