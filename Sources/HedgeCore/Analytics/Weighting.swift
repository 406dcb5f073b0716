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
    /// The portfolio's daily returns, present only on dates where weights apply
    /// (so an inner join with a benchmark gives the notebook's sample without positional slicing).
    public var returns: Series
    /// The basket, in column order.
    public var tickers: [String]
    /// Every date of the input panel.
    public var dates: [Day]
    /// `weights[t][i]` is the weight of `tickers[t]` computed on `dates[i]` (before any lag); NaN where undefined.
    public var weights: [[Double]]
    /// Days between computing a weight and applying it to a return (1 for volume weights, 0 for equal).
    public var lag: Int

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
    public static func portfolio(_ panel: Panel, scheme: WeightingScheme, excluding: Set<String> = []) throws -> WeightedPortfolio {
        let basket = excluding.isEmpty ? panel : panel.excluding(excluding)
        switch scheme {
        case .volume(let window): return try volume(basket, window: window)
        case .equal: return try equal(basket)
        }
    }

    /// The notebook's `calculate_weighted_returns`:
    /// `weights = avg_volume / avg_volume.sum(axis=1)` with `avg_volume = volume.rolling(window).mean()`,
    /// then `(price.pct_change() * weights.shift(1)).sum(axis=1)`.
    ///
    /// NaN handling follows pandas: a NaN volume makes every rolling window containing it NaN; the row
    /// sum skips NaN; a ticker with a NaN return or lagged weight contributes nothing that day. The
    /// portfolio return exists only on dates where at least one lagged weight is defined, which
    /// replaces the notebook's positional `[window:]` slice.
    public static func volume(_ panel: Panel, window: Int) throws -> WeightedPortfolio {
        guard window >= 1 else { throw HedgeError("the volume window must be at least 1 day (got \(window))") }
        guard !panel.tickers.isEmpty else { throw HedgeError("no tickers to weight") }
        guard let volumes = panel.values[.volume] else {
            throw HedgeError("volume weighting needs a volume field; the data has none (try equal weights)")
        }
        let returns = try Returns.returns(panel, kind: .simple)
        let n = panel.dates.count
        let averages = volumes.map { Rolling.mean($0, window: window) }
        var weights = averages.map { _ in [Double](repeating: .nan, count: n) }
        for i in 0..<n {
            var total = 0.0
            for column in averages where !column[i].isNaN { total += column[i] }
            for t in averages.indices { weights[t][i] = averages[t][i] / total }
        }
        var dates: [Day] = []
        var values: [Double] = []
        for i in 1..<max(n, 1) {
            var anyWeight = false
            var sum = 0.0
            for t in weights.indices {
                let w = weights[t][i - 1]
                if w.isNaN { continue }
                anyWeight = true
                let product = returns[t].values[i] * w
                if !product.isNaN { sum += product }
            }
            if anyWeight { dates.append(panel.dates[i]); values.append(sum) }
        }
        guard !dates.isEmpty else {
            throw HedgeError("volume weighting over \(window) days needs more than \(window) dates of volume; the data has \(n)")
        }
        return WeightedPortfolio(scheme: .volume(window: window),
                                 returns: Series(name: "portfolio", dates: dates, values: values),
                                 tickers: panel.tickers, dates: panel.dates, weights: weights, lag: 1)
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
