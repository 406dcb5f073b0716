import Foundation
import Testing
import YahooFixtureServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `load yahoo` in the real `hedge` binary on a pseudo-terminal, against the loopback fixture server of
/// HedgeFetchTests (`Tests/HedgeFetchTests/Fixtures/yahoo/server.py`; never the real service): Ctrl-C ends
/// the fetch helper and the whole load, and the progress line is shown on a terminal and cleared at the end.
@Suite(.serialized) struct LoadYahooTerminalTests {
    private let prompt = "hedge> "
    private let controlC = "\u{03}"
    private let controlD = "\u{04}"

    /// The fixture server on a free loopback port; killed when released.
    typealias FixtureServer = YahooFixtureServer

    /// A fresh directory for the history file, HOME and the price cache.
    private struct Scratch {
        let directory: URL
        var cache: String { directory.appendingPathComponent("cache").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("hedge-yahoo-pty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        func remove() { try? FileManager.default.removeItem(at: directory) }

        /// Files in the price cache (none when it does not exist).
        func cacheFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).sorted()
        }
    }

    private func environment(_ scratch: Scratch, server: FixtureServer) -> [String: String] {
        ["HEDGE_HISTORY": scratch.directory.appendingPathComponent("hist").path, "HOME": scratch.directory.path,
         "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
         "HEDGE_YAHOO_URL": server.baseURL, "HEDGE_CACHE_DIR": scratch.cache]
    }

    private func startHedge(_ scratch: Scratch, server: FixtureServer) throws -> PseudoTerminal {
        let hedge = try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built")
        let terminal = try PseudoTerminal(executable: hedge, environment: environment(scratch, server: server))
        try terminal.expect(prompt, timeout: .seconds(20))
        return terminal
    }

    /// `hedge -c COMMANDS` off a terminal (stdin empty), not started yet.
    private func batchHedge(_ commands: String, _ scratch: Scratch, _ server: FixtureServer,
                            output: Any, errors: Any) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built"))
        process.arguments = ["-c", commands]
        process.environment = environment(scratch, server: server)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// The live (or not yet reaped) children of `parent`, with their command names, read from /proc.
    private func children(of parent: pid_t) -> [(pid: pid_t, name: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> (pid_t, String)? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            // `pid (comm) state ppid …`; comm may hold spaces and parentheses, hence the last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return (pid, String(stat[stat.index(after: open)..<close]))
        }
    }

    /// Waits until `parent` has a child named `name` (the kernel truncates names to 15 bytes).
    private func waitForChild(of parent: pid_t, named name: String, timeout: Duration = .seconds(20)) -> pid_t? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let child = children(of: parent).first(where: { $0.name == String(name.prefix(15)) }) { return child.pid }
            Thread.sleep(forTimeInterval: 0.05)
        } while ContinuousClock.now < deadline
        return nil
    }

    /// The rows of the screen, without trailing blanks.
    private func screenLines(_ terminal: PseudoTerminal) -> [String] {
        terminal.screen.lines.map { line in
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    @Test func controlCEndsTheFetchHelperAndTheWholeLoad() throws {
        let server = try FixtureServer()
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch, server: server)
        try terminal.send("load demo as d\r")
        try terminal.expect(prompt, timeout: .seconds(20))

        // STALL never answers: the load waits on the network until Ctrl-C.
        try terminal.send("load yahoo STALL from 2024-01-01 to 2024-06-28 as y\r")
        try terminal.expect("fetching STALL from Yahoo", timeout: .seconds(20))
        let helper = try #require(waitForChild(of: terminal.processID, named: "hedge-fetch"), "no hedge-fetch child started")
        #expect(try server.waitFor { ($0["/v8/finance/chart/STALL"] ?? 0) >= 1 }, "the request never reached the server")
        try terminal.send(controlC)

        let interrupted = try terminal.expect(prompt, timeout: .seconds(20))
        #expect(interrupted.contains("load yahoo: interrupted"), "\(interrupted.debugDescription)")
        // The helper is gone (and reaped), and the server saw its connection close.
        #expect(children(of: terminal.processID).isEmpty, "children left: \(children(of: terminal.processID))")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(helper)"), "hedge-fetch (pid \(helper)) still exists")
        #expect(try server.waitFor(.seconds(10)) { $0["/__closed/STALL"] == 1 }, "the server never saw the fetch end")
        // The progress line does not stay on the screen.
        #expect(!screenLines(terminal).contains { $0.contains("fetching STALL") }, "\(screenLines(terminal))")

        // The workspace is as it was and nothing reached the cache (not even a temporary file).
        try terminal.send("ls\r")
        let listing = try terminal.expect(prompt, timeout: .seconds(20))
        #expect(listing.contains("\nd "), "\(listing.debugDescription)")
        #expect(!listing.contains("\ny "), "\(listing.debugDescription)")
        #expect(scratch.cacheFiles().isEmpty, "\(scratch.cacheFiles())")

        // The shell still works, and a later load of a normal ticker goes through.
        try terminal.send("load yahoo SYNQ from 2024-01-01 to 2024-06-28 as s\r")
        let loaded = try terminal.expect(prompt, timeout: .seconds(30))
        #expect(loaded.contains("s: dataset, 1 ticker × 69 days"), "\(loaded.debugDescription)")

        // Several tickers, one of them stalled: Ctrl-C drops the whole load, though the ticker that was
        // fetched completely stays in the cache as a whole, valid entry (the cache keeps every fetch).
        try terminal.send("load yahoo VOD.L STALL from 2024-01-01 to 2024-06-28 as v\r")
        try terminal.expect("VOD.L: 50 rows (1/2 done)", timeout: .seconds(20))
        #expect(try server.waitFor { ($0["/v8/finance/chart/STALL"] ?? 0) >= 2 }, "the second request never reached the server")
        try terminal.send(controlC)
        let second = try terminal.expect(prompt, timeout: .seconds(20))
        #expect(second.contains("load yahoo: interrupted"), "\(second.debugDescription)")
        #expect(children(of: terminal.processID).isEmpty, "children left: \(children(of: terminal.processID))")
        #expect(try server.waitFor(.seconds(10)) { $0["/__closed/STALL"] == 2 }, "the server never saw the second fetch end")
        try terminal.send("ls\r")
        let after = try terminal.expect(prompt, timeout: .seconds(20))
        #expect(after.contains("\nd ") && after.contains("\ns ") && !after.contains("\nv "), "\(after.debugDescription)")
        #expect(scratch.cacheFiles() == ["SYNQ.csv", "SYNQ.meta", "VOD.L.csv", "VOD.L.meta"], "\(scratch.cacheFiles())")
        try terminal.send("cache ls\r")
        let listing2 = try terminal.expect(prompt, timeout: .seconds(20))
        #expect(!listing2.contains("corrupt") && listing2.contains("VOD.L  2024-01-01 … 2024-06-28"), "\(listing2.debugDescription)")
        try terminal.send(controlD)
        #expect(try terminal.waitForExit(timeout: .seconds(20)) == .exited(0))
    }

    /// `kill -INT` to hedge alone (not the terminal's process group): hedge forwards it to the helper,
    /// so the load ends at once instead of at the helper's 20 s network timeout.
    @Test func anInterruptSentToHedgeAloneEndsTheFetch() throws {
        let server = try FixtureServer()
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch, server: server)
        try terminal.send("load yahoo STALL from 2024-01-01 to 2024-06-28 as y\r")
        try terminal.expect("fetching STALL from Yahoo", timeout: .seconds(20))
        let helper = try #require(waitForChild(of: terminal.processID, named: "hedge-fetch"), "no hedge-fetch child started")
        #expect(try server.waitFor { ($0["/v8/finance/chart/STALL"] ?? 0) >= 1 }, "the request never reached the server")
        let sent = ContinuousClock.now
        kill(terminal.processID, SIGINT)
        let interrupted = try terminal.expect(prompt, timeout: .seconds(10))
        #expect(ContinuousClock.now - sent < .seconds(5), "the load ended only after \(ContinuousClock.now - sent)")
        #expect(interrupted.contains("load yahoo: interrupted"), "\(interrupted.debugDescription)")
        #expect(children(of: terminal.processID).isEmpty, "children left: \(children(of: terminal.processID))")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(helper)"), "hedge-fetch (pid \(helper)) still exists")
        #expect(try server.waitFor(.seconds(10)) { $0["/__closed/STALL"] == 1 }, "the server never saw the fetch end")
        try terminal.send(controlD)
        #expect(try terminal.waitForExit(timeout: .seconds(20)) == .exited(0))
    }

    /// A batch hedge that dies (here by SIGKILL, which nothing can catch) takes its fetch helper with it.
    @Test func theHelperEndsWhenABatchHedgeDies() throws {
        let server = try FixtureServer()
        let scratch = try Scratch(); defer { scratch.remove() }
        let process = try batchHedge("load yahoo STALL from 2024-01-01 to 2024-06-28 as y", scratch, server,
                                     output: FileHandle.nullDevice, errors: FileHandle.nullDevice)
        try process.run()
        let helper = try #require(waitForChild(of: process.processIdentifier, named: "hedge-fetch"), "no hedge-fetch child started")
        #expect(try server.waitFor { ($0["/v8/finance/chart/STALL"] ?? 0) >= 1 }, "the request never reached the server")
        kill(process.processIdentifier, SIGKILL)
        // The helper notices its parent is gone within a fraction of a second (not at its 20 s timeout).
        // (`waitUntilExit` comes last: Foundation's Process also waits for the descriptors the helper inherited.)
        #expect(try server.waitFor(.seconds(5)) { $0["/__closed/STALL"] == 1 }, "the helper kept fetching after hedge died")
        let deadline = ContinuousClock.now + .seconds(5)
        while Self.isRunning(helper), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!Self.isRunning(helper), "hedge-fetch (pid \(helper)) still runs")
        process.waitUntilExit()
    }

    /// Whether `pid` exists and is not a zombie.
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    @Test func progressLineIsShownWhileFetchingAndClearedAtTheEnd() throws {
        let server = try FixtureServer()
        let scratch = try Scratch(); defer { scratch.remove() }
        let terminal = try startHedge(scratch, server: server)
        // SLOW answers after 3 s: its progress line is on the screen meanwhile.
        try terminal.send("load yahoo SYNQ VOD.L ^GSPC BRK-B SLOW from 2024-01-01 to 2024-06-28 as y\r")
        try terminal.expect("fetching SLOW from Yahoo… (", timeout: .seconds(20))
        try terminal.expect("(5/5 done)", timeout: .seconds(30))
        let rest = try terminal.expect(prompt, timeout: .seconds(30))
        #expect(rest.contains("y: dataset, 5 tickers × "), "\(rest.debugDescription)")
        let screen = screenLines(terminal)
        #expect(!screen.contains { $0.contains(" done)") || $0.contains("fetching ") }, "\(screen)")
        #expect(screen.contains { $0.hasPrefix("y: dataset, 5 tickers × ") }, "\(screen)")
        try terminal.send(controlD)
        #expect(try terminal.waitForExit(timeout: .seconds(20)) == .exited(0))
    }

    @Test func noProgressTextWhenOutputIsNotATerminal() throws {
        let server = try FixtureServer()
        let scratch = try Scratch(); defer { scratch.remove() }
        let out = Pipe(), err = Pipe()
        let process = try batchHedge("load yahoo SYNQ VOD.L from 2024-01-01 to 2024-06-28 as y", scratch, server,
                                     output: out, errors: err)
        try process.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(e)")
        #expect(e.isEmpty, "\(e.debugDescription)")
        #expect(o.hasPrefix("y: dataset, 2 tickers × "), "\(o.debugDescription)")
        #expect(!o.contains("done)") && !o.contains("\u{1B}"), "\(o.debugDescription)")
    }
}
