import Foundation
import Testing
@testable import HedgeShell
@testable import HedgeCore

/// `sweep` and `walkforward` at the prompt, on the demo data.
@Suite struct SweepCommandTests {
    static func session() -> TestSession {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by volume exclude SYNIDX as p")
        return t
    }

    @Test func sweepReportsRanksAndMatchesABacktest() throws {
        let t = Self.session()
        let r = t.run("sweep p vs d.SYNIDX rebalance 10..30 step 10 estimate 40,60 cost 0.0005 as sw")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("rebalance 10..30 step 10 (3) × estimate 40,60 (2) = 6 configurations"))
        #expect(r.out.contains("best by sharpe: "))
        #expect(r.out.contains("robustness: "))
        #expect(r.out.contains("sw: sweep, 6 configurations of method daily, long p / short d.SYNIDX"))
        // A cell equals the single backtest with its parameters (cost fixed at 0.0005).
        let object = try #require(t.session.workspace["sw"] as? SweepObject)
        let p = try #require(t.session.workspace["p"]?.asSeries)
        let bench = try t.session.workspace.series(Token("d.SYNIDX")).series
        for k in [0, 3, 5] {
            let v = object.result.grid.values(of: k)
            let single = try DailyBacktest.run(long: p, benchmark: bench, parameters: DailyBacktestParameters(
                rebalance: Int(v[0]), estimate: Int(v[1]), cost: 0.0005))
            #expect(object.result.rows[k].metrics == SweepMetric.values(of: single))
        }
        let show = t.run("show sw sort calmar top 2")
        #expect(show.ok && show.out.contains("Top 2 of 6 configurations by calmar"))
        #expect(!t.run("show p sort calmar").ok)
    }

    @Test func exportPlotAndSave() throws {
        let t = Self.session()
        #expect(t.run("sweep p vs d.SYNIDX rebalance 10,20 estimate 30..90 step 30 as sw").ok)
        let export = t.run("export sw to sw.csv")
        #expect(export.ok, "\(export.err)")
        let csv = try #require(t.read("sw.csv"))
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("rebalance,estimate,total_return,cagr,volatility,sharpe"))
        #expect(lines[1].hasPrefix("10,30,") || lines[1].hasPrefix("10.0,30.0,"))
        let plot = t.run("plot-ascii sw calmar ascii width 70 height 20")
        #expect(plot.ok, "\(plot.err)")
        #expect(plot.out.contains("calmar: worse ") && plot.out.contains("[@] best "))
        #expect(t.run("plot-ascii sw nonsense").err.contains("unknown metric 'nonsense'"))
        let one = t.run("sweep p vs d.SYNIDX cost 0..0.002 step 0.0005 as sc")
        #expect(one.ok)
        #expect(t.run("plot-ascii sc total_return ascii").out.contains("total_return by cost"))
        #expect(t.run("save session.hedge").ok)
        let saved = try #require(t.read("session.hedge"))
        #expect(saved.contains("sweep p vs d.SYNIDX rebalance 10,20 estimate 30..90 step 30 method daily as sw"))
    }

    @Test func errorsNameTheWordAtFault() {
        let t = Self.session()
        #expect(t.run("sweep p vs d.SYNIDX rebalance 2.5,5").err.contains("rebalance must be a whole number of days (got 2.5)"))
        #expect(t.run("sweep p vs d.SYNIDX rebalance 5..60 by 5").err.contains("rebalance takes a number, a range START..END step STEP or a list A,B,C"))
        #expect(t.run("sweep p vs d.SYNIDX rebalance 20").err.contains("give at least one parameter a range"))
        #expect(t.run("sweep p vs d.SYNIDX rebalance 1..400 estimate 20..300").err.contains("more than 100,000 configurations"))
        #expect(t.run("walkforward p vs d.SYNIDX cost 0,0.1 train 100 test 50 method notebook").err.contains("walkforward runs method daily only"))
        #expect(t.run("sweep p vs d.SYNIDX estimate 20,40 method notebook").err.contains("method notebook has no estimate parameter"))
    }

    @Test func walkforwardReportsFoldsAndIsASeries() throws {
        let t = Self.session()
        let r = t.run("walkforward p vs d.SYNIDX rebalance 10,20 estimate 40,60 train 200 test 100 metric sortino as wf")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("in-sample") && r.out.contains("out-of-sample") && r.out.contains("hindsight best"))
        let object = try #require(t.session.workspace["wf"] as? WalkForwardObject)
        #expect(object.result.folds.first?.fold.train.count == 200)
        #expect(t.run("regress wf on d.SYNIDX as m").ok)
        #expect(t.run("plot-ascii wf ascii width 70 height 16").out.contains("chosen rebalance per fold"))
        #expect(t.run("export wf to wf.csv").ok)
        #expect(t.read("wf.csv")?.hasPrefix("date,equity,return,long_notional,short_notional,beta,fold\n") == true)
        #expect(t.run("show wf.equity").ok)
        #expect(t.run("walkforward p vs d.SYNIDX rebalance 10,20 train 5000 test 10").err.contains("leaves no day to test"))
    }

    /// method notebook: each cell is the notebook backtest `backtest … method notebook` gives.
    @Test func notebookSweepCellsEqualNotebookBacktests() throws {
        let t = Self.session()
        let r = t.run("sweep p vs d.SYNIDX rebalance 20,30,45 cost 0,0.001 method notebook as nb")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("Sweep of method notebook") && r.out.contains("the notebook's own figures"))
        let object = try #require(t.session.workspace["nb"] as? SweepObject)
        let p = try #require(t.session.workspace["p"]?.asSeries)
        let bench = try t.session.workspace.series(Token("d.SYNIDX")).series
        for k in 0..<6 {
            let v = object.result.grid.values(of: k)
            let single = try NotebookBacktest.run(portfolio: p, benchmark: bench,
                                                  parameters: BacktestParameters(rebalance: Int(v[0]), cost: v[1]))
            let row = object.result.rows[k].metrics
            #expect(row[SweepMetric.sharpe.column] == single.sharpe)
            #expect(row[SweepMetric.totalReturn.column] == single.totalReturnPercent / 100)
            #expect(row[SweepMetric.cagr.column] == single.annualizedReturnPercent / 100)
            #expect(row[SweepMetric.volatility.column].isNaN)
        }
        #expect(t.run("plot-ascii nb sharpe ascii width 60 height 18").ok)
    }

    /// Ctrl-C (the session's cancellation) stops a sweep and leaves the workspace as it was.
    @Test func cancellingLeavesTheWorkspace() {
        let t = Self.session()
        let before = t.session.workspace.names
        let cancellation = t.session.cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel() }
        let r = t.run("sweep p vs d.SYNIDX rebalance 1..200 estimate 20..120 as big")
        #expect(!r.ok && r.err.contains("interrupted"))
        #expect(t.session.workspace.names == before)
    }
}
