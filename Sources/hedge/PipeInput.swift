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
/// errors. Returns the exit status: 1 when any command failed.
func runPipedInput(session: Session) -> Int32 {
    var failed = false
    var lineNumber = 0
    var pending = ""
    var pendingStart = 1
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(buffer) }
    let input = fdopen(STDIN_FILENO, "r")
    defer { if let input { fclose(input) } }
    while !session.wantsQuit {
        guard let input else { break }
        let length = getline(&buffer, &capacity, input)
        guard length >= 0, let buffer else { break }
        lineNumber += 1
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        guard var line = String(validating: bytes, as: UTF8.self) else {
            StandardOutput().writeError("<stdin>:\(lineNumber): not valid UTF-8 text\n")
            failed = true
            continue
        }
        if line.hasSuffix("\n") { line.removeLast() }
        if pending.isEmpty { pendingStart = lineNumber }
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
