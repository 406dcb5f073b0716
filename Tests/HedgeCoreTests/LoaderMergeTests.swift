import Testing
@testable import HedgeCore

@Suite struct LoaderMergeTests {
    @Test func filesMergeByOuterJoinWithNaNAndSortedTickers() throws {
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("MSFT.csv"), LoaderFixtures.path("aapl.us.txt"),
                                                 LoaderFixtures.path("long.csv")])
        #expect(panel.tickers == ["AAPL", "GOOG", "META", "MSFT"])
        #expect(panel.dates.map(\.description) == ["2023-01-03", "2023-01-04", "2023-01-05"])
        let msft = try #require(panel.series("MSFT"))
        #expect(sameValues(msft.values, [235.2400360107422, .nan, 222.31817626953125]))
        let goog = try #require(panel.series("GOOG"))
        #expect(sameValues(goog.values, [89.7, 88.71, .nan]))
        // close exists only for MSFT (the only file with Adj Close): NaN for the others.
        #expect(panel.values[.close]?[0].allSatisfy(\.isNaN) == true)
        #expect(panel.values[.close]?[3].first == 239.5800018310547)
        // Every field column has one value per date for every ticker.
        for field in panel.fields {
            #expect(panel.values[field]?.count == panel.tickers.count)
            #expect(panel.values[field]?.allSatisfy { $0.count == panel.dates.count } == true)
        }
    }

    @Test func sameTickerInTwoFilesNamesBothFiles() {
        let error = LoaderFixtures.error {
            try PanelLoader.load(paths: [LoaderFixtures.path("aapl.us.txt"), LoaderFixtures.path("multi.csv")])
        }
        #expect(error?.message.contains("aapl.us.txt") == true)
        #expect(error?.message.contains("multi.csv") == true)
        #expect(error?.message.contains("AAPL") == true)
    }

    @Test func sameTickerTwiceInAWideFileIsAnError() {
        let error = LoaderFixtures.error { try LoaderFixtures.parse("Date,AAPL,aapl\n2023-01-03,1,2\n") }
        #expect(error?.location == HedgeCore.SourceLocation(file: "TEST.csv", line: 1, column: 3))
    }

    @Test func dateFilterIsInclusive() throws {
        let options = LoadOptions(from: LoaderFixtures.day("2023-01-04"), to: LoaderFixtures.day("2023-01-05"))
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("aapl.us.txt")], options: options)
        #expect(panel.dates.map(\.description) == ["2023-01-04", "2023-01-05"])
        #expect(panel.values[.price]?[0] == [126.36, 125.02])
        let parsed = try PanelLoader.parse(bytes: Array("Date,Close\n2023-01-03,1\n2023-01-04,2\n".utf8), path: "a.csv",
                                           options: LoadOptions(to: LoaderFixtures.day("2023-01-03")))
        #expect(parsed.dates.count == 1)
    }

    @Test func unsortedRowsAreSorted() throws {
        var lines = ["Date,Close"]
        let days = (0..<200).map { Day(ordinal: 19_000 + $0) }
        var shuffled = days
        var generator = SplitMix(seed: 7)
        shuffled.shuffle(using: &generator)
        for day in shuffled { lines.append("\(day),\(day.ordinal)") }
        let panel = try LoaderFixtures.parse(lines.joined(separator: "\n"))
        #expect(panel.dates == days)
        #expect(panel.values[.price]?[0] == days.map { Double($0.ordinal) })
    }

    @Test func cancellationStopsLoading() {
        let cancellation = Cancellation()
        cancellation.cancel()
        let error = LoaderFixtures.error {
            try PanelLoader.load(paths: [LoaderFixtures.path("MSFT.csv")], cancellation: cancellation)
        }
        #expect(error?.message == "interrupted")
    }
}

/// A small deterministic random number generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
