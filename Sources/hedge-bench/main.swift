// hedge-bench: times HedgeCore's hot paths on large inputs. Not a test: run via scripts/bench.
//
//   hedge-bench load [--file PATH] [--megabytes N] [--runs N]
//   hedge-bench rolling [--days N] [--window N] [--runs N]
//
// `load` times PanelLoader.load over a yfinance-style CSV: the given file, or one generated
// deterministically (about N MB, default 100) in the temporary directory and removed afterwards.
// A --file that does not exist yet is generated there and kept, for profiling.
// `rolling` times RollingOLS.fit and the EWMA beta on synthetic daily returns (default 6,300 days,
// window 252, the issue-10 target: under 5 ms).
import Foundation
import HedgeCore

/// A deterministic pseudo-random generator (SplitMix64), so every run benchmarks the same bytes.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes a yfinance-style per-ticker CSV of about `megabytes` MB: Float32 prices widened to Double
/// (17 significant digits, like `123.63253784179688`), volumes like `112117500.0`.
func generateYahooCSV(megabytes: Int, path: String) throws {
    var generator = SplitMix(state: 20_230_103)
    var text = "Date,Adj Close,Close,Dividends,High,Low,Open,Stock Splits,Volume\n"
    text.reserveCapacity(megabytes << 20 + 4096)
    var price = 100.0
    var day = Day(year: 1900, month: 1, day: 1) ?? Day(ordinal: -25_567)
    while text.utf8.count < megabytes << 20 {
        price *= exp(Double.random(in: -0.02...0.02, using: &generator))
        let close = Double(Float(price))
        let adjusted = Double(Float(price * 0.97))
        let high = Double(Float(price * Double.random(in: 1...1.02, using: &generator)))
        let low = Double(Float(price * Double.random(in: 0.98...1, using: &generator)))
        let open = Double(Float(price * Double.random(in: 0.99...1.01, using: &generator)))
        let volume = Double(Int.random(in: 1_000_000...500_000_000, using: &generator) / 100 * 100)
        text += "\(day),\(adjusted),\(close),0.0,\(high),\(low),\(open),0.0,\(volume)\n"
        day = day.adding(days: 1)
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func benchmarkLoad(arguments: [String]) throws {
    var file: String? = nil
    var megabytes = 100
    var runs = 5
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--file": file = value
        case "--megabytes": megabytes = Int(value) ?? megabytes
        case "--runs": runs = max(1, Int(value) ?? runs)
        default: throw HedgeError("hedge-bench load: unknown option \(arguments[k])")
        }
        k += 2
    }
    var generated: String? = nil
    let path: String
    if let file {
        path = file
        if !FileManager.default.fileExists(atPath: file) {
            let started = ContinuousClock.now
            try generateYahooCSV(megabytes: megabytes, path: file)
            print("generated \(file) in \(seconds(ContinuousClock.now - started)) s (kept)")
        }
    } else {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hedge-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("BENCH.csv").path
        let started = ContinuousClock.now
        try generateYahooCSV(megabytes: megabytes, path: path)
        print("generated \(path) in \(seconds(ContinuousClock.now - started)) s")
        generated = directory.path
    }
    defer { if let generated { try? FileManager.default.removeItem(atPath: generated) } }

    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
    let sizeMB = size / 1_000_000
    print("load: \(String(format: "%.1f", sizeMB)) MB, \(runs) runs")
    var times: [Double] = []
    for run in 1...runs {
        let started = ContinuousClock.now
        let panel = try PanelLoader.load(paths: [path])
        let elapsed = seconds(ContinuousClock.now - started)
        times.append(elapsed)
        print(String(format: "  run %d: %.3f s  %.0f MB/s  (%d dates × %d tickers)",
                     run, elapsed, sizeMB / elapsed, panel.dates.count, panel.tickers.count))
    }
    let sorted = times.sorted()
    let median = sorted[sorted.count / 2]
    print(String(format: "load: best %.3f s (%.0f MB/s), median %.3f s (%.0f MB/s)",
                 sorted[0], sizeMB / sorted[0], median, sizeMB / median))
}

/// Times `RollingOLS.fit` (and the EWMA beta) on `days` synthetic daily returns with one regressor.
func benchmarkRolling(arguments: [String]) throws {
    var days = 6_300
    var window = 252
    var runs = 50
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--days": days = Int(value) ?? days
        case "--window": window = Int(value) ?? window
        case "--runs": runs = max(1, Int(value) ?? runs)
        default: throw HedgeError("hedge-bench rolling: unknown option \(arguments[k])")
        }
        k += 2
    }
    var generator = SplitMix(state: 20_261_202)
    func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    let x = (0..<days).map { _ in 0.012 * normal() }
    let y = x.map { 0.0003 + 1.3 * $0 + 0.008 * normal() }
    func time(_ label: String, _ body: () throws -> Double) rethrows {
        var times: [Double] = []
        var check = 0.0
        for _ in 1...runs {
            let started = ContinuousClock.now
            check += try body()
            times.append(seconds(ContinuousClock.now - started))
        }
        let sorted = times.sorted()
        print(String(format: "%@: best %.3f ms, median %.3f ms, worst %.3f ms  (check %.6f)",
                     label, sorted[0] * 1e3, sorted[sorted.count / 2] * 1e3, sorted[sorted.count - 1] * 1e3, check / Double(runs)))
    }
    print("rolling: \(days) days, window \(window), \(runs) runs")
    try time("RollingOLS.fit (α, β, s.e., R²)") {
        try RollingOLS.fit(y: y, regressors: [x], window: window).params[1][days - 1]
    }
    try time("EWMA beta (halflife 63)") {
        try ExponentialMoments.beta(y: y, x: x, halflife: 63)[days - 1]
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "load", nil: try benchmarkLoad(arguments: Array(arguments.dropFirst()))
    case "rolling": try benchmarkRolling(arguments: Array(arguments.dropFirst()))
    default:
        throw HedgeError("usage: hedge-bench load [--file PATH] [--megabytes N] [--runs N]\n"
            + "       hedge-bench rolling [--days N] [--window N] [--runs N]")
    }
} catch {
    FileHandle.standardError.write(Data("hedge-bench: \(error)\n".utf8))
    exit(1)
}
