import Foundation
import Testing
@testable import HedgeCore

/// Parity on days with no weighted constituent (issue 8, defect 1): the notebook keeps every date from
/// position `window` on and sums nothing to 0.0. Fixtures: `Fixtures/parity/<case>/` holds small CSVs and
/// the notebook's output on them (`scripts/oracle/make_weight_parity.py` runs `shared/oracle/seed_reference.py`).
@Suite struct UnweightedDaysParityTests {
    static let cases = ["late_basket", "benchmark_only_date", "zero_volume"]

    /// The reference JSON, with NaN weights written as null.
    struct Reference: Decodable {
        struct Params: Decodable {
            var tickers: String
            var benchmark: String
            var start: String
            var window: Int
            var rebalance: Int
            var cost: Double
            var rf: Double
            var capital: Double
        }
        var params: Params
        var dates: [String]
        var weightsLast: [String: Num]
        var weightsFirstUsed: [String: Num]
        var portfolioReturns: [Double]
        var benchmarkReturns: [Double]
        var hedgedReturns: [Double]
        var regress: ParityReference.Regression
        var regressHedged: ParityReference.Regression
        var backtest: ParityReference.Backtest
        /// Days on which the notebook's row sum had no term (so gave 0.0).
        var unweightedDays: Int
    }

    static func directory(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/parity/\(name)")
    }

    struct Inputs {
        var reference: Reference
        var weighted: WeightedPortfolio
        var benchmarkReturns: Series
        var parameters: BacktestParameters
    }

    func inputs(_ name: String) throws -> Inputs {
        let directory = Self.directory(name)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let reference = try decoder.decode(Reference.self, from: Data(contentsOf: directory.appendingPathComponent("reference.json")))
        let p = reference.params
        let tickers = p.tickers.split(separator: ",").map(String.init) + [p.benchmark]
        let paths = tickers.map { directory.appendingPathComponent("\($0).csv").path }
        let start = try #require(Day(iso: p.start))
        let panel = try PanelLoader.load(paths: paths, options: LoadOptions(from: start))
        let weighted = try Weighting.volume(panel.excluding([p.benchmark]), window: p.window)
        let benchmarkReturns = Returns.simple(try #require(panel.series(p.benchmark)))
        return Inputs(reference: reference, weighted: weighted, benchmarkReturns: benchmarkReturns,
                      parameters: BacktestParameters(rebalance: p.rebalance, cost: p.cost, riskFreeRate: p.rf, capital: p.capital))
    }

    @Test("every date from position window on, 0.0 when nothing is weighted", arguments: cases)
    func returnsAndWeights(name: String) throws {
        let inputs = try inputs(name)
        let reference = inputs.reference
        let weighted = inputs.weighted
        #expect(weighted.returns.dates.map(\.description) == reference.dates)
        let aligned = AlignedSeries([weighted.returns, inputs.benchmarkReturns])
        #expect(aligned.dates.map(\.description) == reference.dates)
        var check = ParityChecker()
        check.series("portfolio_returns", aligned.columns[0], reference.portfolioReturns)
        check.series("benchmark_returns", aligned.columns[1], reference.benchmarkReturns)
        for (label, got, want) in [("weights_first_used", weighted.firstUsedWeights, reference.weightsFirstUsed),
                                   ("weights_last", weighted.lastWeights, reference.weightsLast)] {
            let got = try #require(got)
            #expect(Set(got.keys) == Set(want.keys))
            for (ticker, w) in want {
                let g = got[ticker] ?? 0
                if w.value.isNaN { #expect(g.isNaN, "\(label) \(ticker): got \(g), want NaN") } else { check.relative(label, ticker, g, w.value) }
            }
        }
        // Each case is built to have such days; the oracle counts them with pandas.
        #expect(reference.unweightedDays > 0)
        #expect(weighted.daysWithoutWeightedConstituent == reference.unweightedDays)
        check.report(name)
    }

    @Test("β, hedge and the notebook backtest with the 0.0 days kept", arguments: cases)
    func regressionsAndBacktest(name: String) throws {
        let inputs = try inputs(name)
        let reference = inputs.reference
        let analysis = try Hedge.analyze(portfolio: inputs.weighted.returns, benchmark: inputs.benchmarkReturns)
        #expect(analysis.dates.map(\.description) == reference.dates)
        var check = ParityChecker()
        check.series("hedged_returns", analysis.hedged.values, reference.hedgedReturns)
        check.regression("regress", analysis.regression, reference.regress, hedged: false)
        check.regression("regress_hedged", analysis.hedgedRegression, reference.regressHedged, hedged: true)
        let backtest = try NotebookBacktest.run(portfolio: inputs.weighted.returns, benchmark: inputs.benchmarkReturns,
                                                parameters: inputs.parameters)
        let want = reference.backtest
        check.series("backtest.portfolio_values", backtest.portfolioValues, want.portfolioValues)
        check.series("backtest.betas", backtest.betas, want.betas)
        #expect(backtest.lengthMismatchWarning == want.lengthMismatchWarning)
        check.relative("backtest.summary", "sharpe", backtest.sharpe, want.sharpe)
        check.relative("backtest.summary", "final", backtest.final, want.final)
        check.relative("backtest.summary", "total_return_pct", backtest.totalReturnPercent, want.totalReturnPct)
        check.relative("backtest.summary", "annualized_return_pct", backtest.annualizedReturnPercent, want.annualizedReturnPct)
        check.relative("backtest.summary", "benchmark_annualized_pct", backtest.benchmarkAnnualizedPercent, want.benchmarkAnnualizedPct)
        check.report(name)
    }
}
