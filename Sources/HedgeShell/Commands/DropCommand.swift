/// `drop NAME`: removes an object.
struct DropCommand: ShellCommand {
    static let spec = CommandSpec("drop", synopsis: "drop NAME", summary: "Remove an object from the workspace.",
                                  positionals: [Positional("NAME", .anyObject)])

    var name: Token

    init(_ arguments: ArgumentList) throws(ShellError) { name = arguments.positional[0] }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let kind = try ws.requireObject(name).kind
        ws.drop(name.text)
        context.say("dropped \(kind) \(context.style.name(name.text))")
    }
}
