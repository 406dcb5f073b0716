import Foundation
import HedgeCore

/// The loopback stand-in for Yahoo (`Fixtures/yahoo/server.py`), one per test.
final class FixtureServer {
    let process = Process()
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/yahoo").path

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FixtureServer.fixtures + "/server.py", FixtureServer.fixtures]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()  // the server exits when this ends (the test process is gone)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        let handle = output.fileHandleForReading
        while !line.hasSuffix("\n") {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw HedgeError("the fixture server did not start (said \(line.debugDescription))")
        }
        self.port = port
    }

    /// Requests per path so far.
    func stats() throws -> [String: Int] {
        guard let url = URL(string: baseURL + "/__stats") else { return [:] }
        let data = try Data(contentsOf: url)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }

    func stop() {
        // SIGKILL: the test runner may hand its children a mask that blocks SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hedge-fetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// True when both panels have the same dates, tickers, fields and values (NaN equal to NaN, bit for bit otherwise).
func samePanel(_ a: Panel, _ b: Panel) -> Bool {
    guard a.dates == b.dates, a.tickers == b.tickers, Set(a.fields) == Set(b.fields) else { return false }
    for field in a.fields {
        guard let x = a.values[field], let y = b.values[field], x.count == y.count else { return false }
        for (u, v) in zip(x, y) {
            guard u.count == v.count else { return false }
            for (p, q) in zip(u, v) where !(p.isNaN && q.isNaN) && p.bitPattern != q.bitPattern { return false }
        }
    }
    return true
}
