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

/// What hedge learns about its terminal at start-up.
struct TerminalFacts {
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool
    /// Chart size: the terminal's, leaving room for the prompt, or 80×24 off a terminal.
    var columns: Int
    var rows: Int
    /// UTF-8 locale and a terminal that is not `dumb`.
    var unicode: Bool

    static func current() -> TerminalFacts {
        let stdinTTY = isatty(STDIN_FILENO) == 1
        let stdoutTTY = isatty(STDOUT_FILENO) == 1
        var columns = 80, rows = 24
        if stdoutTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20, size.ws_row >= 8 {
                columns = Int(size.ws_col)
                rows = Int(size.ws_row) - 2
            }
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return TerminalFacts(stdinIsTerminal: stdinTTY, stdoutIsTerminal: stdoutTTY, columns: columns, rows: rows,
                             unicode: TerminalLocale.isUTF8 && term != "dumb")
    }
}
