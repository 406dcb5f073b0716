import HedgeCore

/// What a running command may use besides the workspace: output, styling, the environment (directory,
/// clock, terminal), cancellation, and the session itself for the few commands about the session
/// (`run`, `quit`, `undo`, `history`, `timer`).
public struct CommandContext {
    public let session: Session

    public var style: TextStyle { session.style }
    public var environment: ShellEnvironment { session.environment }
    public var cancellation: Cancellation { session.cancellation }

    /// Styling and clock for `show`-like output.
    public var display: DisplayContext {
        DisplayContext(style: style, timestamp: environment.summaryTimestamp())
    }

    /// Prints a result line (suppressed by `--quiet`).
    public func say(_ text: String) { session.say(text) }

    /// Prints what the user explicitly asked to see (never suppressed).
    public func show(_ text: String) { session.show(text) }

    /// `  (named p1; choose with `as NAME`)`, `  (replaced the previous p)`, or nothing.
    public func nameNote(given: String?, finalName: String, replaced: Bool) -> String {
        var notes: [String] = []
        if given == nil { notes.append("named \(finalName); choose with `as NAME`") }
        if replaced { notes.append("replaced the previous \(finalName)") }
        return notes.isEmpty ? "" : "  (" + notes.joined(separator: "; ") + ")"
    }
}

extension Workspace {
    /// Stores what `command` made under `name`, recording the command's replay text for `save`.
    /// Returns true when an object of that name was replaced.
    @discardableResult
    mutating func store(_ object: any WorkspaceValue, as name: String, by command: some Replayable, inputs: [String]) -> Bool {
        store(object, as: name, command: command.replay.description, inputs: inputs)
    }
}
