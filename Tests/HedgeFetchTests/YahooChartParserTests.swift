import Testing
import HedgeCore
@testable import HedgeFetch

/// The chart JSON → bars conversion alone (no server).
struct YahooChartParserTests {
    func chart(_ result: String) -> [UInt8] { Array("{\"chart\":{\"result\":[\(result)],\"error\":null}}".utf8) }

    @Test func timestampsBecomeExchangeDaysAndNullRowsAreDropped() throws {
        // 2024-03-29 13:30 UTC (09:30 New York), a null row on 2024-04-01, 2024-04-02 13:30 UTC; Tokyo sees the same days.
        let body = chart("""
        {"meta":{"exchangeTimezoneName":"America/New_York","gmtoffset":-14400},
         "timestamp":[1711719000,1711978200,1712064600],
         "indicators":{"quote":[{"open":[1,null,3],"high":[1.5,null,3.5],"low":[0.5,null,2.5],"close":[1.25,null,3.25],"volume":[10,null,30]}],
                       "adjclose":[{"adjclose":[1.2,null,3.2]}]}}
        """)
        let bars = try YahooChartParser.parse(body, ticker: "X")
        #expect(bars.dates.map(\.description) == ["2024-03-29", "2024-04-02"])
        #expect(bars.adjustedClose == [1.2, 3.2] && bars.close == [1.25, 3.25] && bars.volume == [10, 30])
        #expect(bars.dividends == [0, 0] && bars.splits == [0, 0])
    }

    @Test func eventsLandOnTheirDaysAndAdjCloseDefaultsToClose() throws {
        let body = chart("""
        {"meta":{"exchangeTimezoneName":"Nowhere/Unknown","gmtoffset":3600},
         "timestamp":[1711954800,1712041200],
         "events":{"dividends":{"1712041200":{"amount":0.5,"date":1712041200}},
                   "splits":{"1711954800":{"date":1711954800,"numerator":3,"denominator":2,"splitRatio":"3:2"}}},
         "indicators":{"quote":[{"open":[1,2],"high":[1,2],"low":[1,2],"close":[1,2],"volume":[5,6]}]}}
        """)
        let bars = try YahooChartParser.parse(body, ticker: "X")
        #expect(bars.dates.map(\.description) == ["2024-04-01", "2024-04-02"])  // fixed +01:00 offset
        #expect(bars.adjustedClose == bars.close)
        #expect(bars.splits == [1.5, 0] && bars.dividends == [0, 0.5])
    }

    @Test func failuresAreClassified() {
        #expect(throws: YahooChartParser.Failure.html) { try YahooChartParser.parse(Array("  <html>".utf8), ticker: "X") }
        #expect(throws: YahooChartParser.Failure.chartError(code: "Not Found", description: "gone")) {
            try YahooChartParser.parse(Array(#"{"chart":{"result":null,"error":{"code":"Not Found","description":"gone"}}}"#.utf8), ticker: "X")
        }
        #expect(throws: YahooChartParser.Failure.malformed("truncated or invalid JSON")) {
            try YahooChartParser.parse(Array(#"{"chart":{"result":[{"timest"#.utf8), ticker: "X")
        }
        #expect(throws: YahooChartParser.Failure.malformed("close has 1 values for 2 timestamps")) {
            try YahooChartParser.parse(chart(#"{"timestamp":[1,2],"indicators":{"quote":[{"close":[1]}]}}"#), ticker: "X")
        }
    }
}
