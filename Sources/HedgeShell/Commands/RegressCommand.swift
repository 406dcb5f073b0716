import HedgeCore

/// `regress SERIES on SERIES [SERIES...] [cov TYPE [lags N]] [from D] [to D] [as NAME]`: OLS with an intercept,
/// printed as statsmodels does, with statsmodels' covariance types.
struct RegressCommand: ShellCommand, Replayable {
    static let covarianceNames = ["nonrobust", "hc0", "hc1", "hc2", "hc3", "hac"]

    static let spec = CommandSpec(
        "regress", synopsis: "regress SERIES on SERIES [SERIES...] [cov nonrobust|hc0|hc1|hc2|hc3|hac [lags N]] [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "OLS of a series on one or more series plus an intercept (dates aligned); prints the statsmodels-style summary.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("on", .object([.series]), placeholder: "SERIES", repeats: true, required: true),
                  OptionSpec("cov", .choice(covarianceNames), placeholder: "nonrobust|hc0|hc1|hc2|hc3|hac"),
                  OptionSpec("lags", .number, placeholder: "N"), .from, .to, .asName],
        details: ["cov: statsmodels' fit(cov_type=...): nonrobust (default), HC0–HC3 (heteroskedasticity robust) or HAC",
                  "  (Newey–West, Bartlett kernel, no small-sample correction). Robust types print z and P>|z|, and F is",
                  "  the robust Wald test. hac without lags uses floor(4·(n/100)^(2/9)) lags.",
                  "from/to keep the dates in that range (inclusive)."],
        examples: ["regress p on d.QQQ as m", "regress p on d.QQQ cov hac as m_hac", "regress p on d.QQQ cov hc1 from 2024-01-01"])

    var dependent: Token
    var regressors: [Token]
    /// The covariance type as typed (lowercase); nil for the default (nonrobust).
    var covariance: String?
    /// HAC's lag count: as given, or after `run` the Newey–West count it used.
    var lags: Int?
    var from: Day?
    var to: Day?
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        dependent = arguments.positional[0]
        regressors = arguments.values("on") ?? []
        covariance = try arguments.choice("cov")
        lags = try arguments.integer("lags", range: 0...100_000, meaning: "lags is a whole number of days ≥ 0")
        if lags != nil, covariance != "hac", let token = arguments.value("lags") {
            throw ShellError("'lags' goes with cov hac", at: token)
        }
        (from, to) = try arguments.dateRange()
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(dependent.text).option("on", values: regressors.map(\.text))
            .option("cov", covariance).option("lags", lags).option("from", from).option("to", to).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let y = try ws.series(dependent)
        let xs = try regressors.map { token throws(ShellError) in try ws.series(token) }
        let model: ModelObject
        do {
            let regression = try DatedRegression.fit(
                y.series.filtered(from: from, to: to), on: xs.map { $0.series.filtered(from: from, to: to) },
                covariance: { observations in
                    CovarianceType.named(covariance ?? "nonrobust", lags: lags, observations: observations) ?? .nonrobust
                },
                cancellation: context.cancellation)
            model = ModelObject(regression: regression)
        } catch let error as HedgeError {
            throw ShellError(error, at: dependent)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "m")
        resolved.name = finalName
        resolved.lags = model.result.covarianceType.lags
        let replaced = ws.store(model, as: finalName, by: resolved, inputs: [y.source] + xs.map(\.source))
        guard !context.isQuiet else { return }
        var text = context.display.summary(model.result) + "\n"
        if let used = model.result.covarianceType.lags {
            text += lags == nil
                ? "HAC lags: \(used) (Newey–West rule floor(4·(n/100)^(2/9)) for n = \(model.result.nobs))\n"
                : "HAC lags: \(used)\n"
        }
        text += "Alpha: \(NumberFormat.roundTrip(model.result.params[0]))\n"
        for (i, x) in model.regressors.enumerated() {
            text += (model.regressors.count == 1 ? "Beta" : "Beta (\(x))") + ": \(NumberFormat.roundTrip(model.result.params[i + 1]))\n"
        }
        text += "\(context.style.name(finalName)): model, OLS of \(dependent.text) on \(model.regressors.joined(separator: ", "))\(model.covarianceText), \(SeriesText.count(model.result.nobs, "observation")), \(SeriesText.range(model.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
