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
        let size = stdoutTTY ? chartSize() : nil
        let columns = size?.columns ?? 80, rows = size?.rows ?? 24
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return TerminalFacts(stdinIsTerminal: stdinTTY, stdoutIsTerminal: stdoutTTY, columns: columns, rows: rows,
                             unicode: TerminalLocale.isUTF8 && term != "dumb")
    }

    /// The chart size for the terminal on standard output as it is now: its columns, and its rows
    /// less two for the prompt; nil when it is not a terminal or too small to draw a chart.
    static func chartSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20, size.ws_row >= 8 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row) - 2)
    }
}
