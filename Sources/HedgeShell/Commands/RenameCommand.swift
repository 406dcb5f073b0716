/// `rename OLD NEW`: renames an object, replacing any object called NEW.
struct RenameCommand: ShellCommand {
    static let spec = CommandSpec("rename", synopsis: "rename OLD NEW", summary: "Rename an object.",
                                  positionals: [Positional("OLD", .anyObject), Positional("NEW", .newName)])

    var old: Token
    var new: String

    init(_ arguments: ArgumentList) throws(ShellError) {
        old = arguments.positional[0]
        try NameRules.validate(arguments.positional[1])
        new = arguments.positional[1].text
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let object = try ws.requireObject(old)
        let replaced = ws[new] != nil && new != old.text
        ws.rename(old.text, to: new)
        context.say("renamed \(object.kind) \(old.text) to \(context.style.name(new))" + (replaced ? " (replaced the previous \(new))" : ""))
    }
}
