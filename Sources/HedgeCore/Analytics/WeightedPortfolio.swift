/// A weighted basket: its daily returns and the weights behind them.
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
    /// Days between computing a weight and applying it to a return (1 for volume weights, 0 for equal).
    public var lag: Int
    /// Days of `returns` on which no ticker had both a (lagged) weight and a return, so the return is
    /// pandas' sum of nothing, 0.0 (a basket that starts after the benchmark, a date only the benchmark
    /// has, a window of zero volume).
    public var daysWithoutWeightedConstituent: Int
    /// Where the weights come from.
    var weightSource: WeightSource

    /// The weights of every ticker on every date: kept whole (equal weights), or recomputed when asked
    /// from the volumes (volume weights: a universe's matrix is large and the flow needs two of its rows,
    /// which are kept).
    enum WeightSource: Sendable, Equatable {
        case matrix([[Double]])
        case rollingVolume(volumes: [[Double]], window: Int, keptRows: [Int: [Double]])
    }

    /// A portfolio whose weights are given whole: `weights[t][i]` for `tickers[t]` on `dates[i]`.
    public init(scheme: WeightingScheme, returns: Series, tickers: [String], dates: [Day], weights: [[Double]],
                lag: Int, daysWithoutWeightedConstituent: Int = 0) {
        self.init(scheme: scheme, returns: returns, tickers: tickers, dates: dates, lag: lag,
                  daysWithoutWeightedConstituent: daysWithoutWeightedConstituent, weightSource: .matrix(weights))
    }

    init(scheme: WeightingScheme, returns: Series, tickers: [String], dates: [Day], lag: Int,
         daysWithoutWeightedConstituent: Int, weightSource: WeightSource) {
        self.scheme = scheme; self.returns = returns; self.tickers = tickers; self.dates = dates
        self.lag = lag; self.daysWithoutWeightedConstituent = daysWithoutWeightedConstituent
        self.weightSource = weightSource
    }

    /// `weights[t][i]` is the weight of `tickers[t]` computed on `dates[i]` (before any lag); NaN where
    /// undefined (so `==` on two weight matrices is false whenever a weight is undefined).
    /// For volume weights this recomputes the whole matrix (tickers × dates); prefer `weights(at:)`.
    public var weights: [[Double]] {
        switch weightSource {
        case .matrix(let matrix): return matrix
        case .rollingVolume(let volumes, let window, _): return VolumeWeights.matrix(volumes: volumes, window: window)
        }
    }

    /// The weights computed on `dates[index]`, by ticker, or nil when the index is out of range.
    public func weights(at index: Int) -> [String: Double]? {
        guard dates.indices.contains(index) else { return nil }
        let row: [Double]
        switch weightSource {
        case .matrix(let matrix): row = matrix.map { $0[index] }
        case .rollingVolume(let volumes, let window, let kept):
            row = kept[index] ?? VolumeWeights.row(volumes: volumes, window: window, at: index)
        }
        var named: [String: Double] = [:]
        for t in tickers.indices { named[tickers[t]] = row[t] }
        return named
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
