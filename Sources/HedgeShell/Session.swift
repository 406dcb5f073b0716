import Foundation
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

    public init(output: OutputSink = StandardOutput(), style: TextStyle = .plain, quiet: Bool = false,
                environment: ShellEnvironment = ShellEnvironment()) {
        self.output = output
        self.style = style
        self.quiet = quiet
        self.environment = environment
    }

    /// Runs one line typed at the prompt or read from a pipe (possibly several `;`-separated commands).
    /// Errors are printed as `error: …`; returns false when a command failed. `origin`/`lineNumber`
    /// name the source in error messages when reading from a pipe (`<stdin>:12: …`).
    @discardableResult
    public func execute(_ line: String, origin: String? = nil, lineNumber: Int = 1) -> Bool {
        cancellation.reset()
        do {
            let commands = try Lexer.commands(in: line, firstLine: lineNumber)
            for command in commands {
                try runTransaction(command)
                if wantsQuit { break }
            }
            return true
        } catch let failure as ScriptFailure {
            report(failure.message)
        } catch let error as ShellError {
            if let origin, let line = error.line { report("\(origin):\(line): \(error.message)") } else { report("error: \(error.message)") }
        } catch {
            report("error: \(error)")
        }
        return false
    }

    /// Replays a script file in this workspace; stops at its first error, which is printed as `FILE:LINE: message`.
    /// Returns false on error.
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
            report("\(error)")
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

    /// Runs one command on a copy of the workspace and keeps the copy only on success.
    /// A script that fails part-way (`run`) keeps the commands before its error, unless interrupted.
    func runTransaction(_ source: SourceCommand) throws {
        var draft = workspace
        do {
            try run(source, in: &draft)
        } catch let failure as ScriptFailure {
            if !cancellation.isCancelled { workspace = failure.workspace }
            throw failure
        }
        try cancellation.check()
        workspace = draft
    }

    /// Parses and runs one command against `workspace`.
    func run(_ source: SourceCommand, in workspace: inout Workspace) throws {
        try cancellation.check()
        let command = try Command.parse(source)
        let word = source.tokens.first?.text ?? ""
        do {
            try perform(command, source: source, in: &workspace)
        } catch let error as HedgeError {
            throw ShellError("\(word): \(error.description)", line: source.line, column: source.tokens.first?.column)
        } catch var error as ShellError {
            // Every message names the command it comes from.
            if !error.message.hasPrefix("\(word):") { error.message = "\(word): " + error.message }
            throw error
        }
    }

    func perform(_ command: Command, source: SourceCommand, in ws: inout Workspace) throws {
        switch command {
        case let .load(paths, name, from, to, field):
            try load(paths: paths, name: name, from: from, to: to, field: field, source: source, in: &ws)
        case let .weight(dataset, method, window, exclude, name):
            try weight(dataset: dataset, method: method, window: window, exclude: exclude, name: name, source: source, in: &ws)
        case let .regress(y, xs, name):
            try regress(y: y, xs: xs, name: name, source: source, in: &ws)
        case let .hedge(series, model, name):
            try hedge(series: series, model: model, name: name, source: source, in: &ws)
        case let .backtest(long, benchmark, rebalance, cost, rf, capital, method, name):
            try backtest(long: long, benchmark: benchmark, rebalance: rebalance, cost: cost, rf: rf,
                         capital: capital, method: method, name: name, source: source, in: &ws)
        case let .plot(names, mode, width, height, ascii, title):
            try plot(names: names, mode: mode, width: width, height: height, ascii: ascii, title: title, in: ws)
        case let .export(name, path):
            try export(name: name, path: path, in: ws)
        case .list:
            show(listing(ws))
        case let .show(name):
            show(try describe(name, in: ws))
        case let .drop(name):
            let kind = try ws.requireObject(name).kind
            ws.drop(name.text)
            say("dropped \(kind.rawValue) \(style.name(name.text))")
        case let .rename(old, new):
            let object = try ws.requireObject(old)
            let replaced = ws[new] != nil && new != old.text
            ws.rename(old.text, to: new)
            say("renamed \(object.kind.rawValue) \(old.text) to \(style.name(new))" + (replaced ? " (replaced the previous \(new))" : ""))
        case let .help(topic):
            show(try Help.text(for: topic))
        case let .run(path):
            try replay(path: environment.resolve(path.text), displayPath: path.text, into: &ws)
        case let .save(path):
            try save(to: path, workspace: ws)
        case .quit:
            wantsQuit = true
        }
    }

    /// Completion candidates come from this session's workspace and the file system.
    public var completionContext: any CompletionContext {
        WorkspaceCompletionContext(workspace: workspace, environment: environment)
    }
}
