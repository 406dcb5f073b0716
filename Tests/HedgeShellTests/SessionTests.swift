import Foundation
import Testing
import HedgeCore
@testable import HedgeShell

@Suite struct SessionTests {
    /// The demo flow, the way an analyst types it.
    func demoFlow(_ t: TestSession) {
        #expect(t.run("load demo as d").ok)
        #expect(t.run("weight d by volume exclude SYNIDX as p").ok)
        #expect(t.run("regress p on d.SYNIDX as m").ok)
        #expect(t.run("hedge p with m as h").ok)
        #expect(t.run("backtest p vs d.SYNIDX as bt").ok)
    }

    @Test func everyCommandReportsWhatItMade() {
        let t = TestSession()
        let load = t.run("load demo as d")
        #expect(load.out.contains("d: dataset, 8 tickers × "))
        #expect(load.out.contains("demo (synthetic)"))
        let weight = t.run("weight d by volume exclude SYNIDX")
        #expect(weight.out.hasPrefix("p1: series, volume-weighted d (window 30, excluding SYNIDX)"))
        #expect(weight.out.contains("named p1"))
        let regress = t.run("regress p1 on d.SYNIDX")
        #expect(regress.out.contains("OLS Regression Results"))
        #expect(regress.out.contains("Dep. Variable:"))
        #expect(regress.out.contains("m1: model, OLS of p1 on d.SYNIDX"))
        let hedge = t.run("hedge p1 with m1")
        #expect(hedge.out.contains("h1: series, p1 − "))
        let backtest = t.run("backtest p1 vs d.SYNIDX")
        #expect(backtest.out.contains("Sharpe Ratio: "))
        #expect(backtest.out.contains("Portfolio and Beta values at each rebalancing:"))
        #expect(backtest.out.contains("bt1: backtest, method notebook"))
        let ls = t.run("ls").out
        for name in ["d ", "p1 ", "m1 ", "h1 ", "bt1 "] { #expect(ls.contains("\n" + name)) }
    }

    @Test func reusingANameReplacesAndSaysSo() {
        let t = TestSession()
        t.run("load demo as d")
        #expect(t.run("weight d by equal as p").ok)
        let again = t.run("weight d by volume exclude SYNIDX as p")
        #expect(again.out.contains("replaced the previous p"))
        guard let s = t.session.workspace.value("p", as: SeriesObject.self) else { Issue.record("p missing"); return }
        #expect(s.origin?.hasPrefix("volume-weighted") == true)
    }

    @Test(arguments: [
        ("regress d on d.SYNIDX", "'d' is a dataset, not a series"),
        ("regress p on d.SYNIDY", "no ticker 'SYNIDY' (did you mean 'SYNIDX'?)"),
        ("regress p on q", "no series named 'q'"),
        ("hedge p with p", "'p' is a series, not a model"),
        ("weight p by volume", "'p' is a series, not a dataset"),
        ("weight d by volume exclude XYZ", "no ticker 'XYZ'"),
        ("show nothing", "no object named 'nothing'"),
        ("drop pp", "did you mean 'p'"),
        ("load /nonexistent/file.csv", "/nonexistent/file.csv"),
        ("load /nonexistent/*.csv", "no files match"),
        ("export p to /nonexistent-dir/p.csv", "cannot write"),
        ("regress p on d.SYNA.price d.SYNA.price", "regress:"),
        ("backtest p vs d.SYNIDX rebalance 100000", "backtest:"),
        ("frobnicate", "unknown command 'frobnicate'"),
        ("run missing.hedge", "no such file 'missing.hedge'"),
    ])
    func errorsAreOneLineAndLeaveTheWorkspaceUnchanged(line: String, expected: String) {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by volume exclude SYNIDX as p")
        let before = t.session.workspace
        let result = t.run(line)
        #expect(!result.ok)
        #expect(result.err.contains(expected), "\(line) → \(result.err)")
        #expect(result.err.hasPrefix("error: ") || result.err.contains(".hedge"))
        #expect(result.err.filter { $0 == "\n" }.count == 1, "one line: \(result.err)")
        let unchanged = t.session.workspace == before
        #expect(unchanged, "the workspace changed")
    }

    @Test func impossibleRegressionsAreErrors() {
        let t = TestSession()
        var csv = "Date,FLAT,MOVES\n"
        for (i, day) in ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"].enumerated() {
            csv += "\(day),100,\(100 + i * i)\n"
        }
        t.write("c.csv", csv)
        #expect(t.run("load c.csv as c").ok, "\(t.output.errors)")
        let constant = t.run("regress c.MOVES on c.FLAT")
        #expect(!constant.ok && constant.err.contains("regress:") && constant.err.contains("constant"), "\(constant.err)")
        t.write("short.csv", "Date,A,B\n2024-01-02,1,2\n2024-01-03,2,3\n2024-01-04,4,3\n")
        #expect(t.run("load short.csv as s").ok)
        let tooFew = t.run("regress s.A on s.B")
        #expect(!tooFew.ok && tooFew.err.contains("regress:"), "\(tooFew.err)")
        #expect(t.session.workspace.names == ["c", "s"])
    }

    @Test func aFailingCommandInALineStopsTheRestOfTheLine() {
        let t = TestSession()
        let r = t.run("load demo as d; weight d by nothing; weight d by equal as e")
        #expect(!r.ok)
        #expect(t.session.workspace["d"] != nil)
        #expect(t.session.workspace["e"] == nil)
    }

    @Test func dropAndRename() {
        let t = TestSession()
        demoFlow(t)
        #expect(t.run("rename p portfolio").out.contains("renamed series p to portfolio"))
        #expect(t.session.workspace["p"] == nil && t.session.workspace["portfolio"] != nil)
        #expect(t.run("drop h").ok)
        #expect(t.session.workspace["h"] == nil)
        #expect(t.run("regress portfolio on d.SYNIDX as m2").ok)
    }

    @Test func saveReplaysToTheSameWorkspace() throws {
        let t = TestSession()
        demoFlow(t)
        t.run("weight d by equal as scratch")
        t.run("drop scratch")
        t.run("rename h hedged")
        t.run("weight d by volume window 20 exclude SYNIDX as p")  // replaces p, which m and bt still depend on
        #expect(t.run("save session.hedge").ok)
        let script = try #require(t.read("session.hedge"))
        #expect(!script.contains("scratch"))

        let u = TestSession()
        u.write("session.hedge", script)
        #expect(u.run("run session.hedge").ok, "\(u.output.errors)")
        #expect(u.session.workspace.names == t.session.workspace.names)
        for name in t.session.workspace.names {
            #expect(contentFingerprint(u.session.workspace[name]) == contentFingerprint(t.session.workspace[name]),
                    "\(name) differs after replay")
        }
    }

    @Test func exportedCSVLoadsBackUnchanged() throws {
        let t = TestSession()
        demoFlow(t)
        #expect(t.run("export p to p.csv").ok)
        #expect(t.run("load p.csv as back").ok, "\(t.output.errors)")
        guard let original = t.session.workspace.value("p", as: SeriesObject.self),
              let back = t.session.workspace.value("back", as: DatasetObject.self) else { Issue.record("missing"); return }
        let loaded = try #require(back.panel.series(back.panel.tickers[0], field: .price))
        #expect(loaded.dates == original.series.dates)
        #expect(loaded.values == original.series.values)

        #expect(t.run("export d to d.csv").ok)
        #expect(t.run("export d.volume to v.csv").ok)
        #expect(t.run("load d.csv as d2").ok)
        #expect(t.run("load v.csv field volume as v2").ok)
        guard let d = t.session.workspace.value("d", as: DatasetObject.self), let d2 = t.session.workspace.value("d2", as: DatasetObject.self),
              let v2 = t.session.workspace.value("v2", as: DatasetObject.self) else { Issue.record("missing"); return }
        #expect(d2.panel.values[.price] == d.panel.values[.price])
        #expect(v2.panel.values[.volume] == d.panel.values[.volume])
        #expect(d2.panel.tickers == d.panel.tickers)
    }

    @Test func globsExpandSortedEvenInsideAQuotedDirectoryAndSaveRecordsTheFiles() throws {
        let t = TestSession()
        try FileManager.default.createDirectory(atPath: t.path("My Data"), withIntermediateDirectories: true)
        t.write("My Data/b.csv", "Date,Close,Volume\n2024-01-02,10,100\n2024-01-03,11,110\n")
        t.write("My Data/a.csv", "Date,Close,Volume\n2024-01-02,20,200\n2024-01-03,21,210\n")
        let r = t.run("load \"My Data\"/*.csv as two")
        #expect(r.ok, "\(r.err)")
        guard let d = t.session.workspace.value("two", as: DatasetObject.self) else { Issue.record("no dataset"); return }
        #expect(d.panel.tickers == ["A", "B"])
        #expect(t.run("save s.hedge").ok)
        let script = try #require(t.read("s.hedge"))
        #expect(script.contains("load \"\(t.path("My Data/a.csv"))\" \"\(t.path("My Data/b.csv"))\" as two"), "\(script)")
        #expect(!t.run("load \"My Data/*.csv\" as quoted").ok)  // fully quoted: a literal name, no such file
    }

    @Test func modelAndBacktestJSONHaveTheDocumentedKeys() throws {
        let t = TestSession()
        demoFlow(t)
        #expect(t.run("export m to m.json").ok)
        #expect(t.run("export bt to bt.json").ok)
        #expect(t.run("export bt to bt.csv").ok)
        let model = try JSONSerialization.jsonObject(with: Data(try #require(t.read("m.json")).utf8)) as? [String: Any]
        for key in ["kind", "nobs", "df_model", "df_resid", "params", "bse", "tvalues", "pvalues", "conf_int_low", "conf_int_high",
                    "rsquared", "rsquared_adj", "fvalue", "f_pvalue", "llf", "aic", "bic", "durbin_watson", "omnibus", "omnibus_p",
                    "jarque_bera", "jarque_bera_p", "skew", "kurtosis", "cond_no", "names"] {
            #expect(model?[key] != nil, "model JSON lacks \(key)")
        }
        #expect(model?["kind"] as? String == "ols")
        guard let m = t.session.workspace.value("m", as: ModelObject.self) else { Issue.record("no m"); return }
        // Foundation's JSON parser is not exactly round-trip on Linux; read the numbers with Double(String).
        #expect(jsonNumbers(try #require(t.read("m.json")), key: "params") == m.result.params)
        let bt = try JSONSerialization.jsonObject(with: Data(try #require(t.read("bt.json")).utf8)) as? [String: Any]
        for key in ["kind", "method", "portfolio_values", "betas", "sharpe", "initial", "final", "total_return_pct",
                    "annualized_return_pct", "benchmark_annualized_pct"] {
            #expect(bt?[key] != nil, "backtest JSON lacks \(key)")
        }
        guard let b = t.session.workspace.value("bt", as: BacktestObject.self) else { Issue.record("no bt"); return }
        #expect(jsonNumbers(try #require(t.read("bt.json")), key: "portfolio_values") == b.result.portfolioValues)
        #expect(t.read("bt.csv")?.hasPrefix("step,date,portfolio_value,beta\n") == true)
    }

    @Test func exportOverwritesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let t = TestSession()
        demoFlow(t)
        #expect(t.run("export p to p.csv").ok)
        #expect(t.run("export h to p.csv").ok)
        #expect(t.read("p.csv")?.hasPrefix("date,h\n") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: t.directory)
        #expect(files == ["p.csv"])
    }

    @Test func helpListsEveryCommandAndExplainsOne() {
        let t = TestSession()
        let all = t.run("help").out
        for name in CommandRegistry.names { #expect(all.contains("  \(name)")) }
        let backtest = t.run("help backtest").out
        #expect(backtest.contains("usage: backtest SERIES vs SERIES"))
        #expect(backtest.contains("method notebook"))
        #expect(!t.run("help nothing").ok)
    }

    @Test func quietSuppressesResultsButNotRequestedOutput() {
        let t = TestSession(quiet: true)
        #expect(t.run("load demo as d").out.isEmpty)
        #expect(!t.run("ls").out.isEmpty)
    }

    @Test func quitStopsTheLine() {
        let t = TestSession()
        t.run("quit; load demo as d")
        #expect(t.session.wantsQuit)
        #expect(t.session.workspace["d"] == nil)
    }

    @Test func interruptedCommandLeavesTheWorkspaceAsItWas() {
        let t = TestSession()
        t.run("load demo as d")
        let before = t.session.workspace
        t.write("slow.hedge", "weight d by equal as e\nweight d by volume as f\n")
        // A cancellation that arrives while the command runs: simulate by cancelling from inside the script's first command.
        t.session.cancellation.cancel()
        var draft = t.session.workspace
        #expect(throws: (any Error).self) {
            try t.session.replay(path: "slow.hedge", displayPath: "slow.hedge", into: &draft)
        }
        let unchanged = t.session.workspace == before
        #expect(unchanged, "the workspace changed")
    }
}

/// The numbers of a JSON array `"key": [ … ]`, parsed exactly.
func jsonNumbers(_ json: String, key: String) -> [Double]? {
    guard let start = json.range(of: "\"\(key)\": [") else { return nil }
    let rest = json[start.upperBound...]
    guard let end = rest.firstIndex(of: "]") else { return nil }
    return rest[..<end].split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
}

/// Everything that defines an object, as exported text (NaN-safe, unlike `==` on weights with NaN).
func contentFingerprint(_ object: (any WorkspaceValue)?) -> String {
    switch object {
    case let d as DatasetObject: return d.source + Exporter.csv(panel: d.panel, field: .price) + Exporter.csv(panel: d.panel, field: .volume)
    case let s as SeriesObject: return (s.origin ?? "") + Exporter.csv(series: s.series, column: s.series.name)
    case let m as ModelObject: return Exporter.json(model: m.result) + m.dates.map(\.description).joined()
    case let b as BacktestObject: return Exporter.json(backtest: b.result) + b.long + b.benchmark
    default: return "nil"
    }
}
