#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// `stats NAME [NAME...] [vs SERIES] [rf X] [from D] [to D|FILE.csv] [as NAME]`: the tear sheet side by side.
struct StatsCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "stats", synopsis: "stats NAME [NAME...] [vs SERIES] [rf X] [from YYYY-MM-DD] [to YYYY-MM-DD|FILE.csv] [as NAME]",
        summary: "Risk and return figures side by side, one column per return series or backtest.",
        positionals: [Positional("NAME", .object([.series, .dailyBacktest, .backtest]), .oneOrMore)],
        options: [OptionSpec("vs", .object([.series]), placeholder: "SERIES"),
                  OptionSpec("rf", .number, placeholder: "X"), .from,
                  OptionSpec("to", .path, placeholder: "YYYY-MM-DD|FILE.csv"), .asName],
        details: [
            "Daily returns R over m days, 252 days a year, rf_d = (1 + rf)^(1/252) − 1: total return Π(1+R)−1; CAGR (1+total)^(252/m)−1;",
            "volatility std(R, ddof 1)·√252; Sharpe mean(R−rf_d)/std(R−rf_d)·√252; Sortino mean(R−rf_d)/√mean(min(R−rf_d,0)²)·√252;",
            "max drawdown of the wealth path (1 before the first day) and its longest underwater run in days; Calmar CAGR/|max drawdown|;",
            "β, correlation and annualized α (intercept × 252) against the benchmark; hit rate (share of days R > 0);",
            "VaR 95% (numpy's 5th percentile) and CVaR (mean of R ≤ VaR); skew and excess kurtosis as pandas; best and worst day.",
            "A daily backtest adds its unhedged long and its benchmark over the same days, and its rebalances, total costs,",
            "annualized turnover (Σ traded / mean equity × 252/m), hedge effectiveness 1 − var(R)/var(r_p) and mean β.",
            "A notebook backtest shows the notebook's own figures, per rebalancing period (from/to and rf do not apply to it).",
            "rf defaults to each daily backtest's own; series use the first daily backtest's, else 0.02. vs SERIES: the benchmark for series columns.",
            "to FILE.csv writes the table as CSV (raw fractions; keep it with `as NAME` and `export` for a date cut and a file).",
        ],
        examples: ["stats bt", "stats bt nb p rf 0.03 from 2024-01-01", "stats bt p vs d.QQQ as perf", "stats bt to perf.csv"])

    var names: [Token]
    var benchmark: Token?
    var riskFreeRate: Double?
    var from: Day?
    var to: Day?
    var file: Token?
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        names = arguments.positional
        benchmark = arguments.value("vs")
        riskFreeRate = try arguments.number("rf", valid: { $0 > -1 && $0 < 10 }, meaning: "rf is an annual rate such as 0.02")
        from = try arguments.date("from")
        if let token = arguments.value("to") {
            if token.text.lowercased().hasSuffix(".csv") {
                file = token
            } else {
                to = try arguments.date("to")
            }
        }
        if let from, let to, from > to {
            throw ShellError("'from \(from)' is after 'to \(to)'", at: arguments.command)
        }
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(names.map(\.text)).option("vs", benchmark?.text)
            .option("rf", riskFreeRate.map(NumberFormat.roundTrip)).option("from", from).option("to", to)
            .option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        var columns: [StatsColumn] = []
        var sources: [String] = []
        let bench = try benchmark.map { token throws(ShellError) in try ws.series(token) }
        if let bench { sources.append(bench.source) }
        // Plain series use the rf asked for, else the first daily backtest's, else 0.02, so columns compare.
        let dailies = names.compactMap { ws[$0.text] as? DailyBacktestObject }
        let firstDaily = dailies.first
        let seriesRiskFree = riskFreeRate ?? firstDaily?.result.parameters.riskFreeRate ?? 0.02
        for token in names {
            guard let (value, source) = try ws.resolve(token) else { _ = try ws.series(token); continue }
            sources.append(source)
            try context.cancellation.check()
            if let daily = value as? DailyBacktestObject {
                let sheet = daily.result.tearSheet(riskFreeRate: riskFreeRate, from: from, to: to)
                guard sheet.hedged.days > 0 else { throw ShellError("'\(token.text)' has no days in the range asked for", at: token) }
                columns.append(StatsColumn(name: token.text, stats: sheet.hedged, hedge: sheet.hedge))
                columns.append(StatsColumn(name: "\(daily.long) (unhedged)", stats: sheet.unhedged))
                columns.append(StatsColumn(name: "\(daily.benchmark) (benchmark)", stats: sheet.benchmark))
            } else if let notebook = value as? BacktestObject {
                let p = notebook.result.parameters
                columns.append(StatsColumn(
                    name: token.text,
                    note: "notebook backtest: its own figures per \(p.rebalance)-day rebalancing period (Days = periods, CAGR on a 365-day year, Sharpe as the notebook computes it); rf, from and to do not apply",
                    values: notebook.result.notebookStatsColumnValues))
            } else {
                let series = try ws.series(token).series.droppingNaN().filtered(from: from, to: to)
                guard series.count > 0 else { throw ShellError("'\(token.text)' has no values in the range asked for", at: token) }
                var returns = series.values
                var benchmarkReturns: [Double]? = nil
                if let bench {
                    let aligned = AlignedSeries([series, bench.series])
                    returns = aligned.columns[0]; benchmarkReturns = aligned.columns[1]
                    guard !returns.isEmpty else { throw ShellError("'\(token.text)' and '\(bench.label)' share no dates", at: token) }
                }
                let stats = PerformanceStats(returns: returns, benchmark: benchmarkReturns, riskFreeRate: seriesRiskFree)
                var column = StatsColumn(name: token.text, stats: stats)
                if benchmarkReturns == nil { for m in [StatsMetric.beta, .correlation, .alpha] { column.values[m] = nil } }
                columns.append(column)
            }
        }
        let table = StatsTable(columns: columns, riskFreeRate: riskFreeRate, from: from, to: to)
        var text = StatsText.render(table)
        if let file {
            do {
                try AtomicFile.write(StatsText.csv(table), to: context.environment.resolve(file.text))
            } catch {
                throw ShellError("cannot write '\(file.text)': \(error)", at: file)
            }
            text += "\nwrote the table to \(file.text)"
        }
        if let name {
            let replaced = ws.store(StatsTableObject(table: table), as: name, by: self, inputs: sources)
            text += "\n\(context.style.name(name)): stats" + context.nameNote(given: name, finalName: name, replaced: replaced)
        }
        context.show(text)
    }
}
