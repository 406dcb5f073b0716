/// `run FILE.hedge`: replays a script in this workspace.
struct RunCommand: ShellCommand {
    static let spec = CommandSpec("run", synopsis: "run FILE.hedge", summary: "Replay a script in the current workspace; stops at the first error.",
                                  positionals: [Positional("FILE.hedge", .path)])

    var path: Token

    init(_ arguments: ArgumentList) throws(ShellError) { path = arguments.positional[0] }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        try context.session.replay(path: path.text, displayPath: path.text, into: &ws)
    }
}
