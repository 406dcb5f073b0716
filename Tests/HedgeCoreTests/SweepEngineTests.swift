import Foundation
import Testing
@testable import HedgeCore

/// Synthetic aligned returns: a benchmark with a slow wave and noise, a long leg with β ≈ 1.3.
enum SweepTestData {
    static func pair(count: Int = 700, seed: UInt64 = 7) -> (long: Series, benchmark: Series) {
        var random = ChartTestData.LCG(state: seed)
        let dates = ChartTestData.weekdays(count)
        let rb = (0..<count).map { i in 0.0004 + 0.003 * sin(Double(i) / 40) + 0.011 * random.normal() }
        let rp = rb.enumerated().map { i, b in 0.0006 + (1.3 + 0.3 * sin(Double(i) / 90)) * b + 0.008 * random.normal() }
        return (Series(name: "LONG", dates: dates, values: rp), Series(name: "BENCH", dates: dates, values: rb))
    }

    static func inputs() throws -> DailyBacktestInputs {
        let (long, bench) = pair()
        return try DailyBacktestInputs(long: long, benchmark: bench)
    }

    /// The OLS slope of y on x over rows lo..<hi, written out (two-pass, centred).
    static func slope(_ y: [Double], _ x: [Double], _ lo: Int, _ hi: Int) -> Double {
        let n = Double(hi - lo)
        let mx = x[lo..<hi].reduce(0, +) / n, my = y[lo..<hi].reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in lo..<hi { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        return sxy / sxx
    }
}

@Suite struct SweepEngineTests {
    static let axes = [SweepAxis(name: "rebalance", values: [5, 10, 21, 30]),
                       SweepAxis(name: "estimate", values: [20, 40, 60]),
                       SweepAxis(name: "cost", values: [0, 0.0005, 0.002])]

    /// Sweep cells (corners and a sample) equal single backtests built independently from the parameters.
    @Test func cellsEqualSingleBacktests() async throws {
        let (long, bench) = SweepTestData.pair()
        let base = DailyBacktestParameters(riskFreeRate: 0.03, borrow: 0.01)
        let sweep = try ParameterSweep(inputs: try SweepTestData.inputs(), base: base, axes: Self.axes)
        let result = try await sweep.run(workers: 2)
        #expect(result.rows.count == 36 && result.failures.isEmpty)
        let corners = [0, 2, 6, 8, 27, 29, 33, 35]
        for k in corners + [13, 17, 22] {
            let v = sweep.grid.values(of: k)
            let p = DailyBacktestParameters(rebalance: Int(v[0]), estimate: Int(v[1]), cost: v[2], riskFreeRate: 0.03, borrow: 0.01)
            let single = try DailyBacktest.run(long: long, benchmark: bench, parameters: p)
            let sheet = single.tearSheet()
            let expected = SweepMetric.values(sheet.hedged, sheet.hedge)
            for (a, b) in zip(result.rows[k].metrics, expected) {
                #expect(close(a, b, rel: 1e-12), "configuration \(k) \(v)")
            }
        }
    }

    @Test func theSameInAnyOrderOfScheduling() async throws {
        let sweep = try ParameterSweep(inputs: try SweepTestData.inputs(), base: DailyBacktestParameters(), axes: Self.axes)
        let one = try await sweep.run(workers: 1)
        let two = try await sweep.run(workers: 3)
        #expect(one.rows == two.rows)
    }

    /// `window`: β from a rolling OLS window inside a longer history, equal to a β series computed here.
    @Test func windowSweepIsARollingBetaSeries() async throws {
        let (long, bench) = SweepTestData.pair()
        let inputs = try SweepTestData.inputs()
        let sweep = try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(rebalance: 15, estimate: 80),
                                       axes: [SweepAxis(name: "window", values: [20, 50, 80])])
        let result = try await sweep.run(workers: 2)
        for (k, w) in [20, 50, 80].enumerated() {
            // The rolling β on date index d: slope over rows d−w+1 … d.
            let values = inputs.dates.indices.map { d in
                d + 1 >= w ? SweepTestData.slope(inputs.long, inputs.benchmark, d + 1 - w, d + 1) : .nan
            }
            let series = Series(name: "β", dates: inputs.dates, values: values)
            let single = try DailyBacktest.run(long: long, benchmark: bench,
                                               parameters: DailyBacktestParameters(rebalance: 15, estimate: 80, beta: .series(series)))
            for (a, b) in zip(result.rows[k].metrics, SweepMetric.values(of: single)) { #expect(close(a, b, rel: 1e-9)) }
        }
        // With window = estimate it is beta ols.
        let ols = try DailyBacktest.run(long: long, benchmark: bench, parameters: DailyBacktestParameters(rebalance: 15, estimate: 80))
        for (a, b) in zip(result.rows[2].metrics, SweepMetric.values(of: ols)) { #expect(close(a, b, rel: 1e-9)) }
    }

    @Test func failuresAndChecks() async throws {
        let inputs = try SweepTestData.inputs()
        #expect(throws: HedgeError("rebalance must be a whole number of days (got 2.5)")) {
            try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: [SweepAxis(name: "rebalance", values: [2.5, 5])])
        }
        #expect(throws: HedgeError("cost must be in [0, 1) (got 1.0)")) {
            try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: [SweepAxis(name: "cost", values: [0, 1])])
        }
        #expect(throws: HedgeError("window 90 is longer than estimate 60: the first rebalance would have no β")) {
            try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: [SweepAxis(name: "window", values: [30, 90])])
        }
        #expect(throws: HedgeError("beta is not a numeric backtest parameter; sweep one of: rebalance, estimate, cost, rf, borrow, capital, window")) {
            try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: [SweepAxis(name: "beta", values: [1])])
        }
        // An estimate longer than the sample fails that configuration only.
        let sweep = try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: [SweepAxis(name: "estimate", values: [60, 800])])
        let result = try await sweep.run()
        #expect(result.failures.map(\.index) == [1])
        #expect(result.values(.sharpe)[0].isFinite && result.values(.sharpe)[1].isNaN)
        #expect(result.ranking(by: .sharpe) == [0, 1] && result.best(by: .sharpe) == 0)
    }

    @Test func rankingHeatmapAndRobustness() async throws {
        let sweep = try ParameterSweep(inputs: try SweepTestData.inputs(), base: DailyBacktestParameters(), axes: Self.axes)
        let result = try await sweep.run()
        let sharpe = result.values(.sharpe)
        let ranking = result.ranking(by: .sharpe)
        #expect(zip(ranking, ranking.dropFirst()).allSatisfy { sharpe[$0] >= sharpe[$1] })
        let volatility = result.values(.volatility)
        #expect(result.best(by: .volatility) == volatility.indices.min { volatility[$0] < volatility[$1] })
        // Heatmap over rebalance × cost at the best estimate.
        let best = try #require(result.best(by: .sharpe))
        let map = result.heatmap(.sharpe, rows: 0, columns: 2)
        let anchor = sweep.grid.indices(of: best)
        for r in 0..<4 { for c in 0..<3 { #expect(map.cells[r][c] == sharpe[sweep.grid.flatIndex([r, anchor[1], c])]) } }
        #expect(result.heldAxes(by: .sharpe, keeping: [0, 2]).map(\.name) == ["estimate"])
        let robustness = try #require(result.robustness(by: .sharpe))
        #expect(robustness.bestIndex == best)
    }
}

@Suite struct WalkForwardEngineTests {
    /// An independent reference of the stitched walk-forward with one configuration: the daily loop of
    /// issue 9 written out, positions closed and re-established (with costs) at each test segment's start.
    static func reference(_ inputs: DailyBacktestInputs, rows: Range<Int>, segmentStarts: Set<Int>, rebalance: Int,
                          estimate: Int, cost: Double, rf: Double, capital: Double) -> [Double] {
        let rp = inputs.long, rb = inputs.benchmark
        let rfd = pow(1 + rf, 1.0 / 252) - 1
        var e = capital, l = 0.0, s = 0.0, next = rows.lowerBound
        var equity: [Double] = []
        for t in rows {
            if segmentStarts.contains(t) { l = 0; s = 0; next = t }
            if t == next {
                next += rebalance
                let beta = SweepTestData.slope(rp, rb, t - estimate, t)
                let targetLong = e, targetShort = beta * e
                e -= cost * (abs(targetLong - l) + abs(targetShort - s))
                l = targetLong; s = targetShort
            }
            e += l * rp[t] - s * rb[t] + (e - l + s) * rfd
            l *= 1 + rp[t]; s *= 1 + rb[t]
            equity.append(e)
        }
        return equity
    }

    /// One candidate, no cost, the test length a multiple of the rebalance: the stitched curve is that
    /// configuration's backtest over the same days.
    @Test func oneCandidateWithoutCostIsTheBacktest() async throws {
        let (long, bench) = SweepTestData.pair()
        let inputs = try SweepTestData.inputs()
        let base = DailyBacktestParameters(rebalance: 21, estimate: 60, cost: 0)
        let sweep = try ParameterSweep(inputs: inputs, base: base, axes: [SweepAxis(name: "rebalance", values: [21])])
        let wf = try await WalkForward.run(sweep: sweep, train: 126, test: 63, metric: .sharpe, workers: 2)
        let firstTest = 60 + 126
        #expect(wf.stitched.dates.first == inputs.dates[firstTest] && wf.stitched.days == 700 - firstTest)
        var p = base
        p.from = inputs.dates[firstTest - 60]
        let single = try DailyBacktest.run(long: long, benchmark: bench, parameters: p)
        #expect(single.dates == wf.stitched.dates)
        for (a, b) in zip(wf.stitched.equity, single.equity) { #expect(close(a, b, rel: 1e-9)) }
        #expect(wf.folds.count == 9 && wf.folds.last?.fold.test.count == 700 - firstTest - 8 * 63)
        #expect(wf.folds.allSatisfy { $0.chosen == 0 })
        // The in-sample metric of each fold is the configuration's backtest on its training days.
        let fold = wf.folds[3]
        var q = base
        q.from = inputs.dates[fold.fold.train.lowerBound - 60]; q.to = fold.trainLast
        let training = try DailyBacktest.run(long: long, benchmark: bench, parameters: q)
        #expect(close(fold.inSample, SweepMetric.values(of: training)[SweepMetric.sharpe.column], rel: 1e-12))
    }

    /// With costs the stitched curve differs from the backtest by the re-establishment at each fold's
    /// start; the reference simulates exactly that.
    @Test func oneCandidateWithCostPaysReestablishment() async throws {
        let inputs = try SweepTestData.inputs()
        let base = DailyBacktestParameters(rebalance: 20, estimate: 50, cost: 0.002, riskFreeRate: 0.01)
        let sweep = try ParameterSweep(inputs: inputs, base: base, axes: [SweepAxis(name: "cost", values: [0.002])])
        let wf = try await WalkForward.run(sweep: sweep, train: 100, test: 50, metric: .calmar)
        let starts = Set(wf.folds.map(\.fold.test.lowerBound))
        let expected = Self.reference(inputs, rows: 150..<700, segmentStarts: starts, rebalance: 20, estimate: 50,
                                      cost: 0.002, rf: 0.01, capital: 1_000_000)
        #expect(wf.stitched.equity.count == expected.count)
        for (a, b) in zip(wf.stitched.equity, expected) { #expect(close(a, b, rel: 1e-9)) }
        // Rebalances: each segment re-establishes on its first day, then every 20 days within it.
        #expect(wf.stitched.rebalances.count == wf.folds.reduce(0) { $0 + ($1.fold.test.count + 19) / 20 })
        #expect(wf.stitched.rebalances.allSatisfy { close($0.cost, 0.002 * $0.traded, rel: 1e-12) })
    }

    /// Several candidates: each fold takes the best training backtest, computed here independently.
    @Test func foldsChooseTheBestTrainingConfiguration() async throws {
        let (long, bench) = SweepTestData.pair()
        let inputs = try SweepTestData.inputs()
        let axes = [SweepAxis(name: "rebalance", values: [5, 10, 20, 40]), SweepAxis(name: "estimate", values: [30, 60])]
        let sweep = try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: axes)
        let wf = try await WalkForward.run(sweep: sweep, train: 150, test: 60, metric: .sortino)
        #expect(wf.folds.first?.fold.train == 60..<210)
        for fold in [wf.folds[0], wf.folds[wf.folds.count - 1]] {
            var best = (index: -1, value: -Double.infinity)
            for k in 0..<sweep.grid.count {
                let v = sweep.grid.values(of: k)
                let p = DailyBacktestParameters(rebalance: Int(v[0]), estimate: Int(v[1]),
                                                from: inputs.dates[fold.fold.train.lowerBound - Int(v[1])], to: fold.trainLast)
                let sortino = try DailyBacktest.run(long: long, benchmark: bench, parameters: p).tearSheet().hedged.sortino
                if sortino > best.value { best = (k, sortino) }
            }
            #expect(fold.chosen == best.index && close(fold.inSample, best.value, rel: 1e-12))
        }
        // The stitched returns chain: each segment starts from the previous one's equity.
        for fold in wf.folds.dropFirst() {
            let i = wf.stitched.dates.firstIndex(of: fold.testFirst)!
            #expect(close(wf.stitched.returns[i], wf.stitched.equity[i] / wf.stitched.equity[i - 1] - 1, rel: 1e-12))
        }
        // Hindsight: the best configuration over the same test days.
        let hindsight = (0..<sweep.grid.count).map { k -> Double in
            let v = sweep.grid.values(of: k)
            let p = DailyBacktestParameters(rebalance: Int(v[0]), estimate: Int(v[1]), from: inputs.dates[210 - Int(v[1])])
            return (try? DailyBacktest.run(long: long, benchmark: bench, parameters: p).tearSheet().hedged.sortino) ?? .nan
        }
        #expect(wf.hindsightBest == hindsight.indices.max { hindsight[$0] < hindsight[$1] })
    }

    @Test func trainLongerThanTheSampleIsAnError() async throws {
        let sweep = try ParameterSweep(inputs: try SweepTestData.inputs(), base: DailyBacktestParameters(),
                                       axes: [SweepAxis(name: "rebalance", values: [10, 20])])
        await #expect(throws: HedgeError("train 700 days leaves no day to test: the sample has 640 usable days (train must be below that)")) {
            try await WalkForward.run(sweep: sweep, train: 700, test: 20, metric: .sharpe)
        }
    }
}

/// Sweep cells against the independent pandas oracle of `method daily` (`Fixtures/daily/cases.json`):
/// each fixture's parameters are one cell of a sweep that also holds other values, compared at 1e-9.
@Suite struct SweepOracleTests {
    @Test func cellsMatchThePandasOracle() async throws {
        let fixtures = try DailyFixtures.load()
        var checked = 0
        for fixture in fixtures.backtests where fixture.parameters.beta != "series" {
            let p = fixture.swiftParameters
            let inputs = try DailyBacktestInputs(long: fixture.long.series("long"), benchmark: fixture.benchmark.series("bench"))
            let axes = [SweepAxis(name: "rebalance", values: Array(Set([Double(p.rebalance), Double(p.rebalance + 7)])).sorted()),
                        SweepAxis(name: "cost", values: Array(Set([p.cost, p.cost + 0.001])).sorted())]
            let sweep = try ParameterSweep(inputs: inputs, base: p, axes: axes)
            let result = try await sweep.run(workers: 2)
            let k = sweep.grid.flatIndex([axes[0].values.firstIndex(of: Double(p.rebalance))!, axes[1].values.firstIndex(of: p.cost)!])
            let row = result.rows[k].metrics
            let sheet = fixture.tear_sheet
            let expected: [(SweepMetric, Double)] = [
                (.totalReturn, sheet.hedged.total_return.value), (.cagr, sheet.hedged.cagr.value),
                (.volatility, sheet.hedged.volatility.value), (.sharpe, sheet.hedged.sharpe.value),
                (.sortino, sheet.hedged.sortino.value), (.maxDrawdown, sheet.hedged.max_drawdown.value),
                (.calmar, sheet.hedged.calmar.value), (.hitRate, sheet.hedged.hit_rate.value),
                (.var95, sheet.hedged.var95.value), (.cvar95, sheet.hedged.cvar95.value),
                (.skew, sheet.hedged.skew.value), (.excessKurtosis, sheet.hedged.excess_kurtosis.value),
                (.longestDrawdownDays, Double(sheet.hedged.longest_drawdown_days)),
                (.rebalances, Double(sheet.hedge.rebalances)), (.totalCosts, sheet.hedge.total_costs.value),
                (.annualizedTurnover, sheet.hedge.annualized_turnover.value),
                (.hedgeEffectiveness, sheet.hedge.hedge_effectiveness.value), (.meanBeta, sheet.hedge.mean_beta.value)]
            for (metric, value) in expected {
                #expect(close(row[metric.column], value, rel: 1e-9, tinyBelow: 1e-15), "\(fixture.name) \(metric.rawValue)")
            }
            checked += 1
        }
        #expect(checked >= 3)
    }
}
