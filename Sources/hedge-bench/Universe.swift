// A seeded synthetic universe of daily prices and volumes, written in every layout the loader reads.
//
// Prices follow a one-factor model (a market factor times a per-ticker beta plus noise) and are
// stored as Float32 widened to Double, so that they print with up to 17 significant digits as
// yfinance's do (`123.63253784179688`); volumes are whole numbers printed as `112117500.0`.
// The benchmark ticker is `QQQ`; the others are `T0000`, `T0001`, …. Dates are the weekdays of
// `years` years ending on 2025-12-31.
import Dispatch
import Foundation
import HedgeCore

struct Universe {
    let tickers: [String]
    let dates: [Day]
    /// Per ticker, per field (adjusted close, close, high, low, open, volume), per date.
    let values: [[[Float]]]

    static let fieldNames = ["Adj Close", "Close", "High", "Low", "Open", "Volume"]

    init(tickerCount: Int, years: Int, seed: UInt64) {
        var names = ["QQQ"]
        for k in 0..<max(0, tickerCount - 1) { names.append("T" + String(k).leftPadded(to: 4)) }
        tickers = names.sorted()
        let last = Day(year: 2025, month: 12, day: 31) ?? Day(ordinal: 20_453)
        let first = Day(year: 2026 - years, month: 1, day: 1) ?? last
        var days: [Day] = []
        var day = first
        while day <= last {
            if day.weekday < 5 { days.append(day) }
            day = day.adding(days: 1)
        }
        dates = days
        var market = Xoshiro256StarStar(seed: seed)
        let factor = days.indices.map { _ in 0.011 * market.normal() }
        let tickers = self.tickers
        var columns = [[[Float]]](repeating: [], count: tickers.count)
        columns.withUnsafeMutableBufferPointer { output in
            let base = output.baseAddress
            parallelFor(tickers.count) { t in
                var random = Xoshiro256StarStar(seed: seed &+ 0x9E37_79B9 &* UInt64(t + 1))
                let isBenchmark = tickers[t] == "QQQ"
                let beta = isBenchmark ? 1.0 : 0.5 + random.nextDouble() * 1.2
                let noise = isBenchmark ? 0.002 : 0.008 + 0.012 * random.nextDouble()
                let volumeLevel = (isBenchmark ? 4e7 : 2e5 + 3e7 * random.nextDouble())
                let adjustment = 0.9 + 0.1 * random.nextDouble()
                var price = 20 + 300 * random.nextDouble()
                var series = [[Float]](repeating: [], count: 6)
                for k in 0..<6 { series[k].reserveCapacity(factor.count) }
                for m in factor {
                    price *= exp(beta * m + noise * random.normal())
                    let close = Float(price)
                    series[0].append(Float(price * adjustment))
                    series[1].append(close)
                    series[2].append(Float(price * (1 + 0.01 * random.nextDouble())))
                    series[3].append(Float(price * (1 - 0.01 * random.nextDouble())))
                    series[4].append(Float(price * (1 + 0.01 * (random.nextDouble() - 0.5))))
                    let volume = (volumeLevel * exp(0.4 * random.normal()) / 100).rounded() * 100
                    series[5].append(Float(volume))
                }
                (base! + t).initialize(to: series)
            }
        }
        values = columns
    }

    /// Writes the layouts named in `layouts` (per-ticker, wide, multi, long-date, long-ticker) into
    /// `directory`: `per-ticker/<TICKER>.csv`, `wide.csv`, `multi.csv`, `long-date.csv`, `long-ticker.csv`.
    func write(to directory: String, layouts: [String]) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for layout in layouts {
            switch layout {
            case "per-ticker":
                let folder = directory + "/per-ticker"
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let failures = Failures()
                parallelFor(tickers.count) { t in
                    var out = Output()
                    out.append("Date,Adj Close,Close,Dividends,High,Low,Open,Stock Splits,Volume\n")
                    let series = values[t]
                    for i in dates.indices {
                        out.append(dates[i].description)
                        for k in 0..<5 {
                            out.comma(); out.number(series[k][i])
                            if k == 1 { out.append(",0.0") }
                        }
                        out.append(",0.0,"); out.number(series[5][i]); out.newline()
                    }
                    failures.record { try out.write(to: folder + "/\(tickers[t]).csv") }
                }
                try failures.rethrow()
            case "wide":
                try writeRows(to: directory + "/wide.csv", header: "Date," + tickers.joined(separator: ",") + "\n") { i, out in
                    out.append(dates[i].description)
                    for t in tickers.indices { out.comma(); out.number(values[t][0][i]) }
                    out.newline()
                }
            case "multi":
                var header = "Price"
                for name in Universe.fieldNames { for _ in tickers { header += "," + name } }
                header += "\nTicker"
                for _ in Universe.fieldNames { for ticker in tickers { header += "," + ticker } }
                header += "\nDate" + String(repeating: ",", count: tickers.count * 6) + "\n"
                try writeRows(to: directory + "/multi.csv", header: header) { i, out in
                    out.append(dates[i].description)
                    for k in 0..<6 { for t in tickers.indices { out.comma(); out.number(values[t][k][i]) } }
                    out.newline()
                }
            case "long-date":
                try writeRows(to: directory + "/long-date.csv", header: Universe.longHeader) { i, out in
                    for t in tickers.indices { longRow(t, i, &out) }
                }
            case "long-ticker":
                try writeRows(to: directory + "/long-ticker.csv", header: Universe.longHeader, count: tickers.count) { t, out in
                    for i in dates.indices { longRow(t, i, &out) }
                }
            default:
                throw HedgeError("unknown layout \(layout)")
            }
        }
    }

    static let longHeader = "Date,Ticker,Adj Close,Close,High,Low,Open,Volume\n"

    private func longRow(_ t: Int, _ i: Int, _ out: inout Output) {
        out.append(dates[i].description); out.comma(); out.append(tickers[t])
        for k in 0..<6 { out.comma(); out.number(values[t][k][i]) }
        out.newline()
    }

    /// Writes `header` then rows `0..<count` (default: one per date), formatted in parallel blocks.
    private func writeRows(to path: String, header: String, count: Int? = nil,
                           row: (Int, inout Output) -> Void) throws {
        let rows = count ?? dates.count
        let blockSize = 64
        let blocks = (rows + blockSize - 1) / blockSize
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw HedgeError("cannot write \(path)") }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        handle.write(Data(header.utf8))
        // Groups of blocks are formatted in parallel, then written in order.
        let group = 16
        var start = 0
        while start < blocks {
            let end = min(blocks, start + group)
            var parts = [[UInt8]](repeating: [], count: end - start)
            parts.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress
                let blockStart = start
                parallelFor(end - start) { b in
                    var out = Output()
                    let first = (blockStart + b) * blockSize
                    for r in first..<min(rows, first + blockSize) { row(r, &out) }
                    (base! + b).pointee = out.bytes
                }
            }
            for part in parts { handle.write(Data(part)) }
            start = end
        }
    }
}

/// A growing byte buffer for CSV text.
struct Output {
    var bytes: [UInt8] = []
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func comma() { bytes.append(0x2C) }
    mutating func newline() { bytes.append(0x0A) }
    /// The Float widened to Double, printed as Python prints it (shortest round-trip form).
    mutating func number(_ value: Float) { bytes.append(contentsOf: Double(value).description.utf8) }
    func write(to path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
}

/// The first error of a parallel loop.
final class Failures: @unchecked Sendable {
    private var first: Error?
    private let lock = NSLock()
    func record(_ body: () throws -> Void) {
        do { try body() } catch { lock.lock(); if first == nil { first = error }; lock.unlock() }
    }
    func rethrow() throws { if let first { throw first } }
}

extension Xoshiro256StarStar {
    /// Uniform in [0, 1).
    mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(nextDouble(), 1e-300), v = nextDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Runs `body(0..<count)` on all cores; the caller makes the iterations independent.
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    withoutActuallyEscaping(body) { escapable in
        let box = UncheckedSendable(value: escapable)
        DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
    }
}

struct UncheckedSendable<Value>: @unchecked Sendable { let value: Value }
