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
import HedgeShell

// hedge: argument parsing, terminal set-up, then scripts, -c, piped input or the interactive prompt.

// No file may take the number of a closed standard stream.
StandardStreams.reserveClosedDescriptors()

// UTF-8 character handling (libedit drops non-ASCII input under "C"); numbers stay in the "C" locale.
TerminalLocale.enableUTF8()

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let error):
    StandardStreams.printError("hedge: \(error.message)\n\n\(Options.usage)")
    exit(2)
}
if options.showHelp { StandardStreams.printLine(Options.usage); exit(0) }
if options.showVersion { StandardStreams.printLine("hedge \(HedgeVersion.current)"); exit(0) }

let terminal = TerminalFacts.current()
let color = options.color ?? (terminal.stdoutIsTerminal && getenv("NO_COLOR") == nil)
let session = Session(
    output: StandardStreams.output, style: TextStyle(color: color), quiet: options.quiet,
    environment: ShellEnvironment(chartWidth: terminal.columns, chartHeight: terminal.rows,
                                  unicode: terminal.unicode, color: color,
                                  offline: options.offline, strict: options.strict))

if options.demo, !session.execute("load demo as demo") { exit(1) }

if let commands = options.commands {
    exit(session.execute(commands, origin: "-c") ? 0 : 1)
}
if !options.scripts.isEmpty {
    for script in options.scripts where !session.wantsQuit {
        if !session.runScript(path: script) { exit(1) }
    }
    exit(0)
}
let historyPath = HistoryPolicy.filePath(
    environment: ["HEDGE_HISTORY", "HOME"].reduce(into: [:]) { variables, name in
        if let value = getenv(name) { variables[name] = String(cString: value) }
    },
    historyDisabled: !options.history)
if terminal.stdinIsTerminal && terminal.stdoutIsTerminal && !options.quiet {
    StandardStreams.printLine("hedge \(HedgeVersion.current) — type `help` for the commands, Tab to complete, Ctrl-D to leave.")
    if options.demo {
        StandardStreams.printLine("The synthetic demo dataset is loaded as `demo`. Try: weight demo by volume exclude SYNIDX")
    }
}
if let status = runInteractiveIfTerminal(session: session, historyPath: historyPath) {
    exit(status)
}
exit(runPipedInput(session: session))
