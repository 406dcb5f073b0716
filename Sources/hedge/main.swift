// TEMPORARY (branch lineedit): a stand-in for the lead's main.swift so the interactive loop can be
// run by hand and by the pseudo-terminal tests. Replace with the real argument parsing, keeping the
// two calls below.
import Foundation
import HedgeShell

let session = Session()
let historyPath = HistoryPolicy.filePath(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
if let status = runInteractiveIfTerminal(session: session, historyPath: historyPath) {
    exit(status)
}
while let line = readLine(), !session.wantsQuit {
    session.execute(line)
}
