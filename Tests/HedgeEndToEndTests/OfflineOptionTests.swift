import Foundation
import Testing

/// `hedge --offline` and `HEDGE_OFFLINE=1`: `load yahoo` never starts the fetch helper and names what the cache lacks.
@Suite struct OfflineOptionTests {
    func hedge(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built"))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["HEDGE_HISTORY"] = "/dev/null"
        // No server listens here: a fetch would fail with "cannot reach", not the offline message.
        env["HEDGE_YAHOO_URL"] = "http://127.0.0.1:9"
        env["HEDGE_OFFLINE"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func offlineNamesWhatTheCacheLacks() throws {
        let cache = NSTemporaryDirectory() + "hedge-offline-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        for (arguments, environment) in [(["--offline"], [:]), ([], ["HEDGE_OFFLINE": "1"])] {
            let run = try hedge(arguments + ["-c", "load yahoo AAPL QQQ from 2022-01-01"],
                                environment: environment.merging(["HEDGE_CACHE_DIR": cache]) { $1 })
            #expect(run.status == 1)
            #expect(run.err == "-c:1:12: load yahoo: offline, and the cache has no data for AAPL, QQQ (load without --offline / HEDGE_OFFLINE to fetch them)\n")
        }
        let online = try hedge(["-c", "load yahoo AAPL from 2022-01-01"], environment: ["HEDGE_CACHE_DIR": cache])
        #expect(online.status == 1 && online.err.contains("load yahoo: AAPL: cannot reach 127.0.0.1"))
        #expect(try hedge(["--help"], environment: [:]).out.contains("--offline"))
    }

    @Test func strictMakesAChangedReplayAnError() throws {
        let directory = NSTemporaryDirectory() + "hedge-strict-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let csv = directory + "/AAA.csv", script = directory + "/s.hedge"
        try "Date,Adj Close\n2024-01-02,10\n2024-01-03,11\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try hedge(["-c", "load \(csv) as d; save \(script)"], environment: [:]).status == 0)
        try "Date,Adj Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let lenient = try hedge([script], environment: [:])
        #expect(lenient.status == 0)
        #expect(lenient.out.hasPrefix("warning: the data of `load … as d` changed since the script was saved: 1 row added after 2024-01-03\n"))
        let strict = try hedge(["--strict", script], environment: [:])
        #expect(strict.status == 1 && strict.err.contains("1 row added after 2024-01-03 (strict)"))
    }
}
