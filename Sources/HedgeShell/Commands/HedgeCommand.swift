import HedgeCore

/// `hedge SERIES with MODEL [as NAME]`: SERIES − Σ βj·xj over the model's regressors, and its regression.
struct HedgeCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "hedge", synopsis: "hedge SERIES with MODEL [as NAME]",
        summary: "The hedged series SERIES − β·x for the model's regressor x; prints the regression of the hedged series.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("with", .object([.model]), placeholder: "MODEL", required: true), .asName],
        examples: ["hedge p with m as h"])

    var series: Token
    var model: Token
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        series = arguments.positional[0]
        model = try arguments.required("with")
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(series.text).option("with", model.text).option("as", name)
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
        let m = try ws.require(model, as: ModelObject.self, use: " (fit one with regress)")
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "h")
        resolved.name = finalName
        // hedged = y − Σ βj·xj on the dates y and every regressor share, and its regression (β ≈ 0).
        let (hedged, check): (Series, DatedRegression)
        do {
            (hedged, check) = try Hedge.hedge(y.series, with: m.regression, name: finalName, cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: series)
        }
        let origin = "\(Self.formula(series.text, betas: m.regression.betas, regressors: m.regressors)) (hedged with \(model.text))"
        let replaced = ws.store(SeriesObject(series: hedged, origin: origin, portfolio: nil), as: finalName,
                                by: resolved, inputs: [y.source, model.text])
        var text = context.display.summary(check.result) + "\n"
        text += "Alpha: \(NumberFormat.roundTrip(check.result.params[0]))\n"
        // The notebook prints round(beta, 6) of the hedged regression; one line per regressor.
        let names = check.regressors.map(\.name)
        for (i, beta) in check.betas.enumerated() {
            text += (names.count == 1 ? "Beta" : "Beta (\(names[i]))") + ": \(NumberFormat.roundTrip(NumberFormat.pythonRound(beta, 6)))\n"
        }
        text += "\(context.style.name(finalName)): series, \(origin), \(SeriesText.count(hedged.count, "day")), \(SeriesText.range(hedged.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  " + SeriesText.statistics(hedged)
        context.say(text)
    }
}
