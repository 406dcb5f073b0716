import Foundation
import Synchronization
import Testing
import HedgeCore
@testable import HedgeShell

/// `undo`, `timer` and `history`: commands about the session itself.
@Suite struct SessionCommandTests {
    @Test func undoStepsBackOneChangeAtATimeToTheStart() throws {
        let t = TestSession()
        t.run("load demo as d")
        let afterLoad = t.session.workspace
        t.run("weight d by equal as e")
        t.run("ls")                       // changes nothing: not an undo step
        t.run("rename e eq")
        let r = t.run("undo")
        #expect(r.ok && r.out == "undid: rename e eq\n", "\(r.out)\(r.err)")
        #expect(t.session.workspace.names == ["d", "e"])
        #expect(t.run("undo").out == "undid: weight d by equal as e\n")
        #expect(t.session.workspace == afterLoad)
        #expect(t.run("undo").ok)
        #expect(t.session.workspace.names.isEmpty)
        let nothing = t.run("undo")
        #expect(!nothing.ok && nothing.err.contains("undo: nothing to undo"))
    }

    /// A universe's load report names a few tickers, not all 40; a basket's names every one.
    @Test func aUniversesLoadReportAbbreviatesItsTickers() {
        let t = TestSession()
        let names = (0..<40).map { String(format: "T%02d", $0) }
        var text = "Date," + names.joined(separator: ",") + "\n"
        for day in 3...9 { text += "2024-01-0\(day)," + names.map { _ in "\(100 + day)" }.joined(separator: ",") + "\n" }
        t.write("wide.csv", text)
        let r = t.run("load wide.csv as u")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("tickers: T00, T01, T02, T03, T04, T05, T06, T07, …, T38, T39 (40; `describe u` lists them); fields: price"),
                "\(r.out)")
        #expect(!r.out.contains("T20"))
        let basket = t.run("load demo as d")
        #expect(basket.out.contains("tickers: SYNA, SYNB, SYNC, SYND, SYNE, SYNF, SYNG, SYNIDX; fields"), "\(basket.out)")
        #expect(t.run("describe u").out.contains("T20"))
    }

    @Test func saveAfterUndoWritesTheUndoneState() throws {
        let t = TestSession()
        t.run("load demo as d")
        t.run("weight d by equal as e")
        t.run("drop e")
        t.run("undo")
        #expect(t.run("save s.hedge").ok)
        let script = try #require(t.read("s.hedge"))
        #expect(script.contains("weight d by equal as e\n") && !script.contains("drop"), "\(script)")
    }

    @Test func undoIsRefusedInsideAScript() {
        let t = TestSession()
        t.write("u.hedge", "load demo as d\nundo\n")
        let r = t.run("run u.hedge")
        #expect(!r.ok && r.err.contains("u.hedge:2:1: undo: undo works at the prompt"), "\(r.err)")
    }

    @Test func timerPrintsEachCommandsWallTime() {
        let output = BufferedOutput()
        let ticks = Ticks()
        let session = Session(output: output, environment: ShellEnvironment(currentDirectory: NSTemporaryDirectory(),
                                                                            stopwatch: { ticks.next() }))
        session.execute("timer on")
        #expect(output.output.isEmpty)
        session.execute("ls")
        #expect(output.output.hasSuffix("\nRun Time: 0.250 s\n"), "\(output.output)")
        session.execute("timer off; ls")
        #expect(output.output.components(separatedBy: "Run Time").count == 2)
        #expect(!session.execute("timer maybe"))
    }

    @Test func historyListsTheLastCommandsNumbered() {
        let t = TestSession()
        t.run("load demo as d")
        t.run("frobnicate")
        t.run("ls; weight d by equal as e")
        #expect(t.run("history 2").out == "4  weight d by equal as e\n5  history 2\n")
        let all = t.run("history").out
        #expect(all.hasPrefix("1  load demo as d\n2  frobnicate\n3  ls\n"), "\(all)")
        #expect(!t.run("history 0").ok)
    }
}

/// A fake monotonic clock: each reading is a quarter second after the previous one.
private final class Ticks: Sendable {
    private let quarters = Atomic<Int>(0)
    func next() -> Double { Double(quarters.add(1, ordering: .relaxed).newValue) / 4 }
}
