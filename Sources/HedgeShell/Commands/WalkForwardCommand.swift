import HedgeCore

/// `walkforward LONG vs BENCH PARAM VALUES… train N test M [metric M] [fixed parameters…] [as NAME]`.
struct WalkForwardCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "walkforward", synopsis: "walkforward LONG vs BENCH PARAM VALUES [PARAM VALUES...] train N test M [metric sharpe|sortino|calmar|...] [method daily] [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "Walk-forward validation: choose the best configuration on each N-day training span, trade it on the next M days, stitch the test days into one out-of-sample backtest.",
        positionals: [Positional("LONG", .object([.series]))],
        options: [OptionSpec("vs", .object([.series]), placeholder: "BENCH", required: true)] + SweepArguments.parameterOptions
            + [OptionSpec("train", .number, placeholder: "N", required: true), OptionSpec("test", .number, placeholder: "M", required: true),
               OptionSpec("metric", .choice(SweepMetric.allCases.map(\.rawValue)), placeholder: "METRIC"),
               SweepArguments.methodOption, .from, .to, .asName],
        details: SweepArguments.details + [
            "Folds start where every configuration has its estimation history (the largest estimate); each moves on by M days, the last test span may be shorter.",
            "Each test segment starts from the equity the previous one ended with and re-establishes its positions (costs charged); β uses only days before each rebalance.",
            "metric: sharpe by default. show WF prints the folds and the out-of-sample figures beside the best configuration chosen with hindsight over the same days; WF is the stitched daily return series (WF.equity its equity)."],
        examples: ["walkforward p vs d.QQQ rebalance 10,20,40 estimate 40,60 train 250 test 60 metric sharpe as wf"])

    var target: SweepTarget
    var train: Int
    var test: Int
    var metric: SweepMetric
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        target = try SweepTarget(arguments, noRange: "give at least one parameter a range or a list of candidate values (rebalance 10,20,40)")
        train = try arguments.integer("train", range: 2...1_000_000, meaning: "train N ≥ 2 trading days") ?? 0
        test = try arguments.integer("test", range: 1...1_000_000, meaning: "test M ≥ 1 trading days") ?? 0
        metric = try arguments.choice("metric").flatMap(SweepMetric.init(rawValue:)) ?? .sharpe
        if target.parameters.method != .daily {
            throw ShellError("walkforward runs method daily only", at: arguments.value("method") ?? arguments.command)
        }
        name = try arguments.newName()
    }

    var replay: ReplayText {
        target.replay(Self.spec).option("train", train).option("test", test).option("metric", metric.rawValue).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let (inputs, sources) = try target.resolve(in: ws)
        let finalName = name ?? ws.defaultName(prefix: "wf")
        let parameters = target.parameters
        let result: WalkForwardResult
        do {
            let sweep = try ParameterSweep(inputs: inputs, base: parameters.base, axes: parameters.axes,
                                           cancellation: context.cancellation)
            let progress = SweepProgress(label: "walkforward \(finalName)")
            defer { progress.finish() }
            result = try WalkForward.runBlocking(sweep: sweep, train: train, test: test, metric: metric,
                                                 cancellation: context.cancellation) { progress.report($0, of: $1) }
        } catch let error as HedgeError {
            throw ShellError(error, at: target.long)
        }
        var resolved = self
        resolved.name = finalName
        let object = WalkForwardObject(result: result, long: target.long.text, benchmark: target.benchmark.text, about: parameters.description)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: sources)
        var text = object.report(name: finalName, context: context.display)
        text += "\n\(context.style.name(finalName)): walkforward, \(object.headline)"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
