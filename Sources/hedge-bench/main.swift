// hedge-bench: times HedgeCore's hot paths on large inputs. Not a test: run via scripts/bench.
//
//   hedge-bench load [--file PATH] [--megabytes N] [--runs N]
//   hedge-bench rolling [--days N] [--window N] [--runs N]
//   hedge-bench sweep --data DIR [--runs N] [--workers N]
//   hedge-bench universe --tickers N --years N [--seed N] --out DIR [LAYOUT...]
//   hedge-bench load-files [--runs N] [--field FIELD] [--fields F,F] PATH...
//   hedge-bench weight [--tickers 500,2000] [--days 6300] [--window 30] [--runs 5]
//   hedge-bench backtest [--days 600] [--iterations 20000]
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

/// `sweep`: 1,000 `method daily` configurations (rebalance 5..100 step 5 × estimate 20..200 step 20 ×
/// cost 0,0.0005,0.001,0.0015,0.002) of the volume-weighted basket in DIR against QQQ (the mag7 flow),
/// timed from the aligned returns to every configuration's metrics (OLS tables included).
func benchmarkSweep(arguments: [String]) throws {
    var data = ""
    var runs = 10
    var workers = ParallelRunner.availableCores
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--data": data = value
        case "--runs": runs = max(1, Int(value) ?? runs)
        case "--workers": workers = max(1, Int(value) ?? workers)
        default: throw HedgeError("hedge-bench sweep: unknown option \(arguments[k])")
        }
        k += 2
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".csv") }.sorted()
        .map { data + "/" + $0 }
    let panel = try PanelLoader.load(paths: files)
    let benchmarkTicker = panel.tickers.contains("QQQ") ? "QQQ" : (panel.tickers.last ?? "")
    let basket = try Weighting.portfolio(panel, scheme: .volume(window: 30), excluding: [benchmarkTicker])
    guard let prices = panel.series(benchmarkTicker) else { throw HedgeError("no \(benchmarkTicker) prices") }
    let inputs = try DailyBacktestInputs(long: basket.returns, benchmark: Returns.simple(prices))
    let axes = [SweepAxis(name: "rebalance", values: try SweepValues.parse("5..100", step: "5", parameter: "rebalance")),
                SweepAxis(name: "estimate", values: try SweepValues.parse("20..200", step: "20", parameter: "estimate")),
                SweepAxis(name: "cost", values: try SweepValues.parse("0,0.0005,0.001,0.0015,0.002", parameter: "cost"))]
    print("sweep: \(inputs.count) aligned days, 20 × 10 × 5 = 1,000 method daily configurations, \(workers) workers, \(runs) runs")
    var times: [Double] = []
    var best = 0.0
    for run in 1...runs {
        let started = ContinuousClock.now
        let sweep = try ParameterSweep(inputs: inputs, base: DailyBacktestParameters(), axes: axes)
        let result = try sweep.runBlocking(workers: workers)
        let elapsed = seconds(ContinuousClock.now - started)
        times.append(elapsed)
        best = result.best(by: .sharpe).map { result.values(.sharpe)[$0] } ?? .nan
        print(String(format: "  run %d: %.4f s  (%.0f configurations/s)", run, elapsed, Double(result.rows.count) / elapsed))
    }
    let sorted = times.sorted()
    print(String(format: "sweep: best %.4f s, median %.4f s for 1,000 configurations (best sharpe %.3f)",
                 sorted[0], sorted[sorted.count / 2], best))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Generates a seeded universe into a directory (see Universe.swift); layouts default to all five.
func generateUniverse(arguments: [String]) throws {
    var tickers = 50, years = 10, seed: UInt64 = 14, out: String? = nil
    var layouts: [String] = []
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--tickers": tickers = Int(value) ?? tickers; k += 2
        case "--years": years = Int(value) ?? years; k += 2
        case "--seed": seed = UInt64(value) ?? seed; k += 2
        case "--out": out = value; k += 2
        default: layouts.append(arguments[k]); k += 1
        }
    }
    guard let out else { throw HedgeError("hedge-bench universe: --out DIR is required") }
    if layouts.isEmpty { layouts = ["per-ticker", "wide", "multi", "long-date", "long-ticker"] }
    let started = ContinuousClock.now
    let universe = Universe(tickerCount: tickers, years: years, seed: seed)
    try universe.write(to: out, layouts: layouts)
    print("generated \(tickers) tickers × \(universe.dates.count) days (\(layouts.joined(separator: ", "))) "
          + "in \(String(format: "%.1f", seconds(ContinuousClock.now - started))) s")
}

/// Times PanelLoader.load over the given files in this process: one line `seconds megabytes` per run.
func benchmarkLoadFiles(arguments: [String]) throws {
    var runs = 3, field = Field.price
    var fields: Set<Field>? = nil
    var paths: [String] = []
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--runs": runs = max(1, Int(value) ?? runs); k += 2
        case "--field": field = Field(rawValue: value) ?? field; k += 2
        case "--fields": fields = Set(value.split(separator: ",").compactMap { Field(rawValue: String($0)) }); k += 2
        default: paths.append(arguments[k]); k += 1
        }
    }
    var bytes = 0.0
    for path in paths {
        bytes += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
    }
    for _ in 0..<runs {
        let started = ContinuousClock.now
        let panel = try PanelLoader.load(paths: paths, options: LoadOptions(wideField: field, fields: fields))
        let elapsed = seconds(ContinuousClock.now - started)
        print(String(format: "%.6f %.3f %d %d", elapsed, bytes / 1e6, panel.tickers.count, panel.dates.count))
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "load", nil: try benchmarkLoad(arguments: Array(arguments.dropFirst()))
    case "rolling": try benchmarkRolling(arguments: Array(arguments.dropFirst()))
    case "sweep": try benchmarkSweep(arguments: Array(arguments.dropFirst()))
    case "universe": try generateUniverse(arguments: Array(arguments.dropFirst()))
    case "load-files": try benchmarkLoadFiles(arguments: Array(arguments.dropFirst()))
    case "weight": try benchmarkWeight(arguments: Array(arguments.dropFirst()))
    case "backtest": try benchmarkBacktest(arguments: Array(arguments.dropFirst()))
    default:
        throw HedgeError("usage: hedge-bench load [--file PATH] [--megabytes N] [--runs N]\n"
            + "       hedge-bench rolling [--days N] [--window N] [--runs N]\n"
            + "       hedge-bench sweep --data DIR [--runs N] [--workers N]\n"
            + "       hedge-bench universe --tickers N --years N [--seed N] --out DIR [LAYOUT...]\n"
            + "       hedge-bench load-files [--runs N] [--field FIELD] [--fields F,F] PATH...\n"
            + "       hedge-bench weight [--tickers N,N] [--days D] [--window W] [--runs N]\n"
            + "       hedge-bench backtest [--days D] [--iterations N]")
    }
} catch {
    FileHandle.standardError.write(Data("hedge-bench: \(error)\n".utf8))
    exit(1)
}
