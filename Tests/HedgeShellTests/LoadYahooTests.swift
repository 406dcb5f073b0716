import Foundation
import Testing
import HedgeCore
import YahooFixtureServer
@testable import HedgeShell

/// `load yahoo`, `cache`, `describe` and replay checks through the real `hedge-fetch` helper against the
/// loopback fixture server of HedgeFetchTests (never the real service).
@Suite(.serialized) struct LoadYahooTests {
    /// The fixture server (`Tests/HedgeFetchTests/Fixtures/yahoo/server.py`) on a free loopback port.
    typealias Server = YahooFixtureServer

    func session(server: Server, cache: String, offline: Bool = false) -> (TestSession, Session) {
        let test = TestSession()
        var variables = ProcessInfo.processInfo.environment
        variables["HEDGE_CACHE_DIR"] = cache
        variables["HEDGE_YAHOO_URL"] = "http://127.0.0.1:\(server.port)"
        variables["HEDGE_OFFLINE"] = nil
        test.session.environment.variables = variables
        test.session.environment.offline = offline
        return (test, test.session)
    }

    @Test func fetchCacheOfflineAndCorruptEntries() throws {
        let server = try Server()
        let t = TestSession()
        let cache = t.path("cache")
        let (s, _) = session(server: server, cache: cache)
        let first = s.run("load yahoo SYNQ VOD.L ^GSPC BRK-B from 2024-01-01 to 2024-06-28 as y")
        #expect(first.ok, "\(first.err)")
        #expect(first.out.hasPrefix("y: dataset, 4 tickers × 93 days, 2024-01-02 … 2024-05-09\n  source: yahoo; tickers: BRK-B, SYNQ, VOD.L, ^GSPC"))
        #expect(first.out.contains("see `describe y`"))
        let listing = s.run("cache ls").out
        #expect(listing.contains("SYNQ   2024-01-01 … 2024-06-28"))

        // The server is gone: a range ending before the fetch comes from the cache.
        server.stop()
        let cached = s.run("load yahoo SYNQ VOD.L from 2024-02-01 to 2024-03-29 as c")
        #expect(cached.ok, "\(cached.err)")
        #expect(cached.out.contains("source: yahoo (cache)"))
        // An open range needs a fetch, which fails with the ticker named; the workspace keeps no `z`.
        let open = s.run("load yahoo SYNQ from 2024-02-01 as z")
        #expect(!open.ok && open.err.contains("load yahoo: SYNQ: cannot reach 127.0.0.1"))
        #expect(!s.run("ls").out.contains("z "))

        // Offline: served from the cache, with a note; a ticker not cached is named.
        let (offline, _) = session(server: server, cache: cache, offline: true)
        let served = offline.run("load yahoo SYNQ from 2024-02-01 as o")
        #expect(served.ok && served.out.contains("offline: SYNQ: the cache has nothing after 2024-06-28"))
        let missing = offline.run("load yahoo SYNQ MSFT from 2024-02-01 as o2")
        #expect(missing.err.contains("offline, and the cache has no data for MSFT"))

        // A corrupted cache file is reported and not trusted.
        let csv = cache + "/SYNQ.csv"
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "2024-01-03,", with: "2024-01-04,")
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let corrupt = offline.run("load yahoo SYNQ from 2024-02-01 to 2024-03-01")
        #expect(!corrupt.ok && corrupt.err.contains("the cache has no data for SYNQ (its entry is corrupt: its CSV does not match the recorded SHA-256)"))
        #expect(offline.run("cache ls").out.contains("corrupt: its CSV does not match the recorded SHA-256"))
        #expect(offline.run("cache clear SYNQ").out == "removed SYNQ from the price cache\n")
        #expect(!offline.run("cache ls").out.contains("SYNQ"))
    }

    @Test func errorsNameTheTickerAndChangeNothing() throws {
        let server = try Server()
        defer { server.stop() }
        let t = TestSession()
        let (s, _) = session(server: server, cache: t.path("cache"))
        let result = s.run("load yahoo SYNQ NOSUCH from 2024-01-01 to 2024-06-28 as y")
        #expect(!result.ok)
        #expect(result.err == "error: load yahoo: NOSUCH: Yahoo says Not Found: No data found, symbol may be delisted (HTTP 404)\n")
        #expect(s.run("ls").out.contains("workspace is empty"))
        #expect(!s.run("load yahoo 'a/b'").ok)
    }

    @Test func saveWritesTheRangeAndFingerprintAndReplayNoticesChanges() throws {
        let server = try Server()
        defer { server.stop() }
        let t = TestSession()
        let cache = t.path("cache")
        let (s, session) = session(server: server, cache: cache)
        #expect(s.run("load yahoo synq from 2024-01-01 to 2024-06-28 as y").ok)
        #expect(s.run("save \(t.path("y.hedge"))").ok)
        let script = try String(contentsOfFile: t.path("y.hedge"), encoding: .utf8)
        #expect(script.contains("load yahoo SYNQ from 2024-01-01 to 2024-06-28 as y fingerprint 69_2024-01-02_2024-04-08_"))
        #expect(s.run("run \(t.path("y.hedge"))").out.contains("warning") == false)

        // Change one close in the cache (a valid entry with other data), then replay.
        let cacheStore = PriceCache(directory: cache)
        let loaded = try PanelLoader.load(paths: [cacheStore.csvPath("SYNQ")])
        var bars = PriceBars(ticker: "SYNQ", dates: loaded.dates)
        let column = { (f: Field) in loaded.values[f]?[0] ?? [] }
        bars.open = column(.open); bars.high = column(.high); bars.low = column(.low); bars.close = column(.close)
        bars.adjustedClose = column(.price); bars.volume = column(.volume)
        bars.dividends = Array(repeating: 0, count: loaded.dates.count); bars.splits = bars.dividends
        bars.adjustedClose[40] += 1
        try cacheStore.store(bars, fetchedAt: Int(Date().timeIntervalSince1970), from: Day(year: 2024, month: 1, day: 1),
                             to: Day(year: 2024, month: 6, day: 28)!, source: "test")
        let warned = s.run("run \(t.path("y.hedge"))")
        #expect(warned.ok)
        #expect(warned.out.contains("warning: the data of `load yahoo … as y` changed since the script was saved: values changed, the first in 2024-02"))
        let strict = s.run("run \(t.path("y.hedge")) strict")
        #expect(!strict.ok && strict.err.contains("(strict)"))
        #expect(session.environment.strict == false)
    }

    @Test func describeShowsTheTableAndWarnings() throws {
        let t = TestSession()
        t.write("A.csv", "Date,Adj Close,Volume\n2024-01-02,10,5\n2024-01-03,11,0\n2024-01-04,12,5\n")
        t.write("QQQ.csv", "Date,Adj Close,Volume\n2024-01-02,10,5\n2024-01-03,11,5\n2024-01-04,12,5\n2024-01-05,12.5,5\n")
        let load = t.run("load A.csv QQQ.csv as d")
        #expect(load.out.contains("warning: the benchmark QQQ has 1 date no basket ticker has (first 2024-01-05); the notebook's weighting counts it as 0.0 returns (and 1 more); see `describe d`"))
        let out = t.run("describe d").out
        #expect(out.contains("QQQ (benchmark)"))
        #expect(out.contains("  - A ends 2024-01-04, 1 day before the others"))
        #expect(!t.run("describe d vs MSFT").ok)
    }

    @Test func badPricesAreLoadedButNamedWhereReturnsWouldBeUndefined() {
        let t = TestSession()
        t.write("AAA.csv", "Date,Adj Close,Volume\n2024-01-02,10,5\n2024-01-03,11,5\n2024-01-04,12,5\n")
        t.write("BRK.B.csv", "Date,Adj Close,Close,Volume\n2024-01-02,10,10,5\n2024-01-03,inf,11,5\n2024-01-04,0,12,5\n")
        let load = t.run("load AAA.csv BRK.B.csv as d")
        #expect(load.ok && load.out.contains("tickers: AAA, BRK.B"))
        #expect(load.out.contains("warning: BRK.B has 2 zero, negative or infinite prices (first 2024-01-03)"))
        #expect(t.run("show d.BRK.B.volume").ok)
        #expect(t.run("show d.BRK.B").err.contains("d.BRK.B has price inf on 2024-01-03, which makes its returns undefined"))
        #expect(t.run("weight d by equal as p").err.contains("weight: BRK.B has price inf on 2024-01-03"))
        #expect(t.run("weight d by equal exclude BRK.B as p").ok)
    }
}
