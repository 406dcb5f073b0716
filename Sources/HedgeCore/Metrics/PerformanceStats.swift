#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The risk and return figures of a series of daily returns R over m days (252 days a year), with
/// rf_d = (1 + rf)^(1/252) − 1 and x = R − rf_d.
public struct PerformanceStats: Sendable, Equatable {
    /// m.
    public var days: Int
    /// Π(1 + R) − 1.
    public var totalReturn: Double
    /// (1 + total)^(252/m) − 1.
    public var cagr: Double
    /// std(R, ddof 1)·√252.
    public var volatility: Double
    /// mean(x) / std(x, ddof 1)·√252.
    public var sharpe: Double
    /// mean(x) / √(mean(min(x, 0)²))·√252.
    public var sortino: Double
    /// The most negative drawdown of the wealth path (wealth 1 before the first day); ≤ 0.
    public var maxDrawdown: Double
    /// The longest run of consecutive days below a previous peak.
    public var longestDrawdownDays: Int
    /// CAGR / |max drawdown|.
    public var calmar: Double
    /// OLS slope of R on the benchmark's returns (NaN without a benchmark).
    public var beta: Double
    /// Pearson correlation of R with the benchmark's returns.
    public var correlation: Double
    /// OLS intercept × 252.
    public var alpha: Double
    /// Share of days with R > 0.
    public var hitRate: Double
    /// 95% value at risk: numpy's 5th percentile of R (linear interpolation).
    public var valueAtRisk95: Double
    /// Mean of the R ≤ VaR.
    public var conditionalValueAtRisk95: Double
    /// pandas `Series.skew()`.
    public var skew: Double
    /// pandas `Series.kurt()` (excess kurtosis).
    public var excessKurtosis: Double
    public var bestDay: Double
    public var worstDay: Double

    public static let tradingDaysPerYear = DailyBacktestParameters.tradingDaysPerYear

    /// Every figure for `returns`; `benchmark` (same length, same days) feeds β, correlation and α.
    public init(returns r: [Double], benchmark: [Double]? = nil, riskFreeRate: Double) {
        let year = PerformanceStats.tradingDaysPerYear
        let m = r.count
        let rfd = DailyBacktestParameters.dailyRate(annual: riskFreeRate)
        days = m
        // One pass for the growth, the excess mean, the downside, the hit rate and the extremes;
        // a second (two-pass variance) for the deviations of the excess returns. No allocation.
        var growth = 1.0, excessSum = 0.0, downsideSum = 0.0, wins = 0
        var best = -Double.infinity, worst = Double.infinity
        for v in r {
            growth *= 1 + v
            let x = v - rfd
            excessSum += x
            let d = min(x, 0)
            downsideSum += d * d
            if v > 0 { wins += 1 }
            best = max(best, v); worst = min(worst, v)
        }
        let count = Double(m)
        let meanExcess = m > 0 ? excessSum / count : .nan
        var squares = 0.0
        for v in r { let d = (v - rfd) - meanExcess; squares += d * d }
        let excessStd = m > 1 ? (squares / (count - 1)).squareRoot() : .nan
        totalReturn = growth - 1
        cagr = pow(1 + totalReturn, year / count) - 1
        volatility = ReturnStatistics.standardDeviation(r) * year.squareRoot()
        sharpe = meanExcess / excessStd * year.squareRoot()
        sortino = meanExcess / (m > 0 ? downsideSum / count : .nan).squareRoot() * year.squareRoot()
        let drawdown = ReturnStatistics.maxDrawdown(r)
        maxDrawdown = drawdown.depth
        longestDrawdownDays = drawdown.longestDays
        calmar = cagr / abs(maxDrawdown)
        if let benchmark, benchmark.count == m {
            let fit = ReturnStatistics.regression(y: r, x: benchmark)
            beta = fit.beta; correlation = fit.correlation; alpha = fit.alpha * year
        } else {
            beta = .nan; correlation = .nan; alpha = .nan
        }
        hitRate = m > 0 ? Double(wins) / count : .nan
        let valueAtRisk = ReturnStatistics.percentile(r, 5)
        valueAtRisk95 = valueAtRisk
        var tailSum = 0.0, tailCount = 0
        for v in r where v <= valueAtRisk { tailSum += v; tailCount += 1 }
        conditionalValueAtRisk95 = tailCount > 0 ? tailSum / Double(tailCount) : .nan
        skew = ReturnStatistics.skew(r)
        excessKurtosis = ReturnStatistics.excessKurtosis(r)
        bestDay = m > 0 ? best : .nan
        worstDay = m > 0 ? worst : .nan
    }
}

/// The figures only a `method daily` backtest has, over a range of its days.
public struct HedgeStats: Sendable, Equatable {
    /// Rebalances on those days.
    public var rebalances: Int
    /// Σ cost of those rebalances.
    public var totalCosts: Double
    /// Σ traded notional / mean(end-of-day equity) × 252/m.
    public var annualizedTurnover: Double
    /// 1 − var(R)/var(r_p) over the same days (ddof 1).
    public var hedgeEffectiveness: Double
    /// Mean of the rebalances' β.
    public var meanBeta: Double
}

/// A daily backtest's tear sheet: the hedged strategy, the unhedged long and the benchmark over the same days.
public struct DailyTearSheet: Sendable, Equatable {
    public var first: Day?
    public var last: Day?
    public var hedged: PerformanceStats
    public var unhedged: PerformanceStats
    public var benchmark: PerformanceStats
    public var hedge: HedgeStats
}

extension DailyBacktestResult {
    /// Indices of the days with `from <= date <= to`.
    public func dayRange(from: Day? = nil, to: Day? = nil) -> Range<Int> {
        let lo = from.map { f in dates.partitioningIndex { $0 >= f } } ?? 0
        let hi = to.map { t in dates.partitioningIndex { $0 > t } } ?? dates.count
        return lo..<max(lo, hi)
    }

    /// The hedge figures over `days` (indices into the per-day arrays).
    public func hedgeStats(days range: Range<Int>) -> HedgeStats {
        let inRange = rebalances.filter { range.contains($0.day) }
        let m = Double(range.count)
        let meanEquity = ReturnStatistics.mean(equity[range])
        let traded = inRange.reduce(0) { $0 + $1.traded }
        return HedgeStats(
            rebalances: inRange.count,
            totalCosts: inRange.reduce(0) { $0 + $1.cost },
            annualizedTurnover: traded / meanEquity * PerformanceStats.tradingDaysPerYear / m,
            hedgeEffectiveness: 1 - ReturnStatistics.variance(returns[range]) / ReturnStatistics.variance(longReturns[range]),
            meanBeta: ReturnStatistics.mean(inRange.map(\.beta)))
    }

    /// The tear sheet over the days `from … to` (all days by default), with the backtest's rf unless
    /// `riskFreeRate` overrides it.
    public func tearSheet(riskFreeRate: Double? = nil, from: Day? = nil, to: Day? = nil) -> DailyTearSheet {
        let range = dayRange(from: from, to: to)
        let rf = riskFreeRate ?? parameters.riskFreeRate
        let r = Array(returns[range]), rp = Array(longReturns[range]), rb = Array(benchmarkReturns[range])
        return DailyTearSheet(
            first: range.isEmpty ? nil : dates[range.lowerBound],
            last: range.isEmpty ? nil : dates[range.upperBound - 1],
            hedged: PerformanceStats(returns: r, benchmark: rb, riskFreeRate: rf),
            unhedged: PerformanceStats(returns: rp, benchmark: rb, riskFreeRate: rf),
            benchmark: PerformanceStats(returns: rb, benchmark: rb, riskFreeRate: rf),
            hedge: hedgeStats(days: range))
    }
}
