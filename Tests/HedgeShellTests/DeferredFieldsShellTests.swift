import HedgeCore
import Testing
@testable import HedgeShell

/// `load` reads prices and volumes; open, high, low and close are read from the files when first used.
struct DeferredFieldsShellTests {
    private static func session() -> TestSession {
        let t = TestSession()
        t.write("AAPL.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10.5,11.25,10,11,10.75,100\n"
                + "2024-01-03,11,12.5,10.5,12,11.75,200\n2024-01-04,12,13,11.5,13,12.5,300\n")
        t.write("QQQ.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,400,401,399,400.5,400,1000\n"
                + "2024-01-03,401,402,400,401.5,401,2000\n2024-01-04,402,403,401,402.5,402,3000\n")
        return t
    }

    @Test func otherFieldsAreReadWhenAskedFor() {
        let t = Self.session()
        let load = t.run("load AAPL.csv QQQ.csv as d")
        #expect(load.ok && load.out.contains("fields: price, volume, open, high, low, close"))
        let dataset = t.session.workspace.value("d", as: DatasetObject.self)
        #expect(dataset?.panel.fields == [.price, .volume])
        let open = t.run("show d.AAPL.open")
        #expect(open.ok && open.out.contains("10.500000"))
        let view = t.run("show d.high")
        #expect(view.ok && view.out.contains("showing high") && view.out.contains("403.00"))
        #expect(t.run("export d.low to low.csv").ok)
        #expect(t.read("low.csv") == "date,AAPL,QQQ\n2024-01-02,10.0,399.0\n2024-01-03,10.5,400.0\n2024-01-04,11.5,401.0\n")
        let described = t.run("describe d")
        #expect(described.ok && described.out.contains("ADJ"))
    }

    @Test func aFileChangedAfterLoadIsNamedAndTheDatasetStays() {
        let t = Self.session()
        #expect(t.run("load AAPL.csv QQQ.csv as d").ok)
        t.write("QQQ.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,1,1,1,1,1\n")
        let low = t.run("show d.QQQ.low")
        #expect(!low.ok && low.err.contains("QQQ.csv") && low.err.contains("load it again"))
        #expect(t.run("show d.QQQ").ok)  // prices were read at load
        #expect(t.run("weight d by volume window 1 exclude QQQ as p").ok)
    }

    @Test func anEmptyAdjustedCloseIsStillNamedAtLoad() {
        let t = TestSession()
        t.write("A.csv", "Date,Close,Adj Close,Volume\n2024-01-02,10,,5\n2024-01-03,11,,5\n")
        t.write("B.csv", "Date,Close,Adj Close,Volume\n2024-01-02,10,10,5\n2024-01-03,11,11,5\n")
        let load = t.run("load A.csv B.csv as d")
        #expect(load.ok && load.out.contains("A has an empty Adj Close column next to a full Close"))
    }

    /// Scripts saved before `load` deferred fields carry a fingerprint of every field: they replay
    /// without a warning; a change in a deferred field is still noticed.
    @Test func fingerprintsOfEveryFieldStillMatch() throws {
        let t = Self.session()
        let paths = [t.path("AAPL.csv"), t.path("QQQ.csv")]
        let everyField = try #require(DataFingerprint(try PanelLoader.load(paths: paths)))
        let loaded = try #require(DataFingerprint(try PanelLoader.load(paths: paths, options: LoadOptions(fields: [.price, .volume]))))
        #expect(everyField != loaded)
        for fingerprint in [everyField, loaded] {
            let replay = t.run("load AAPL.csv QQQ.csv as d fingerprint \(fingerprint)")
            #expect(replay.ok && !replay.out.contains("warning") && !replay.err.contains("warning"), "\(fingerprint)")
        }
        t.write("AAPL.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10.5,11.25,10,11,10.75,100\n"
                + "2024-01-03,11,12.5,10.5,12,11.75,200\n2024-01-04,99,13,11.5,13,12.5,300\n")
        let changed = t.run("load AAPL.csv QQQ.csv as d fingerprint \(everyField)")
        #expect(changed.ok && (changed.out + changed.err).contains("changed since the script was saved"))
    }
}
