import Foundation
import Testing
@testable import HedgeCore

@Suite struct DailyBacktestOracleTests {
    static let fixtures = try? DailyFixtures.load()
    static var names: [String] { fixtures?.backtests.map(\.name) ?? [] }

    @Test func fixturesLoad() throws {
        let fixtures = try DailyFixtures.load()
        #expect(fixtures.backtests.count >= 8)
    }

    @Test(arguments: DailyBacktestOracleTests.names)
    func matchesOracle(_ name: String) throws {
        let fixture = try #require(Self.fixtures?.backtests.first { $0.name == name })
        let result = try DailyBacktest.run(
            long: fixture.long.series("long"), benchmark: fixture.benchmark.series("bench"), parameters: fixture.swiftParameters)
        let days = fixture.days
        #expect(result.dates.map(\.description) == days.date)
        try #require(result.days == days.date.count)
        var bad: [String] = []
        for i in 0..<result.days {
            for (label, a, b) in [("equity", result.equity[i], days.equity[i].value),
                                  ("return", result.returns[i], days.return[i].value),
                                  ("long", result.longNotional[i], days.long[i].value),
                                  ("short", result.shortNotional[i], days.short[i].value),
                                  ("beta", result.beta[i], days.beta[i].value)]
            where !close(a, b, rel: 1e-9, tinyBelow: 1e-12) {
                bad.append("\(days.date[i]) \(label): swift \(a) oracle \(b)")
            }
        }
        #expect(bad.isEmpty, "\(bad.prefix(5))")
        #expect(result.rebalances.map(\.date.description) == fixture.rebalances.date)
        for (k, r) in result.rebalances.enumerated() where k < fixture.rebalances.date.count {
            #expect(close(r.beta, fixture.rebalances.beta[k].value, rel: 1e-9))
            #expect(close(r.traded, fixture.rebalances.traded[k].value, rel: 1e-9))
            #expect(close(r.cost, fixture.rebalances.cost[k].value, rel: 1e-9, tinyBelow: 1e-12))
        }
        try expectSheet(result.tearSheet(), fixture.tear_sheet)
        for cut in fixture.cut_tear_sheets {
            try expectSheet(
                result.tearSheet(riskFreeRate: cut.rf, from: cut.from.flatMap { Day(iso: $0) }, to: cut.to.flatMap { Day(iso: $0) }),
                cut.sheet)
        }
    }

    /// The same run with OLS betas precomputed once (the sweep's path) gives identical results.
    @Test(arguments: DailyBacktestOracleTests.names)
    func precomputedBetasAgree(_ name: String) throws {
        let fixture = try #require(Self.fixtures?.backtests.first { $0.name == name })
        let inputs = try DailyBacktestInputs(long: fixture.long.series("long"), benchmark: fixture.benchmark.series("bench"))
        let parameters = fixture.swiftParameters
        let table = try OLSBetaTable(inputs, window: parameters.estimate)
        let plain = try DailyBacktest.run(inputs, parameters: parameters)
        let precomputed = try DailyBacktest.run(inputs, parameters: parameters, olsBetas: parameters.beta == .ols ? table : nil)
        #expect(plain == precomputed)
    }

    private func expectSheet(_ sheet: DailyTearSheet, _ expected: DailyFixtures.Sheet) throws {
        let bad = mismatches(sheet.hedged, expected.hedged, label: "hedged")
            + mismatches(sheet.unhedged, expected.unhedged, label: "unhedged")
            + mismatches(sheet.benchmark, expected.benchmark, label: "benchmark")
        #expect(bad.isEmpty, "\(bad)")
        let h = sheet.hedge, e = expected.hedge
        #expect(h.rebalances == e.rebalances)
        #expect(close(h.totalCosts, e.total_costs.value, rel: 1e-9, tinyBelow: 1e-12))
        #expect(close(h.annualizedTurnover, e.annualized_turnover.value, rel: 1e-9))
        #expect(close(h.hedgeEffectiveness, e.hedge_effectiveness.value, rel: 1e-9))
        #expect(close(h.meanBeta, e.mean_beta.value, rel: 1e-9))
    }
}

@Suite struct DailyBacktestBehaviourTests {
    static func day(_ s: String) -> Day { Day(iso: s) ?? Day(ordinal: 0) }
    static func dates(_ n: Int, from start: String = "2024-01-01") -> [Day] {
        (0..<n).map { day(start).adding(days: $0) }
    }

    /// Worked by hand: W = 1 is not allowed for OLS, so a fixed β; 3 rows, trading from row 1.
    @Test func handWorkedThreeDays() throws {
        let inputs = try DailyBacktestInputs(dates: Self.dates(3), long: [0.5, 0.10, -0.05], benchmark: [0.2, 0.04, 0.02])
        let p = DailyBacktestParameters(rebalance: 5, estimate: 1, beta: .fixed(0.5), cost: 0.01, riskFreeRate: 0,
                                        borrow: 0.252, capital: 100)
        let r = try DailyBacktest.run(inputs, parameters: p)
        // Row 1 rebalances: L* = 100, S* = 50, traded 150, cost 1.5, E = 98.5.
        // P&L: 100·0.10 − 50·0.04 + (98.5 − 100 + 50)·0 − 50·0.001 = 10 − 2 − 0.05 → E = 106.45.
        // Drift: L = 110, S = 52.
        // Row 2: 110·(−0.05) − 52·0.02 − 52·0.001 = −5.5 − 1.04 − 0.052 → E = 99.858.
        #expect(r.rebalances.count == 1)
        #expect(close(r.rebalances[0].traded, 150, rel: 1e-15))
        #expect(close(r.rebalances[0].cost, 1.5, rel: 1e-15))
        #expect(close(r.equity[0], 106.45, rel: 1e-14))
        #expect(close(r.longNotional[0], 110, rel: 1e-15) && close(r.shortNotional[0], 52, rel: 1e-15))
        #expect(close(r.equity[1], 99.858, rel: 1e-14))
        #expect(close(r.returns[0], 0.0645, rel: 1e-13))
        #expect(close(r.returns[1], 99.858 / 106.45 - 1, rel: 1e-13))
        #expect(r.dates == [Self.day("2024-01-02"), Self.day("2024-01-03")])
        #expect(r.beta == [0.5, 0.5])
    }

    /// Cash earns rf_d: with β = 0 and a zero long return, E grows by the daily rate on E − L.
    @Test func cashEarnsDailyRiskFree() throws {
        let inputs = try DailyBacktestInputs(dates: Self.dates(2), long: [0, 0], benchmark: [0.01, 0.03])
        let p = DailyBacktestParameters(rebalance: 1, estimate: 1, beta: .fixed(1), cost: 0, riskFreeRate: 0.05, capital: 1000)
        let r = try DailyBacktest.run(inputs, parameters: p)
        // L = 1000, S = 1000: cash = E − L + S = 1000 earns rf_d; short loses 1000·0.03.
        let rfd = pow(1.05, 1.0 / 252) - 1
        #expect(close(r.equity[0], 1000 - 30 + 1000 * rfd, rel: 1e-14))
    }

    @Test func rebalanceRowsStartAtWAndStepByN() throws {
        let n = 50
        let inputs = try DailyBacktestInputs(
            dates: Self.dates(n), long: (0..<n).map { 0.001 * Double($0 % 7) - 0.002 },
            benchmark: (0..<n).map { 0.001 * Double($0 % 5) - 0.001 })
        let r = try DailyBacktest.run(inputs, parameters: DailyBacktestParameters(rebalance: 7, estimate: 10))
        #expect(r.days == 40)
        #expect(r.rebalances.map(\.day) == [0, 7, 14, 21, 28, 35])
        #expect(r.dates.first == Self.day("2024-01-11"))
    }

    @Test func estimateLargerThanSampleIsAnError() throws {
        let inputs = try DailyBacktestInputs(dates: Self.dates(40), long: Array(repeating: 0.01, count: 40),
                                             benchmark: (0..<40).map { Double($0) / 1000 })
        #expect(throws: HedgeError.self) { try DailyBacktest.run(inputs, parameters: DailyBacktestParameters()) }
        do {
            _ = try DailyBacktest.run(inputs, parameters: DailyBacktestParameters())
        } catch let error as HedgeError {
            #expect(error.message.contains("estimate 60"))
            #expect(error.message.contains("40 aligned days"))
        }
    }

    @Test func betaSeriesWithNaNNamesTheDate() throws {
        let n = 20
        let inputs = try DailyBacktestInputs(dates: Self.dates(n), long: (0..<n).map { Double($0 % 3) / 100 },
                                             benchmark: (0..<n).map { Double($0 % 4) / 100 })
        let beta = Series(name: "roll", dates: [Self.day("2024-01-03"), Self.day("2024-01-08"), Self.day("2024-01-12")],
                          values: [1.1, .nan, 0.9])
        let p = DailyBacktestParameters(rebalance: 5, estimate: 5, beta: .series(beta))
        // Rebalances on 2024-01-06 (uses 01-03), 2024-01-11 (uses 01-08: NaN).
        #expect {
            try DailyBacktest.run(inputs, parameters: p)
        } throws: { error in
            let message = (error as? HedgeError)?.message ?? ""
            return message.contains("2024-01-08") && message.contains("2024-01-11") && message.contains("roll")
        }
    }

    @Test func betaSeriesStartingLateNamesTheDate() throws {
        let n = 20
        let inputs = try DailyBacktestInputs(dates: Self.dates(n), long: (0..<n).map { Double($0 % 3) / 100 },
                                             benchmark: (0..<n).map { Double($0 % 4) / 100 })
        let beta = Series(name: "roll", dates: [Self.day("2024-01-06")], values: [1.0])
        let p = DailyBacktestParameters(rebalance: 5, estimate: 5, beta: .series(beta))
        // The first rebalance is on 2024-01-06: the series has no date strictly before it.
        #expect {
            try DailyBacktest.run(inputs, parameters: p)
        } throws: { error in
            ((error as? HedgeError)?.message ?? "").contains("no value before 2024-01-06")
        }
    }

    /// Gaps in a β series are filled by the last date before the rebalance.
    @Test func betaSeriesUsesLastDateBefore() throws {
        let n = 20
        let inputs = try DailyBacktestInputs(dates: Self.dates(n), long: (0..<n).map { Double($0 % 3) / 100 },
                                             benchmark: (0..<n).map { Double($0 % 4) / 100 })
        let beta = Series(name: "roll", dates: [Self.day("2024-01-02"), Self.day("2024-01-11"), Self.day("2024-01-16")],
                          values: [1.1, 0.7, 0.9])
        let r = try DailyBacktest.run(inputs, parameters: DailyBacktestParameters(rebalance: 5, estimate: 5, beta: .series(beta)))
        // Rebalance dates 01-06, 01-11, 01-16: strictly before → 01-02, 01-02, 01-11.
        #expect(r.rebalances.map(\.beta) == [1.1, 1.1, 0.7])
    }

    @Test func equityWipedOutNamesTheDate() throws {
        let inputs = try DailyBacktestInputs(dates: Self.dates(4), long: [0, 0, -0.2, 0], benchmark: [0, 0, 0.5, 0])
        let p = DailyBacktestParameters(rebalance: 10, estimate: 1, beta: .fixed(3), cost: 0, riskFreeRate: 0)
        // From 2024-01-02: L = E, S = 3E. On 2024-01-03: −0.2·E − 1.5·E < −E.
        #expect {
            try DailyBacktest.run(inputs, parameters: p)
        } throws: { error in
            let message = (error as? HedgeError)?.message ?? ""
            return message.contains("wiped out") && message.contains("2024-01-03")
        }
    }

    @Test func zeroVarianceBenchmarkWindowNamesTheDate() throws {
        let n = 12
        let benchmark = (0..<n).map { $0 < 6 ? 0.01 : Double($0) / 100 }
        let inputs = try DailyBacktestInputs(dates: Self.dates(n), long: (0..<n).map { Double($0) / 200 }, benchmark: benchmark)
        let p = DailyBacktestParameters(rebalance: 3, estimate: 5)
        #expect {
            try DailyBacktest.run(inputs, parameters: p)
        } throws: { error in
            let message = (error as? HedgeError)?.message ?? ""
            return message.contains("do not vary") && message.contains("2024-01-06")
        }
        // The precomputed table reports the same.
        let table = try OLSBetaTable(inputs, window: 5)
        #expect(table.betas[5].isNaN && table.betas[6].isNaN && table.betas[7].isFinite)
        #expect(throws: HedgeError.self) { try DailyBacktest.run(inputs, parameters: p, olsBetas: table) }
    }

    @Test func invalidParametersAreErrors() throws {
        let inputs = try DailyBacktestInputs(dates: Self.dates(100), long: (0..<100).map { Double($0 % 3) / 100 },
                                             benchmark: (0..<100).map { Double($0 % 4) / 100 })
        for p in [DailyBacktestParameters(rebalance: 0), DailyBacktestParameters(estimate: 1),
                  DailyBacktestParameters(cost: 1), DailyBacktestParameters(riskFreeRate: -1),
                  DailyBacktestParameters(borrow: -0.1), DailyBacktestParameters(capital: 0),
                  DailyBacktestParameters(beta: .fixed(.nan)),
                  DailyBacktestParameters(from: Self.day("2024-03-01"), to: Self.day("2024-02-01"))] {
            #expect(throws: HedgeError.self) { try DailyBacktest.run(inputs, parameters: p) }
        }
        let wrongTable = try OLSBetaTable(inputs, window: 20)
        #expect(throws: HedgeError.self) { try DailyBacktest.run(inputs, parameters: DailyBacktestParameters(), olsBetas: wrongTable) }
    }

    @Test func cancellationStopsTheRun() throws {
        let n = 2000
        let inputs = try DailyBacktestInputs(dates: Self.dates(n), long: (0..<n).map { Double($0 % 3) / 1000 },
                                             benchmark: (0..<n).map { Double($0 % 4) / 1000 })
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: HedgeError("interrupted")) {
            try DailyBacktest.run(inputs, parameters: DailyBacktestParameters(), cancellation: cancellation)
        }
    }
}
