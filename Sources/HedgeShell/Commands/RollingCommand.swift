import HedgeCore

/// `rolling SERIES on SERIES [SERIES...] window N [min N] [from D] [to D] [as NAME]` and
/// `rolling SERIES on SERIES halflife H [from D] [to D] [as NAME]`: betas that move with time.
struct RollingCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "rolling", synopsis: "rolling SERIES on SERIES [SERIES...] (window N [min N] | halflife H) [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "Betas over time: OLS with an intercept over each window of N rows (statsmodels RollingOLS), or the EWMA beta cov/var with half-life H (pandas ewm).",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("on", .object([.series]), placeholder: "SERIES", repeats: true, required: true),
                  OptionSpec("window", .number, placeholder: "N"), OptionSpec("min", .number, placeholder: "N"),
                  OptionSpec("halflife", .number, placeholder: "H"), .from, .to, .asName],
        details: ["window N: α, each β, their standard errors and R² of the N rows ending on each date; NaN until the",
                  "  window fills. Rows are the dates all the series share; a NaN value is left out of the windows",
                  "  holding it, and min N (default: the number of parameters) is the fewest usable rows a window needs.",
                  "halflife H (one regressor): y.ewm(halflife=H).cov(x) / x.ewm(halflife=H).var(), as pandas computes it.",
                  "Parts: NAME.beta (NAME.beta.X with several regressors), NAME.alpha, NAME.rsquared are series.",
                  "plot-ascii NAME draws β with a ±2 s.e. band and the full-sample β; hedge S with NAME hedges with",
                  "  the previous day's β only."],
        examples: ["rolling p on d.QQQ window 60 as r", "rolling p on d.QQQ halflife 63 as ew"])

    var dependent: Token
    var regressors: [Token]
    var window: Int?
    var minimum: Int?
    var halflife: Double?
    var from: Day?
    var to: Day?
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        dependent = arguments.positional[0]
        regressors = arguments.values("on") ?? []
        window = try arguments.integer("window", range: 2...1_000_000, meaning: "a window of at least 2 rows")
        minimum = try arguments.integer("min", range: 2...1_000_000, meaning: "at least 2 observations")
        halflife = try arguments.number("halflife", valid: { $0 > 0 && $0.isFinite }, meaning: "the half-life is a positive number of days")
        (from, to) = try arguments.dateRange()
        name = try arguments.newName()
        switch (window, halflife) {
        case (nil, nil):
            throw ShellError("say how betas move: window N (rolling OLS) or halflife H (EWMA beta)", at: arguments.command)
        case (.some, .some):
            throw ShellError("choose one of window and halflife, not both", at: arguments.value("halflife") ?? arguments.command)
        case (nil, .some):
            if let token = arguments.value("min") { throw ShellError("'min' goes with window, not halflife", at: token) }
            if regressors.count > 1 {
                throw ShellError("an EWMA beta takes one regressor, got \(regressors.count)", at: regressors[1])
            }
        case (.some(let n), nil):
            if let minimum, minimum > n, let token = arguments.value("min") {
                throw ShellError("min \(minimum) is more than the window (\(n))", at: token)
            }
            if let minimum, minimum < regressors.count + 1, let token = arguments.value("min") {
                throw ShellError("min \(minimum) is fewer than the \(regressors.count + 1) parameters", at: token)
            }
        }
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(dependent.text).option("on", values: regressors.map(\.text))
            .option("window", window).option("min", minimum).option("halflife", halflife.map(RollingObject.number))
            .option("from", from).option("to", to).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let y = try ws.series(dependent)
        let xs = try regressors.map { token throws(ShellError) in try ws.series(token) }
        let rolling: RollingBeta
        do {
            let ySeries = y.series.filtered(from: from, to: to)
            let xSeries = xs.map { $0.series.filtered(from: from, to: to) }
            if let window {
                rolling = try RollingBeta.window(ySeries, on: xSeries, window: window, minObservations: minimum,
                                                 cancellation: context.cancellation)
            } else {
                rolling = try RollingBeta.ewma(ySeries, on: xSeries[0], halflife: halflife ?? 1)
            }
        } catch let error as HedgeError {
            throw ShellError(error, at: dependent)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "r")
        resolved.name = finalName
        let object = RollingObject(rolling: rolling)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: [y.source] + xs.map(\.source))
        let fitted = object.fittedDates
        var text = "\(context.style.name(finalName)): rolling, \(object.methodText), \(dependent.text) on \(object.regressors.joined(separator: ", ")), "
        text += "\(SeriesText.count(rolling.count, "date")) \(SeriesText.range(rolling.dates)), "
        text += fitted.isEmpty ? "no date has a beta" : "\(SeriesText.count(fitted.count, "date")) with a beta from \(fitted[0])"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += object.betaStatistics().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        context.say(text)
    }
}
