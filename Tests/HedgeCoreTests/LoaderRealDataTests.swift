#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HedgeCore

/// Where the real data is, and whether it is there.
enum RealYahooData {
    static let directory = LoaderFixtures.sharedDirectory + "/data/yahoo"
    static var isPresent: Bool { access(LoaderFixtures.sharedDirectory, F_OK) == 0 }
}

@Suite(.enabled(if: RealYahooData.isPresent,
                "skipped: <repo>/../shared is absent, so the real Yahoo data cannot be read"))
struct LoaderRealDataTests {
    static let directory = RealYahooData.directory
    static let tickers = ["AAPL", "AMZN", "GOOG", "META", "MSFT", "NVDA", "QQQ", "TSLA"]

    private var paths: [String] { Self.tickers.reversed().map { Self.directory + "/\($0).csv" } }

    @Test func eightFilesLoadInto584DatesAndEightTickers() throws {
        let panel = try PanelLoader.load(paths: paths)
        #expect(panel.dates.count == 584)
        #expect(panel.tickers == Self.tickers)
        #expect(panel.fields == [.price, .volume, .open, .high, .low, .close])
        for field in panel.fields {
            #expect(panel.values[field]?.allSatisfy { $0.count == 584 && !$0.contains(where: \.isNaN) } == true)
        }
    }

    @Test func firstAdjustedCloseEqualsTheFileLiteral() throws {
        let panel = try PanelLoader.load(paths: paths)
        let aapl = try #require(panel.series("AAPL"))
        // The literal in AAPL.csv's first data row, Adj Close column.
        #expect(aapl.values.first == 123.63253784179688)
        #expect(aapl.dates.first?.description == "2023-01-03")
        // And the same as the standard library reading that text.
        let bytes = try Self.bytes(of: Self.directory + "/AAPL.csv")
        let secondLine = bytes.split(separator: 10)[1]
        let cell = secondLine.split(separator: 44, omittingEmptySubsequences: false)[1]
        #expect(aapl.values.first == Double(String(decoding: cell, as: UTF8.self)))
    }

    @Test func parseAndLoadAgree() throws {
        let path = Self.directory + "/QQQ.csv"
        let loaded = try PanelLoader.load(paths: [path])
        let parsed = try PanelLoader.parse(bytes: try Self.bytes(of: path), path: path)
        #expect(loaded == parsed)
    }

    private static func bytes(of path: String) throws -> [UInt8] {
        // Read through the loader's own byte source to stay free of Foundation.
        let source = try ByteSource.opening(path: path)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { buffer in
                try source.fill(buffer.baseAddress.unsafelyUnwrapped, maxCount: buffer.count)
            }
            if count == 0 { return result }
            result += chunk[0..<count]
        }
    }
}
