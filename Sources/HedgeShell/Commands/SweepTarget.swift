import HedgeCore

/// What `sweep` and `walkforward` share: `LONG vs BENCH`, the parameter ranges, their replay text and how
/// they resolve to the daily backtest's inputs.
struct SweepTarget {
    var long: Token
    var benchmark: Token
    var parameters: SweepArguments

    /// Reads `LONG vs BENCH` and the parameters; `noRange` is the error when no parameter is swept.
    init(_ arguments: ArgumentList, noRange: String) throws(ShellError) {
        long = arguments.positional[0]
        benchmark = try arguments.required("vs")
        parameters = try SweepArguments(arguments)
        guard !parameters.axes.isEmpty else { throw ShellError(noRange, at: arguments.command) }
    }

    /// `WORD LONG vs BENCH PARAM VALUES…` as `save` writes it.
    func replay(_ spec: CommandSpec) -> ReplayText {
        parameters.replay(ReplayText(spec).adding(long.text).option("vs", benchmark.text))
    }

    /// The aligned inputs of the two series, and the workspace objects they come from.
    func resolve(in ws: Workspace) throws(ShellError) -> (inputs: DailyBacktestInputs, sources: [String]) {
        let l = try ws.series(long)
        let b = try ws.series(benchmark)
        do {
            return (try DailyBacktestInputs(long: l.series, benchmark: b.series), [l.source, b.source])
        } catch {
            throw ShellError(error, at: long)
        }
    }
}
