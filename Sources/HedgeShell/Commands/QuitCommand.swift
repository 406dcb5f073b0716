/// `quit` (or `exit`): leaves the shell after this command.
struct QuitCommand: ShellCommand {
    static let spec = CommandSpec("quit", aliases: ["exit"], synopsis: "quit", summary: "Leave hedge (also `exit`, or Ctrl-D).")

    init(_ arguments: ArgumentList) throws(ShellError) {}

    func run(in ws: inout Workspace, context: CommandContext) throws {
        context.session.requestQuit()
    }
}
