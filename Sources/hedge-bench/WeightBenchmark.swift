// `hedge-bench weight`: Weighting.volume on an in-memory panel of N tickers × D days.
import Foundation
import HedgeCore

/// A seeded synthetic basket: random-walk prices and volumes, every tenth ticker listed late
/// (NaN before its first day), as a universe of index constituents looks.
func syntheticBasket(tickers: Int, days: Int, seed: UInt64) -> Panel {
    var generator = SplitMix(state: seed)
    let dates = (0..<days).map { Day(ordinal: 10_000 + $0 * 7 / 5) }
    var prices: [[Double]] = []
    var volumes: [[Double]] = []
    prices.reserveCapacity(tickers)
    volumes.reserveCapacity(tickers)
    for t in 0..<tickers {
        let listed = t % 10 == 9 ? Int.random(in: 0..<(days / 2), using: &generator) : 0
        var price = Double.random(in: 10...500, using: &generator)
        var p = [Double](repeating: .nan, count: days)
        var v = [Double](repeating: .nan, count: days)
        for i in listed..<days {
            price *= 1 + Double.random(in: -0.03...0.03, using: &generator)
            p[i] = price
            v[i] = Double(Int.random(in: 100_000...90_000_000, using: &generator) / 100 * 100)
        }
        prices.append(p)
        volumes.append(v)
    }
    return Panel(dates: dates, tickers: (0..<tickers).map { "T\($0)" }, values: [.price: prices, .volume: volumes])
}

func benchmarkWeight(arguments: [String]) throws {
    var sizes = [(500, 6_300), (2_000, 6_300)]
    var window = 30
    var runs = 5
    var k = 0
    while k < arguments.count {
        let value = k + 1 < arguments.count ? arguments[k + 1] : ""
        switch arguments[k] {
        case "--tickers":
            sizes = value.split(separator: ",").compactMap { Int($0) }.map { ($0, sizes.first?.1 ?? 6_300) }
        case "--days": sizes = sizes.map { ($0.0, Int(value) ?? $0.1) }
        case "--window": window = Int(value) ?? window
        case "--runs": runs = max(1, Int(value) ?? runs)
        default: throw HedgeError("hedge-bench weight: unknown option \(arguments[k])")
        }
        k += 2
    }
    var perCell: [(cells: Double, seconds: Double)] = []
    for (tickers, days) in sizes {
        let panel = syntheticBasket(tickers: tickers, days: days, seed: 20_240_101)
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var checksum = 0.0
        for _ in 1...runs {
            let cpuStarted = processCPUSeconds()
            let started = ContinuousClock.now
            let portfolio = try Weighting.volume(panel, window: window)
            times.append(seconds(ContinuousClock.now - started))
            cpuTimes.append(processCPUSeconds() - cpuStarted)
            checksum = portfolio.returns.values.reduce(0, +)
        }
        times.sort()
        cpuTimes.sort()
        let median = times[times.count / 2]
        let cells = Double(tickers * days)
        perCell.append((cells, cpuTimes[cpuTimes.count / 2]))
        print("weight: \(tickers) tickers × \(days) days, window \(window): best \(format(times[0] * 1000, 1)) ms, median \(format(median * 1000, 1)) ms, \(format(median / cells * 1e9, 2)) ns per ticker-day; CPU time of all threads best \(format(cpuTimes[0] * 1000, 1)) ms, median \(format(cpuTimes[cpuTimes.count / 2] * 1000, 1)) ms (checksum \(checksum))")
    }
    if perCell.count >= 2, let first = perCell.first, let last = perCell.last, last.cells != first.cells {
        let exponent = log(last.seconds / first.seconds) / log(last.cells / first.cells)
        print("weight: scaling exponent of the median CPU time over the sizes \(format(exponent, 2)) (1.00 = linear in tickers × days)")
    }
}

/// CPU time of the calling thread, which a loaded machine inflates far less than wall time.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU time of the whole process (every thread): the work a parallel computation does in total.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
