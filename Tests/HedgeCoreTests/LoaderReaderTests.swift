import Testing
@testable import HedgeCore

@Suite struct LoaderReaderTests {
    /// Rows straddle the reader's 1 MiB chunk boundaries; CRLF, quoted cells and no final newline.
    @Test func manyRowsAcrossChunksWithCRLFAndQuotes() throws {
        var generator = SplitMix(seed: 9)
        var text = "\"Date\",\"Adj Close\",Close,Volume\r\n"
        var expectedPrice: [Double] = []
        var expectedClose: [Double] = []
        let start = Day(ordinal: -20_000)
        let rows = 60_000
        for row in 0..<rows {
            let price = Double.random(in: 0...1000, using: &generator)
            let close = Double(Float(price))
            expectedPrice.append(price)
            expectedClose.append(close)
            let quotedPrice = row % 3 == 0 ? "\"\(price)\"" : "\(price)"
            text += "\(start.adding(days: row)),\(quotedPrice),\(close),\(row)"
            if row < rows - 1 { text += "\r\n" }
        }
        #expect(text.utf8.count > 3 * CSVRecordReader.chunkSize)
        let panel = try LoaderFixtures.parse(text, path: "X.csv")
        #expect(panel.dates.count == rows)
        #expect(panel.dates.first == start)
        #expect(panel.values[.price]?[0] == expectedPrice)
        #expect(panel.values[.close]?[0] == expectedClose)
        #expect(panel.values[.volume]?[0] == (0..<rows).map(Double.init))
    }

    @Test func fieldsQuotesAndLineNumbers() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n\"multi\nline\",,x\n  last ,\"\"\n"
        let reader = CSVRecordReader(source: ByteSource(bytes: Array(text.utf8), path: "t"))
        var records: [(Int, [String])] = []
        while try reader.next() { records.append((reader.lineNumber, reader.texts())) }
        #expect(records.map(\.0) == [1, 3, 5])
        #expect(records.map(\.1) == [["a", "b,c", "say \"hi\""], ["multi\nline", "", "x"], ["  last ", ""]])
    }

    @Test func unterminatedQuoteReadsToTheEnd() throws {
        let reader = CSVRecordReader(source: ByteSource(bytes: Array("x,\"abc\ndef".utf8), path: "t"))
        #expect(try reader.next())
        #expect(reader.texts() == ["x", "abc\ndef"])
        #expect(try reader.next() == false)
    }

    @Test func delimiterSearchFindsEveryPosition() throws {
        // The word-at-a-time search must find a delimiter at each offset of an 8-byte word.
        for width in 1...20 {
            let cell = String(repeating: "7", count: width)
            let value = try #require(Double(cell))
            let text = "Date,Close,Volume\n2023-01-03,\(cell),\(cell)\n2023-01-04,1,2"
            let panel = try LoaderFixtures.parse(text)
            #expect(panel.values[.price]?[0] == [value, 1])
            #expect(panel.values[.volume]?[0] == [value, 2])
        }
    }
}
