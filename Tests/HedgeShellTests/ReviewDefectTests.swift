import Foundation
import Testing
import HedgeCore
@testable import HedgeShell

/// Regression tests for the defects found on review (issue 8, defects 2–6).
@Suite struct ReviewDefectTests {
    /// A demo session with `e` (equal-weighted basket) and its length.
    func demo() -> (TestSession, Int) {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by equal exclude SYNIDX as e")
        return (t, t.session.workspace.value("e", as: SeriesObject.self)?.series.count ?? 0)
    }

    // Defect 2: non-finite results survive export, and a meaningless Sharpe ratio is flagged.
    @Test func aSingleRebalancePeriodExportsAnInfiniteSharpeWithItsSignAndWarns() throws {
        let (t, n) = demo()
        let run = t.run("backtest e vs d.SYNIDX rebalance \(n) as one")
        #expect(run.ok, "\(run.err)")
        let bt = try #require(t.session.workspace.value("one", as: BacktestObject.self))
        #expect(bt.result.sharpe.isInfinite)
        #expect(run.out.contains("Warning: the Sharpe ratio is not meaningful: it rests on 1 rebalance period"))
        #expect(t.run("export one to one.json").ok)
        let json = try #require(t.read("one.json"))
        #expect(json.contains("\"sharpe\": \"\(bt.result.sharpe > 0 ? "inf" : "-inf")\""), "\(json)")
        // Still valid JSON for any parser.
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
        #expect(Exporter.csvNumber(-.infinity) == "-inf" && Exporter.csvNumber(.nan) == "")
    }

    // Defect 3: every β of a multi-regressor hedge, and signs folded into the origin text.
    @Test func hedgeWithSeveralRegressorsPrintsEveryBeta() throws {
        let (t, _) = demo()
        #expect(t.run("regress e on d.SYNA d.SYNIDX as m").ok)
        let r = t.run("hedge e with m as h")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("\nBeta (d.SYNA): ") && r.out.contains("\nBeta (d.SYNIDX): "), "\(r.out)")
        #expect(!r.out.contains("− -"))
        #expect(HedgeCommand.formula("p", betas: [1.9733, -0.2535], regressors: ["m.QQQ", "m.AAPL"])
                == "p − 1.9733·m.QQQ + 0.2535·m.AAPL")
    }

    // Defect 4: the per-rebalance table prints as pandas does (fixtures from scripts/oracle/make_table_display.py).
    @Test(arguments: [3, 60, 61, 115])
    func theRebalanceTableMatchesPandas(rows n: Int) throws {
        let path = Repository.root.appendingPathComponent("Tests/HedgeShellTests/Golden/pandas_table_\(n).txt").path
        let expected = try #require(FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) })
        let steps = 1...n
        let values = steps.map { k in 1e6 + 12345.678 * Double(k) * (k % 2 == 0 ? 1 : -1) }
        let betas = steps.map { k in Double(k - 3) * 0.00299 }
        let table = BacktestObject.rebalanceTable(values: values, betas: betas)
        #expect("Portfolio and Beta values at each rebalancing:\n " + table.renderTruncated() + "\n" == expected)
    }

    @Test func showAllPrintsEveryRebalanceRow() throws {
        let (t, _) = demo()
        #expect(t.run("backtest e vs d.SYNIDX rebalance 5 as bt").ok)
        let rows = try #require(t.session.workspace.value("bt", as: BacktestObject.self)).result.reportedCount
        #expect(rows > TextTable.maximumRows)
        let short = t.run("show bt").out
        #expect(short.contains("\n[\(rows) rows x 3 columns]\n"))
        #expect(short.contains("\n..  "))
        let all = t.run("show bt all").out
        #expect(!all.contains("rows x 3 columns"))
        #expect(all.contains("\n\(rows - 1)  "), "the last row is shown")
    }

    // Defect 5: the clock and its time zone are injected.
    @Test func theSummaryTimeFollowsTheInjectedZoneNotTheMachine() {
        let moment = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21 14:13:20 UTC
        let utc = ShellEnvironment(now: { moment }, timeZone: TimeZone(identifier: "UTC"))
        let tokyo = ShellEnvironment(now: { moment }, timeZone: TimeZone(identifier: "Asia/Tokyo"))
        #expect(utc.summaryTimestamp() == SummaryTimestamp(date: "Mon, 21 Sep 2026", time: "14:13:20"))
        #expect(tokyo.summaryTimestamp() == SummaryTimestamp(date: "Mon, 21 Sep 2026", time: "23:13:20"))
    }

    // Defect 6: counts and wording say what is true.
    @Test func lsCountsTheTableRows() throws {
        let (t, _) = demo()
        #expect(t.run("backtest e vs d.SYNIDX as bt").ok)
        let r = try #require(t.session.workspace.value("bt", as: BacktestObject.self)).result
        #expect(r.reportedCount != r.portfolioValues.count, "the demo backtest has a partial last period")
        #expect(t.run("ls").out.contains("backtest  \(r.reportedCount) steps"))
    }

    @Test func singularCounts() {
        let t = TestSession()
        t.write("one.csv", "Date,A,B\n2024-01-02,1,2\n")
        let load = t.run("load one.csv as one")
        #expect(load.out.contains("one: dataset, 2 tickers × 1 day, "), "\(load.out)")
        t.write("two.csv", "Date,A,B\n2024-01-02,1,2\n2024-01-03,2,3\n")
        t.run("load two.csv as two")
        let regress = t.run("regress two.A on two.B")
        #expect(regress.err.contains("only 1 common date with"), "\(regress.err)")
    }

    @Test func plotModeErrorsUseTheWordTyped() {
        let (t, _) = demo()
        t.run("regress e on d.SYNIDX as m")
        #expect(t.run("plot-ascii m hist").err.contains("drop 'hist'"))
        #expect(t.run("help plot-ascii").out.contains("hist"))
    }

    @Test func namesStartWithALetter() {
        let (t, _) = demo()
        let r = t.run("weight d by equal as _x")
        #expect(!r.ok && r.err.contains("starting with a letter"))
    }

    @Test func theCommandWordIsPrintedOnce() throws {
        let t = TestSession()
        let start = try #require(Day(iso: "2024-01-01"))
        var csv = "Date,FLAT,MOVES\n"
        for i in 0..<40 { csv += "\(start.adding(days: i)),100,\(100 + i * i)\n" }
        t.write("c.csv", csv)
        t.run("load c.csv as c")
        let r = t.run("backtest c.MOVES vs c.FLAT rebalance 10")
        #expect(!r.ok)
        #expect(r.err.components(separatedBy: "backtest:").count == 2, "\(r.err)")
        #expect(r.err.hasPrefix("error: backtest: cannot fit beta"), "\(r.err)")
    }
}
