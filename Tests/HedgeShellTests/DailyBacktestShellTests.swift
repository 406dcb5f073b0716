import Foundation
import HedgeCore
import Testing
@testable import HedgeShell

@Suite struct DailyBacktestShellTests {
    /// A session with the demo data and a volume-weighted basket `p`.
    func demo() -> TestSession {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by volume exclude SYNIDX as p")
        return t
    }

    func object(_ t: TestSession, _ name: String) throws -> DailyBacktestObject {
        try #require(t.session.workspace.value(name, as: DailyBacktestObject.self))
    }

    @Test func runsAndMatchesTheCore() throws {
        let t = demo()
        let run = t.run("backtest p vs d.SYNIDX method daily rebalance 21 estimate 40 borrow 0.01 cost 0.0005 as daily")
        #expect(run.ok, "\(run.err)")
        #expect(run.out.contains("Daily mark-to-market backtest: long p, short β × d.SYNIDX"))
        #expect(run.out.contains("hedged  unhedged  benchmark"))
        #expect(run.out.contains("Rebalances:"))
        #expect(run.out.contains("daily: daily-backtest, method daily"))
        let shell = try object(t, "daily").result
        let p = try #require(t.session.workspace.value("p", as: SeriesObject.self)).series
        let d = try #require(t.session.workspace.value("d", as: DatasetObject.self))
        let bench = try #require(try d.part("SYNIDX", of: "d")?.asSeries)
        let core = try DailyBacktest.run(long: p, benchmark: bench, parameters: DailyBacktestParameters(
            rebalance: 21, estimate: 40, cost: 0.0005, borrow: 0.01))
        #expect(shell.equity == core.equity && shell.rebalances == core.rebalances)
        let listing = t.run("ls").out.split(separator: "\n").first { $0.hasPrefix("daily ") }
        #expect(listing?.contains(" daily-backtest ") == true)
    }

    @Test func notebookBacktestSaysWhatItReproduces() {
        let t = demo()
        let out = t.run("backtest p vs d.SYNIDX as nb").out
        #expect(out.contains("method notebook reproduces the notebook's backtest exactly"))
        #expect(out.contains("`method daily` is the corrected method"))
    }

    @Test func csvExportHasOneRowPerDayAndRoundTrips() throws {
        let t = demo()
        t.run("backtest p vs d.SYNIDX method daily as bt")
        #expect(t.run("export bt to bt.csv").ok)
        let text = try #require(t.read("bt.csv"))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "date,equity,return,long_notional,short_notional,beta")
        let r = try object(t, "bt").result
        #expect(lines.count == r.days + 1)
        let cells = lines[1].split(separator: ",").map(String.init)
        #expect(cells[0] == r.dates[0].description)
        #expect(Double(cells[1]) == r.equity[0] && Double(cells[2]) == r.returns[0])
        #expect(Double(cells[3]) == r.longNotional[0] && Double(cells[4]) == r.shortNotional[0] && Double(cells[5]) == r.beta[0])
    }

    @Test func jsonExportHasParametersMetricsDaysAndRebalances() throws {
        let t = demo()
        t.run("backtest p vs d.SYNIDX method daily beta fixed 1.25 rebalance 10 estimate 5 as bt")
        #expect(t.run("export bt to bt.json").ok)
        let data = try #require(t.read("bt.json")?.data(using: .utf8))
        struct Export: Decodable {
            struct Parameters: Decodable { let beta: String; let beta_value: Double?; let estimate: Int; let rebalance: Int }
            struct Metrics: Decodable { let hedged: [String: Double]; let unhedged: [String: Double]; let benchmark: [String: Double] }
            struct Days: Decodable { let date: [String]; let equity: [Double] }
            struct Rebalances: Decodable { let cost: [Double] }
            let kind: String
            let parameters: Parameters
            let metrics: Metrics
            let days: Days
            let rebalances: Rebalances
        }
        let json = try JSONDecoder().decode(Export.self, from: data)
        #expect(json.kind == "daily_backtest")
        #expect(json.parameters.beta == "fixed" && json.parameters.beta_value == 1.25)
        #expect(json.parameters.estimate == 5 && json.parameters.rebalance == 10)
        let r = try object(t, "bt").result
        #expect(json.metrics.hedged["sharpe"] == r.tearSheet().hedged.sharpe)
        #expect(json.metrics.hedged["mean_beta"] == 1.25)
        #expect(json.metrics.unhedged["cagr"] == r.tearSheet().unhedged.cagr)
        #expect(json.days.equity == r.equity && json.days.date.count == r.days)
        #expect(json.rebalances.cost == r.rebalances.map(\.cost))
    }

    @Test func saveWritesEveryParameterAndReplays() throws {
        let t = demo()
        #expect(t.run("backtest p vs d.SYNIDX method daily rebalance 15 estimate 30 beta fixed 1.1 cost 0.002 rf 0.03 borrow 0.004 capital 5e5 from 2022-06-01 to 2024-06-30 as bt").ok)
        #expect(t.run("backtest p vs d.SYNIDX rebalance 21 as nb").ok)
        #expect(t.run("save s.hedge").ok)
        let saved = try #require(t.read("s.hedge"))
        #expect(saved.contains("backtest p vs d.SYNIDX rebalance 15 estimate 30 beta fixed 1.1 cost 0.002 rf 0.03 borrow 0.004 capital 500000.0 from 2022-06-01 to 2024-06-30 method daily as bt"))
        #expect(saved.contains("backtest p vs d.SYNIDX rebalance 21 cost 0.001 rf 0.02 capital 1000000.0 method notebook as nb"))
        let replay = TestSession()
        replay.write("s.hedge", saved)
        #expect(replay.run("run s.hedge").ok)
        #expect(try object(replay, "bt").result == object(t, "bt").result)
    }

    @Test func betaSeriesTakesTheLastValueBeforeEachRebalance() throws {
        let t = demo()
        // A β series on a few dates, loaded from a CSV; its raw values are `b.BETA.price`.
        t.write("beta.csv", "Date,BETA\n2022-01-03,1.5\n2022-06-01,1.2\n2023-01-02,0.9\n")
        #expect(t.run("load beta.csv as b").ok)
        let run = t.run("backtest p vs d.SYNIDX method daily beta b.BETA.price rebalance 30 as bt")
        #expect(run.ok, "\(run.err)")
        let r = try object(t, "bt").result
        for rebalance in r.rebalances {
            let expected = rebalance.date > Day(iso: "2023-01-02")! ? 0.9 : rebalance.date > Day(iso: "2022-06-01")! ? 1.2 : 1.5
            #expect(rebalance.beta == expected)
        }
        #expect(t.run("save s.hedge").ok)
        let saved = try #require(t.read("s.hedge"))
        #expect(saved.contains("beta b.BETA.price"))
        #expect(saved.contains("load "))
    }

    @Test func betaSeriesWithAMissingValueNamesTheDate() {
        let t = demo()
        t.write("beta.csv", "Date,BETA\n2022-01-03,1.5\n2022-06-01,\n2023-01-02,0.9\n")
        t.run("load beta.csv as b")
        let run = t.run("backtest p vs d.SYNIDX method daily beta b.BETA.price as bt")
        #expect(!run.ok)
        #expect(run.err.contains("2022-06-01"), "\(run.err)")
    }

    @Test func errorsSayWhatIsWrong() {
        let t = demo()
        let notebookOnly = t.run("backtest p vs d.SYNIDX estimate 20")
        #expect(!notebookOnly.ok && notebookOnly.err.contains("'estimate' applies to method daily only"))
        let tooLong = t.run("backtest p vs d.SYNIDX method daily estimate 5000")
        #expect(!tooLong.ok && tooLong.err.contains("leaves no trading day"), "\(tooLong.err)")
        let badBeta = t.run("backtest p vs d.SYNIDX method daily beta fixed abc")
        #expect(!badBeta.ok && badBeta.err.contains("beta fixed must be a number"))
        let extra = t.run("backtest p vs d.SYNIDX method daily beta ols 2")
        #expect(!extra.ok && extra.err.contains("unexpected '2'"))
        let wiped = t.run("backtest p vs d.SYNIDX method daily beta fixed -40 rebalance 1000 estimate 2")
        #expect(!wiped.ok && wiped.err.contains("equity wiped out on"), "\(wiped.err)")
        let method = t.run("backtest p vs d.SYNIDX method weekly")
        #expect(!method.ok && method.err.contains("'method' takes notebook or daily"))
    }

    @Test func statsPutsColumnsSideBySide() throws {
        let t = demo()
        t.run("backtest p vs d.SYNIDX method daily as daily")
        t.run("backtest p vs d.SYNIDX as nb")
        let run = t.run("stats nb daily p rf 0.03 from 2023-01-01 as perf")
        #expect(run.ok, "\(run.err)")
        let header = try #require(run.out.split(separator: "\n").first)
        #expect(header.contains("nb") && header.contains("daily") && header.contains("p (unhedged)")
                && header.contains("d.SYNIDX (benchmark)"))
        #expect(run.out.contains("nb: notebook backtest: its own figures per 30-day rebalancing period"))
        let table = try #require(t.session.workspace.value("perf", as: StatsTableObject.self)).table
        let daily = try object(t, "daily").result
        let sheet = daily.tearSheet(riskFreeRate: 0.03, from: Day(iso: "2023-01-01"))
        #expect(table.columns[1][.sharpe] == sheet.hedged.sharpe)
        #expect(table.columns[2][.sharpe] == sheet.unhedged.sharpe)
        #expect(table.columns[3][.maxDrawdown] == sheet.benchmark.maxDrawdown)
        let nb = try #require(t.session.workspace.value("nb", as: BacktestObject.self)).result
        #expect(table.columns[0][.sharpe] == nb.sharpe)
        // A plain series without `vs` has no β.
        #expect(table.columns[4].values[.beta] == nil && table.columns[4][.days] == sheet.hedged.days.asDouble)
        #expect(t.run("export perf to perf.csv").ok)
        let csv = try #require(t.read("perf.csv"))
        #expect(csv.hasPrefix("metric,nb,daily,p (unhedged),d.SYNIDX (benchmark),p\n"))
        #expect(csv.contains("\nsharpe,\(nb.sharpe),\(sheet.hedged.sharpe),"))
        #expect(t.run("stats daily to direct.csv").ok)
        #expect(try #require(t.read("direct.csv")).hasPrefix("metric,daily,p (unhedged),d.SYNIDX (benchmark)\n"))
        #expect(t.run("export perf to perf.json").ok)
    }

    @Test func statsOfASeriesAgainstABenchmark() throws {
        let t = demo()
        let run = t.run("stats p vs d.SYNIDX as s")
        #expect(run.ok && run.out.contains("Beta"))
        let table = try #require(t.session.workspace.value("s", as: StatsTableObject.self)).table
        #expect(table.columns[0][.beta].isFinite)
        #expect(!t.run("stats p from 2030-01-01").ok)
    }

    @Test func showPlotAndParts() {
        let t = demo()
        t.run("backtest p vs d.SYNIDX method daily as bt")
        let show = t.run("show bt").out
        #expect(show.contains("Sortino") && show.contains("Hedge effectiveness") && show.contains("Rebalances:"))
        let plot = t.run("plot-ascii bt width 60 height 12")
        #expect(plot.ok && plot.out.contains("growth of 1,000,000"))
        let drawdown = t.run("plot-ascii bt drawdown width 60 height 12")
        #expect(drawdown.ok && drawdown.out.contains("drawdown"))
        #expect(t.run("regress bt.returns on d.SYNIDX as check").ok)
        #expect(t.run("plot-ascii bt.equity width 60 height 10").ok)
    }

    @Test func helpExplainsBothMethods() {
        let t = TestSession()
        let help = t.run("help backtest").out
        for phrase in ["method notebook", "method daily", "(β − 1)/2", "inverse asset", "whole allocations",
                       "look-ahead", "365 days", "population standard deviation", "beta ols", "borrow"] {
            #expect(help.contains(phrase), "\(phrase)")
        }
    }
}

private extension Int {
    var asDouble: Double { Double(self) }
}

@Suite struct DailyBacktestShellMoreTests {
    @Test func longRebalanceTablesAreTruncatedAsPandasDoes() {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by volume exclude SYNIDX as p")
        let out = t.run("backtest p vs d.SYNIDX method daily rebalance 1 as bt").out
        #expect(out.contains("\n..."))
        #expect(out.contains("rows x 4 columns]"))
        let show = t.run("show bt").out
        #expect(!show.contains("rows x 4 columns]"))
    }

    @Test func seriesColumnsShareTheBacktestsRiskFreeRate() throws {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by volume exclude SYNIDX as p")
        t.run("backtest p vs d.SYNIDX method daily rf 0.05 as bt")
        #expect(t.run("stats bt p as s").ok)
        let table = try #require(t.session.workspace.value("s", as: StatsTableObject.self)).table
        let p = try #require(t.session.workspace.value("p", as: SeriesObject.self)).series
        #expect(table.columns[3][.sharpe] == PerformanceStats(returns: p.droppingNaN().values, riskFreeRate: 0.05).sharpe)
    }

    @Test func parsesEveryDailyOption() throws {
        let line = "backtest p vs d.QQQ method daily rebalance 5 estimate 20 beta roll cost 0 rf 0.01 borrow 0.02 capital 1e6 from 2023-01-02 to 2024-12-31 as x"
        let parsed = try CommandRegistry.parse(Lexer.commands(in: line)[0])
        let command = try #require(parsed as? BacktestCommand)
        #expect(command.method == "daily")
        guard case .series(let token) = command.beta else { Issue.record("beta roll is not a series"); return }
        #expect(token.text == "roll")
        #expect(command.daily.rebalance == 5 && command.daily.estimate == 20 && command.daily.borrow == 0.02)
        #expect(command.daily.from == Day(iso: "2023-01-02") && command.daily.to == Day(iso: "2024-12-31"))
        #expect(command.replay.description == "backtest p vs d.QQQ rebalance 5 estimate 20 beta roll cost 0.0 rf 0.01 borrow 0.02 capital 1000000.0 from 2023-01-02 to 2024-12-31 method daily as x")
    }
}
