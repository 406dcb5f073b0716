/// A figure of the tear sheet (`stats`) by which sweep configurations are compared, with the
/// direction that counts as better. The names are the keys of the stats JSON.
public enum SweepMetric: String, Sendable, CaseIterable {
    case totalReturn = "total_return", cagr, volatility, sharpe, sortino
    case maxDrawdown = "max_drawdown", longestDrawdownDays = "longest_drawdown_days", calmar
    case beta, correlation, alpha
    case hitRate = "hit_rate", var95, cvar95, skew, excessKurtosis = "excess_kurtosis"
    case bestDay = "best_day", worstDay = "worst_day"
    case rebalances, totalCosts = "total_costs", annualizedTurnover = "annualized_turnover"
    case hedgeEffectiveness = "hedge_effectiveness", meanBeta = "mean_beta"

    /// Which values are better.
    public enum Direction: Sendable { case higher, lower, nearerZero }

    /// Higher is better for returns, ratios, drawdowns (≤ 0), VaR/CVaR (≤ 0), skew, hit rate, best and
    /// worst day and hedge effectiveness; lower for volatility, drawdown length, kurtosis, rebalances, costs and
    /// turnover; nearer zero for β, correlation and mean β (the hedge's purpose).
    public var direction: Direction {
        switch self {
        case .volatility, .longestDrawdownDays, .excessKurtosis, .rebalances, .totalCosts, .annualizedTurnover: .lower
        case .beta, .correlation, .meanBeta: .nearerZero
        default: .higher
        }
    }

    /// The metric called `name`, or an error listing them.
    public static func named(_ name: String) throws -> SweepMetric {
        guard let metric = SweepMetric(rawValue: name) else {
            throw HedgeError("unknown metric \(name); use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return metric
    }

    /// `value` turned so that higher is better: v, −v, or −|v|; NaN stays NaN.
    public func score(_ value: Double) -> Double {
        switch direction {
        case .higher: value
        case .lower: -value
        case .nearerZero: -abs(value)
        }
    }

    /// Every metric of a backtest's hedged returns and hedge, in `allCases` order.
    public static func values(_ stats: PerformanceStats, _ hedge: HedgeStats) -> [Double] {
        allCases.map { metric in
            switch metric {
            case .totalReturn: stats.totalReturn
            case .cagr: stats.cagr
            case .volatility: stats.volatility
            case .sharpe: stats.sharpe
            case .sortino: stats.sortino
            case .maxDrawdown: stats.maxDrawdown
            case .longestDrawdownDays: Double(stats.longestDrawdownDays)
            case .calmar: stats.calmar
            case .beta: stats.beta
            case .correlation: stats.correlation
            case .alpha: stats.alpha
            case .hitRate: stats.hitRate
            case .var95: stats.valueAtRisk95
            case .cvar95: stats.conditionalValueAtRisk95
            case .skew: stats.skew
            case .excessKurtosis: stats.excessKurtosis
            case .bestDay: stats.bestDay
            case .worstDay: stats.worstDay
            case .rebalances: Double(hedge.rebalances)
            case .totalCosts: hedge.totalCosts
            case .annualizedTurnover: hedge.annualizedTurnover
            case .hedgeEffectiveness: hedge.hedgeEffectiveness
            case .meanBeta: hedge.meanBeta
            }
        }
    }

    /// Every metric of `result` over all its days, with its own risk-free rate.
    public static func values(of result: DailyBacktestResult) -> [Double] {
        let stats = PerformanceStats(returns: result.returns, benchmark: result.benchmarkReturns,
                                     riskFreeRate: result.parameters.riskFreeRate)
        return values(stats, result.hedgeStats(days: 0..<result.days))
    }

    /// The index of this metric in `allCases` (the column of `SweepResult.metrics`).
    public var column: Int { SweepMetric.allCases.firstIndex(of: self) ?? 0 }
}
