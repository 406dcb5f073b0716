import HedgeCore

/// `backtest SERIES vs SERIES [rebalance N] [cost X] [rf X] [capital X] [method notebook] [as NAME]`.
struct BacktestCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "backtest", synopsis: "backtest SERIES vs SERIES [rebalance N] [cost X] [rf X] [capital X] [method notebook] [as NAME]",
        summary: "Rebalanced long/short backtest: long the first series, short the second, β re-estimated every rebalance.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("vs", .object([.series]), placeholder: "SERIES", required: true),
                  OptionSpec("rebalance", .number, placeholder: "N"), OptionSpec("cost", .number, placeholder: "X"),
                  OptionSpec("rf", .number, placeholder: "X"), OptionSpec("capital", .number, placeholder: "X"),
                  OptionSpec("method", .choice([NotebookBacktest.methodName]), placeholder: "notebook"), .asName],
        details: ["Defaults (the notebook's): rebalance 30, cost 0.001, rf 0.02, capital 1000000.",
                  "method notebook (the only method so far) reproduces the notebook exactly, quirks included."],
        examples: ["backtest p vs d.QQQ rebalance 21 as bt"])

    var long: Token
    var benchmark: Token
    /// The settings; the notebook's defaults where none was given.
    var parameters: BacktestParameters
    var method: String
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        long = arguments.positional[0]
        benchmark = try arguments.required("vs")
        let defaults = BacktestParameters()
        parameters = BacktestParameters(
            rebalance: try arguments.integer("rebalance", range: 2...100_000, meaning: "rebalance every N ≥ 2 days") ?? defaults.rebalance,
            cost: try arguments.number("cost", valid: { $0 >= 0 && $0 < 1 }, meaning: "cost is a fraction in [0, 1)") ?? defaults.cost,
            riskFreeRate: try arguments.number("rf", valid: { $0 > -1 && $0 < 10 }, meaning: "rf is an annual rate such as 0.02") ?? defaults.riskFreeRate,
            capital: try arguments.number("capital", valid: { $0 > 0 }, meaning: "capital must be positive") ?? defaults.capital)
        method = try arguments.choice("method") ?? NotebookBacktest.methodName
        name = try arguments.newName()
    }

    var replay: ReplayText {
        let p = parameters
        return ReplayText(Self.spec).adding(long.text).option("vs", benchmark.text).option("rebalance", p.rebalance)
            .option("cost", NumberFormat.roundTrip(p.cost)).option("rf", NumberFormat.roundTrip(p.riskFreeRate))
            .option("capital", NumberFormat.roundTrip(p.capital)).option("method", method).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let l = try ws.series(long)
        let b = try ws.series(benchmark)
        let result: BacktestResult
        do {
            result = try NotebookBacktest.run(portfolio: l.series, benchmark: b.series, parameters: parameters,
                                              cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: long)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "bt")
        resolved.name = finalName
        let growth = BuyAndHold.value(long: l.series, benchmark: b.series, at: result.valueDates,
                                      capital: parameters.capital, name: "\(benchmark.text) buy-and-hold")
        let object = BacktestObject(result: result, long: long.text, benchmark: benchmark.text, benchmarkValue: growth)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: [l.source, b.source])
        var text = object.report(context: context.display)
        text += "\n\(context.style.name(finalName)): backtest, \(object.headline)"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
