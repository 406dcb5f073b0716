import Foundation
import Testing
@testable import HedgeCore

struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test func knownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

struct PriceCacheTests {
    let day = { (m: Int, d: Int) in Day(year: 2024, month: m, day: d)! }

    func entry(from: Day?, to: Day, fetched: Day, hour: Int = 12) -> CacheEntry {
        CacheEntry(ticker: "AAPL", fetchedAt: fetched.unixSeconds + hour * 3600, from: from, to: to,
                   source: "http://x", rows: 3, sha256: String(repeating: "0", count: 64))
    }

    @Test func unixTimesBecomeLocalDays() {
        // 2024-04-01 07:00 UTC is 08:00 in London (BST) and 03:00 in New York: both 2024-04-01.
        #expect(Day(unixSeconds: 1_711_954_800, offsetSeconds: 3600).description == "2024-04-01")
        #expect(Day(unixSeconds: 1_711_954_800, offsetSeconds: -4 * 3600).description == "2024-04-01")
        // 02:00 UTC is still the previous evening in New York.
        #expect(Day(unixSeconds: 1_711_936_800, offsetSeconds: -4 * 3600).description == "2024-03-31")
        #expect(Day(unixSeconds: -1, offsetSeconds: 0).description == "1969-12-31")
    }

    @Test func metadataRoundTrips() {
        let original = entry(from: day(1, 2), to: day(6, 28), fetched: day(7, 1))
        #expect(CacheEntry(text: original.text) == original)
        let whole = entry(from: nil, to: day(6, 28), fetched: day(7, 1))
        #expect(CacheEntry(text: whole.text) == whole)
        #expect(CacheEntry(text: "ticker=AAPL\nfetched=x\n") == nil)
        #expect(CacheEntry.utc(day(7, 1).unixSeconds + 3 * 3600 + 4 * 60 + 5) == "2024-07-01 03:04:05 UTC")
    }

    @Test func policyServesRangesEndingBeforeTheFetch() {
        let cached = entry(from: day(1, 2), to: day(7, 1), fetched: day(7, 1))
        #expect(CachePolicy.decide(entry: cached, from: day(1, 2), to: day(6, 30), refresh: false, offline: false) == .serve)
        #expect(CachePolicy.decide(entry: cached, from: day(3, 1), to: day(5, 1), refresh: false, offline: false) == .serve)
        // Reaching the day of the fetch, past it, or open-ended: fetch again.
        if case .fetch = CachePolicy.decide(entry: cached, from: day(1, 2), to: day(7, 1), refresh: false, offline: false) {} else { Issue.record("served the fetch day") }
        if case .fetch = CachePolicy.decide(entry: cached, from: day(1, 2), to: nil, refresh: false, offline: false) {} else { Issue.record("served an open range") }
        // Earlier than asked for before.
        if case .fetch = CachePolicy.decide(entry: cached, from: day(1, 1), to: day(5, 1), refresh: false, offline: false) {} else { Issue.record("served an earlier start") }
        #expect(CachePolicy.decide(entry: cached, from: day(1, 2), to: day(5, 1), refresh: true, offline: false) == .fetch(reason: "refresh"))
        #expect(CachePolicy.decide(entry: nil, from: day(1, 2), to: day(5, 1), refresh: false, offline: false) == .fetch(reason: "not in the cache"))
    }

    @Test func offlineServesWhatTheCacheHasAndSaysWhatIsMissing() {
        let cached = entry(from: day(1, 2), to: day(7, 1), fetched: day(7, 1))
        #expect(CachePolicy.decide(entry: cached, from: day(2, 1), to: day(6, 1), refresh: false, offline: true) == .serve)
        #expect(CachePolicy.decide(entry: cached, from: day(2, 1), to: nil, refresh: true, offline: true)
                == .serveIncomplete("the cache has nothing after 2024-07-01 (fetched 2024-07-01 12:00:00 UTC)"))
        #expect(CachePolicy.decide(entry: nil, from: day(2, 1), to: nil, refresh: false, offline: true) == .unavailable("not in the cache"))
    }

    @Test func storeListLookupClear() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hedge-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = PriceCache(directory: directory + "/nested")
        let bars = PriceBars(ticker: "BRK.B", dates: [day(1, 2), day(1, 3)], open: [1, 2], high: [1.5, 2.5],
                             low: [0.5, 1.5], close: [1.25, .nan], adjustedClose: [1.2, 2.2], volume: [100, 0],
                             dividends: [0, 0.1], splits: [0, 0])
        let stored = try cache.store(bars, fetchedAt: 1_720_000_000, from: day(1, 1), to: day(1, 31), source: "test")
        #expect(cache.lookup("BRK.B") == .valid(stored))
        #expect(cache.lookup("MSFT") == .missing)
        let csv = try String(contentsOfFile: cache.csvPath("BRK.B"), encoding: .utf8)
        #expect(csv == PriceBars.csvHeader + "\n2024-01-02,1.2,1.25,0.0,1.5,0.5,1.0,0.0,100.0\n2024-01-03,2.2,,0.1,2.5,1.5,2.0,0.0,0.0\n")
        let panel = try PanelLoader.load(paths: [cache.csvPath("BRK.B")])
        #expect(panel.tickers == ["BRK.B"])
        #expect(panel.values[.price]?[0] == [1.2, 2.2])
        try "garbage".write(toFile: cache.metaPath("BRK.B"), atomically: true, encoding: .utf8)
        #expect(cache.lookup("BRK.B") == .corrupt("its metadata file is unreadable"))
        #expect(cache.list().map(\.ticker) == ["BRK.B"])
        #expect(cache.clear(["BRK.B"]) == ["BRK.B"])
        #expect(cache.list().isEmpty)
    }

    @Test func cacheDirectoryFollowsTheEnvironment() {
        #expect(PriceCache.directory(environment: ["HEDGE_CACHE_DIR": "/a", "XDG_CACHE_HOME": "/b", "HOME": "/h"]) == "/a")
        #expect(PriceCache.directory(environment: ["XDG_CACHE_HOME": "/b", "HOME": "/h"]) == "/b/hedge")
        #expect(PriceCache.directory(environment: ["HOME": "/h"]) == "/h/.cache/hedge")
        #expect(PriceCache.normalizedTicker("brk-b") == "BRK-B")
        #expect(PriceCache.normalizedTicker("^gspc") == "^GSPC")
        #expect(PriceCache.normalizedTicker("../etc") == nil)
        #expect(PriceCache.normalizedTicker("a/b") == nil)
    }
}
