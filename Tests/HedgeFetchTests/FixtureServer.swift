import Foundation
import HedgeCore
import YahooFixtureServer

/// The loopback stand-in for Yahoo (`Fixtures/yahoo/server.py`), one per test.
typealias FixtureServer = YahooFixtureServer

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
