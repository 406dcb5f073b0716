import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeShell

/// The prompt for a new command.
let commandPrompt = "hedge> "
/// The prompt for the next physical line of a command whose line ended in `\`.
let continuationPrompt = "   ..> "

/// Runs the interactive shell when standard input is a terminal; nil otherwise (then read
/// commands from standard input without editing). Returns the exit status.
func runInteractiveIfTerminal(session: Session, historyPath: String?) -> Int32? {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
    return runInteractiveLoop(session: session, historyPath: historyPath)
}

/// The read-eval loop on a terminal: line editing, `\` continuations, history saved after each
/// command, Ctrl-C clearing the line (or cancelling the running command), Ctrl-D or `quit` to leave.
/// Returns the exit status (0).
func runInteractiveLoop(session: Session, historyPath: String?) -> Int32 {
    guard let editor = LineEditor(output: hedge_stdout(), historyPath: historyPath,
                                  completionContext: { session.completionContext }) else {
        fputs("hedge: cannot start line editing\n", hedge_stderr())
        return 1
    }
    _ = TerminalSignals.install(cancelling: session.cancellation)

    var pending: String?
    while !session.wantsQuit {
        let input = editor.readLine(prompt: pending == nil ? commandPrompt : continuationPrompt,
                                    continuing: pending ?? "")
        switch input {
        case .endOfInput:
            fputs("\n", hedge_stdout())
            fflush(hedge_stdout())
            return 0
        case let .terminated(signal):
            fputs("\n", hedge_stdout())
            fflush(hedge_stdout())
            TerminalSignals.endWith(signal)
        case .interrupted:
            pending = nil
            fputs("\n", hedge_stdout())
            fflush(hedge_stdout())
        case let .line(text):
            let line = pending.map { ContinuationLine.join($0, text) } ?? text
            if let continued = ContinuationLine.continued(line) {
                pending = continued
                continue
            }
            pending = nil
            editor.record(line)
            session.cancellation.reset()
            // Charts follow the terminal's size as it is now (after any SIGWINCH).
            if let size = TerminalFacts.chartSize() {
                session.environment.chartWidth = size.columns
                session.environment.chartHeight = size.rows
            }
            TerminalSignals.whileRunning { _ = session.execute(line) }
            fflush(hedge_stdout())
        }
    }
    return 0
}
