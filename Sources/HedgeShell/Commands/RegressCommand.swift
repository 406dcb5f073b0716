import HedgeCore

/// `regress SERIES on SERIES [SERIES...] [as NAME]`: OLS with an intercept, printed as statsmodels does.
struct RegressCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "regress", synopsis: "regress SERIES on SERIES [SERIES...] [as NAME]",
        summary: "OLS of a series on one or more series plus an intercept (dates aligned); prints the statsmodels-style summary.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("on", .object([.series]), placeholder: "SERIES", repeats: true, required: true), .asName],
        examples: ["regress p on d.QQQ as m"])

    var dependent: Token
    var regressors: [Token]
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        dependent = arguments.positional[0]
        regressors = arguments.values("on") ?? []
        name = try arguments.newName()
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(dependent.text).option("on", values: regressors.map(\.text)).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let y = try ws.series(dependent)
        let xs = try regressors.map { token throws(ShellError) in try ws.series(token) }
        let model: ModelObject
        do {
            model = ModelObject(regression: try DatedRegression.fit(y.series, on: xs.map(\.series), cancellation: context.cancellation))
        } catch let error as HedgeError {
            throw ShellError(error, at: dependent)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "m")
        resolved.name = finalName
        let replaced = ws.store(model, as: finalName, by: resolved, inputs: [y.source] + xs.map(\.source))
        var text = context.display.summary(model.result) + "\n"
        text += "Alpha: \(NumberFormat.roundTrip(model.result.params[0]))\n"
        for (i, x) in model.regressors.enumerated() {
            text += (model.regressors.count == 1 ? "Beta" : "Beta (\(x))") + ": \(NumberFormat.roundTrip(model.result.params[i + 1]))\n"
        }
        text += "\(context.style.name(finalName)): model, OLS of \(dependent.text) on \(model.regressors.joined(separator: ", ")), \(SeriesText.count(model.result.nobs, "observation")), \(SeriesText.range(model.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
