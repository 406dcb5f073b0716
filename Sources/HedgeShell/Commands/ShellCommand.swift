/// One command of the shell language, as one type: its grammar, its typed fields, what it does, and how
/// `save` writes it back.
///
/// To add a command: write a type conforming to this protocol in `Sources/HedgeShell/Commands/`, put its
/// analytics in HedgeCore, and list it once in `CommandRegistry.commands`. Parsing, `help`, completion and
/// the reserved words all come from `spec`.
public protocol ShellCommand: Sendable {
    /// The grammar and help text.
    static var spec: CommandSpec { get }

    /// Reads the typed fields from the sorted words (positional counts and required keywords are already
    /// checked against `spec`). Errors say what is wrong with which word; the session adds the command word.
    init(_ arguments: ArgumentList) throws(ShellError)

    /// Runs against `workspace`, a draft that replaces the session's workspace only when `run` returns.
    /// Core errors (`HedgeError`) may propagate: the session locates them at the command word.
    func run(in workspace: inout Workspace, context: CommandContext) throws
}

/// A command that `save` replays: the text is derived from its typed fields, after `run` made every choice
/// explicit (the default name, the default window, the expanded glob).
public protocol Replayable {
    var replay: ReplayText { get }
}
