/// `undo`: restores the workspace as it was before the last command that changed it; repeatable back to
/// the session's start. `save` after `undo` writes the undone state (the log is part of the workspace).
struct UndoCommand: ShellCommand {
    static let spec = CommandSpec("undo", synopsis: "undo",
                                  summary: "Restore the workspace as it was before the last command that changed it (repeatable).")

    init(_ arguments: ArgumentList) throws(ShellError) {}

    func run(in ws: inout Workspace, context: CommandContext) throws {
        guard context.session.runningScripts.isEmpty else {
            throw ShellError("undo works at the prompt, not in a script")
        }
        guard let (previous, command) = context.session.popUndoSnapshot() else {
            throw ShellError("nothing to undo (the workspace is as the session started)")
        }
        ws = previous
        context.say("undid: \(command)")
    }
}
