import Foundation
import Testing
@testable import HedgeCore

@Suite struct NotebookBacktestTests {
    // Five returns, rebalance every 2: two full periods and a partial one.
    // long = 2 * benchmark + 0.001 exactly, so every 2-point fit is exact:
    // initial beta (long on benchmark) = 2; each period's beta of (long - benchmark)/2 on benchmark = 0.5.
    let benchmark: [Double] = [0.01, -0.02, 0.03, 0.01, -0.01]
    var long: [Double] { benchmark.map { 2 * $0 + 0.001 } }
    let dates = (0..<5).map { Day(ordinal: 19_000 + $0) }

    @Test func tinyCaseByHand() throws {
        let cost = 0.001
        let parameters = BacktestParameters(rebalance: 2, cost: cost, riskFreeRate: 0.02, capital: 1000)
        let result = try NotebookBacktest.run(dates: dates, long: long, benchmark: benchmark, parameters: parameters)
        let l = long, b = benchmark, keep = 1 - cost
        // Period 1 uses the initial split 1/3 : 2/3 (beta 2).
        let v1 = (1000.0 / 3 * (1 + l[0]) * (1 + l[1]) + 2000.0 / 3 * (1 - b[0]) * (1 - b[1])) * keep
        // Period 2 uses beta 0.5 from period 1: split 2/3 : 1/3.
        let v2 = (v1 * 2 / 3 * (1 + l[2]) * (1 + l[3]) + v1 / 3 * (1 - b[2]) * (1 - b[3])) * keep
        // The partial period keeps the split of period 2's beta (0.5).
        let v3 = (v2 * 2 / 3 * (1 + l[4]) + v2 / 3 * (1 - b[4])) * keep
        let expectedValues = [1000, v1, v2, v3]
        #expect(result.portfolioValues.count == 4)
        for (got, want) in zip(result.portfolioValues, expectedValues) { #expect(abs(got - want) < 1e-9) }
        #expect(result.betas.count == 3)
        for (got, want) in zip(result.betas, [2, 0.5, 0.5]) { #expect(abs(got - want) < 1e-9) }
        #expect(result.valueDates == [dates[0], dates[1], dates[3], dates[4]])
        #expect(result.lengthMismatchWarning)
        #expect(result.reportedCount == 3)
        #expect(result.reportedValues.count == 3 && result.reportedBetas.count == 3)
        #expect(result.initial == 1000)
        #expect(abs(result.final - v2) < 1e-9)  // the trimmed last value
        #expect(abs(result.totalReturnPercent - (v2 - 1000) / 1000 * 100) < 1e-9)
        #expect(abs(result.annualizedReturnPercent - (pow(v2 / 1000, 365.0 / 6) - 1) * 100) < 1e-6)
        let growth = b.reduce(1.0) { $0 * (1 + $1) }
        #expect(abs(result.benchmarkAnnualizedPercent - (pow(growth, 365.0 / 5) - 1) * 100) < 1e-6)
        // Sharpe uses all four values, untrimmed.
        let r = [v1 / 1000 - 1, v2 / v1 - 1, v3 / v2 - 1]
        let rf = pow(1.02, 2.0 / 365) - 1
        let ex = r.map { $0 - rf }
        let m = ex.reduce(0, +) / 3
        let sd = (ex.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 3).squareRoot()
        #expect(abs(result.sharpe - m / sd * (365.0 / 2).squareRoot()) < 1e-9)
        #expect(result.method == "notebook")
        #expect(result.parameters == parameters)
    }

    @Test func wholePeriodsGiveNoMismatch() throws {
        let parameters = BacktestParameters(rebalance: 2, cost: 0, riskFreeRate: 0, capital: 1)
        let result = try NotebookBacktest.run(dates: Array(dates[0..<4]), long: Array(long[0..<4]),
                                              benchmark: Array(benchmark[0..<4]), parameters: parameters)
        #expect(result.portfolioValues.count == 3 && result.betas.count == 3)
        #expect(!result.lengthMismatchWarning)
        #expect(result.final == result.portfolioValues[2])
    }

    @Test func seriesEntryPointAlignsByDate() throws {
        let p = Series(name: "p", dates: dates, values: long)
        let b = Series(name: "b", dates: dates, values: benchmark)
        let parameters = BacktestParameters(rebalance: 2)
        let viaSeries = try NotebookBacktest.run(portfolio: p, benchmark: b, parameters: parameters)
        let viaArrays = try NotebookBacktest.run(dates: dates, long: long, benchmark: benchmark, parameters: parameters)
        #expect(viaSeries == viaArrays)
    }

    @Test func invalidParametersAreRejected() {
        func run(_ p: BacktestParameters) throws { _ = try NotebookBacktest.run(dates: dates, long: long, benchmark: benchmark, parameters: p) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 1)) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 2, cost: 1)) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 2, cost: -0.1)) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 2, capital: 0)) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 2, riskFreeRate: .nan)) }
        #expect(throws: HedgeError.self) { try run(BacktestParameters(rebalance: 6)) }  // 5 returns < first window
        #expect(throws: HedgeError.self) {
            _ = try NotebookBacktest.run(dates: dates, long: long, benchmark: [0.1], parameters: BacktestParameters(rebalance: 2))
        }
    }
}
