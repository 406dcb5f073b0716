#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Return and risk arithmetic shared by the analytics (numpy conventions noted on each).
public enum Metrics {
    /// Calendar days per year used for annualization (the notebook uses 365 throughout).
    public static let daysPerYear = 365.0

    /// Compounded return `prod(1 + r) - 1` (numpy `np.prod(1 + r) - 1`), multiplied in order.
    public static func cumulativeReturn(_ returns: [Double]) -> Double {
        var product = 1.0
        for r in returns { product *= 1 + r }
        return product - 1
    }

    /// The annual rate equivalent to a gross `growth` factor earned over `days` days:
    /// `growth ^ (365 / days) - 1`.
    public static func annualizedRate(growth: Double, days: Double) -> Double {
        pow(growth, daysPerYear / days) - 1
    }

    /// The rate over `days` days equivalent to an `annual` rate: `(1 + annual) ^ (days / 365) - 1`.
    public static func periodRate(annual: Double, days: Double) -> Double {
        pow(1 + annual, days / daysPerYear) - 1
    }

    /// The arithmetic mean (NaN for an empty array).
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation, numpy `np.std` with `ddof = 0`: `sqrt(mean((x - mean)^2))`.
    public static func populationStandardDeviation(_ values: [Double]) -> Double {
        let m = mean(values)
        return sqrt(mean(values.map { ($0 - m) * ($0 - m) }))
    }

    /// The sample standard deviation, pandas `Series.std()` (`ddof = 1`); NaN with fewer than two values.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return .nan }
        let m = mean(values)
        return sqrt(values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1))
    }

    /// Simple returns between consecutive values, without the leading NaN
    /// (pandas `Series(values).pct_change().dropna()` for values without NaN).
    public static func periodReturns(_ values: [Double]) -> [Double] {
        guard values.count >= 2 else { return [] }
        return (1..<values.count).map { values[$0] / values[$0 - 1] - 1 }
    }

    /// The notebook's `get_sharpe_ratio`: period returns of `values` (one period = `periodDays` days) in
    /// excess of the equivalent period risk-free rate, `mean / std(ddof 0) * sqrt(365 / periodDays)`.
    /// NaN or infinite when there are fewer than two values or the excess returns do not vary.
    public static func sharpeRatio(values: [Double], periodDays: Int, riskFreeRate: Double) -> Double {
        let periodRiskFree = periodRate(annual: riskFreeRate, days: Double(periodDays))
        let excess = periodReturns(values).map { $0 - periodRiskFree }
        return mean(excess) / populationStandardDeviation(excess) * sqrt(daysPerYear / Double(periodDays))
    }

    /// Sample kurtosis from population moments, `m4 / m2^2` (3 for a normal distribution; not the excess).
    public static func kurtosis(_ values: [Double]) -> Double {
        let m = mean(values)
        let m2 = mean(values.map { pow($0 - m, 2) })
        let m4 = mean(values.map { pow($0 - m, 4) })
        return m4 / (m2 * m2)
    }
}
