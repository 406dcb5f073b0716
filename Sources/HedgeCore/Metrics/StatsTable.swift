/// One figure of the `stats` tear sheet: its key (CSV/JSON), its label and how it is shown.
public enum StatsMetric: String, Sendable, CaseIterable {
    case days, totalReturn = "total_return", cagr, volatility, sharpe, sortino
    case maxDrawdown = "max_drawdown", longestDrawdownDays = "longest_drawdown_days", calmar
    case beta, correlation, alpha, hitRate = "hit_rate", var95, cvar95, skew
    case excessKurtosis = "excess_kurtosis", bestDay = "best_day", worstDay = "worst_day"
    case rebalances, totalCosts = "total_costs", turnover = "annualized_turnover"
    case hedgeEffectiveness = "hedge_effectiveness", meanBeta = "mean_beta"

    /// How a value is shown.
    public enum Display: Sendable { case count, percent, ratio, money }

    public var label: String {
        switch self {
        case .days: "Days"
        case .totalReturn: "Total return"
        case .cagr: "CAGR"
        case .volatility: "Volatility (ann.)"
        case .sharpe: "Sharpe"
        case .sortino: "Sortino"
        case .maxDrawdown: "Max drawdown"
        case .longestDrawdownDays: "Longest drawdown (days)"
        case .calmar: "Calmar"
        case .beta: "Beta"
        case .correlation: "Correlation"
        case .alpha: "Alpha (ann.)"
        case .hitRate: "Hit rate"
        case .var95: "VaR 95% (daily)"
        case .cvar95: "CVaR 95% (daily)"
        case .skew: "Skew"
        case .excessKurtosis: "Excess kurtosis"
        case .bestDay: "Best day"
        case .worstDay: "Worst day"
        case .rebalances: "Rebalances"
        case .totalCosts: "Total costs"
        case .turnover: "Turnover (ann.)"
        case .hedgeEffectiveness: "Hedge effectiveness"
        case .meanBeta: "Mean beta"
        }
    }

    public var display: Display {
        switch self {
        case .days, .longestDrawdownDays, .rebalances: .count
        case .totalReturn, .cagr, .volatility, .maxDrawdown, .alpha, .hitRate, .var95, .cvar95, .bestDay, .worstDay,
             .hedgeEffectiveness: .percent
        case .totalCosts: .money
        case .sharpe, .sortino, .calmar, .beta, .correlation, .skew, .excessKurtosis, .turnover, .meanBeta: .ratio
        }
    }
}

/// One column of a `stats` table: a name, an optional note on how its figures were measured, and values
/// (NaN = not applicable).
public struct StatsColumn: Sendable, Equatable {
    public var name: String
    public var note: String?
    public var values: [StatsMetric: Double]

    public init(name: String, note: String? = nil, values: [StatsMetric: Double]) {
        self.name = name; self.note = note; self.values = values
    }

    /// The daily figures of `stats`, plus the hedge figures when given.
    public init(name: String, note: String? = nil, stats s: PerformanceStats, hedge h: HedgeStats? = nil) {
        var v: [StatsMetric: Double] = [
            .days: Double(s.days), .totalReturn: s.totalReturn, .cagr: s.cagr, .volatility: s.volatility,
            .sharpe: s.sharpe, .sortino: s.sortino, .maxDrawdown: s.maxDrawdown,
            .longestDrawdownDays: Double(s.longestDrawdownDays), .calmar: s.calmar, .beta: s.beta,
            .correlation: s.correlation, .alpha: s.alpha, .hitRate: s.hitRate, .var95: s.valueAtRisk95,
            .cvar95: s.conditionalValueAtRisk95, .skew: s.skew, .excessKurtosis: s.excessKurtosis,
            .bestDay: s.bestDay, .worstDay: s.worstDay,
        ]
        if let h {
            v[.rebalances] = Double(h.rebalances); v[.totalCosts] = h.totalCosts; v[.turnover] = h.annualizedTurnover
            v[.hedgeEffectiveness] = h.hedgeEffectiveness; v[.meanBeta] = h.meanBeta
        }
        self.init(name: name, note: note, values: v)
    }

    public subscript(metric: StatsMetric) -> Double { values[metric] ?? .nan }
}

/// The `stats` result: columns side by side over the same metrics.
public struct StatsTable: Sendable, Equatable {
    public var columns: [StatsColumn]
    /// The annual risk-free rate used where one column did not bring its own (nil = each its own).
    public var riskFreeRate: Double?
    public var from: Day?
    public var to: Day?

    public init(columns: [StatsColumn], riskFreeRate: Double? = nil, from: Day? = nil, to: Day? = nil) {
        self.columns = columns; self.riskFreeRate = riskFreeRate; self.from = from; self.to = to
    }

    /// The metrics at least one column has a value for, in the canonical order.
    public var metrics: [StatsMetric] {
        StatsMetric.allCases.filter { m in columns.contains { $0.values[m] != nil } }
    }
}

extension BacktestResult {
    /// The notebook backtest's own figures for a `stats` column, per rebalancing period: its total and annual
    /// returns (365-day year) and Sharpe ratio as it reports them; drawdown, hit rate and best/worst over its
    /// period returns (longest drawdown counted in periods); its rebalances and mean β.
    public var notebookStatsColumnValues: [StatsMetric: Double] {
        let values = reportedValues
        let periodReturns = values.count > 1 ? (1..<values.count).map { values[$0] / values[$0 - 1] - 1 } : []
        let drawdown = ReturnStatistics.maxDrawdown(periodReturns)
        return [
            .days: Double(periodReturns.count),
            .totalReturn: totalReturnPercent / 100,
            .cagr: annualizedReturnPercent / 100,
            .sharpe: sharpe,
            .maxDrawdown: drawdown.depth,
            .longestDrawdownDays: Double(drawdown.longestDays),
            .hitRate: periodReturns.isEmpty ? .nan : Double(periodReturns.filter { $0 > 0 }.count) / Double(periodReturns.count),
            .bestDay: periodReturns.max() ?? .nan,
            .worstDay: periodReturns.min() ?? .nan,
            .rebalances: Double(reportedCount),
            .meanBeta: ReturnStatistics.mean(reportedBetas),
        ]
    }
}
