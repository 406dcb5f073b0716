// `hedge-bench backtest`: the notebook backtest on a portfolio and a benchmark of the seed's size
// (about 600 trading days, the portfolio starting `window` days after the benchmark, as after `weight`).
import Foundation
import HedgeCore

func benchmarkBacktest(arguments: [String]) throws {
    var days = 600
    var iterations = 20_000
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--days": days = Int(value) ?? days
        case "--iterations": iterations = max(1, Int(value) ?? iterations)
        default: throw HedgeError("hedge-bench backtest: unknown option \(arguments[k])")
        }
        k += 2
    }
    var generator = SplitMix(state: 42)
    let dates = (0..<days).map { Day(ordinal: 19_000 + $0 * 7 / 5) }
    let benchmarkValues = (0..<days).map { _ in Double.random(in: -0.02...0.02, using: &generator) }
    let benchmark = Series(name: "QQQ", dates: dates, values: benchmarkValues)
    let portfolio = Series(name: "p", dates: Array(dates[30...]),
                           values: benchmarkValues[30...].map { 1.2 * $0 + Double.random(in: -0.01...0.01, using: &generator) })
    for (label, body) in [
        ("AlignedSeries (2 series, \(days) dates)", { () throws -> Double in AlignedSeries([portfolio, benchmark]).columns[0][0] }),
        ("NotebookBacktest.run (align + backtest)", { () throws -> Double in
            try NotebookBacktest.run(portfolio: portfolio, benchmark: benchmark).final }),
    ] as [(String, () throws -> Double)] {
        var checksum = 0.0
        let cpuStarted = threadCPUSeconds()
        let started = ContinuousClock.now
        for _ in 0..<iterations { checksum += try body() }
        let wall = seconds(ContinuousClock.now - started) / Double(iterations)
        let cpu = (threadCPUSeconds() - cpuStarted) / Double(iterations)
        print("backtest: \(label): \(format(wall * 1e6, 2)) µs per call wall, \(format(cpu * 1e6, 2)) µs CPU (\(iterations) calls, checksum \(checksum))")
    }
}
