#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing
@testable import HedgeCore

/// The fast path (chunked, parallel, `FastRowScanner`) against the general path (`CSVRecordReader` +
/// `TableReader`), which is the reference: for every input, the same panel or the same error.
@Suite struct LoaderFastPathTests {
    /// The panel, or the error's description, from the general path.
    private static func reference(_ bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> String {
        do {
            return describe(try PanelLoader.parseWithGeneralPath(bytes: bytes, path: path, options: options))
        } catch {
            return "error: \(error)"
        }
    }

    private static func fast(_ bytes: [UInt8], path: String, chunkSize: Int?, workers: Int,
                             options: LoadOptions = LoadOptions()) -> String {
        do {
            return describe(try PanelLoader.parse(bytes: bytes, path: path, options: options,
                                                  chunkSize: chunkSize, workers: workers))
        } catch {
            return "error: \(error)"
        }
    }

    /// Every date, ticker and value, values by bit pattern (so NaN equals NaN and -0 differs from 0).
    private static func describe(_ panel: Panel) -> String {
        var text = "dates \(panel.dates.map(\.ordinal))\ntickers \(panel.tickers)\n"
        for field in panel.fields {
            text += "\(field): \((panel.values[field] ?? []).map { $0.map(\.bitPattern) })\n"
        }
        return text
    }

    private static func expectSame(_ text: String, path: String, options: LoadOptions = LoadOptions(),
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectSame(Array(text.utf8), path: path, options: options, sourceLocation: sourceLocation)
    }

    private static func expectSame(_ bytes: [UInt8], path: String, options: LoadOptions = LoadOptions(),
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = reference(bytes, path: path, options: options)
        for (chunkSize, workers) in [(nil, 1), (nil, 2), (1, 2), (7, 3), (64, 2), (1000, 1)] as [(Int?, Int)] {
            let got = fast(bytes, path: path, chunkSize: chunkSize, workers: workers, options: options)
            #expect(got == expected, "chunk \(chunkSize ?? 0), workers \(workers)", sourceLocation: sourceLocation)
        }
    }

    /// A yfinance-style per-ticker file of `rows` weekdays with 17-significant-digit prices.
    private static func perTicker(rows: Int, seed: UInt64) -> String {
        var generator = SplitMix(seed: seed)
        var text = "Date,Adj Close,Close,Dividends,High,Low,Open,Stock Splits,Volume\n"
        var day = LoaderFixtures.day("2020-01-01")
        for _ in 0..<rows {
            let price = Double(Float(Double.random(in: 1...500, using: &generator)))
            let volume = Double(Int.random(in: 0...900_000_000, using: &generator))
            text += "\(day),\(price),\(Double(Float(price * 1.01))),0.0,\(price * 1.02),\(price / 3),\(price),0.0,\(volume)\n"
            day = day.adding(days: Int.random(in: 1...3, using: &generator))
        }
        return text
    }

    @Test func perTickerFilesInManyChunks() {
        for seed in 1...5 as ClosedRange<UInt64> {
            Self.expectSame(Self.perTicker(rows: 60, seed: seed), path: "AAPL.csv")
        }
    }

    @Test func everyLayoutFromTheFixtures() throws {
        for name in ["multi.csv", "long.csv", "wide.csv", "MSFT.csv", "aapl.us.txt"] {
            let bytes = Array(try String(contentsOfFile: LoaderFixtures.path(name), encoding: .utf8).utf8)
            Self.expectSame(bytes, path: name)
        }
    }

    @Test func longLayoutsSortedByDateAndByTicker() {
        var byDate = "Date,Ticker,Close,Volume\n", byTicker = "date,symbol,close,volume\n"
        let tickers = ["AAA", "BB", "C", "DDDD"]
        for d in 0..<20 {
            for (k, ticker) in tickers.enumerated() {
                byDate += "\(Day(ordinal: 19_000 + d)),\(ticker),\(Double(d) + Double(k) / 7),\(d * 100 + k)\n"
            }
        }
        for ticker in tickers.reversed() {
            for d in 0..<20 where d % 3 != 0 || ticker != "C" {
                byTicker += "\(Day(ordinal: 19_000 + d)), \(ticker) ,\(Double(d) / 3),\(d)\n"
            }
        }
        Self.expectSame(byDate, path: "long.csv")
        Self.expectSame(byTicker, path: "long.csv")
    }

    @Test func irregularInputsFallBackToTheGeneralPath() {
        let header = "Date,Close,Volume\n"
        let bodies = [
            "2023-01-03,1.5,100\r\n2023-01-04,1.6,200\r\n",             // CRLF
            "2023-01-03,1.5,100\n\n\n2023-01-04,1.6,200",               // blank lines, no final newline
            "2023-01-04,1.6,200\n2023-01-03,1.5,100\n",                 // unsorted: sorted by the general path
            "2023-01-03,1.5,100\n2023-01-03,1.6,200\n",                 // duplicate date: an error
            "2023-01-03,\"1.5\",100\n2023-01-04,1.6,200\n",             // quotes
            "2023-01-03,nan,100\n2023-01-04, 1.6 ,NA\n2023-01-05,,\n",  // missing markers, spaces, empty
            "2023-01-03 00:00:00,1.5,100\n2023/01/04,1.6,200\n20230105,1.7,3e2\n", // other date forms
            "2023-01-03,1.5\n",                                         // too few fields
            "2023-01-03,1.5,100,7\n",                                   // too many fields
            "2023-01-03,1.5x,100\n",                                    // not a number
            "2023-02-30,1.5,100\n",                                     // not a date
            "2023-01-03,0.000000000000000000001234567890123,100\n",     // more than 19 digits
            "2023-01-03,123456789012345678901234567890,1e400\n",         // strtod's cases
            "2023-01-03,1.5,100\r",                                     // a lone CR at the end
            "2023-01-03,1.5\r,100\n",                                   // a CR inside a line
        ]
        for body in bodies {
            Self.expectSame(header + body, path: "AAPL.csv")
        }
        Self.expectSame("Date,AAPL,MSFT\n2023-01-03,1,\n2023-01-04,,2\n", path: "wide.csv")
        Self.expectSame("Date,AAPL,MSFT\n2023-01-03,1,2\n", path: "wide.csv", options: LoadOptions(wideField: .volume))
        Self.expectSame("date,ticker,close\n2023-01-03,,1\n", path: "long.csv")
        Self.expectSame("date,ticker,close\n2023-01-03,\u{FEFF}X,1\n2023-01-03,É,2\n", path: "long.csv")
        Self.expectSame("date,ticker,close\n2023-01-03,X,1\n2023-01-03,X,2\n", path: "long.csv")
        Self.expectSame("date,ticker,close\n2023-01-03,x,1\n2023-01-03,X,2\n", path: "long.csv")
        // Quoted tickers: the general path, which unescapes and trims them.
        let quoted = "date,ticker,close\n2023-01-03,\"A\"\"B\",1\n2023-01-03,A\"\"B,2\n2023-01-04,\" A\"\"B\",3\n"
        Self.expectSame(quoted, path: "long.csv")
        let panel = try? PanelLoader.parse(bytes: Array(quoted.utf8), path: "long.csv")
        #expect(panel?.tickers == ["A\"\"B", "A\"B"])
    }

    @Test func dateFiltersApply() {
        let text = Self.perTicker(rows: 40, seed: 9)
        Self.expectSame(text, path: "AAPL.csv",
                        options: LoadOptions(from: LoaderFixtures.day("2020-01-20"), to: LoaderFixtures.day("2020-02-10")))
    }

    @Test func onlyTheFieldsAskedForAreLoaded() throws {
        let wanted: Set<Field> = [.price, .volume]
        for name in ["multi.csv", "long.csv", "MSFT.csv", "aapl.us.txt"] {
            let bytes = Array(try String(contentsOfFile: LoaderFixtures.path(name), encoding: .utf8).utf8)
            let options = LoadOptions(fields: wanted)
            Self.expectSame(bytes, path: name, options: options)
            let all = try PanelLoader.parse(bytes: bytes, path: name)
            let some = try PanelLoader.parse(bytes: bytes, path: name, options: options)
            #expect(Set(some.fields) == wanted.intersection(all.fields), "\(name)")
            #expect(some.dates == all.dates)
            #expect(some.tickers == all.tickers)
            for field in some.fields {
                #expect(Self.describe(Panel(dates: [], tickers: [], values: [field: some.values[field] ?? []]))
                        == Self.describe(Panel(dates: [], tickers: [], values: [field: all.values[field] ?? []])))
            }
        }
    }

    @Test func mutatedFilesGiveTheSameResultOnBothPaths() throws {
        var generator = SplitMix(seed: 6)
        let alphabet = Array(",\"\r\n.-eE0123456789 nNaA\u{0}\u{FF}".utf8)
        for name in ["multi.csv", "long.csv", "wide.csv", "MSFT.csv", "aapl.us.txt"] {
            let original = Array(try String(contentsOfFile: LoaderFixtures.path(name), encoding: .utf8).utf8)
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let at = Int.random(in: 0..<max(bytes.count, 1), using: &generator)
                    let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0 where at < bytes.count: bytes[at] = byte
                    case 1 where at < bytes.count: bytes.remove(at: at)
                    default: bytes.insert(byte, at: min(at, bytes.count))
                    }
                }
                let expected = Self.reference(bytes, path: name)
                for (chunkSize, workers) in [(nil, 1), (13, 2)] as [(Int?, Int)] {
                    let got = Self.fast(bytes, path: name, chunkSize: chunkSize, workers: workers)
                    #expect(got == expected, "\(name): \(String(decoding: bytes, as: UTF8.self).prefix(300))")
                }
            }
        }
    }

    /// A wide file on disk of several chunks (`FastTableReader.fixedChunk`) and many blocks, so that
    /// chunks are read with `pread` by both workers and appended in turn; then the same file with
    /// one date out of order in each of a few places (at and near chunk and block boundaries),
    /// which the fast path must give to the general path (that sorts or reports it) every time.
    @Test func aWideFileOfManyChunksFromDisk() throws {
        var generator = SplitMix(seed: 21)
        let tickers = (0..<120).map { "T\($0)" }
        var lines = ["Date," + tickers.joined(separator: ",")]
        var day = LoaderFixtures.day("2000-01-03")
        for _ in 0..<1_400 {
            let prices = tickers.map { _ in "\(Double(Float(Double.random(in: 1...900, using: &generator))))" }
            lines.append("\(day)," + prices.joined(separator: ","))
            day = day.adding(days: 1)
        }
        let directory = try TemporaryDirectory()
        let path = directory.path + "/wide.csv"
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 2 * FastTableReader.fixedChunk)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let expected = Self.reference(Array(text.utf8), path: path)
        #expect(Self.describe(try PanelLoader.load(paths: [path])) == expected)
        // A row moved earlier: the dates are no longer increasing there.
        for row in [2, 300, 555, 556, 1_000, 1_399] {
            var shuffled = lines
            shuffled.swapAt(row, row + 1)
            let bytes = shuffled.joined(separator: "\n") + "\n"
            try bytes.write(toFile: path, atomically: false, encoding: .utf8)
            let loaded: String
            do { loaded = Self.describe(try PanelLoader.load(paths: [path])) } catch { loaded = "error: \(error)" }
            #expect(loaded == Self.reference(Array(bytes.utf8), path: path), "row \(row)")
        }
    }

    /// Ctrl-C while a file of many chunks is read: every chunk still takes its turn, so the load ends
    /// (interrupted, or complete when the interrupt came late) and never waits for ever.
    @Test(.timeLimit(.minutes(2))) func anInterruptDuringAChunkedLoadEndsIt() throws {
        var generator = SplitMix(seed: 22)
        let tickers = (0..<80).map { "T\($0)" }
        var text = "Date," + tickers.joined(separator: ",") + "\n"
        var day = LoaderFixtures.day("2000-01-03")
        for _ in 0..<2_500 {
            text += "\(day)," + tickers.map { _ in "\(Double(Float(Double.random(in: 1...900, using: &generator))))" }
                .joined(separator: ",") + "\n"
            day = day.adding(days: 1)
        }
        let directory = try TemporaryDirectory()
        let path = directory.path + "/wide.csv"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(text.utf8.count > 3 * FastTableReader.fixedChunk)
        let complete = try PanelLoader.load(paths: [path])
        var interrupted = 0
        for attempt in 0..<12 {
            let cancellation = Cancellation()
            let done = DispatchSemaphore(value: 0)
            let outcome = Mutex<Result<Panel, any Error>?>(nil)
            DispatchQueue.global().async {
                let result = Result { try PanelLoader.load(paths: [path], cancellation: cancellation) }
                outcome.withLock { $0 = result }
                done.signal()
            }
            usleep(UInt32(attempt * 700))
            cancellation.cancel()
            #expect(done.wait(timeout: .now() + 30) == .success, "attempt \(attempt): the load did not end")
            switch outcome.withLock({ $0 }) {
            case .success(let panel)?: #expect(panel == complete)
            case .failure(let error)?:
                #expect("\(error)".contains("interrupted"), "\(error)")
                interrupted += 1
            case nil: break
            }
        }
        #expect(interrupted > 0)
    }

    @Test func filesLoadInParallelLikeOneAfterTheOther() throws {
        let directory = try TemporaryDirectory()
        var paths: [String] = []
        for k in 0..<12 {
            let path = directory.path + "/T\(k).csv"
            try Self.perTicker(rows: 30 + k, seed: UInt64(k)).write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        let loaded = try PanelLoader.load(paths: paths)
        var reference: [LoadedTable] = []
        for path in paths {
            reference += try TableReader.read(CSVRecordReader(source: try ByteSource.opening(path: path)), options: LoadOptions())
        }
        #expect(Self.describe(loaded) == Self.describe(try PanelMerger.merge(reference)))
        // An error names the first failing file in the order given, whichever worker met it first.
        try "Date,Close\n2023-01-03,x\n".write(toFile: paths[3], atomically: false, encoding: .utf8)
        try "Date,Close\n2023-01-03,y\n".write(toFile: paths[9], atomically: false, encoding: .utf8)
        for _ in 0..<5 {
            let error = LoaderFixtures.error { try PanelLoader.load(paths: paths) }
            #expect(error?.location?.file == paths[3])
        }
    }
}

/// Chunks take their turns in file order, whichever worker read them, and every turn is taken even
/// when a chunk fails.
@Suite struct ChunkTurnsTests {
    private final class Record: @unchecked Sendable {
        var order: [Int] = []
        var failed: [Int] = []
    }

    @Test(.timeLimit(.minutes(1))) func turnsFollowTheChunkOrder() throws {
        for workers in [1, 2, 3, 8] {
            let turns = ChunkTurns(count: 500)
            let record = Record()
            struct Odd: Error {}
            #expect(throws: Odd.self) {
                try ParallelWork.forEach(count: 500, workers: workers) { k, _ in
                    try turns.run(k, {
                        // Uneven work, so that later chunks are often ready first; some chunks fail.
                        var sum = 0.0
                        for x in 0..<((k * 7_919) % 3_000) { sum += Double(x).squareRoot() }
                        if sum < 0 || k % 97 == 13 { throw Odd() }
                        return k
                    }, inOrder: { value in
                        record.order.append(k)
                        if value == nil { record.failed.append(k) }
                    })
                }
            }
            // On one thread the calls stop at the first error; on several, every chunk runs.
            #expect(record.order == Array(0..<(workers == 1 ? 14 : 500)), "workers \(workers)")
            #expect(record.failed == record.order.filter { $0 % 97 == 13 }, "workers \(workers)")
        }
    }
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/hedge-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
