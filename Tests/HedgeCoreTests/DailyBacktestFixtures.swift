import Foundation
@testable import HedgeCore

/// `Fixtures/daily/cases.json`, written by `scripts/oracle/make_daily_backtest_vectors.py`.
struct DailyFixtures: Decodable {
    struct DatedValues: Decodable {
        let dates: [String]
        let values: [Num]
        func series(_ name: String) -> Series {
            Series(name: name, dates: dates.compactMap { Day(iso: $0) }, values: values.map(\.value))
        }
    }
    struct Parameters: Decodable {
        let rebalance: Int
        let estimate: Int
        let beta: String
        let beta_value: Double?
        let cost: Double
        let rf: Double
        let borrow: Double
        let capital: Double
        let from: String?
        let to: String?
    }
    struct Days: Decodable {
        let date: [String]
        let equity: [Num]
        let `return`: [Num]
        let long: [Num]
        let short: [Num]
        let beta: [Num]
    }
    struct Rebalances: Decodable {
        let date: [String]
        let beta: [Num]
        let traded: [Num]
        let cost: [Num]
    }
    struct Metrics: Decodable {
        let days: Int
        let total_return, cagr, volatility, sharpe, sortino, max_drawdown, calmar: Num
        let longest_drawdown_days: Int
        let hit_rate, var95, cvar95, skew, excess_kurtosis, best_day, worst_day: Num
        let beta, correlation, alpha: Num?
    }
    struct Extras: Decodable {
        let rebalances: Int
        let total_costs, annualized_turnover, hedge_effectiveness, mean_beta: Num
    }
    struct Sheet: Decodable {
        let hedged, unhedged, benchmark: Metrics
        let hedge: Extras
    }
    struct Cut: Decodable {
        let rf: Double
        let from: String?
        let to: String?
        let sheet: Sheet
    }
    struct Backtest: Decodable {
        let name: String
        let parameters: Parameters
        let long: DatedValues
        let benchmark: DatedValues
        let beta_series: DatedValues?
        let days: Days
        let rebalances: Rebalances
        let tear_sheet: Sheet
        let cut_tear_sheets: [Cut]

        var swiftParameters: DailyBacktestParameters {
            let p = parameters
            let beta: BetaSource = switch p.beta {
            case "fixed": .fixed(p.beta_value ?? .nan)
            case "series": .series(beta_series?.series("beta") ?? Series(name: "beta", dates: [], values: []))
            default: .ols
            }
            return DailyBacktestParameters(
                rebalance: p.rebalance, estimate: p.estimate, beta: beta, cost: p.cost, riskFreeRate: p.rf,
                borrow: p.borrow, capital: p.capital, from: p.from.flatMap { Day(iso: $0) }, to: p.to.flatMap { Day(iso: $0) })
        }
    }
    struct MetricCase: Decodable {
        let name: String
        let returns: [Num]
        let benchmark: [Num]
        let rf: Double
        let metrics: Metrics
    }
    let backtests: [Backtest]
    let metrics: [MetricCase]

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/daily/cases.json")

    static func load() throws -> DailyFixtures {
        try JSONDecoder().decode(DailyFixtures.self, from: Data(contentsOf: url))
    }
}

/// Mismatches between a computed tear-sheet column and the oracle's, as readable strings.
func mismatches(_ s: PerformanceStats, _ m: DailyFixtures.Metrics, rel: Double = 1e-9, label: String) -> [String] {
    var out: [String] = []
    func check(_ name: String, _ a: Double, _ b: Double) {
        if !close(a, b, rel: rel, tinyBelow: 1e-15) { out.append("\(label).\(name): swift \(a) oracle \(b)") }
    }
    if s.days != m.days { out.append("\(label).days: \(s.days) vs \(m.days)") }
    if s.longestDrawdownDays != m.longest_drawdown_days {
        out.append("\(label).longest_drawdown_days: \(s.longestDrawdownDays) vs \(m.longest_drawdown_days)")
    }
    check("total_return", s.totalReturn, m.total_return.value)
    check("cagr", s.cagr, m.cagr.value)
    check("volatility", s.volatility, m.volatility.value)
    check("sharpe", s.sharpe, m.sharpe.value)
    check("sortino", s.sortino, m.sortino.value)
    check("max_drawdown", s.maxDrawdown, m.max_drawdown.value)
    check("calmar", s.calmar, m.calmar.value)
    check("hit_rate", s.hitRate, m.hit_rate.value)
    check("var95", s.valueAtRisk95, m.var95.value)
    check("cvar95", s.conditionalValueAtRisk95, m.cvar95.value)
    check("skew", s.skew, m.skew.value)
    check("excess_kurtosis", s.excessKurtosis, m.excess_kurtosis.value)
    check("best_day", s.bestDay, m.best_day.value)
    check("worst_day", s.worstDay, m.worst_day.value)
    if let beta = m.beta { check("beta", s.beta, beta.value) }
    if let correlation = m.correlation { check("correlation", s.correlation, correlation.value) }
    if let alpha = m.alpha { check("alpha", s.alpha, alpha.value) }
    return out
}
