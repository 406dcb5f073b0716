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
}
