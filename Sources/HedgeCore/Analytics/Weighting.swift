/// How the basket's daily weights are chosen.
public enum WeightingScheme: Sendable, Equatable, CustomStringConvertible {
    /// The notebook's scheme: each ticker's `window`-day rolling mean volume, normalized across the
    /// basket, applied to the next day's returns.
    case volume(window: Int)
    /// Equal weight over the tickers that have a return that day.
    case equal

    public var description: String {
        switch self {
        case .volume(let window): return "volume(\(window))"
        case .equal: return "equal"
        }
    }
}

/// A weighted basket: its daily returns and the weights behind them.
/// Note: `weights` holds NaN before the first full window, so `==` between two portfolios is false
/// whenever any weight is undefined (NaN != NaN); compare `returns` and the weight rows instead.
public struct WeightedPortfolio: Sendable, Equatable {
    public var scheme: WeightingScheme
    /// The portfolio's daily returns. Volume weights: every date from position `window` of the panel
    /// on (the notebook's `[window:]` slice), 0.0 on a day no constituent is weighted. Equal weights:
    /// the dates where at least one ticker has a return.
    public var returns: Series
    /// The basket, in column order.
    public var tickers: [String]
    /// Every date of the input panel.
    public var dates: [Day]
    /// `weights[t][i]` is the weight of `tickers[t]` computed on `dates[i]` (before any lag); NaN where undefined.
    public var weights: [[Double]]
    /// Days between computing a weight and applying it to a return (1 for volume weights, 0 for equal).
    public var lag: Int
    /// Days of `returns` on which no ticker had both a (lagged) weight and a return, so the return is
    /// pandas' sum of nothing, 0.0 (a basket that starts after the benchmark, a date only the benchmark
    /// has, a window of zero volume).
    public var daysWithoutWeightedConstituent: Int

    public init(scheme: WeightingScheme, returns: Series, tickers: [String], dates: [Day], weights: [[Double]],
                lag: Int, daysWithoutWeightedConstituent: Int = 0) {
        self.scheme = scheme; self.returns = returns; self.tickers = tickers; self.dates = dates
        self.weights = weights; self.lag = lag; self.daysWithoutWeightedConstituent = daysWithoutWeightedConstituent
    }

    /// The weights computed on `dates[index]`, by ticker, or nil when the index is out of range.
    public func weights(at index: Int) -> [String: Double]? {
        guard dates.indices.contains(index) else { return nil }
        var row: [String: Double] = [:]
        for t in tickers.indices { row[tickers[t]] = weights[t][index] }
        return row
    }

    /// The date index of the weights applied to the first portfolio return (nil when there is none).
    public var firstUsedWeightIndex: Int? {
        guard let first = returns.first, let i = dates.firstIndex(of: first) else { return nil }
        return i - lag
    }

    /// The weights applied to the first portfolio return (the notebook's `weights.iloc[window-1]`).
    public var firstUsedWeights: [String: Double]? { firstUsedWeightIndex.flatMap { weights(at: $0) } }

    /// The weights computed on the last date (the notebook's `weights.iloc[-1]`).
    public var lastWeights: [String: Double]? { weights(at: dates.count - 1) }
}

/// Builds weighted portfolios from a panel of basket tickers (exclude the benchmark first).
public enum Weighting {
    /// Dispatches on `scheme`, after removing the `excluding` tickers (the benchmark, e.g. `QQQ`) from the basket.
    public static func portfolio(_ panel: Panel, scheme: WeightingScheme, excluding: Set<String> = [],
                                 cancellation: Cancellation? = nil) throws -> WeightedPortfolio {
        let basket = excluding.isEmpty ? panel : panel.excluding(excluding)
        switch scheme {
        case .volume(let window): return try volume(basket, window: window, cancellation: cancellation)
        case .equal: return try equal(basket)
        }
    }

    /// The notebook's `calculate_weighted_returns(...)[window:]`:
    /// `weights = avg_volume / avg_volume.sum(axis=1)` with `avg_volume = volume.rolling(window).mean()`,
    /// then `(price.pct_change() * weights.shift(1)).sum(axis=1)`, from the date at position `window` on.
    ///
    /// NaN handling follows pandas: a NaN volume makes every rolling window containing it NaN; the row
    /// sums skip NaN and a sum of nothing is 0.0, so a weight is NaN where no ticker has an average
    /// (or all averages are 0), and a day on which no ticker has both a return and a lagged weight keeps
    /// its place in the series with the return 0.0 (counted in `daysWithoutWeightedConstituent`).
    ///
    /// Works column by column (one pass per ticker for the averages and their daily totals, one for
    /// the weights and the weighted returns), adding across tickers in column order as pandas does;
    /// O(tickers × dates) whatever the window. Polls `cancellation` once per ticker and pass.
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
        let tickerCount = panel.tickers.count
        // Pass 1, per ticker: the rolling mean volume (kept as the weight column, divided in pass 2)
        // and the daily total of the defined averages.
        var totals = [Double](repeating: 0, count: n)
        var weights: [[Double]] = []
        weights.reserveCapacity(tickerCount)
        for t in 0..<tickerCount {
            try cancellation?.check()
            let average = Rolling.mean(volumes[t], window: window)
            average.withUnsafeBufferPointer { a in
                totals.withUnsafeMutableBufferPointer { total in
                    for i in 0..<n where !a[i].isNaN { total[i] += a[i] }
                }
            }
            weights.append(average)
        }
        // Pass 2, per ticker: weights = average / total (0/0 and x/0 as IEEE, like pandas), and the
        // weighted return `pct_change[i] * weight[i-1]` added to day i when both are defined.
        var sums = [Double](repeating: 0, count: n)
        var weighted = [Bool](repeating: false, count: n)
        for t in 0..<tickerCount {
            try cancellation?.check()
            totals.withUnsafeBufferPointer { total in
                prices[t].withUnsafeBufferPointer { price in
                    sums.withUnsafeMutableBufferPointer { sum in
                        weighted.withUnsafeMutableBufferPointer { any in
                            weights[t].withUnsafeMutableBufferPointer { w in
                                w[0] /= total[0]
                                for i in 1..<n {
                                    w[i] /= total[i]
                                    let product = (price[i] / price[i - 1] - 1) * w[i - 1]
                                    if !product.isNaN { sum[i] += product; any[i] = true }
                                }
                            }
                        }
                    }
                }
            }
        }
        var unweighted = 0
        for i in window..<n where !weighted[i] { unweighted += 1 }
        return WeightedPortfolio(scheme: .volume(window: window),
                                 returns: Series(name: "portfolio", dates: Array(panel.dates[window...]), values: Array(sums[window...])),
                                 tickers: panel.tickers, dates: panel.dates, weights: weights, lag: 1,
                                 daysWithoutWeightedConstituent: unweighted)
    }

    /// Equal weights: each day, `1/k` on each of the k tickers with a defined return that day.
    /// Equal weights need no information from the day itself, so they are not lagged (lag 0);
    /// dates where no ticker has a return are absent from the portfolio.
    public static func equal(_ panel: Panel) throws -> WeightedPortfolio {
        guard !panel.tickers.isEmpty else { throw HedgeError("no tickers to weight") }
        let returns = try Returns.returns(panel, kind: .simple)
        let n = panel.dates.count
        var weights = returns.map { _ in [Double](repeating: .nan, count: n) }
        var dates: [Day] = []
        var values: [Double] = []
        for i in 0..<n {
            let present = returns.indices.filter { !returns[$0].values[i].isNaN }
            guard !present.isEmpty else { continue }
            let w = 1.0 / Double(present.count)
            var sum = 0.0
            for t in present {
                weights[t][i] = w
                sum += returns[t].values[i] * w
            }
            dates.append(panel.dates[i]); values.append(sum)
        }
        guard !dates.isEmpty else { throw HedgeError("equal weighting needs at least two dates of prices") }
        return WeightedPortfolio(scheme: .equal, returns: Series(name: "portfolio", dates: dates, values: values),
                                 tickers: panel.tickers, dates: panel.dates, weights: weights, lag: 0)
    }
}
