import Foundation
import Testing
import HedgeCore
@testable import HedgeShell

/// The product path — the shell's own commands, typed as an analyst types them — against the
/// notebook's numbers in `../shared/reference/*.json` (the core's parity tests check the same numbers
/// step by step; this checks that the commands wire those steps together the same way).
@Suite(.enabled(if: Repository.hasSharedData, "../shared is absent: skipping the shell parity tests"))
struct ShellParityTests {
    struct Reference: Decodable {
        struct Params: Decodable {
            var tickers: String, benchmark: String, start: String
            var window: Int, rebalance: Int, cost: Double, rf: Double, capital: Double
        }
        struct Regression: Decodable {
            var params: [Double], bse: [Double], pvalues: [Double], rsquared: Double, fvalue: Double, llf: Double, durbin_watson: Double
        }
        struct Backtest: Decodable {
            var portfolio_values: [Double], betas: [Double], sharpe: Double, final: Double, annualized_return_pct: Double
        }
        var params: Params
        var dates: [String]
        var hedged_returns: [Double]
        var regress: Regression
        var backtest: Backtest
    }

    static var referenceFiles: [String] {
        let directory = Repository.shared.appendingPathComponent("reference").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    func close(_ got: Double, _ want: Double, _ what: String) {
        #expect(abs(got - want) <= 1e-9 * max(abs(want), 1e-300), "parity \(what): \(got) vs \(want)")
    }

    @Test("parity: the shell's load, weight, regress, hedge and backtest commands", arguments: referenceFiles)
    func shellCommandsReproduceTheNotebook(file: String) throws {
        let data = try Data(contentsOf: Repository.shared.appendingPathComponent("reference/\(file)"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        let p = reference.params
        let files = (p.tickers.split(separator: ",").map(String.init) + [p.benchmark])
            .map { Token.shellWord(Repository.shared.appendingPathComponent("data/yahoo/\($0).csv").path) }
        let t = TestSession(quiet: true)
        for line in [
            "load \(files.joined(separator: " ")) from \(p.start) as data",
            "weight data by volume window \(p.window) exclude \(p.benchmark) as portfolio",
            "regress portfolio on data.\(p.benchmark) as model",
            "hedge portfolio with model as hedged",
            "backtest portfolio vs data.\(p.benchmark) rebalance \(p.rebalance) cost \(p.cost) rf \(p.rf) capital \(p.capital) as bt",
        ] {
            #expect(t.run(line).ok, "\(line): \(t.output.errors)")
        }
        guard let model = t.session.workspace.value("model", as: ModelObject.self), let hedged = t.session.workspace.value("hedged", as: SeriesObject.self),
              let bt = t.session.workspace.value("bt", as: BacktestObject.self) else {
            Issue.record("the commands did not build model, hedged and bt"); return
        }
        #expect(model.dates.map(\.description) == reference.dates)
        let r = model.result, want = reference.regress
        for k in 0..<2 {
            close(r.params[k], want.params[k], "params[\(k)]")
            close(r.bse[k], want.bse[k], "bse[\(k)]")
            #expect(abs(r.pvalues[k] - want.pvalues[k]) <= 1e-6 * want.pvalues[k] || max(r.pvalues[k], want.pvalues[k]) < 1e-300)
        }
        for (got, w, what) in [(r.rsquared, want.rsquared, "rsquared"), (r.fvalue, want.fvalue, "fvalue"), (r.llf, want.llf, "llf"),
                               (r.durbinWatson, want.durbin_watson, "durbin_watson")] {
            close(got, w, what)
        }
        #expect(hedged.series.dates.map(\.description) == reference.dates)
        for (got, w) in zip(hedged.series.values, reference.hedged_returns) { close(got, w, "hedged_returns") }
        #expect(hedged.series.count == reference.hedged_returns.count)
        #expect(bt.result.portfolioValues.count == reference.backtest.portfolio_values.count)
        for (got, w) in zip(bt.result.portfolioValues, reference.backtest.portfolio_values) { close(got, w, "portfolio_values") }
        for (got, w) in zip(bt.result.betas, reference.backtest.betas) { close(got, w, "betas") }
        close(bt.result.sharpe, reference.backtest.sharpe, "sharpe")
        close(bt.result.final, reference.backtest.final, "final")
        close(bt.result.annualizedReturnPercent, reference.backtest.annualized_return_pct, "annualized_return_pct")
    }
}
