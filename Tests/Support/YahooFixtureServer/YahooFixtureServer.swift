import Foundation

/// The loopback stand-in for Yahoo's chart API (`Tests/HedgeFetchTests/Fixtures/yahoo/server.py`) on a
/// free port, one per test; killed when stopped or released. Shared by the fetch, shell and end-to-end
/// tests, so they never reach the real service.
public final class YahooFixtureServer {
    public let process = Process()
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `Tests/HedgeFetchTests/Fixtures/yahoo`.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HedgeFetchTests/Fixtures/yahoo").path

    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
    }

    public init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.fixtures + "/server.py", Self.fixtures]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()  // the server exits when this ends (the test process is gone)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw StartFailure(description: "the fixture server did not start (said \(line.debugDescription))")
        }
        self.port = port
    }

    /// Requests per path so far (and `/__closed/SYMBOL` for stalled requests the client gave up).
    public func stats() throws -> [String: Int] {
        guard let url = URL(string: baseURL + "/__stats") else { return [:] }
        return (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Int]) ?? [:]
    }

    /// Polls `stats` until `condition` holds (true) or `timeout` passes (false).
    public func waitFor(_ timeout: Duration = .seconds(20), _ condition: ([String: Int]) -> Bool) throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(try stats()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(try stats())
    }

    public func stop() {
        // SIGKILL: the test runner may hand its children a mask that blocks SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
