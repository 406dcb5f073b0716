import HedgeCore

/// `show NAME [all]`: one object, or a part of one (`d.volume`, `d.AAPL`).
struct ShowCommand: ShellCommand {
    static let spec = CommandSpec(
        "show", synopsis: "show NAME [all] [sort METRIC] [top N]",
        summary: "Print one object (head/tail of a series or dataset, summary of a model or backtest).",
        positionals: [Positional("NAME", .anyObject)],
        options: [.flag("all"), OptionSpec("sort", .choice(SweepMetric.allCases.map(\.rawValue)), placeholder: "METRIC"),
                  OptionSpec("top", .number, placeholder: "N")],
        details: ["all: every row instead of the first and last five.",
                  "sort METRIC, top N: a sweep's configurations ordered best first by METRIC (default sharpe), the first N (default 20)."])

    var name: Token
    var all: Bool
    var sort: String?
    var top: Int?

    init(_ arguments: ArgumentList) throws(ShellError) {
        name = arguments.positional[0]
        all = arguments.has("all")
        sort = try arguments.choice("sort")
        top = try arguments.integer("top", range: 1...1_000_000, meaning: "top N shows the N best rows")
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        var display = context.display
        display.allRows = all
        display.sortBy = sort
        display.top = top
        let value = try ws.requireValue(name)
        if (sort != nil || top != nil) && !value.isRanked {
            throw ShellError("sort and top apply to a sweep; '\(name.text)' is a \(value.kind)", at: name)
        }
        context.show(value.show(name: name.text, context: display))
    }
}
