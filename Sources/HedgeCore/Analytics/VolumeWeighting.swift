extension Weighting {
    /// The notebook's `calculate_weighted_returns(...)[window:]`:
    /// `weights = avg_volume / avg_volume.sum(axis=1)` with `avg_volume = volume.rolling(window).mean()`,
    /// then `(price.pct_change() * weights.shift(1)).sum(axis=1)`, from the date at position `window` on.
    ///
    /// NaN handling follows pandas: a NaN volume makes every rolling window containing it NaN; the row
    /// sums skip NaN and a sum of nothing is 0.0, so a weight is NaN where no ticker has an average
    /// (or all averages are 0), and a day on which no ticker has both a return and a lagged weight keeps
    /// its place in the series with the return 0.0 (counted in `daysWithoutWeightedConstituent`).
    ///
    /// O(tickers × dates) whatever the window, in bounded extra memory: dates are taken in blocks, each
    /// ticker's running mean carried from block to block (`RunningMean`, pandas' own algorithm, so the
    /// averages match pandas bit for bit); sums across tickers add in column order as pandas does.
    /// The weight matrix is not kept (its first used and last rows are); `weights(at:)` recomputes others.
    /// Polls `cancellation` once per block.
    public static func volume(_ panel: Panel, window: Int, cancellation: Cancellation? = nil) throws -> WeightedPortfolio {
        guard window >= 1 else { throw HedgeError("the volume window must be at least 1 day (got \(window))") }
        guard !panel.tickers.isEmpty else { throw HedgeError("no tickers to weight") }
        guard let volumes = panel.values[.volume] else {
            throw HedgeError("volume weighting needs a volume field; the data has none (try equal weights)")
        }
        guard let prices = panel.values[.price] else {
            throw HedgeError("the data has no \(Field.price.rawValue) field to compute returns from")
        }
        let n = panel.dates.count
        guard n > window else {
            throw HedgeError("volume weighting over \(window) days needs more than \(window) dates of volume; the data has \(n)")
        }
        var pass = VolumeWeightingPass(tickers: panel.tickers.count, dates: n, window: window)
        for start in stride(from: 0, to: n, by: VolumeWeightingPass.block) {
            try cancellation?.check()
            pass.run(block: start..<min(start + VolumeWeightingPass.block, n), volumes: volumes, prices: prices)
        }
        var unweighted = 0
        for i in window..<n where !pass.weighted[i] { unweighted += 1 }
        return WeightedPortfolio(
            scheme: .volume(window: window),
            returns: Series(name: "portfolio", dates: Array(panel.dates[window...]), values: Array(pass.sums[window...])),
            tickers: panel.tickers, dates: panel.dates, lag: 1, daysWithoutWeightedConstituent: unweighted,
            weightSource: .rollingVolume(volumes: volumes, window: window,
                                         keptRows: [window - 1: pass.firstUsedRow, n - 1: pass.lastRow]))
    }
}

/// The state of `Weighting.volume` between blocks of dates.
struct VolumeWeightingPass {
    /// Dates per block: the block's averages of every ticker (tickers × block doubles) stay in cache.
    static let block = 512

    let tickerCount: Int
    let window: Int
    /// Each ticker's running mean volume, carried across blocks.
    var states: [RunningMean]
    /// The weight of each ticker on the date before the current block (NaN at first).
    var previousWeights: [Double]
    /// `averages[t * block + j]`: ticker t's average on the block's date j.
    var averages: [Double]
    var totals: [Double]
    /// The portfolio's return on every date (the sum of the weighted returns).
    var sums: [Double]
    /// Whether any ticker had both a lagged weight and a return on that date.
    var weighted: [Bool]
    var firstUsedRow: [Double]
    var lastRow: [Double]

    init(tickers: Int, dates: Int, window: Int) {
        tickerCount = tickers
        self.window = window
        states = Array(repeating: RunningMean(), count: tickers)
        previousWeights = Array(repeating: .nan, count: tickers)
        averages = Array(repeating: .nan, count: tickers * Self.block)
        totals = Array(repeating: 0, count: Self.block)
        sums = Array(repeating: 0, count: dates)
        weighted = Array(repeating: false, count: dates)
        firstUsedRow = Array(repeating: .nan, count: tickers)
        lastRow = Array(repeating: .nan, count: tickers)
    }

    /// Workers for a block: both halves of the work are worth a thread only for a wide basket.
    private var workers: Int { tickerCount >= 64 ? ParallelWork.processorCount : 1 }

    mutating func run(block dates: Range<Int>, volumes: [[Double]], prices: [[Double]]) {
        let width = Self.block
        let m = dates.count
        let window = self.window
        let tickerCount = self.tickerCount
        let workers = self.workers
        // 1. Each ticker's rolling mean volume on the block's dates, four tickers at a time (each running
        //    sum is a chain of dependent additions; four independent chains keep the CPU busy), the
        //    tickers shared out between the cores in groups of four.
        states.withUnsafeMutableBufferPointer { states in
            averages.withUnsafeMutableBufferPointer { averages in
                let shared = ParallelWork.Unchecked((states, averages))
                let groups = (tickerCount + 3) / 4
                try? ParallelWork.forEach(count: groups, workers: workers) { group, _ in
                    let (states, averages) = shared.value
                    let t = group * 4
                    if t + 4 <= tickerCount {
                        withColumns(volumes[t], volumes[t + 1], volumes[t + 2], volumes[t + 3]) { v0, v1, v2, v3 in
                            var s0 = states[t], s1 = states[t + 1], s2 = states[t + 2], s3 = states[t + 3]
                            let row = t * width
                            for i in dates {
                                let j = row + i - dates.lowerBound
                                averages[j] = s0.advance(v0, to: i, window: window)
                                averages[j + width] = s1.advance(v1, to: i, window: window)
                                averages[j + 2 * width] = s2.advance(v2, to: i, window: window)
                                averages[j + 3 * width] = s3.advance(v3, to: i, window: window)
                            }
                            states[t] = s0; states[t + 1] = s1; states[t + 2] = s2; states[t + 3] = s3
                        }
                    } else {
                        for t in t..<tickerCount {
                            volumes[t].withUnsafeBufferPointer { v in
                                var state = states[t]
                                let row = t * width
                                for i in dates { averages[row + i - dates.lowerBound] = state.advance(v, to: i, window: window) }
                                states[t] = state
                            }
                        }
                    }
                }
            }
        }
        // 2 and 3 go date by date across the tickers, in column order; the cores take the block's dates in
        // halves, so every date's sums add the tickers in the same order as one thread would.
        let halves = workers > 1 && m >= 64 ? 2 : 1
        func half(_ k: Int) -> Range<Int> { (k * m / halves)..<((k + 1) * m / halves) }
        // 2. The daily totals of the defined averages, then the weights (x/0 and 0/0 as IEEE, as pandas
        //    divides) in place of the averages.
        averages.withUnsafeMutableBufferPointer { weights in
            totals.withUnsafeMutableBufferPointer { totals in
                let shared = ParallelWork.Unchecked((weights, totals))
                try? ParallelWork.forEach(count: halves, workers: halves) { k, _ in
                    let (weights, totals) = shared.value
                    let columns = half(k)
                    for j in columns { totals[j] = 0 }
                    for t in 0..<tickerCount {
                        let row = t * width
                        for j in columns {
                            let a = weights[row + j]
                            if !a.isNaN { totals[j] += a }
                        }
                    }
                    for t in 0..<tickerCount {
                        let row = t * width
                        for j in columns { weights[row + j] /= totals[j] }
                    }
                }
            }
        }
        // 3. `pct_change[i] * weight[i-1]` added to day i. A NaN product adds 0.0, exactly as pandas'
        //    NaN-skipping sum fills NaN with 0 before adding; the loop is branch-free (vectorizable).
        let first = dates.lowerBound
        averages.withUnsafeBufferPointer { weights in
            sums.withUnsafeMutableBufferPointer { sums in
                weighted.withUnsafeMutableBufferPointer { weighted in
                    previousWeights.withUnsafeBufferPointer { previousWeights in
                        let shared = ParallelWork.Unchecked((weights, sums, weighted, previousWeights))
                        try? ParallelWork.forEach(count: halves, workers: halves) { k, _ in
                            let (weights, sums, weighted, previousWeights) = shared.value
                            let columns = half(k)
                            for t in 0..<tickerCount {
                                let row = t * width
                                prices[t].withUnsafeBufferPointer { price in
                                    for j in columns {
                                        let i = first + j
                                        guard i > 0 else { continue }
                                        let weight = j == 0 ? previousWeights[t] : weights[row + j - 1]
                                        let product = (price[i] / price[i - 1] - 1) * weight
                                        let defined = !product.isNaN
                                        sums[i] += defined ? product : 0
                                        weighted[i] = weighted[i] || defined
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let keepFirstUsed = dates.contains(window - 1), keepLast = dates.contains(sums.count - 1)
        for t in 0..<tickerCount {
            let row = t * width
            previousWeights[t] = averages[row + m - 1]
            if keepFirstUsed { firstUsedRow[t] = averages[row + window - 1 - first] }
            if keepLast { lastRow[t] = averages[row + m - 1] }
        }
    }
}

/// Runs `body` with the storage of four arrays.
@inline(__always)
private func withColumns<R>(_ a: [Double], _ b: [Double], _ c: [Double], _ d: [Double],
                            _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                     UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> R) -> R {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            c.withUnsafeBufferPointer { c in d.withUnsafeBufferPointer { d in body(a, b, c, d) } }
        }
    }
}

/// Volume weights recomputed from the volumes (for `WeightedPortfolio.weights`), as pandas computes them.
enum VolumeWeights {
    /// The whole matrix: `matrix[t][i]` = ticker t's rolling mean volume on date i over the day's total.
    static func matrix(volumes: [[Double]], window: Int) -> [[Double]] {
        var weights = volumes.map { Rolling.mean($0, window: window) }
        guard let n = weights.first?.count else { return weights }
        var totals = [Double](repeating: 0, count: n)
        for column in weights { for i in 0..<n where !column[i].isNaN { totals[i] += column[i] } }
        for t in weights.indices { for i in 0..<n { weights[t][i] /= totals[i] } }
        return weights
    }

    /// One date's weights (O(tickers × index)).
    static func row(volumes: [[Double]], window: Int, at index: Int) -> [Double] {
        let averages = volumes.map { column in
            column.withUnsafeBufferPointer { v in
                var state = RunningMean()
                var mean = Double.nan
                for i in 0...index { mean = state.advance(v, to: i, window: window) }
                return mean
            }
        }
        var total = 0.0
        for a in averages where !a.isNaN { total += a }
        return averages.map { $0 / total }
    }
}
