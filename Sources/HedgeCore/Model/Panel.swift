/// A field of a dated panel.
public enum Field: String, Sendable, CaseIterable, Hashable {
    /// Adjusted close (yfinance `Adj Close`), or `Close` when no adjusted close exists. What returns use.
    case price
    case volume
    case open
    case high
    case low
    /// Unadjusted close, kept only when the source also has an adjusted close.
    case close
}

/// Trading dates × tickers × fields. Missing cells are NaN.
public struct Panel: Sendable, Equatable {
    /// Strictly increasing trading dates.
    public var dates: [Day]
    /// Ticker symbols, in column order.
    public var tickers: [String]
    /// `values[field]![t][i]` is the field of `tickers[t]` on `dates[i]`.
    public var values: [Field: [[Double]]]

    public init(dates: [Day], tickers: [String], values: [Field: [[Double]]]) {
        self.dates = dates
        self.tickers = tickers
        self.values = values
    }

    public var fields: [Field] { Field.allCases.filter { values[$0] != nil } }

    public func tickerIndex(_ ticker: String) -> Int? {
        let wanted = ticker.uppercased()
        return tickers.firstIndex { $0.uppercased() == wanted }
    }

    /// One ticker's field as a series named `TICKER` (or nil when absent).
    public func series(_ ticker: String, field: Field = .price) -> Series? {
        guard let t = tickerIndex(ticker), let column = values[field]?[t] else { return nil }
        return Series(name: tickers[t], dates: dates, values: column)
    }

    /// The rows with `from <= date <= to`.
    public func filtered(from: Day?, to: Day?) -> Panel {
        let lo = from.map { f in dates.partitioningIndex { $0 >= f } } ?? 0
        let hi = max(lo, to.map { t in dates.partitioningIndex { $0 > t } } ?? dates.count)
        return Panel(dates: Array(dates[lo..<hi]), tickers: tickers,
                     values: values.mapValues { $0.map { Array($0[lo..<hi]) } })
    }

    /// The panel without the given tickers.
    public func excluding(_ excluded: Set<String>) -> Panel {
        let upper = Set(excluded.map { $0.uppercased() })
        let keep = tickers.indices.filter { !upper.contains(tickers[$0].uppercased()) }
        return Panel(dates: dates, tickers: keep.map { tickers[$0] },
                     values: values.mapValues { cols in keep.map { cols[$0] } })
    }
}
