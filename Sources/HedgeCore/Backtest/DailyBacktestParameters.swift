#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a `method daily` backtest takes the hedge ratio β_t at each rebalance.
public enum BetaSource: Sendable, Equatable {
    /// OLS slope (with intercept) of r_p on r_b over the `estimate` rows before the rebalance row.
    case ols
    /// The same β at every rebalance.
    case fixed(Double)
    /// The value of a dated series on the last date strictly before the rebalance date
    /// (a rolling β, for example). `name` is only for messages.
    case series(Series)
}

/// Settings of the daily mark-to-market, self-financing, beta-neutral long/short backtest.
public struct DailyBacktestParameters: Sendable, Equatable {
    /// N: trading days between rebalances (rebalance rows s, s+N, s+2N, …).
    public var rebalance: Int
    /// W: rows of history before trading starts; the OLS window length.
    public var estimate: Int
    public var beta: BetaSource
    /// c: proportional cost on traded notional (0.001 = 0.1%).
    public var cost: Double
    /// Annual risk-free rate earned by cash; daily rf_d = (1 + rf)^(1/252) − 1.
    public var riskFreeRate: Double
    /// Annual borrow fee on the short notional; daily b_d = borrow / 252.
    public var borrow: Double
    public var capital: Double
    /// Optional cut of the aligned inputs (inclusive).
    public var from: Day?
    public var to: Day?

    public init(
        rebalance: Int = 30, estimate: Int = 60, beta: BetaSource = .ols, cost: Double = 0.001,
        riskFreeRate: Double = 0.02, borrow: Double = 0, capital: Double = 1_000_000, from: Day? = nil, to: Day? = nil
    ) {
        self.rebalance = rebalance; self.estimate = estimate; self.beta = beta; self.cost = cost
        self.riskFreeRate = riskFreeRate; self.borrow = borrow; self.capital = capital
        self.from = from; self.to = to
    }

    /// 252 trading days a year, for every daily rate and annualization.
    public static let tradingDaysPerYear = 252.0

    /// rf_d = (1 + rf)^(1/252) − 1.
    public var dailyRiskFree: Double { DailyBacktestParameters.dailyRate(annual: riskFreeRate) }
    /// b_d = borrow / 252.
    public var dailyBorrow: Double { self.borrow / DailyBacktestParameters.tradingDaysPerYear }

    /// The daily rate compounding to `annual` over 252 days: (1 + annual)^(1/252) − 1.
    public static func dailyRate(annual: Double) -> Double {
        pow(1 + annual, 1 / tradingDaysPerYear) - 1
    }

    /// Throws a `HedgeError` naming the first invalid setting.
    public func validate() throws {
        guard rebalance >= 1 else { throw HedgeError("rebalance must be at least 1 day (got \(rebalance))") }
        switch beta {
        case .ols:
            guard estimate >= 2 else { throw HedgeError("estimate must be at least 2 days for beta ols (got \(estimate))") }
        case .fixed(let value):
            guard estimate >= 0 else { throw HedgeError("estimate must not be negative (got \(estimate))") }
            guard value.isFinite else { throw HedgeError("beta fixed must be a finite number (got \(value))") }
        case .series:
            guard estimate >= 0 else { throw HedgeError("estimate must not be negative (got \(estimate))") }
        }
        guard cost.isFinite, cost >= 0, cost < 1 else { throw HedgeError("cost must be in [0, 1) (got \(cost))") }
        guard riskFreeRate.isFinite, riskFreeRate > -1 else {
            throw HedgeError("rf must be a finite rate above -1 (got \(riskFreeRate))")
        }
        guard borrow.isFinite, borrow >= 0 else { throw HedgeError("borrow must be a finite rate of at least 0 (got \(borrow))") }
        guard capital.isFinite, capital > 0 else { throw HedgeError("capital must be positive (got \(capital))") }
        if let from, let to, to < from { throw HedgeError("from \(from) is after to \(to)") }
    }
}
