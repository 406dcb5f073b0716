import Testing
@testable import HedgeCore

@Suite struct LoaderLayoutTests {
    @Test func yfinanceWithAdjCloseMapsAdjCloseToPriceAndCloseToClose() throws {
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("MSFT.csv")])
        #expect(panel.tickers == ["MSFT"])
        #expect(panel.dates.map(\.description) == ["2023-01-03", "2023-01-05"])
        #expect(panel.values[.price]?[0] == [235.2400360107422, 222.31817626953125])
        #expect(panel.values[.close]?[0] == [239.5800018310547, 226.8699951171875])
        #expect(panel.values[.open]?[0] == [243.0800018310547, 227.1999969482422])
        #expect(panel.values[.volume]?[0] == [25740000, 39585600])
        #expect(Set(panel.fields) == [.price, .close, .open, .high, .low, .volume])
    }

    @Test func yfinanceWithoutAdjCloseUsesCloseAsPrice() throws {
        let panel = try LoaderFixtures.parse("Date,Close,High,Low,Open,Volume\n2024-01-02,10.5,11,10,10.2,100\n",
                                             path: "/tmp/x/nvda.csv")
        #expect(panel.tickers == ["NVDA"])
        #expect(panel.values[.price]?[0] == [10.5])
        #expect(panel.values[.close] == nil)
    }

    @Test func stooqFileTakesTickerFromStemAndSortsRows() throws {
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("aapl.us.txt")])
        #expect(panel.tickers == ["AAPL"])
        #expect(panel.dates.map(\.description) == ["2023-01-03", "2023-01-04", "2023-01-05"])
        #expect(panel.values[.price]?[0] == [125.07, 126.36, 125.02])
        #expect(panel.values[.volume]?[0] == [112117500, 89113600, 80962700])
    }

    @Test func tickerFromFileName() {
        #expect(LayoutDetector.ticker(fromPath: "data/aapl.us.txt") == "AAPL")
        #expect(LayoutDetector.ticker(fromPath: "/x/BRK-B.csv") == "BRK-B")
        #expect(LayoutDetector.ticker(fromPath: "msft") == "MSFT")
    }

    @Test func headerIsCaseInsensitiveAndToleratesQuotesSpacesAndBOM() throws {
        let text = "\u{FEFF}\" DATE \",\"adj close\", CLOSE ,volume\r\n2023-01-03,1.5,2.5,7\r\n"
        let panel = try LoaderFixtures.parse(text, path: "spy.csv")
        #expect(panel.tickers == ["SPY"])
        #expect(panel.values[.price]?[0] == [1.5])
        #expect(panel.values[.close]?[0] == [2.5])
        #expect(panel.values[.volume]?[0] == [7])
    }

    @Test func multiTickerExport() throws {
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("multi.csv")])
        #expect(panel.tickers == ["AAPL", "MSFT"])
        #expect(panel.dates.count == 2)
        #expect(panel.values[.price]?[0] == [123.63253784179688, 124.90770721435548])
        #expect(panel.values[.price]?[1][0] == 235.2400360107422)
        #expect(panel.values[.price]?[1][1].isNaN == true)
        #expect(panel.values[.close]?[0] == [125.06999969482422, 126.36000061035156])
        #expect(panel.values[.volume]?[0] == [112117500, 89113600])
    }

    @Test func multiTickerOlderVariantWithEmptyFirstCells() throws {
        let text = ",Adj Close,Adj Close,Volume,Volume\n,MSFT,AAPL,MSFT,AAPL\nDate,,,,\n2023-01-03,2,1,20,10\n"
        let panel = try LoaderFixtures.parse(text)
        #expect(panel.tickers == ["AAPL", "MSFT"])
        #expect(panel.values[.price]?.map { $0[0] } == [1, 2])
        #expect(panel.values[.volume]?.map { $0[0] } == [10, 20])
    }

    @Test func multiTickerGroupedByTicker() throws {
        let text = "Ticker,MSFT,MSFT,AAPL,AAPL\nPrice,Close,Volume,Close,Volume\nDate,,,,\n2023-01-03,2,20,1,10\n"
        let panel = try LoaderFixtures.parse(text)
        #expect(panel.tickers == ["AAPL", "MSFT"])
        #expect(panel.values[.price]?.map { $0[0] } == [1, 2])
        #expect(panel.values[.close] == nil)
        #expect(panel.values[.volume]?.map { $0[0] } == [10, 20])
    }

    @Test func multiTickerWithoutIndexNameRow() throws {
        let text = "Price,Close,Close\nTicker,A,B\n2023-01-03,1,2\n"
        let panel = try LoaderFixtures.parse(text)
        #expect(panel.tickers == ["A", "B"])
        #expect(panel.dates.count == 1)
    }

    @Test func wideFileUsesWideField() throws {
        let prices = try PanelLoader.load(paths: [LoaderFixtures.path("wide.csv")])
        #expect(prices.tickers == ["QQQ", "SPY"])
        #expect(prices.values[.price]?[0] == [260.72, 261.97])
        #expect(prices.values[.price]?[1][1].isNaN == true)
        let volumes = try PanelLoader.load(paths: [LoaderFixtures.path("wide.csv")],
                                           options: LoadOptions(wideField: .volume))
        #expect(volumes.fields == [.volume])
        #expect(volumes.values[.volume]?[0] == [260.72, 261.97])
    }

    @Test func wideFileWithUnnamedIndexColumn() throws {
        let panel = try LoaderFixtures.parse(",AAPL\n2023-01-03,1\n")
        #expect(panel.tickers == ["AAPL"])
        #expect(panel.values[.price]?[0] == [1])
    }

    @Test func longFile() throws {
        let panel = try PanelLoader.load(paths: [LoaderFixtures.path("long.csv")])
        #expect(panel.tickers == ["GOOG", "META"])
        #expect(panel.values[.price]?[0] == [89.7, 88.71])
        #expect(panel.values[.volume]?[1] == [35528500, 32397100])
    }

    @Test func longFileWithSymbolColumnAndAdjClose() throws {
        let text = "Symbol,Date,Adj_Close,Close\nB,2023-01-04,4,40\nA,2023-01-03,1,10\nB,2023-01-03,3,30\n"
        let panel = try LoaderFixtures.parse(text)
        #expect(panel.tickers == ["A", "B"])
        #expect(panel.dates.map(\.description) == ["2023-01-03", "2023-01-04"])
        #expect(sameValues(panel.values[.price]?[0] ?? [], [1, .nan]))
        #expect(panel.values[.price]?[1] == [3, 4])
        #expect(panel.values[.close]?[1] == [30, 40])
    }

    @Test func missingValueMarkersAreNaN() throws {
        let text = "Date,Open,High,Low,Close,Volume\n2023-01-03,,nan,NaN,null,NA\n2023-01-04,1,2,3,4,5"
        let panel = try LoaderFixtures.parse(text)
        for field in [Field.open, .high, .low, .price, .volume] {
            #expect(panel.values[field]?[0][0].isNaN == true)
        }
        #expect(panel.values[.volume]?[0][1] == 5)
    }

    @Test func otherDateFormatsAndTimeParts() throws {
        let text = "Date,Close\n2023/01/05,3\n20230104,2\n2023-01-03 00:00:00-05:00,1\n"
        let panel = try LoaderFixtures.parse(text)
        #expect(panel.dates.map(\.description) == ["2023-01-03", "2023-01-04", "2023-01-05"])
        #expect(panel.values[.price]?[0] == [1, 2, 3])
    }
}
