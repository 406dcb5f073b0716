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

/// Runs commands from a non-terminal standard input, line by line with no prompt, carrying on after
/// errors. A line longer than the limit ends the input (its line boundaries are lost). Returns the
/// exit status: 1 when any command failed or the input could not be read.
func runPipedInput(session: Session) -> Int32 {
    var failed = false
    var pending = ""
    var pendingStart = 1
    let reader = LineReader(descriptor: STDIN_FILENO)
    while !session.wantsQuit {
        let bytes: ArraySlice<UInt8>
        do {
            guard let line = try reader.nextLine() else { break }
            bytes = line
        } catch {
            session.reportError("<stdin>:\(reader.lineNumberOfFailure(error)): \(error)")
            return 1
        }
        guard let line = String(validating: bytes, as: UTF8.self) else {
            session.reportError("<stdin>:\(reader.lineNumber): not valid UTF-8 text")
            failed = true
            continue
        }
        if pending.isEmpty { pendingStart = reader.lineNumber }
        pending += line
        if ContinuationLine.continued(line) != nil {
            pending += "\n"
            continue
        }
        if !session.execute(pending, origin: "<stdin>", lineNumber: pendingStart) { failed = true }
        pending = ""
    }
    if !pending.isEmpty, !session.wantsQuit, !session.execute(pending, origin: "<stdin>", lineNumber: pendingStart) {
        failed = true
    }
    return failed ? 1 : 0
}

extension LineReader {
    /// The line a read failure is about.
    func lineNumberOfFailure(_ failure: Failure) -> Int {
        if case let .lineTooLong(line, _) = failure { return line }
        return lineNumber + 1
    }
}
