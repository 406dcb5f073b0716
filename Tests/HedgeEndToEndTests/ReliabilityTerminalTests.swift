import Foundation
import Testing

/// Issue 13 on a terminal: signals at the prompt leave the terminal usable, charts follow the
/// window size, and two sessions share one history file (which may be a symbolic link).
@Suite(.serialized) struct ReliabilityTerminalTests {
    private let prompt = "hedge> "

    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "hedge-pty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func startHedge(in directory: String, history: String, arguments: [String] = [],
                            columns: UInt16 = 80, rows: UInt16 = 24) throws -> PseudoTerminal {
        let hedge = try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built")
        let environment = ["HEDGE_HISTORY": history, "HOME": directory, "TERM": "xterm", "LANG": "C.UTF-8",
                           "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let terminal = try PseudoTerminal(executable: hedge, arguments: arguments, environment: environment,
                                          columns: columns, rows: rows)
        try terminal.expect(prompt)
        return terminal
    }

    private static func isCanonical(_ settings: termios?) -> Bool? {
        settings.map { $0.c_lflag & tcflag_t(ICANON) != 0 && $0.c_lflag & tcflag_t(ECHO) != 0 }
    }

    @Test func aKilledProgramLeavesItsTerminalSettingsBehind() throws {
        // The control experiment: what a program that dies in raw mode leaves is what the test reads.
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "stty raw -echo; echo raw; kill -KILL $$"],
                                          environment: ["PATH": "/usr/bin:/bin"])
        #expect(try terminal.waitForExit() == .signaled(SIGKILL))
        #expect(Self.isCanonical(terminal.settings()) == false)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func aTerminatingSignalAtThePromptRestoresTheTerminalFirst(signal: Int32) throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let terminal = try startHedge(in: directory, history: directory + "/history")
        try terminal.send("help ls\r")
        try terminal.expect(prompt)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(Self.isCanonical(terminal.settings()) == false)  // the line editor's raw mode
        kill(terminal.processID, signal)
        #expect(try terminal.waitForExit() == .signaled(signal))
        #expect(Self.isCanonical(terminal.settings()) == true)
    }

    @Test func chartsFollowTheTerminalWidthAfterAResize() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let terminal = try startHedge(in: directory, history: directory + "/history", arguments: ["--demo", "-q"],
                                      columns: 100, rows: 30)
        try terminal.send("plot-ascii demo.SYNA ascii\r")
        let wide = try terminal.expect(prompt)
        terminal.resize(columns: 60, rows: 20)
        Thread.sleep(forTimeInterval: 0.2)
        try terminal.send("plot-ascii demo.SYNA ascii\r")
        let narrow = try terminal.expect(prompt)
        func chartWidth(_ text: String) -> Int {
            text.split(whereSeparator: \.isNewline).filter { $0.contains("+--") }.map(\.count).max() ?? 0
        }
        #expect(chartWidth(wide) > 60 && chartWidth(wide) <= 100, "\(wide)")
        #expect(chartWidth(narrow) > 40 && chartWidth(narrow) <= 60, "\(narrow)")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    /// The history file's entries (libedit encodes a space as `\040`).
    private func entries(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.replacingOccurrences(of: "\\040", with: " ") }
    }

    @Test func twoSessionsAtOnceKeepBothTheirCommandsInTheHistory() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let history = directory + "/history"
        let first = try startHedge(in: directory, history: history)
        let second = try startHedge(in: directory, history: history)
        try first.send("help ls\r"); try first.expect(prompt)
        try second.send("help show\r"); try second.expect(prompt)
        try first.send("help drop\r"); try first.expect(prompt)
        try second.send("help rename\r"); try second.expect(prompt)
        try first.send("\u{04}"); #expect(try first.waitForExit() == .exited(0))
        try second.send("\u{04}"); #expect(try second.waitForExit() == .exited(0))
        #expect(try entries(history) == ["help ls", "help show", "help drop", "help rename"])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.contains("hedge-tmp") }, "\(names)")
    }

    /// Both sessions get 40 lines at once, so their read-merge-write saves overlap; the lock beside the
    /// file keeps every entry of both.
    @Test func twoSessionsSavingAtTheSameInstantLoseNothing() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let history = directory + "/history"
        let first = try startHedge(in: directory, history: history)
        let second = try startHedge(in: directory, history: history)
        let a = (1...40).map { "# first \($0)" }, b = (1...40).map { "# second \($0)" }
        try first.send(a.map { $0 + "\r" }.joined() + "\u{04}")
        try second.send(b.map { $0 + "\r" }.joined() + "\u{04}")
        #expect(try first.waitForExit() == .exited(0))
        #expect(try second.waitForExit() == .exited(0))
        let saved = try entries(history)
        #expect(saved.count == 80 && Set(saved) == Set(a + b), "\(Set(a + b).subtracting(saved).sorted()) missing")
    }

    @Test func aSymlinkedHistoryFileStaysASymlink() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/dotfiles", withIntermediateDirectories: false)
        let link = directory + "/history", target = directory + "/dotfiles/hedge_history"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "dotfiles/hedge_history")
        let terminal = try startHedge(in: directory, history: link)
        try terminal.send("help ls\r"); try terminal.expect(prompt)
        try terminal.send("\u{04}"); #expect(try terminal.waitForExit() == .exited(0))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "dotfiles/hedge_history")
        #expect(try entries(target) == ["help ls"])
    }
}
