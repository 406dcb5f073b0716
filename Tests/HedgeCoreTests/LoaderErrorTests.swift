import Testing
@testable import HedgeCore

@Suite struct LoaderErrorTests {
    private func location(_ line: Int, _ column: Int = 0, file: String = "AAPL.csv") -> HedgeCore.SourceLocation {
        HedgeCore.SourceLocation(file: file, line: line, column: column)
    }

    @Test func missingFileNamesThePath() {
        let path = LoaderFixtures.path("no-such-file.csv")
        let error = LoaderFixtures.error { try PanelLoader.load(paths: [path]) }
        #expect(error?.description == "\(path): no such file")
        #expect(error?.location?.file == path)
    }

    @Test func unreadableDirectoryNamesThePath() {
        let path = LoaderFixtures.path("")
        let error = LoaderFixtures.error { try PanelLoader.load(paths: [path]) }
        #expect(error?.description.contains(path) == true)
    }

    @Test func emptyFile() {
        for text in ["", "\n\n", "\u{FEFF}"] {
            let error = LoaderFixtures.error { try LoaderFixtures.parse(text, path: "AAPL.csv") }
            #expect(error?.message == "file is empty")
            #expect(error?.location == location(1))
        }
    }

    @Test func unknownLayoutAtLineOne() {
        for text in ["hello\n1\n", "Foo,Bar\n1,2\n", "Close,Volume\n1,2\n"] {
            let error = LoaderFixtures.error { try LoaderFixtures.parse(text, path: "AAPL.csv") }
            #expect(error?.message.hasPrefix("unknown layout") == true)
            #expect(error?.location?.line == 1)
        }
    }

    @Test func badNumberNamesLineColumnTextAndColumnName() {
        var text = "Date,Open,Close\n"
        for k in 0..<15 { text += "\(Day(ordinal: 19_000 + k)),1,2\n" }
        text += "2023-01-03,1,\"12,x\"\n"
        let error = LoaderFixtures.error { try LoaderFixtures.parse(text, path: "AAPL.csv") }
        #expect(error?.description == "AAPL.csv:17:3: cannot read \"12,x\" as a number (column \"Close\")")
    }

    @Test func badDate() {
        let error = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Close\n2023-01-03,1\n2023-02-30,2\n", path: "AAPL.csv")
        }
        #expect(error?.location == location(3, 1))
        #expect(error?.message == "cannot read \"2023-02-30\" as a date (column \"Date\")")
    }

    @Test func duplicateDatesNameBothLines() {
        let sorted = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Close\n2023-01-03,1\n2023-01-04,2\n2023-01-04,3\n", path: "AAPL.csv")
        }
        #expect(sorted?.message == "duplicate date 2023-01-04 (lines 3 and 4)")
        #expect(sorted?.location == location(4, 1))
        let unsorted = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Close\n2023-01-05,1\n2023-01-04,2\n2023-01-05,3\n", path: "AAPL.csv")
        }
        #expect(unsorted?.message == "duplicate date 2023-01-05 (lines 2 and 4)")
        let long = LoaderFixtures.error {
            try LoaderFixtures.parse("ticker,date,close\nA,2023-01-05,1\nB,2023-01-05,2\nA,2023-01-05,3\n", path: "l.csv")
        }
        #expect(long?.location == HedgeCore.SourceLocation(file: "l.csv", line: 4, column: 2))
    }

    @Test func wrongNumberOfFields() {
        let error = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Open,Close\r\n2023-01-03,1,2\r\n2023-01-04,1\r\n", path: "AAPL.csv")
        }
        #expect(error?.message == "expected 3 fields, found 2")
        #expect(error?.location == location(3))
    }

    @Test func lineNumbersCountBlankLinesAndQuotedNewlines() {
        let error = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Close,Note\n\n2023-01-03,1,\"two\nlines\"\n2023-01-04,x,y\n", path: "AAPL.csv")
        }
        #expect(error?.location == location(5, 2))
    }

    @Test func garbageBytesGiveErrorsNotCrashes() {
        var generator = SplitMix(seed: 42)
        for size in [1, 2, 10, 100, 1000, 5000] {
            for _ in 0..<20 {
                var bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = try? PanelLoader.parse(bytes: bytes, path: "G.csv")
                // Garbage after a valid header goes through the number and date readers.
                bytes = Array("Date,Close,Volume\n2023-01-03,".utf8) + bytes
                _ = try? PanelLoader.parse(bytes: bytes, path: "G.csv")
            }
        }
        let invalidUTF8: [UInt8] = Array("Date,Close\n2023-01-03,".utf8) + [0xFF, 0xFE, 0x00, 0xC3] + [0x0A]
        let error = LoaderFixtures.error { try PanelLoader.parse(bytes: invalidUTF8, path: "G.csv") }
        #expect(error?.location == HedgeCore.SourceLocation(file: "G.csv", line: 2, column: 2))
        let binaryHeader: [UInt8] = [0x00, 0xFF, 0x2C, 0x80, 0x0A, 0x00]
        #expect(LoaderFixtures.error { try PanelLoader.parse(bytes: binaryHeader, path: "G.csv") } != nil)
    }

    @Test func mutatedValidFilesGiveErrorsNotCrashes() throws {
        var generator = SplitMix(seed: 5)
        let alphabet = Array(",\"\r\n.-eE0123456789 nNaA\u{0}\u{FF}".utf8)
        for name in ["multi.csv", "long.csv", "wide.csv", "MSFT.csv", "aapl.us.txt"] {
            let original = try Self.bytes(ofFixture: name)
            for _ in 0..<400 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let at = Int.random(in: 0..<max(bytes.count, 1), using: &generator)
                    let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0 where at < bytes.count: bytes[at] = byte
                    case 1 where at < bytes.count: bytes.remove(at: at)
                    default: bytes.insert(byte, at: min(at, bytes.count))
                    }
                }
                _ = try? PanelLoader.parse(bytes: bytes, path: name)
            }
        }
    }

    private static func bytes(ofFixture name: String) throws -> [UInt8] {
        let panelSource = try ByteSource.opening(path: LoaderFixtures.path(name))
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = try bytes.withUnsafeMutableBufferPointer { buffer in
            try panelSource.fill(buffer.baseAddress.unsafelyUnwrapped, maxCount: buffer.count)
        }
        return Array(bytes[0..<count])
    }

    @Test func headerOnlyFileIsAnEmptyPanel() throws {
        let panel = try LoaderFixtures.parse("Date,Close\n", path: "AAPL.csv")
        #expect(panel.dates.isEmpty)
        #expect(panel.tickers == ["AAPL"])
    }

    @Test func hugeLineIsReadAcrossChunks() {
        let long = String(repeating: "9", count: 3 << 20)
        let error = LoaderFixtures.error {
            try LoaderFixtures.parse("Date,Close\n2023-01-03,1x\(long)\n", path: "AAPL.csv")
        }
        #expect(error?.location == location(2, 2))
        #expect(error?.message.hasPrefix("cannot read \"1x999") == true)
    }
}
