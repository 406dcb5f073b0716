#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import HedgeCore

/// What `load` accepts as input (issue 13 items 3 and 4): regular files only, refused at once
/// otherwise; records up to a limit, failing fast beyond it in bounded memory.
@Suite struct LoaderInputTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/prices.csv"
        #expect(mkfifo(path, 0o600) == 0)
        // No writer ever opens the FIFO: opening it for reading would block forever.
        let error = LoaderFixtures.error { try PanelLoader.load(paths: [path]) }
        #expect(error?.description == "\(path): not a regular file (a FIFO); load reads only regular files")
    }

    @Test func devicesAndDirectoriesAreRefused() throws {
        let directory = try TemporaryDirectory()
        let cases = [("/dev/null", "a character device"), ("/dev/zero", "a character device"), (directory.path, "a directory")]
        for (path, kind) in cases where FileManager.default.fileExists(atPath: path) {
            let error = LoaderFixtures.error { try PanelLoader.load(paths: [path]) }
            #expect(error?.description == "\(path): not a regular file (\(kind)); load reads only regular files")
        }
    }

    @Test func aSymbolicLinkToARegularFileLoads() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/real.csv"
        try "Date,Close\n2023-01-03,1.5\n".write(toFile: target, atomically: false, encoding: .utf8)
        let link = directory.path + "/AAPL.csv"
        #expect(symlink(target, link) == 0)
        let panel = try PanelLoader.load(paths: [link])
        #expect(panel.tickers == ["AAPL"])
        #expect(panel.values[.price] == [[1.5]])
    }

    @Test func aRecordOverTheLimitFailsNamingIt() throws {
        let limit = CSVRecordReader.maximumRecordSize
        let message = "record is longer than the limit of 16 MiB (16777216 bytes); is this a CSV file?"
        #expect(limit == 16 << 20)
        // In the header, and in the data (where the fast path declines and the general path fails).
        let header = [UInt8](repeating: UInt8(ascii: "a"), count: limit + 10)
        var data = Array("Date,Close,Dividends\n2023-01-03,1.5,0\n2023-01-04,1.5,".utf8)
        data += [UInt8](repeating: UInt8(ascii: "7"), count: limit + 10)
        data += Array("\n2023-01-05,1,0\n".utf8)
        let directory = try TemporaryDirectory()
        for (bytes, line) in [(header, 1), (data, 3)] {
            let error = LoaderFixtures.error { try PanelLoader.parse(bytes: bytes, path: "AAPL.csv") }
            #expect(error?.message == message)
            #expect(error?.location?.line == line)
            let path = directory.path + "/AAPL.csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let fromFile = LoaderFixtures.error { try PanelLoader.load(paths: [path]) }
            #expect(fromFile?.message == message)
            #expect(fromFile?.location == HedgeCore.SourceLocation(file: path, line: line))
        }
    }

    @Test func aRecordJustUnderTheLimitLoads() throws {
        // A row of 12 MiB (in a column the panel ignores): read whole, on both paths.
        let text = "Date,Close,Dividends\n2023-01-03,1.5," + String(repeating: "x", count: 12 << 20)
            + "\n2023-01-04,2.5,0\n"
        for panel in [try PanelLoader.parse(bytes: Array(text.utf8), path: "AAPL.csv"),
                      try PanelLoader.parseWithGeneralPath(bytes: Array(text.utf8), path: "AAPL.csv")] {
            #expect(panel.values[.price] == [[1.5, 2.5]])
        }
    }
}
