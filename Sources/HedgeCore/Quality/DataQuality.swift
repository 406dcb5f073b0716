/// A data-quality report of a dataset: one `TickerQuality` per ticker, then warnings in plain words
/// about what would silently move a regression (late starts, gaps, benchmark-only dates, bad values).
public struct DataQualityReport: Sendable, Equatable {
    public var tickers: [TickerQuality]
    /// The ticker treated as the benchmark, if any.
    public var benchmark: String?
    public var warnings: [String]
}

public enum DataQuality {
    /// A run of at least this many identical consecutive prices is stale.
    public static let staleRunLength = 5
    /// |return| beyond this is reported as a split-like jump.
    public static let bigReturn = 0.25

    /// The benchmark a dataset most likely holds: `QQQ`, `SPY` or an index (`^…`), when exactly one is there.
    public static func likelyBenchmark(_ panel: Panel) -> String? {
        let candidates = panel.tickers.filter { ["QQQ", "SPY", "IWM", "DIA", "VOO", "IVV"].contains($0.uppercased()) || $0.hasPrefix("^") }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The report of `panel`; `benchmark` names the ticker the basket is regressed on (nil: none).
    public static func describe(_ panel: Panel, benchmark: String? = nil) -> DataQualityReport {
        let dates = panel.dates
        // A dataset without a price field (a wide file of volumes) has every price missing.
        let noPrices = Array(repeating: Array(repeating: Double.nan, count: dates.count), count: panel.tickers.count)
        let prices = panel.values[.price] ?? noPrices
        let has: [[Bool]] = prices.map { column in column.map { !$0.isNaN } }
        var pricedCount = [Int](repeating: 0, count: dates.count)
        for column in has {
            for i in column.indices where column[i] { pricedCount[i] += 1 }
        }
        // Tickers are independent: a universe's are checked on every core.
        var found = [TickerQuality?](repeating: nil, count: panel.tickers.count)
        found.withUnsafeMutableBufferPointer { output in
            let shared = ParallelWork.Unchecked(output)
            let workers = panel.tickers.count * dates.count > 1 << 16 ? ParallelWork.processorCount : 1
            try? ParallelWork.forEach(count: panel.tickers.count, workers: workers) { t, _ in
                shared.value[t] = quality(panel, t, panel.tickers[t], has: has, pricedCount: pricedCount)
            }
        }
        let qualities = found.compactMap { $0 }
        let benchmarkIndex = benchmark.flatMap { panel.tickerIndex($0) }
        let report = DataQualityReport(tickers: qualities, benchmark: benchmarkIndex.map { panel.tickers[$0] }, warnings: [])
        var result = report
        result.warnings = warnings(panel, qualities, has: has, benchmarkIndex: benchmarkIndex)
        return result
    }

    /// One ticker's facts in one pass over its dates (a universe's load checks 500 tickers of 6,500
    /// days): gaps are counted when the next priced date closes them, so that trailing NaNs after the
    /// last price are not gaps.
    static func quality(_ panel: Panel, _ t: Int, _ ticker: String, has: [[Bool]], pricedCount: [Int]) -> TickerQuality {
        let dates = panel.dates
        let n = dates.count
        let price = panel.values[.price]?[t] ?? Array(repeating: .nan, count: n)
        let volume = panel.values[.volume]?[t]
        let close = panel.values[.close]?[t]
        let mine = has[t]
        let others = has.count - 1
        var q = TickerQuality(ticker: ticker, first: nil, last: nil, rows: 0, missingPrices: 0, firstMissingPrice: nil,
                              missingVolumes: 0, lacking: 0, firstLacking: nil, staleRuns: [], badPrices: 0,
                              firstBadPrice: nil, zeroVolumeDays: 0, bigReturns: [], adjustmentDays: nil,
                              emptyAdjustedClose: false)
        var previous = -1              // the last priced date's index
        var gap = 0                    // unpriced dates since then
        var firstGap = -1
        var runStart = -1, runLength = 0
        var steps = 0
        var previousRatio = Double.nan
        for i in 0..<n {
            guard mine[i] else {
                if others > 0 && pricedCount[i] == others {
                    q.lacking += 1
                    if q.firstLacking == nil { q.firstLacking = dates[i] }
                }
                if previous >= 0 {
                    if gap == 0 { firstGap = i }
                    gap += 1
                }
                continue
            }
            let p = price[i]
            q.rows += 1
            if q.first == nil { q.first = dates[i] }
            if gap > 0 {
                q.missingPrices += gap
                if q.firstMissingPrice == nil { q.firstMissingPrice = dates[firstGap] }
                gap = 0
            }
            if p <= 0 || p.isInfinite {
                q.badPrices += 1
                if q.firstBadPrice == nil { q.firstBadPrice = dates[i] }
            }
            if let volume {
                if volume[i].isNaN { q.missingVolumes += 1 } else if volume[i] == 0 { q.zeroVolumeDays += 1 }
            }
            if previous >= 0 {
                let last = price[previous]
                let change = p / last - 1
                if last > 0, p > 0, change.isFinite, abs(change) > bigReturn { q.bigReturns.append((dates[i], change)) }
            }
            if previous >= 0 && p == price[previous] {
                runLength += 1
            } else {
                if runLength >= staleRunLength { q.staleRuns.append((dates[runStart], runLength)) }
                runStart = i
                runLength = 1
            }
            if let close, close[i].isFinite, close[i] != 0, p.isFinite {
                let ratio = p / close[i]
                if !previousRatio.isNaN, abs(ratio / previousRatio - 1) > 1e-5 { steps += 1 }
                previousRatio = ratio
            }
            previous = i
        }
        if runLength >= staleRunLength { q.staleRuns.append((dates[runStart], runLength)) }
        if previous >= 0 { q.last = dates[previous] }
        if let close {
            q.emptyAdjustedClose = q.rows == 0 && close.contains { !$0.isNaN }
            q.adjustmentDays = steps
        }
        return q
    }

    private static func warnings(_ panel: Panel, _ qualities: [TickerQuality], has: [[Bool]], benchmarkIndex: Int?) -> [String] {
        var out: [String] = []
        guard panel.values[.price] != nil else { return [] }  // a volume-only dataset: nothing to say about prices
        if let b = benchmarkIndex, panel.tickers.count > 1 {
            let basket = panel.tickers.indices.filter { $0 != b }
            let benchmarkOnly = panel.dates.indices.filter { i in has[b][i] && !basket.contains { has[$0][i] } }
            if !benchmarkOnly.isEmpty {
                let n = benchmarkOnly.count
                out.append("the benchmark \(panel.tickers[b]) has \(n) date\(n == 1 ? "" : "s") no basket ticker has "
                           + "(first \(panel.dates[benchmarkOnly[0]])); the notebook's weighting counts \(n == 1 ? "it" : "them") as 0.0 returns")
            }
            let basketOnly = panel.dates.indices.filter { i in !has[b][i] && basket.contains { has[$0][i] } }
            if !basketOnly.isEmpty, let first = qualities[b].first, let last = qualities[b].last {
                let inside = basketOnly.filter { panel.dates[$0] >= first && panel.dates[$0] <= last }
                if !inside.isEmpty {
                    let n = inside.count
                    out.append("the benchmark \(panel.tickers[b]) lacks \(n) date\(n == 1 ? "" : "s") the basket has "
                               + "(first \(panel.dates[inside[0]])); the regression drops them")
                }
            }
        }
        let starts = qualities.compactMap(\.first)
        let ends = qualities.compactMap(\.last)
        for q in qualities {
            guard let first = q.first, let last = q.last else {
                out.append(q.emptyAdjustedClose
                           ? "\(q.ticker) has an empty Adj Close column next to a full Close; its prices are all missing"
                           : "\(q.ticker) has no prices at all")
                continue
            }
            let otherStarts = qualities.filter { $0.ticker != q.ticker }.compactMap(\.first)
            if let earliest = otherStarts.min(), first > earliest, starts.count > 1 {
                let gap = first.ordinal - earliest.ordinal
                out.append("\(q.ticker) starts \(first), \(gap) day\(gap == 1 ? "" : "s") after the others")
            }
            let otherEnds = qualities.filter { $0.ticker != q.ticker }.compactMap(\.last)
            if let latest = otherEnds.max(), last < latest, ends.count > 1 {
                let gap = latest.ordinal - last.ordinal
                out.append("\(q.ticker) ends \(last), \(gap) day\(gap == 1 ? "" : "s") before the others")
            }
            if q.badPrices > 0, let day = q.firstBadPrice {
                out.append("\(q.ticker) has \(q.badPrices) zero, negative or infinite price\(q.badPrices == 1 ? "" : "s") (first \(day)); returns there are undefined")
            }
            if q.missingPrices > 0, let day = q.firstMissingPrice {
                out.append("\(q.ticker) has \(q.missingPrices) missing price\(q.missingPrices == 1 ? "" : "s") inside its range (first \(day))")
            }
            if let run = q.staleRuns.max(by: { $0.length < $1.length }) {
                out.append("\(q.ticker) repeats the same price \(run.length) days in a row from \(run.start)"
                           + (q.staleRuns.count > 1 ? " (\(q.staleRuns.count) stale runs)" : "") + "; stale data?")
            }
            if let jump = q.bigReturns.first {
                let n = q.bigReturns.count
                out.append("\(q.ticker) has \(n) daily return\(n == 1 ? "" : "s") beyond ±25% (first \(jump.day): "
                           + "\(percent(jump.value))); an unadjusted split?")
            }
        }
        return out
    }

    static func percent(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 10
        return (scaled >= 0 ? "+" : "") + "\(scaled)%"
    }
}
