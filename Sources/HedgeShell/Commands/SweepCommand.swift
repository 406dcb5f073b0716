import HedgeCore

/// `sweep LONG vs BENCH PARAM VALUES [PARAM VALUES…] [method daily] [fixed parameters…] [from D] [to D] [as NAME]`.
struct SweepCommand: ShellCommand, Replayable {
    static let spec = CommandSpec(
        "sweep", synopsis: "sweep LONG vs BENCH PARAM VALUES [PARAM VALUES...] [method daily|notebook] [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "Run a backtest (method daily by default) for every combination of parameter values, on all cores, and rank them.",
        positionals: [Positional("LONG", .object([.series]))],
        options: [OptionSpec("vs", .object([.series]), placeholder: "BENCH", required: true)] + SweepArguments.parameterOptions
            + [SweepArguments.methodOption, .from, .to, .asName],
        details: SweepArguments.details + [
            "Every combination runs (at most 100,000). show SW [sort METRIC] [top N] ranks them, export SW to FILE.csv writes one row per configuration, plot-ascii SW METRIC [by P1 P2] draws a heatmap.",
            "Robustness: the best configuration is compared with the median of its neighbours (one step in one parameter); when they keep less than half of its edge over the median configuration it is called an isolated peak.",
            "Ctrl-C stops the sweep and leaves the workspace as it was."],
        examples: ["sweep p vs d.QQQ rebalance 5..60 step 5 estimate 20,40,60,120 as sw", "sweep p vs d.QQQ cost 0..0.003 step 0.0005"])

    var target: SweepTarget
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        target = try SweepTarget(arguments, noRange: "give at least one parameter a range (rebalance 5..60 step 5) or a list (cost 0,0.001)")
        name = try arguments.newName()
    }

    var replay: ReplayText { target.replay(Self.spec).option("as", name) }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let (inputs, sources) = try target.resolve(in: ws)
        let finalName = name ?? ws.defaultName(prefix: "sw")
        let parameters = target.parameters
        let result: SweepResult
        do {
            let sweep = try ParameterSweep(inputs: inputs, base: parameters.base, axes: parameters.axes,
                                           method: parameters.method, cancellation: context.cancellation)
            let progress = SweepProgress(label: "sweep \(finalName)")
            let total = sweep.grid.count
            defer { progress.finish() }
            result = try sweep.runBlocking(cancellation: context.cancellation) { progress.report($0, of: total) }
        } catch let error as HedgeError {
            throw ShellError(error, at: target.long)
        }
        var resolved = self
        resolved.name = finalName
        let object = SweepObject(result: result, long: target.long.text, benchmark: target.benchmark.text, about: parameters.description)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: sources)
        var display = context.display
        display.top = 5
        var text = object.report(context: display)
        text += "\n\(context.style.name(finalName)): sweep, \(object.headline)"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
