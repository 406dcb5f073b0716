import Foundation
import Testing

/// The harness itself, on ordinary programs.
@Suite(.serialized) struct PseudoTerminalTests {
    private let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm"]

    @Test func catEchoesAndEndsOnControlD() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.send("hello pty\r")
        try terminal.expect("hello pty")  // the terminal's echo
        try terminal.expect("hello pty")  // cat's copy
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func childHasTheTerminalAsControllingTerminalWithTheGivenSize() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sh",
                                          arguments: ["-c", "exec 3</dev/tty && echo ctty-ok; stty size"],
                                          environment: environment, columns: 97, rows: 31)
        try terminal.expect("ctty-ok")
        try terminal.expect("31 97")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func controlCInterruptsTheForegroundProgram() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "echo ready; exec sleep 20"],
                                          environment: environment)
        try terminal.expect("ready")
        Thread.sleep(forTimeInterval: 0.2)
        try terminal.send("\u{03}")
        #expect(try terminal.waitForExit(timeout: .seconds(3)) == .signaled(SIGINT))
    }

    @Test func expectTimesOutWithTheTranscript() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat", environment: environment)
        try terminal.send("abc\r")
        #expect(throws: PseudoTerminalError.self) { try terminal.expect("never printed", timeout: .milliseconds(300)) }
    }

    @Test func hedgeIsBuiltNextToTheTests() {
        #expect(BuiltProducts.executable(named: "hedge") != nil)
    }
}

@Suite struct TerminalScreenTests {
    @Test func redrawsWithCursorMovementsAreFollowed() {
        var screen = TerminalScreen(width: 80)
        screen.feed(Array("hedge> reg\r\u{1B}[11Gress ".utf8))
        #expect(screen.cursorLine == "hedge> regress")
        screen.feed(Array("\r\u{1B}[K".utf8))
        #expect(screen.cursorLine == "")
        screen.feed(Array("\r\nhedge> é漢\u{08}\u{08}x".utf8))
        #expect(screen.cursorLine == "hedge> x漢")
        #expect(screen.row == 1)
    }
}
