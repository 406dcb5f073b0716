/// `run FILE.hedge`: replays a script in this workspace.
struct RunCommand: ShellCommand {
    static let spec = CommandSpec("run", synopsis: "run FILE.hedge [strict]", summary: "Replay a script in the current workspace; stops at the first error.",
                                  positionals: [Positional("FILE.hedge", .path)], options: [.flag("strict")],
                                  details: ["`strict`: a load whose data changed since the script was saved is an error, not a warning."])

    var path: Token
    var strict: Bool

    init(_ arguments: ArgumentList) throws(ShellError) {
        path = arguments.positional[0]
        strict = arguments.has("strict")
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let session = context.session
        let wasStrict = session.environment.strict
        if strict { session.environment.strict = true }
        defer { session.environment.strict = wasStrict }
        try session.replay(path: path.text, displayPath: path.text, into: &ws)
    }
}
