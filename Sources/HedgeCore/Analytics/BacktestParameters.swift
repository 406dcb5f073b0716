/// Settings of a hedged backtest (the notebook's defaults).
public struct BacktestParameters: Sendable, Equatable {
    /// Trading days between rebalances (and the length of each beta window).
    public var rebalance: Int
    /// Proportional cost charged on each whole allocation every period (0.001 = 0.1%).
    public var cost: Double
    /// Annual risk-free rate for the Sharpe ratio (0.02 = 2%).
    public var riskFreeRate: Double
    /// Starting capital.
    public var capital: Double

    public init(rebalance: Int = 30, cost: Double = 0.001, riskFreeRate: Double = 0.02, capital: Double = 1_000_000) {
        self.rebalance = rebalance; self.cost = cost; self.riskFreeRate = riskFreeRate; self.capital = capital
    }

    /// Throws a `HedgeError` naming the first invalid setting.
    public func validate() throws {
        guard rebalance >= 2 else { throw HedgeError("rebalance must be at least 2 days (got \(rebalance))") }
        guard cost.isFinite, cost >= 0, cost < 1 else { throw HedgeError("cost must be in [0, 1) (got \(cost))") }
        guard riskFreeRate.isFinite, riskFreeRate > -1 else {
            throw HedgeError("the risk-free rate must be a finite rate above -1 (got \(riskFreeRate))")
        }
        guard capital.isFinite, capital > 0 else { throw HedgeError("capital must be positive (got \(capital))") }
    }
}
