import Foundation
import Testing

/// The real `hedge` binary on a pseudo-terminal. Assertions hold for the skeleton session (which
/// echoes each line) and for the real shell (`help X` prints X's synopsis).
@Suite(.serialized) struct InteractiveTerminalTests {
    private let prompt = "hedge> "
    private let up = "\u{1B}[A"
    private let controlC = "\u{03}"
    private let controlD = "\u{04}"

    /// A temporary home with the history file path inside it.
    private struct Scratch {
        let directory: URL
        var historyPath: String { directory.appendingPathComponent("hist").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("hedge-pty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    private func startHedge(_ scratch: Scratch, arguments: [String] = []) throws -> PseudoTerminal {
        let hedge = try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built")
        let environment = ["HEDGE_HISTORY": scratch.historyPath, "HOME": scratch.directory.path, "TERM": "xterm",
                           "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let terminal = try PseudoTerminal(executable: hedge, arguments: arguments, environment: environment)
        try terminal.expect(prompt)
        return terminal
    }

    /// The history file's entries (libedit encodes them with strvis: `\040` for a space).
    private func historyEntries(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { unvis(String($0)) }
    }

    private func unvis(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(encoded.utf8)[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = input.first else { bytes.append(byte); continue }
            let octal = input.prefix(3)
            if octal.count == 3, octal.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) {
                bytes.append(octal.reduce(0) { $0 * 8 + ($1 - UInt8(ascii: "0")) })
                input = input.dropFirst(3)
            } else {
                bytes.append(next)
                input = input.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func promptAppearsAndControlDExitsWithStatusZero() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesTheCommandWord() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("reg\t")
        try terminal.expectCursorLine("hedge> regress")
        try terminal.send(controlC)
        try terminal.expect(prompt)
        try terminal.send("help reg\t")
        try terminal.expectCursorLine("hedge> help regress")
        try terminal.send("\r")
        let executed = try terminal.expect(prompt)
        #expect(executed.contains("regress"))
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try historyEntries(scratch.historyPath) == ["help regress "])
    }

    @Test func severalMatchesAreListedUnderTheLine() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("help re\t")
        let listing = try terminal.expect("rename")
        #expect(listing.contains("regress"))
        try terminal.expect(prompt)  // the line is redrawn under the list
        try terminal.send(controlC)
        try terminal.expect(prompt)
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func upArrowRecallsThePreviousCommand() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("help ls\r")
        try terminal.expect(prompt)
        try terminal.send(up)
        try terminal.expectCursorLine("hedge> help ls")
        try terminal.send("\r")
        let output = try terminal.expect(prompt)
        #expect(output.contains("ls"))
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        // The recalled repeat is not stored twice.
        #expect(try historyEntries(scratch.historyPath) == ["help ls"])
    }

    @Test func controlCAbandonsThePartialLineAndTheSessionGoesOn() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("help sho")
        try terminal.expect("help sho")
        try terminal.send(controlC)
        try terminal.expect(prompt)
        try terminal.send("help ls\r")
        let output = try terminal.expect(prompt)
        #expect(output.contains("ls"))
        #expect(!output.contains("shohelp"))
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try historyEntries(scratch.historyPath) == ["help ls"])
    }

    @Test func historyIsSavedAfterEachCommandPrivatelyAndReloaded() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("help ls\r")
        try terminal.expect(prompt)
        // Saved before exit: a crash would lose nothing.
        #expect(try historyEntries(scratch.historyPath) == ["help ls"])
        try terminal.send("help ls\r")
        try terminal.expect(prompt)
        try terminal.send("   \r")
        try terminal.expect(prompt)
        try terminal.send("help show\r")
        try terminal.expect(prompt)
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try historyEntries(scratch.historyPath) == ["help ls", "help show"])
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.historyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let again = try startHedge(scratch)
        try again.send(up)
        try again.expectCursorLine("hedge> help show")
        try again.send(controlC)
        try again.expect(prompt)
        try again.send(controlD)
        #expect(try again.waitForExit() == .exited(0))
    }

    @Test func noHistoryOptionWritesNoFile() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch, arguments: ["--no-history"])
        try terminal.send("help ls\r")
        try terminal.expect(prompt)
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(!FileManager.default.fileExists(atPath: scratch.historyPath))
        #expect(!FileManager.default.fileExists(atPath: scratch.directory.appendingPathComponent(".hedge_history").path))
    }

    @Test func backslashContinuesTheCommand() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("help \\\r")
        try terminal.expect("..> ")
        try terminal.send("regress\r")
        try terminal.expect(prompt)
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(try historyEntries(scratch.historyPath) == ["help regress"])
    }

    @Test func quitLeavesWithStatusZero() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch)
        try terminal.send("quit\r")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func controlCDuringALongCommandCancelsItAndKeepsTheWorkspace() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        // A wide CSV of ~45 MB: slow enough to load in a debug build that Ctrl-C lands mid-load.
        let big = scratch.directory.appendingPathComponent("big.csv").path
        let columns = (1...100).map { "T\($0)" }.joined(separator: ",")
        let suffix = String(repeating: ",101.25", count: 100) + "\n"
        var text = "Date,\(columns)\n"
        text.reserveCapacity(110_000 * (suffix.utf8.count + 11))
        var day = 0
        for year in 1800...2099 {
            for month in 1...12 {
                for dayOfMonth in 1...28 {
                    text += String(format: "%04d-%02d-%02d", year, month, dayOfMonth) + suffix
                    day += 1
                }
            }
        }
        try text.write(toFile: big, atomically: false, encoding: .utf8)
        let terminal = try startHedge(scratch)
        try terminal.send("load demo as d\r")
        try terminal.expect(prompt)
        try terminal.send("load \(big) as big\r")
        try terminal.expect("as big")
        Thread.sleep(forTimeInterval: 0.2)
        try terminal.send(controlC)
        try terminal.expect("interrupted", timeout: .seconds(20))
        try terminal.expect(prompt)
        try terminal.send("ls\r")
        let listing = try terminal.expect(prompt)
        #expect(listing.contains("demo (synthetic)"))
        #expect(!listing.contains("big "))
        try terminal.send(controlD)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
