import Foundation
import Testing
@testable import HedgeCore

@Suite struct PerformanceStatsOracleTests {
    static let fixtures = try? DailyFixtures.load()
    static var names: [String] { fixtures?.metrics.map(\.name) ?? [] }

    @Test(arguments: PerformanceStatsOracleTests.names)
    func matchesOracle(_ name: String) throws {
        let fixture = try #require(Self.fixtures?.metrics.first { $0.name == name })
        let stats = PerformanceStats(returns: fixture.returns.map(\.value), benchmark: fixture.benchmark.map(\.value),
                                     riskFreeRate: fixture.rf)
        let bad = mismatches(stats, fixture.metrics, label: name)
        #expect(bad.isEmpty, "\(bad)")
    }
}

/// Small cases worked by hand.
@Suite struct PerformanceStatsHandTests {
    let r = [0.1, -0.2, 0.05, 0.0]

    @Test func totalReturnAndCAGR() {
        let s = PerformanceStats(returns: r, riskFreeRate: 0)
        // 1.1 · 0.8 · 1.05 · 1 = 0.924.
        #expect(close(s.totalReturn, -0.076, rel: 1e-14))
        #expect(close(s.cagr, pow(0.924, 252.0 / 4) - 1, rel: 1e-14))
        #expect(s.days == 4)
    }

    @Test func volatilitySharpeSortino() {
        let s = PerformanceStats(returns: r, riskFreeRate: 0)
        // mean −0.0125; deviations 0.1125, −0.1875, 0.0625, 0.0125; Σd² = 0.01265625 + 0.03515625 + 0.00390625 + 0.00015625 = 0.051875; var = Σd²/3.
        let sd = (0.051875 / 3).squareRoot()
        #expect(close(s.volatility, sd * 252.0.squareRoot(), rel: 1e-13))
        #expect(close(s.sharpe, -0.0125 / sd * 252.0.squareRoot(), rel: 1e-13))
        // Downside: mean(min(x, 0)²) = 0.04/4 = 0.01.
        #expect(close(s.sortino, -0.0125 / 0.1 * 252.0.squareRoot(), rel: 1e-13))
    }

    @Test func riskFreeShiftsSharpeButNotVolatility() {
        let rf = 0.1
        let rfd = pow(1.1, 1.0 / 252) - 1
        let s = PerformanceStats(returns: r, riskFreeRate: rf)
        let sd = (0.051875 / 3).squareRoot()
        #expect(close(s.sharpe, (-0.0125 - rfd) / sd * 252.0.squareRoot(), rel: 1e-13))
    }

    @Test func drawdownStartsFromWealthOne() {
        // Wealth 1 → 0.9 → 0.99 → 1.01 → 0.909: underwater 2 days, then 1.
        let s = PerformanceStats(returns: [-0.1, 0.1, 1.01 / 0.99 - 1, -0.1], riskFreeRate: 0)
        #expect(close(s.maxDrawdown, -0.1, rel: 1e-13))
        #expect(s.longestDrawdownDays == 2)
        #expect(close(s.calmar, s.cagr / 0.1, rel: 1e-13))
        // A first day loss is a drawdown from the starting wealth of 1.
        let first = PerformanceStats(returns: [-0.5, 0.2, 0.2], riskFreeRate: 0)
        #expect(close(first.maxDrawdown, -0.5, rel: 1e-14))
        #expect(first.longestDrawdownDays == 3)
        let up = PerformanceStats(returns: [0.1, 0.2], riskFreeRate: 0)
        #expect(up.maxDrawdown == 0 && up.longestDrawdownDays == 0)
    }

    @Test func betaCorrelationAlpha() {
        // y = 0.001 + 2x exactly: β 2, correlation 1, α 0.001·252.
        let x = [0.01, -0.02, 0.03, 0.0]
        let y = x.map { 0.001 + 2 * $0 }
        let s = PerformanceStats(returns: y, benchmark: x, riskFreeRate: 0)
        #expect(close(s.beta, 2, rel: 1e-12))
        #expect(close(s.correlation, 1, rel: 1e-12))
        #expect(close(s.alpha, 0.252, rel: 1e-10))
        // A constant benchmark leaves them undefined.
        let flat = PerformanceStats(returns: y, benchmark: [0.01, 0.01, 0.01, 0.01], riskFreeRate: 0)
        #expect(flat.beta.isNaN && flat.correlation.isNaN && flat.alpha.isNaN)
    }

    @Test func hitRateBestWorst() {
        let s = PerformanceStats(returns: r, riskFreeRate: 0)
        #expect(s.hitRate == 0.5)
        #expect(s.bestDay == 0.1 && s.worstDay == -0.2)
    }

    @Test func valueAtRiskInterpolatesLikeNumpy() {
        // Sorted −0.2, 0, 0.05, 0.1; h = 3·0.05 = 0.15 → −0.2 + 0.15·0.2 = −0.17.
        let s = PerformanceStats(returns: r, riskFreeRate: 0)
        #expect(close(s.valueAtRisk95, -0.17, rel: 1e-14))
        #expect(s.conditionalValueAtRisk95 == -0.2)
        // 21 values 0…20: h = 1 exactly → the second smallest.
        #expect(ReturnStatistics.percentile((0...20).map(Double.init).reversed(), 5) == 1)
        // Fraction ≥ 0.5: numpy works from the upper neighbour, 3 − (3 − 1)·(1 − 0.75) = 2.5.
        #expect(ReturnStatistics.percentile([1, 3], 75) == 2.5)
    }

    @Test func skewAndKurtosisAsPandas() {
        // x = 0, 0, 0, 4: mean 1, d = −1, −1, −1, 3; S2 = 12, S3 = 24, S4 = 84.
        let x = [0.0, 0, 0, 4]
        // G1 = 4·√3/2 · 24/12^1.5 = 2·√3·24/(12·√12) = 2.
        #expect(close(ReturnStatistics.skew(x), 2, rel: 1e-14))
        // G2 = 4·5·3·84/(2·1·144) − 3·9/(2·1) = 5040/288 − 13.5 = 17.5 − 13.5 = 4.
        #expect(close(ReturnStatistics.excessKurtosis(x), 4, rel: 1e-14))
        #expect(ReturnStatistics.skew([1, 2]).isNaN)
        #expect(ReturnStatistics.excessKurtosis([1, 2, 3]).isNaN)
        #expect(ReturnStatistics.skew([1, 1, 1]).isNaN)
    }

    @Test func hedgeStatsOnAHandRun() throws {
        let dates = (0..<4).map { Day(ordinal: 19_000 + $0) }
        let inputs = try DailyBacktestInputs(dates: dates, long: [0, 0.1, -0.1, 0.05], benchmark: [0, 0.05, -0.05, 0.02])
        let p = DailyBacktestParameters(rebalance: 2, estimate: 1, beta: .fixed(1), cost: 0.001, riskFreeRate: 0, capital: 100)
        let result = try DailyBacktest.run(inputs, parameters: p)
        let h = result.hedgeStats(days: 0..<3)
        #expect(h.rebalances == 2)
        #expect(close(h.totalCosts, result.rebalances[0].cost + result.rebalances[1].cost, rel: 1e-15))
        // First rebalance trades L 100 and S 100: 200.
        #expect(close(result.rebalances[0].traded, 200, rel: 1e-15))
        let meanEquity = result.equity.reduce(0, +) / 3
        #expect(close(h.annualizedTurnover, (200 + result.rebalances[1].traded) / meanEquity * 252 / 3, rel: 1e-13))
        #expect(h.meanBeta == 1)
        let varR = ReturnStatistics.variance(result.returns), varP = ReturnStatistics.variance([0.1, -0.1, 0.05])
        #expect(close(h.hedgeEffectiveness, 1 - varR / varP, rel: 1e-13))
    }
}

@Suite struct StatsTableTests {
    @Test func columnFromStatsCarriesEveryDailyFigure() {
        let s = PerformanceStats(returns: [0.01, -0.02, 0.03, 0.005], benchmark: [0.02, -0.01, 0.01, 0.0], riskFreeRate: 0.02)
        let column = StatsColumn(name: "x", stats: s)
        #expect(column[.sharpe] == s.sharpe && column[.cvar95] == s.conditionalValueAtRisk95)
        #expect(column[.rebalances].isNaN)
        let table = StatsTable(columns: [column])
        #expect(table.metrics.first == .days && table.metrics.last == .worstDay && !table.metrics.contains(.meanBeta))
    }

    @Test func notebookColumnUsesItsOwnFigures() throws {
        let n = 95
        let dates = (0..<n).map { Day(ordinal: 19_000 + $0) }
        let bench = (0..<n).map { 0.01 * sin(Double($0)) }
        let long = (0..<n).map { 0.001 + 1.2 * bench[$0] + 0.003 * cos(Double($0 * 7)) }
        let r = try NotebookBacktest.run(dates: dates, long: long, benchmark: bench)
        let v = r.notebookStatsColumnValues
        #expect(v[.totalReturn] == r.totalReturnPercent / 100)
        #expect(v[.cagr] == r.annualizedReturnPercent / 100)
        #expect(v[.sharpe] == r.sharpe)
        #expect(v[.rebalances] == Double(r.reportedCount))
        #expect(v[.days] == Double(r.reportedCount - 1))
        let values = r.reportedValues
        #expect(v[.bestDay] == (1..<values.count).map { values[$0] / values[$0 - 1] - 1 }.max())
    }
}

@Suite struct PercentileSelectionTests {
    /// numpy's linear percentile from a full sort, the textbook way.
    func sortedPercentile(_ x: [Double], _ q: Double) -> Double {
        let s = x.sorted()
        let h = Double(s.count - 1) * q / 100
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        let g = h - Double(lo)
        return g >= 0.5 ? s[hi] - (s[hi] - s[lo]) * (1 - g) : s[lo] + (s[hi] - s[lo]) * g
    }

    /// Selection (no full sort) agrees exactly with sorting, duplicates and ties included.
    @Test func selectionAgreesWithSorting() {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 40 % 64) / 1000 - 5
        }
        for n in [1, 2, 3, 4, 5, 10, 21, 100, 257, 1000] {
            let x = (0..<n).map { _ in (next() * 10).rounded() / 10 }  // many ties
            for q in [0.0, 5, 25, 50, 75, 95, 100] {
                #expect(ReturnStatistics.percentile(x, q) == sortedPercentile(x, q), "n \(n) q \(q)")
            }
        }
        #expect(ReturnStatistics.percentile([], 5).isNaN)
        #expect(ReturnStatistics.percentile([1, .nan], 5).isNaN)
    }
}
