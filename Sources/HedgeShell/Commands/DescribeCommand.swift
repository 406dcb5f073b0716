import HedgeCore

/// `describe DATASET [vs TICKER]`: the data-quality report an analyst reads before trusting a regression.
struct DescribeCommand: ShellCommand {
    static let spec = CommandSpec(
        "describe", synopsis: "describe DATASET [vs TICKER]",
        summary: "Data quality per ticker (dates, rows, gaps, stale runs, bad prices, zero volumes, ±25% jumps, dividend steps) and plain-words warnings.",
        positionals: [Positional("DATASET", .object([.dataset]))],
        options: [OptionSpec("vs", .text, placeholder: "TICKER")],
        details: ["`vs` names the benchmark (default: QQQ, SPY or a ^index when the dataset has exactly one).",
                  "MISSING: prices missing inside the ticker's own range; LACKS: dates every other ticker has and it lacks;",
                  "STALE: runs of 5+ identical prices; BAD: zero, negative or infinite prices; JUMPS: daily returns beyond ±25%;",
                  "ADJ: days the Adj Close/Close ratio steps (dividends), when the data carry a Close."],
        examples: ["describe mag", "describe d vs QQQ"])

    var dataset: Token
    var benchmark: Token?

    init(_ arguments: ArgumentList) throws(ShellError) {
        dataset = arguments.positional[0]
        benchmark = arguments.value("vs")
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let object = try ws.require(dataset, as: DatasetObject.self, use: "describe")
        let panel = try object.including([.close], cancellation: context.cancellation).panel
        var chosen = DataQuality.likelyBenchmark(panel)
        if let benchmark {
            guard let index = panel.tickerIndex(benchmark.text) else {
                throw ShellError("\(dataset.text) has no ticker \(benchmark.text)", at: benchmark)
            }
            chosen = panel.tickers[index]
        }
        let report = DataQuality.describe(panel, benchmark: chosen)
        context.show(Self.text(report, name: dataset.text, style: context.style))
    }

    static func text(_ report: DataQualityReport, name: String, style: TextStyle) -> String {
        let hasVolume = report.tickers.contains { $0.missingVolumes > 0 || $0.zeroVolumeDays > 0 }
        let hasAdjusted = report.tickers.contains { $0.adjustmentDays != nil }
        var headers = ["FIRST", "LAST", "ROWS", "MISSING", "LACKS", "STALE", "BAD", "JUMPS"]
        if hasVolume { headers += ["NO VOLUME", "ZERO VOLUME"] }
        if hasAdjusted { headers += ["ADJ"] }
        let rows: [[String]] = report.tickers.map { q in
            var row = [q.first?.description ?? "-", q.last?.description ?? "-", "\(q.rows)", "\(q.missingPrices)",
                       "\(q.lacking)", "\(q.staleRuns.count)", "\(q.badPrices)", "\(q.bigReturns.count)"]
            if hasVolume { row += ["\(q.missingVolumes)", "\(q.zeroVolumeDays)"] }
            if hasAdjusted { row += [q.adjustmentDays.map(String.init) ?? "-"] }
            return row
        }
        let index = report.tickers.map { $0.ticker + ($0.ticker == report.benchmark ? " (benchmark)" : "") }
        var text = "\(style.name(name)): data quality of \(SeriesText.count(report.tickers.count, "ticker"))\n"
        text += TextTable(headers: headers, rows: rows, index: index).render()
        if report.warnings.isEmpty {
            text += "\nno warnings"
        } else {
            text += "\nwarnings:"
            for warning in report.warnings { text += "\n  - " + warning }
        }
        return text
    }

    /// `gist` of a dataset: its close is read only when a ticker has no price at all (the close then
    /// tells an empty Adj Close column from a ticker without data).
    static func gist(_ dataset: DatasetObject, name: String) throws(ShellError) -> String? {
        let noPrices = dataset.panel.values[.price]?.contains { $0.allSatisfy(\.isNaN) } ?? false
        return gist(noPrices ? try dataset.including([.close]).panel : dataset.panel, name: name)
    }

    /// One line for `load`: the first warning and how many more, pointing at `describe`; nil when clean.
    static func gist(_ panel: Panel, name: String) -> String? {
        let warnings = DataQuality.describe(panel, benchmark: DataQuality.likelyBenchmark(panel)).warnings
        guard let first = warnings.first else { return nil }
        let more = warnings.count - 1
        return "warning: \(first)" + (more > 0 ? " (and \(more) more)" : "") + "; see `describe \(name)`"
    }
}
