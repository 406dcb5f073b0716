import HedgeCore

/// `weight DATASET by volume|equal [window N] [exclude T1,T2] [as NAME]`: a portfolio return series.
struct WeightCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "weight", synopsis: "weight DATASET by volume|equal [window N] [exclude T1,T2] [as NAME]",
        summary: "Build a portfolio return series from a dataset's daily simple returns.",
        positionals: [Positional("DATASET", .object([.dataset]))],
        options: [OptionSpec("by", .choice(["volume", "equal"]), placeholder: "volume|equal", required: true),
                  OptionSpec("window", .number, placeholder: "N"),
                  OptionSpec("exclude", .tickers, placeholder: "T1,T2", repeats: true),
                  .asName],
        details: ["volume: weights are the N-day rolling mean volume, normalized across the basket and lagged one day (the notebook's method). Default window \(WeightingScheme.notebookWindow).",
                  "equal: every available ticker weighs the same.",
                  "Every date from position N on is in the series; a day on which no ticker has both a lagged weight and a return counts as 0.0, as the notebook's sum does (the output says how many)."],
        examples: ["weight d by volume exclude QQQ as p"])

    var dataset: Token
    var scheme: WeightingScheme
    /// Tickers left out of the basket, with the word that named each (for errors).
    var excluded: [(ticker: String, token: Token)]
    var name: String?

    var exclude: [String] { excluded.map(\.ticker) }

    init(_ arguments: ArgumentList) throws(ShellError) {
        dataset = arguments.positional[0]
        let window = try arguments.integer("window", range: 1...100_000, meaning: "the rolling window must be at least 1 day")
        switch try arguments.choice("by") {
        case "equal":
            if let token = arguments.value("window") {
                throw ShellError("'window' applies to 'by volume' only", at: token)
            }
            scheme = .equal
        default:
            scheme = .volume(window: window ?? WeightingScheme.notebookWindow)
        }
        excluded = (arguments.values("exclude") ?? []).flatMap { token in
            token.text.split(separator: ",").map { (String($0), token) }
        }
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(dataset.text).option("by", scheme.methodName).option("window", scheme.window)
            .option("exclude", exclude.isEmpty ? nil : exclude.joined(separator: ",")).option("as", name)
    }

    /// `volume-weighted d (window 30, excluding QQQ)`, `equal-weighted d (all tickers)`.
    var origin: String {
        var details: [String] = []
        if let window = scheme.window { details.append("window \(window)") }
        if !exclude.isEmpty { details.append("excluding \(exclude.joined(separator: ","))") }
        if details.isEmpty { details.append("all tickers") }
        return "\(scheme.methodName)-weighted \(dataset.text) (\(details.joined(separator: ", ")))"
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let data = try ws.require(dataset, as: DatasetObject.self)
        for (ticker, token) in excluded where data.panel.tickerIndex(ticker) == nil {
            throw ShellError("dataset '\(dataset.text)' has no ticker '\(ticker)'\(Suggestion.hint(for: ticker, in: data.panel.tickers)) to exclude", at: token)
        }
        guard data.panel.tickers.contains(where: { !exclude.contains($0) }) else {
            throw ShellError("nothing left in the basket after exclude", at: dataset)
        }
        if let problem = UndefinedReturns.problem(in: data.panel, excluding: Set(exclude)) {
            throw ShellError(problem + " (see `describe \(dataset.text)`)", at: dataset)
        }
        let portfolio = try Weighting.portfolio(data.panel, scheme: scheme, excluding: Set(exclude),
                                                cancellation: context.cancellation)
        guard !portfolio.returns.isEmpty else {
            throw ShellError("no dates with weights (the dataset has \(SeriesText.count(data.panel.dates.count, "day"))\(scheme.window.map { "; window \($0) needs more" } ?? ""))", at: dataset)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "p")
        resolved.name = finalName
        let series = portfolio.returns.renamed(finalName)
        let replaced = ws.store(SeriesObject(series: series, origin: origin, portfolio: portfolio),
                                as: finalName, by: resolved, inputs: [dataset.text])
        guard !context.isQuiet else { return }
        var text = "\(context.style.name(finalName)): series, \(origin), \(SeriesText.count(series.count, "day")), \(SeriesText.range(series.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  " + SeriesText.statistics(series)
        if let last = portfolio.lastWeights, let day = series.last {
            text += "\n  weights on \(day): " + SeriesText.weightList(last)
        }
        let unweighted = portfolio.daysWithoutWeightedConstituent
        if unweighted > 0 {
            text += "\n  \(SeriesText.count(unweighted, "day")) with no weighted constituent \(unweighted == 1 ? "counts" : "count") as 0.0, as the notebook does"
        }
        context.say(text)
    }
}
