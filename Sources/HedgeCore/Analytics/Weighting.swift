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
