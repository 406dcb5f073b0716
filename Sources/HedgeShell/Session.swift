#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// One shell session: the workspace plus the command interpreter.
///
/// Every command runs against a copy of the workspace that replaces it only when the command succeeds,
/// so a failed or interrupted command leaves the workspace exactly as it was.
public final class Session {
    /// Set by a SIGINT handler to cancel the running command; the session resets it before each command.
    public let cancellation = Cancellation()
    /// True after `quit`/`exit`.
    public private(set) var wantsQuit = false
    /// The named objects.
    public internal(set) var workspace = Workspace()
    public let output: OutputSink
    public var style: TextStyle
    /// Print only what a command exists to print (`show`, `ls`, `help`, plots) and errors.
    public var quiet: Bool
    public var environment: ShellEnvironment
    /// Scripts being replayed (to refuse recursion).
    var runningScripts: [String] = []
    /// The workspace before each command that changed it, oldest first, with that command's text (`undo`).
    var undoSnapshots: [(workspace: Workspace, command: String)] = []
    /// Every command run at the top level this session, oldest first (`history`).
    public private(set) var commandHistory: [String] = []
    /// Print each command's wall time after it (`timer on`).
    var timerEnabled = false

    public init(output: OutputSink = StandardOutput(), style: TextStyle = .plain, quiet: Bool = false,
                environment: ShellEnvironment = ShellEnvironment()) {
        self.output = output
        self.style = style
        self.quiet = quiet
        self.environment = environment
    }

    /// Runs one line typed at the prompt or read from a pipe (possibly several `;`-separated commands).
    /// Errors are printed as `error: …`; returns false when a command failed. `origin`/`lineNumber`
    /// name the source in error messages when reading from a pipe (`<stdin>:12:5: …`).
    @discardableResult
    public func execute(_ line: String, origin: String? = nil, lineNumber: Int = 1) -> Bool {
        cancellation.reset()
        do {
            let commands = try Lexer.commands(in: line, firstLine: lineNumber)
            for command in commands {
                commandHistory.append(command.text)
                let start = environment.stopwatch()
                let kind = try runTransaction(command)
                if timerEnabled, kind != TimerCommand.self {
                    show("Run Time: \(NumberFormat.fixed(environment.stopwatch() - start, 3)) s")
                }
                if wantsQuit { break }
            }
            return true
        } catch let failure as ScriptFailure {
            report(failure.message)
        } catch {
            let failure = ShellError(error, at: nil)
            if let origin, let position = failure.position { report("\(origin):\(position): \(failure)") } else { report("error: \(failure)") }
        }
        return false
    }

    /// Replays a script file in this workspace; stops at its first error, which is printed as
    /// `FILE:LINE:COLUMN: command: message`. Returns false on error.
    @discardableResult
    public func runScript(path: String) -> Bool {
        cancellation.reset()
        do {
            var draft = workspace
            try replay(path: path, displayPath: path, into: &draft)
            workspace = draft
            return true
        } catch let failure as ScriptFailure {
            if !cancellation.isCancelled { workspace = failure.workspace }
            report(failure.message)
        } catch {
            var failure = ShellError(error, at: nil)
            failure.command = RunCommand.spec.name
            report("\(failure)")
        }
        return false
    }

    /// Prints an error line; anything quoted from input in it is escaped for the terminal.
    func report(_ message: String) {
        output.writeError(style.error(TerminalText.escaped(message)) + "\n")
    }

    /// Prints an error about this session's input that arose outside a command (`<stdin>:3: …`).
    public func reportError(_ message: String) {
        report(message)
    }

    /// Prints a result line (suppressed by `quiet`, and by a cancellation: an interrupted command
    /// prints nothing of its result). Non-printable characters from input (a ticker name, say) are
    /// escaped; layout and colours stay.
    func say(_ text: String) {
        if !quiet { show(text) }
    }

    /// Prints what the user explicitly asked to see (never suppressed, except by a cancellation).
    func show(_ text: String) {
        guard !cancellation.isCancelled else { return }
        let safe = TerminalText.escapedKeepingLayout(text)
        output.write(safe.hasSuffix("\n") ? safe : safe + "\n")
    }

    /// Ends the session after the current command (`quit`).
    func requestQuit() { wantsQuit = true }

    /// Runs one command on a copy of the workspace and keeps the copy only on success; returns the
    /// command's type. A script that fails part-way (`run`) keeps the commands before its error, unless
    /// interrupted. A change to the workspace can be undone (except by `undo` itself).
    func runTransaction(_ source: SourceCommand) throws -> any ShellCommand.Type {
        var draft = workspace
        let kind: any ShellCommand.Type
        do {
            kind = try run(source, in: &draft)
        } catch let failure as ScriptFailure {
            if !cancellation.isCancelled { commit(failure.workspace, by: source, undoable: true) }
            throw failure
        }
        try cancellation.check()
        commit(draft, by: source, undoable: kind != UndoCommand.self)
        return kind
    }

    /// Makes `draft` the workspace, remembering the one it replaces when it changed and `undoable`.
    private func commit(_ draft: Workspace, by source: SourceCommand, undoable: Bool) {
        if undoable, draft.changeCount != workspace.changeCount {
            undoSnapshots.append((workspace, source.text))
        }
        workspace = draft
    }

    /// The workspace before the last command that changed it, and that command's text; nil at the
    /// session's start. Removes it from the undo list.
    func popUndoSnapshot() -> (workspace: Workspace, command: String)? {
        undoSnapshots.popLast()
    }

    /// Turns the per-command timer on or off (`timer on|off`).
    func setTimer(_ on: Bool) { timerEnabled = on }

    /// Parses and runs one command against `workspace`. Every error leaves here as a `ShellError` that
    /// names the command and where it went wrong (the command word unless a more precise word is known),
    /// or as a `ScriptFailure` already formatted by a nested script.
    @discardableResult
    func run(_ source: SourceCommand, in workspace: inout Workspace) throws -> any ShellCommand.Type {
        try cancellation.check()
        let command = try CommandRegistry.parse(source)
        do {
            try command.run(in: &workspace, context: CommandContext(session: self))
            return type(of: command)
        } catch let failure as ScriptFailure {
            throw failure
        } catch {
            var failure = ShellError(error, at: source.tokens.first)
            failure.command = type(of: command).spec.name
            throw failure
        }
    }

    /// Completion candidates come from this session's workspace and the file system.
    public var completionContext: any CompletionContext {
        WorkspaceCompletionContext(workspace: workspace, environment: environment)
    }
}
