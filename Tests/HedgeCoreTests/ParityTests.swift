import Foundation
import Testing
@testable import HedgeCore

/// Where the shared parity inputs live: `<repo>/../shared` (the reference JSONs and the Yahoo CSVs).
enum ParityFixtures {
    static let sharedDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HedgeCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo
        .deletingLastPathComponent()
        .appendingPathComponent("shared")
    static let referenceDirectory = sharedDirectory.appendingPathComponent("reference")
    static let dataDirectory = sharedDirectory.appendingPathComponent("data/yahoo")

    /// File names of every `reference/*.json`, sorted; empty when the directory is absent.
    static let referenceFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: referenceDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static let available = !referenceFiles.isEmpty
}

/// The oracle's JSON (`shared/oracle/seed_reference.py`), decoded with snake_case keys.
struct ParityReference: Decodable {
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
    struct Regression: Decodable {
        var nobs: Int
        var dfModel: Double
        var dfResid: Double
        var params: [Double]
        var bse: [Double]
        var tvalues: [Double]
        var pvalues: [Double]
        var confIntLow: [Double]
        var confIntHigh: [Double]
        var rsquared: Double
        var rsquaredAdj: Double
        var fvalue: Double
        var fPvalue: Double
        var llf: Double
        var aic: Double
        var bic: Double
        var durbinWatson: Double
        var omnibus: Double
        var omnibusP: Double
        var jarqueBera: Double
        var jarqueBeraP: Double
        var skew: Double
        var kurtosis: Double
        var condNo: Double
    }
    struct Backtest: Decodable {
        var portfolioValues: [Double]
        var betas: [Double]
        var lengthMismatchWarning: Bool
        var sharpe: Double
        var initial: Double
        var final: Double
        var totalReturnPct: Double
        var annualizedReturnPct: Double
        var benchmarkAnnualizedPct: Double
    }
    var params: Params
    var dates: [String]
    var weightsLast: [String: Double]
    var weightsFirstUsed: [String: Double]
    var portfolioReturns: [Double]
    var benchmarkReturns: [Double]
    var hedgedReturns: [Double]
    var regress: Regression
    var regressHedged: Regression
    var backtest: Backtest

    static func load(_ fileName: String) throws -> ParityReference {
        let data = try Data(contentsOf: ParityFixtures.referenceDirectory.appendingPathComponent(fileName))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ParityReference.self, from: data)
    }
}

/// Compares numbers and remembers the worst relative error per group.
///
/// Tolerances: 1e-9 relative by default; p-values 1e-6 relative, or both below 1e-300.
/// Quantities that are numerically zero in the reference (the hedged regression's slope, its t value,
/// R², F) are rounding noise whose digits carry no meaning, so they are compared with an absolute
/// tolerance of 1e-9 times the scale of the quantity: the slope against 1e-9 × its standard error,
/// t and R² and F (dimensionless, scale 1) against 1e-9.
struct ParityChecker {
    static let relativeTolerance = 1e-9
    static let pValueTolerance = 1e-6
    var worst: [String: Double] = [:]
    var checked = 0

    mutating func relative(_ group: String, _ what: String, _ got: Double, _ want: Double,
                           tolerance: Double = relativeTolerance, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        checked += 1
        let error = got == want ? 0 : abs(got - want) / max(abs(want), Double.leastNormalMagnitude)
        worst[group] = max(worst[group] ?? 0, error.isNaN ? .infinity : error)
        #expect(error <= tolerance, "\(group) \(what): got \(got), want \(want) (rel err \(error))", sourceLocation: sourceLocation)
    }

    mutating func pValue(_ group: String, _ what: String, _ got: Double, _ want: Double,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if got < 1e-300 && want < 1e-300 && got >= 0 && want >= 0 { checked += 1; return }
        relative(group, what, got, want, tolerance: Self.pValueTolerance, sourceLocation: sourceLocation)
    }

    /// For a numerically zero quantity: `|got - want| <= 1e-9 * scale`.
    mutating func nearZero(_ group: String, _ what: String, _ got: Double, _ want: Double, scale: Double,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        checked += 1
        let error = abs(got - want) / scale
        worst[group + " (near-zero, abs/scale)"] = max(worst[group + " (near-zero, abs/scale)"] ?? 0, error)
        #expect(error <= Self.relativeTolerance, "\(group) \(what): got \(got), want \(want) (abs err / scale \(error))",
                sourceLocation: sourceLocation)
    }

    mutating func series(_ group: String, _ got: [Double], _ want: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(got.count == want.count, "\(group): \(got.count) values, want \(want.count)", sourceLocation: sourceLocation)
        for (i, (g, w)) in zip(got, want).enumerated() { relative(group, "[\(i)]", g, w, sourceLocation: sourceLocation) }
    }

    mutating func weights(_ group: String, _ got: [String: Double]?, _ want: [String: Double],
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let got = got ?? [:]
        #expect(Set(got.keys) == Set(want.keys), "\(group): tickers \(got.keys.sorted()) vs \(want.keys.sorted())",
                sourceLocation: sourceLocation)
        for (ticker, w) in want.sorted(by: { $0.key < $1.key }) {
            relative(group, ticker, got[ticker] ?? .nan, w, sourceLocation: sourceLocation)
        }
    }

    /// Every statistic of a regression. When `hedged` is true the slope, its t value, R² and F are
    /// numerically zero and compared against their scale (see the type's comment).
    mutating func regression(_ group: String, _ got: OLSResult, _ want: ParityReference.Regression, hedged: Bool,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(got.nobs == want.nobs, "\(group) nobs", sourceLocation: sourceLocation)
        relative(group, "df_model", got.dfModel, want.dfModel, sourceLocation: sourceLocation)
        relative(group, "df_resid", got.dfResid, want.dfResid, sourceLocation: sourceLocation)
        let arrays: [(String, [Double], [Double])] = [
            ("params", got.params, want.params), ("bse", got.bse, want.bse), ("tvalues", got.tvalues, want.tvalues),
            ("conf_int_low", got.confIntLow, want.confIntLow), ("conf_int_high", got.confIntHigh, want.confIntHigh),
        ]
        for (name, g, w) in arrays {
            #expect(g.count == w.count, "\(group) \(name) length", sourceLocation: sourceLocation)
            for k in 0..<min(g.count, w.count) {
                if hedged && k == 1 && name == "params" {
                    nearZero(group, "params[1]", g[k], w[k], scale: want.bse[1], sourceLocation: sourceLocation)
                } else if hedged && k == 1 && name == "tvalues" {
                    nearZero(group, "tvalues[1]", g[k], w[k], scale: 1, sourceLocation: sourceLocation)
                } else {
                    relative(group, "\(name)[\(k)]", g[k], w[k], sourceLocation: sourceLocation)
                }
            }
        }
        #expect(got.pvalues.count == want.pvalues.count, "\(group) pvalues length", sourceLocation: sourceLocation)
        for k in 0..<min(got.pvalues.count, want.pvalues.count) {
            pValue(group, "pvalues[\(k)]", got.pvalues[k], want.pvalues[k], sourceLocation: sourceLocation)
        }
        if hedged {
            nearZero(group, "rsquared", got.rsquared, want.rsquared, scale: 1, sourceLocation: sourceLocation)
            nearZero(group, "fvalue", got.fvalue, want.fvalue, scale: 1, sourceLocation: sourceLocation)
        } else {
            relative(group, "rsquared", got.rsquared, want.rsquared, sourceLocation: sourceLocation)
            relative(group, "fvalue", got.fvalue, want.fvalue, sourceLocation: sourceLocation)
        }
        relative(group, "rsquared_adj", got.rsquaredAdj, want.rsquaredAdj, sourceLocation: sourceLocation)
        pValue(group, "f_pvalue", got.fPvalue, want.fPvalue, sourceLocation: sourceLocation)
        relative(group, "llf", got.llf, want.llf, sourceLocation: sourceLocation)
        relative(group, "aic", got.aic, want.aic, sourceLocation: sourceLocation)
        relative(group, "bic", got.bic, want.bic, sourceLocation: sourceLocation)
        relative(group, "durbin_watson", got.durbinWatson, want.durbinWatson, sourceLocation: sourceLocation)
        relative(group, "omnibus", got.omnibus, want.omnibus, sourceLocation: sourceLocation)
        pValue(group, "omnibus_p", got.omnibusP, want.omnibusP, sourceLocation: sourceLocation)
        relative(group, "jarque_bera", got.jarqueBera, want.jarqueBera, sourceLocation: sourceLocation)
        pValue(group, "jarque_bera_p", got.jarqueBeraP, want.jarqueBeraP, sourceLocation: sourceLocation)
        relative(group, "skew", got.skew, want.skew, sourceLocation: sourceLocation)
        relative(group, "kurtosis", got.kurtosis, want.kurtosis, sourceLocation: sourceLocation)
        relative(group, "cond_no", got.condNo, want.condNo, sourceLocation: sourceLocation)
    }

    func report(_ fileName: String) {
        for (group, error) in worst.sorted(by: { $0.key < $1.key }) {
            print("parity \(fileName): \(group): max error \(error)")
        }
        print("parity \(fileName): \(checked) numbers compared")
    }
}

@Suite("Notebook parity against shared/reference",
       .enabled(if: ParityFixtures.available, "parity skipped: no ../shared/reference/*.json next to the repository"))
struct ParityTests {
    /// The loaded panel and the reference's parameters, for one reference file.
    struct Inputs {
        var reference: ParityReference
        var panel: Panel
        var benchmark: String
        var parameters: BacktestParameters
    }

    func inputs(_ fileName: String) throws -> Inputs {
        let reference = try ParityReference.load(fileName)
        let p = reference.params
        let tickers = p.tickers.split(separator: ",").map(String.init) + [p.benchmark]
        let paths = tickers.map { ParityFixtures.dataDirectory.appendingPathComponent("\($0).csv").path }
        let start = try #require(Day(iso: p.start), "start \(p.start)")
        let panel = try PanelLoader.load(paths: paths, options: LoadOptions(from: start))
        let parameters = BacktestParameters(rebalance: p.rebalance, cost: p.cost, riskFreeRate: p.rf, capital: p.capital)
        return Inputs(reference: reference, panel: panel, benchmark: p.benchmark, parameters: parameters)
    }

    @Test("parity: load → returns → volume weights → alignment", arguments: ParityFixtures.referenceFiles)
    func parityOfReturnsAndWeights(fileName: String) throws {
        let inputs = try inputs(fileName)
        let reference = inputs.reference
        let window = reference.params.window
        let weighted = try Weighting.volume(inputs.panel.excluding([inputs.benchmark]), window: window)
        let benchmarkReturns = Returns.simple(try #require(inputs.panel.series(inputs.benchmark)))
        // Aligning by date replaces the notebook's positional [window-1:] / [window:] slices.
        let aligned = AlignedSeries([weighted.returns, benchmarkReturns])
        #expect(aligned.dates.map(\.description) == reference.dates, "parity dates")
        #expect(weighted.firstUsedWeightIndex == window - 1)
        var check = ParityChecker()
        check.series("portfolio_returns", aligned.columns[0], reference.portfolioReturns)
        check.series("benchmark_returns", aligned.columns[1], reference.benchmarkReturns)
        check.weights("weights_first_used", weighted.firstUsedWeights, reference.weightsFirstUsed)
        check.weights("weights_last", weighted.lastWeights, reference.weightsLast)
        check.report(fileName)
    }

    @Test("parity: OLS → hedge → OLS → notebook backtest", arguments: ParityFixtures.referenceFiles)
    func parityOfRegressionsHedgeAndBacktest(fileName: String) throws {
        let inputs = try inputs(fileName)
        let reference = inputs.reference
        // load → returns → weighting (benchmark excluded) → align → OLS → hedge → OLS → backtest
        let weighted = try Weighting.volume(inputs.panel.excluding([inputs.benchmark]), window: reference.params.window)
        let benchmarkReturns = Returns.simple(try #require(inputs.panel.series(inputs.benchmark)))
        let analysis = try Hedge.analyze(portfolio: weighted.returns, benchmark: benchmarkReturns)
        let backtest = try NotebookBacktest.run(dates: analysis.dates, long: analysis.portfolio.values,
                                                benchmark: analysis.benchmark.values, parameters: inputs.parameters)

        var check = ParityChecker()
        #expect(analysis.dates.map(\.description) == reference.dates, "parity dates")
        check.series("hedged_returns", analysis.hedged.values, reference.hedgedReturns)
        check.regression("regress", analysis.regression, reference.regress, hedged: false)
        check.regression("regress_hedged", analysis.hedgedRegression, reference.regressHedged, hedged: true)

        let want = reference.backtest
        check.series("backtest.portfolio_values", backtest.portfolioValues, want.portfolioValues)
        check.series("backtest.betas", backtest.betas, want.betas)
        #expect(backtest.lengthMismatchWarning == want.lengthMismatchWarning)
        check.relative("backtest.summary", "sharpe", backtest.sharpe, want.sharpe)
        check.relative("backtest.summary", "initial", backtest.initial, want.initial)
        check.relative("backtest.summary", "final", backtest.final, want.final)
        check.relative("backtest.summary", "total_return_pct", backtest.totalReturnPercent, want.totalReturnPct)
        check.relative("backtest.summary", "annualized_return_pct", backtest.annualizedReturnPercent, want.annualizedReturnPct)
        check.relative("backtest.summary", "benchmark_annualized_pct", backtest.benchmarkAnnualizedPercent, want.benchmarkAnnualizedPct)
        check.report(fileName)
    }
}
