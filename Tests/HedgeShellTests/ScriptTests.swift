import Foundation
import Testing
@testable import HedgeShell

@Suite struct ScriptTests {
    @Test func firstErrorStopsTheScriptWithFileLineAndColumn() {
        let t = TestSession()
        t.write("s.hedge", """
        # comment
        load demo as d

        weight d by volume \\
            windw 20 as p
        weight d by equal as e
        """)
        let ok = t.session.runScript(path: "s.hedge")
        #expect(!ok)
        #expect(t.output.errors.hasPrefix("s.hedge:5:5: weight: unexpected 'windw'"), "\(t.output.errors)")
        #expect(t.output.errors.contains("did you mean 'window'"))
        #expect(t.session.workspace["d"] != nil)
        #expect(t.session.workspace["e"] == nil)
    }

    @Test func nestedRunReportsTheInnerLocationOnce() {
        let t = TestSession()
        t.write("inner.hedge", "load demo as d\n\nregress nothing on d.SYNIDX\n")
        t.write("outer.hedge", "run inner.hedge\nls\n")
        #expect(!t.run("run outer.hedge").ok)
        #expect(t.output.errors == "inner.hedge:3:9: regress: no series named 'nothing'\n")
    }

    @Test func runAtThePromptKeepsWhatTheScriptDidBeforeItsError() {
        let t = TestSession()
        t.write("half.hedge", "load demo as d\nweight d by equal as e\nregress e on nothing\nweight d by volume as never\n")
        #expect(!t.run("run half.hedge").ok)
        #expect(t.output.errors.hasPrefix("half.hedge:3:14: regress: no series named 'nothing'"))
        #expect(t.session.workspace.names == ["d", "e"])
    }

    @Test func aScriptCannotRunItself() {
        let t = TestSession()
        t.write("loop.hedge", "run loop.hedge\n")
        #expect(!t.run("run loop.hedge").ok)
        #expect(t.output.errors.contains("already running"))
    }

    @Test func nonUTF8ScriptIsAnError() {
        let t = TestSession()
        _ = FileManager.default.createFile(atPath: t.path("bad.hedge"), contents: Data([0x6C, 0x73, 0x0A, 0x6C, 0xFF, 0xFE, 0x0A]))
        #expect(!t.run("run bad.hedge").ok)
        #expect(t.output.errors.contains("bad.hedge:2: not valid UTF-8"))
    }

    @Test func unterminatedQuoteInAScriptNamesTheLine() {
        let t = TestSession()
        t.write("q.hedge", "ls\nload \"oops\n")
        #expect(!t.run("run q.hedge").ok)
        #expect(t.output.errors.hasPrefix("q.hedge:2:6: unterminated quote"))
    }
}
