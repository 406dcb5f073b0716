import HedgeCore

/// `hedge SERIES with MODEL|ROLLING [from D] [to D] [as NAME]`: SERIES − Σ βj·xj over the model's regressors
/// (in-sample, as the notebook), or SERIES − Σ βj,t−1·xj,t with a rolling fit's betas of the day before
/// (past-only); prints the regression of the hedged series.
struct HedgeCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "hedge", synopsis: "hedge SERIES with MODEL|ROLLING [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "The hedged series SERIES − β·x, with a model's β (in-sample) or a rolling fit's β of the day before; prints its regression on x.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("with", .object([.model, .rolling]), placeholder: "MODEL|ROLLING", required: true), .from, .to, .asName],
        details: ["With a model (regress), β was fitted on the same days it hedges: the notebook's in-sample hedge.",
                  "With a rolling fit (rolling), day t is hedged with the β known at the close of day t−1:",
                  "  hedged_t = y_t − β_{t−1}·x_t, the hedge an analyst could have run; days with no β yet are left out."],
        examples: ["hedge p with m as h", "hedge p with r as hr"])

    var series: Token
    var model: Token
    var from: Day?
    var to: Day?
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        series = arguments.positional[0]
        model = try arguments.required("with")
        (from, to) = try arguments.dateRange()
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(series.text).option("with", model.text)
            .option("from", from).option("to", to).option("as", name)
    }

    /// `p − 1.9733·m.QQQ + 0.2535·m.AAPL`: the series minus each β times its regressor, signs folded in.
    static func formula(_ series: String, betas: [Double], regressors: [String]) -> String {
        zip(betas, regressors).reduce(series) { text, term in
            let (beta, x) = term
            let sign = beta < 0 ? "+" : "−"
            return text + " \(sign) \(NumberFormat.fixed(abs(beta), 4))·\(x)"
        }
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let y = try ws.series(series)
        if ws[model.text] is RollingObject {
            return try runPastOnly(in: &ws, y: y, context: context)
        }
        let m = try ws.require(model, as: ModelObject.self, use: " (fit one with regress, or a rolling beta with rolling)")
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "h")
        resolved.name = finalName
        // hedged = y − Σ βj·xj on the dates y and every regressor share, and its regression (β ≈ 0).
        let (hedged, check): (Series, DatedRegression)
        do {
            (hedged, check) = try Hedge.hedge(y.series.filtered(from: from, to: to), with: m.regression, name: finalName,
                                              cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: series)
        }
        let origin = "\(Self.formula(series.text, betas: m.regression.betas, regressors: m.regressors)) (hedged with \(model.text))"
        let replaced = ws.store(SeriesObject(series: hedged, origin: origin, portfolio: nil), as: finalName,
                                by: resolved, inputs: [y.source, model.text])
        guard !context.isQuiet else { return }
        var text = report(check, hedged: hedged, finalName: finalName, origin: origin, replaced: replaced, context: context)
        text += "  in-sample: the β of \(model.text) was fitted on the same days it hedges (as the notebook does); "
            + "for a hedge that uses only the past, hedge with a rolling fit"
        context.say(text)
    }

    /// hedgedₜ = yₜ − Σ βⱼ,ₜ₋₁·xⱼ,ₜ with a rolling fit's betas of the previous date, and its regression.
    private func runPastOnly(in ws: inout Workspace, y: ResolvedSeries, context: CommandContext) throws {
        let r = try ws.require(model, as: RollingObject.self)
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "h")
        resolved.name = finalName
        let result: PastOnlyHedge
        do {
            result = try PastOnlyHedge.hedge(y.series.filtered(from: from, to: to), with: r.rolling, name: finalName)
        } catch let error as HedgeError {
            throw ShellError(error, at: series)
        }
        let hedged = result.hedged
        let origin = "\(series.text) − β(t−1)·\(r.regressors.joined(separator: " − β(t−1)·")) (past-only hedge with \(model.text))"
        let replaced = ws.store(SeriesObject(series: hedged, origin: origin, portfolio: nil), as: finalName,
                                by: resolved, inputs: [y.source, model.text])
        guard !context.isQuiet else { return }
        var text = report(result.regression, hedged: hedged, finalName: finalName, origin: origin, replaced: replaced,
                          context: context)
        text += "  past-only: day t is hedged with the β known at the close of day t−1; "
            + "\(SeriesText.count(result.daysWithoutBeta, "day")) had no β yet and \(result.daysWithoutBeta == 1 ? "is" : "are") left out"
        context.say(text)
    }

    /// The regression of the hedged series as the notebook prints it (summary, alpha, `round(beta, 6)` per
    /// regressor), then the new series' line and statistics.
    private func report(_ check: DatedRegression, hedged: Series, finalName: String, origin: String, replaced: Bool,
                        context: CommandContext) -> String {
        var text = context.display.summary(check.result) + "\n"
        text += "Alpha: \(NumberFormat.roundTrip(check.result.params[0]))\n"
        let names = check.regressors.map(\.name)
        for (i, beta) in check.betas.enumerated() {
            text += (names.count == 1 ? "Beta" : "Beta (\(names[i]))") + ": \(NumberFormat.roundTrip(NumberFormat.pythonRound(beta, 6)))\n"
        }
        text += "\(context.style.name(finalName)): series, \(origin), \(SeriesText.count(hedged.count, "day")), \(SeriesText.range(hedged.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        return text + "  " + SeriesText.statistics(hedged) + "\n"
    }
}
