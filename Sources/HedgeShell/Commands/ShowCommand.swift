/// `show NAME [all]`: one object, or a part of one (`d.volume`, `d.AAPL`).
struct ShowCommand: ShellCommand {
    static let spec = CommandSpec(
        "show", synopsis: "show NAME [all]",
        summary: "Print one object (head/tail of a series or dataset, summary of a model or backtest).",
        positionals: [Positional("NAME", .anyObject)],
        options: [.flag("all")],
        details: ["all: every row instead of the first and last five."])

    var name: Token
    var all: Bool

    init(_ arguments: ArgumentList) throws(ShellError) {
        name = arguments.positional[0]
        all = arguments.has("all")
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        var display = context.display
        display.allRows = all
        context.show(try ws.requireValue(name).show(name: name.text, context: display))
    }
}
