/// One rebalance of a `method daily` backtest.
public struct DailyRebalance: Sendable, Equatable {
    public var date: Day
    /// Index of the rebalance day in the result's per-day arrays.
    public var day: Int
    /// β_t: the hedge ratio the short is sized with (S* = β_t·E).
    public var beta: Double
    /// |L* − L| + |S* − S|.
    public var traded: Double
    /// c · traded.
    public var cost: Double
}

/// The outcome of a `method daily` backtest: one entry per trading day (rows s … n−1 of the cut inputs).
/// Positions are end-of-day values (after the day's drift).
public struct DailyBacktestResult: Sendable, Equatable {
    public static let methodName = "daily"

    public var parameters: DailyBacktestParameters
    public var dates: [Day]
    /// E_t at the end of each day.
    public var equity: [Double]
    /// R_t = E_t / E_{t−1} − 1 (E_{s−1} = capital).
    public var returns: [Double]
    /// L at the end of each day.
    public var longNotional: [Double]
    /// S at the end of each day (> 0 = short the benchmark).
    public var shortNotional: [Double]
    /// β of the rebalance in force on each day.
    public var beta: [Double]
    /// r_p on the same days (the unhedged long).
    public var longReturns: [Double]
    /// r_b on the same days.
    public var benchmarkReturns: [Double]
    public var rebalances: [DailyRebalance]

    public var days: Int { dates.count }
    public var finalEquity: Double { equity.last ?? parameters.capital }
    public var totalCosts: Double { rebalances.reduce(0) { $0 + $1.cost } }
    public var totalTraded: Double { rebalances.reduce(0) { $0 + $1.traded } }
}
