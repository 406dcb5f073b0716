import Foundation
import Testing
import HedgeCore
@testable import HedgeFetch

/// The Yahoo client against a real HTTP server on loopback (never the real service).
@Suite(.serialized) struct YahooFetchTests {
    static let from = Day(year: 2024, month: 1, day: 1)
    static let to = Day(year: 2024, month: 6, day: 28)!

    func client(_ server: FixtureServer, timeout: Double = 5, budget: Double = 2) -> YahooClient {
        YahooClient(settings: YahooSettings(baseURL: server.baseURL, timeout: timeout, backoffBudget: budget,
                                            firstBackoff: 0.05, concurrency: 2))
    }

    func fetchError(_ ticker: String, timeout: Double = 5, budget: Double = 2) async throws -> String {
        let server = try FixtureServer()
        defer { server.stop() }
        do {
            _ = try await client(server, timeout: timeout, budget: budget).fetch(ticker, from: Self.from, to: Self.to)
        } catch let error as HedgeError {
            return error.message
        }
        Issue.record("\(ticker) was fetched though it should fail")
        return ""
    }

    @Test func fetchedDatasetEqualsTheYfinanceCSVs() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = PriceCache(directory: directory.path)
        let tickers = ["SYNQ", "VOD.L", "^GSPC", "BRK-B"]
        let failures = await YahooFetcher.fetch(tickers, from: Self.from, to: Self.to, cache: cache,
                                                client: client(server), now: { 1_800_000_000 })
        #expect(failures.isEmpty, "\(failures)")
        let fetched = try PanelLoader.load(paths: tickers.map(cache.csvPath))
        let expected = try PanelLoader.load(paths: tickers.map { FixtureServer.fixtures + "/csv/\($0).csv" })
        #expect(fetched.tickers == ["BRK-B", "SYNQ", "VOD.L", "^GSPC"])
        #expect(samePanel(fetched, expected))
        #expect(fetched.fields == expected.fields)
    }

    @Test func dividendsSplitsAndLondonDatesMatchYfinance() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        for ticker in ["SYNQ", "VOD.L"] {
            let (bars, source) = try await client(server).fetch(ticker, from: Self.from, to: Self.to)
            #expect(source.contains("/v8/finance/chart/\(ticker)?period1="))
            let expected = try String(contentsOfFile: FixtureServer.fixtures + "/csv/\(ticker).csv", encoding: .utf8)
            let rows = expected.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(bars.dates.map(\.description) == rows.map { String($0[0]) })
            #expect(bars.dividends == rows.map { Double($0[3]) ?? -1 })
            #expect(bars.splits == rows.map { Double($0[7]) ?? -1 })
        }
    }

    @Test func symbolsArePercentEncoded() {
        #expect(YahooClient.percentEncoded("^GSPC") == "%5EGSPC")
        #expect(YahooClient.percentEncoded("BRK-B") == "BRK-B")
        #expect(YahooClient.percentEncoded("VOD.L") == "VOD.L")
        #expect(YahooClient.percentEncoded("EURUSD=X") == "EURUSD%3DX")
    }

    @Test func unauthorizedGetsACookieAndCrumbOnceAndRetries() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let yahoo = client(server)
        let (bars, _) = try await yahoo.fetch("CRUMBY", from: Self.from, to: Self.to)
        #expect(bars.dates.count == 69)
        _ = try await yahoo.fetch("CRUMBY", from: Self.from, to: Self.to)
        let stats = try server.stats()
        #expect(stats["/v1/test/getcrumb"] == 1)
        #expect(stats["/"] == 1)
        #expect(stats["/v8/finance/chart/CRUMBY"] == 3)
    }

    @Test func rateLimitedThenServed() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let (bars, _) = try await client(server).fetch("BUSY", from: Self.from, to: Self.to)
        #expect(bars.dates.count == 69)
        #expect(try server.stats()["/v8/finance/chart/BUSY"] == 3)
    }

    @Test func rateLimitedForeverGivesUpWithinTheBudget() async throws {
        let message = try await fetchError("JAMMED", budget: 0.3)
        #expect(message.hasPrefix("JAMMED: "))
        #expect(message.contains("429"))
        #expect(message.contains("0.3 s"))
    }

    @Test func retryAfterIsWaitedFor() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        let (bars, _) = try await client(server).fetch("PATIENT", from: Self.from, to: Self.to)
        let elapsed = ContinuousClock.now - started
        #expect(bars.dates.count == 69)
        #expect(try server.stats()["/v8/finance/chart/PATIENT"] == 2)
        // The back-off alone would have waited 0.05 s; the server asked for 1 s.
        #expect(elapsed >= .milliseconds(950), "\(elapsed)")
    }

    @Test func aRetryAfterBeyondTheBudgetGivesUpAtOnce() async throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        do {
            _ = try await client(server).fetch("STALLED", from: Self.from, to: Self.to)
            Issue.record("STALLED was fetched though it should fail")
        } catch let error as HedgeError {
            #expect(error.message == "STALLED: Yahoo is rate-limiting (HTTP 429) and asks to wait 120 s (Retry-After), "
                    + "more than the 2 s left of the 2 s this fetch waits; try again later")
        }
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(try server.stats()["/v8/finance/chart/STALLED"] == 1)
    }

    @Test func retryAfterValues() throws {
        let now = Date(timeIntervalSince1970: 1_792_567_650)  // Wed, 21 Oct 2026 07:27:30 GMT
        #expect(YahooClient.retryAfterSeconds("120", now: now) == 120)
        #expect(YahooClient.retryAfterSeconds(" 7 ", now: now) == 7)
        #expect(YahooClient.retryAfterSeconds("-1", now: now) == nil)
        #expect(YahooClient.retryAfterSeconds("soon", now: now) == nil)
        #expect(YahooClient.retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT", now: now) == 30)
        #expect(YahooClient.retryAfterSeconds("Wed, 21 Oct 2026 07:00:00 GMT", now: now) == 0)
    }

    @Test func unknownSymbolReportsYahoosChartError() async throws {
        let message = try await fetchError("NOSUCH")
        #expect(message == "NOSUCH: Yahoo says Not Found: No data found, symbol may be delisted (HTTP 404)")
    }

    @Test func htmlPageIsNamed() async throws {
        let message = try await fetchError("CONSENT")
        #expect(message.hasPrefix("CONSENT: Yahoo answered with an HTML page"))
    }

    @Test func truncatedJSONIsNamed() async throws {
        let message = try await fetchError("TRUNC")
        #expect(message == "TRUNC: Yahoo's answer is not a price chart: truncated or invalid JSON")
    }

    @Test func slowAnswerTimesOut() async throws {
        let message = try await fetchError("SLOW", timeout: 0.5)
        #expect(message.hasPrefix("SLOW: no answer from 127.0.0.1 within 0.5 s (timeout)"))
    }

    @Test func noServerIsANetworkError() async throws {
        let server = try FixtureServer()
        let base = server.baseURL
        server.stop()
        let yahoo = YahooClient(settings: YahooSettings(baseURL: base, timeout: 2))
        do {
            _ = try await yahoo.fetch("SYNQ", from: Self.from, to: Self.to)
            Issue.record("fetched without a server")
        } catch let error as HedgeError {
            #expect(error.message.hasPrefix("SYNQ: cannot reach 127.0.0.1"))
        }
    }

    @Test func cacheServesWithTheServerStoppedAndRejectsACorruptFile() async throws {
        let server = try FixtureServer()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = PriceCache(directory: directory.path)
        let fetchedAt = Day(year: 2024, month: 7, day: 15)!.unixSeconds + 3600
        let failures = await YahooFetcher.fetch(["SYNQ", "VOD.L"], from: Self.from, to: Self.to, cache: cache,
                                                client: client(server), now: { fetchedAt })
        #expect(failures.isEmpty)
        server.stop()

        guard case .valid(let entry) = cache.lookup("SYNQ") else {
            Issue.record("no valid cache entry"); return
        }
        #expect(entry.rows == 69 && entry.from == Self.from && entry.to == Self.to && entry.fetchedAt == fetchedAt)
        #expect(entry.source.hasPrefix(server.baseURL + "/v8/finance/chart/SYNQ?"))
        #expect(CachePolicy.decide(entry: entry, from: Self.from, to: Day(year: 2024, month: 3, day: 1),
                                   refresh: false, offline: false) == .serve)
        let panel = try PanelLoader.load(paths: [cache.csvPath("SYNQ")])
        #expect(panel.dates.count == 69)

        let path = cache.csvPath("VOD.L")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "2024-03-04", with: "2024-03-05")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(cache.lookup("VOD.L") == .corrupt("its CSV does not match the recorded SHA-256"))
        #expect(cache.list().map(\.ticker) == ["SYNQ", "VOD.L"])
    }
}
