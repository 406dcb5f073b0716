/// One ticker's daily bars as Yahoo's chart API gives them, dates already in the exchange's time zone.
/// Missing values are NaN. `dividends` and `splits` are 0 on days without an event (as in yfinance).
public struct PriceBars: Sendable, Equatable {
    public var ticker: String
    /// Strictly increasing.
    public var dates: [Day]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var adjustedClose: [Double]
    public var volume: [Double]
    /// Cash dividend per share on its ex-date, else 0.
    public var dividends: [Double]
    /// Split ratio (numerator / denominator) on its date, else 0.
    public var splits: [Double]

    public init(ticker: String, dates: [Day] = [], open: [Double] = [], high: [Double] = [], low: [Double] = [],
                close: [Double] = [], adjustedClose: [Double] = [], volume: [Double] = [],
                dividends: [Double] = [], splits: [Double] = []) {
        self.ticker = ticker; self.dates = dates; self.open = open; self.high = high; self.low = low
        self.close = close; self.adjustedClose = adjustedClose; self.volume = volume
        self.dividends = dividends; self.splits = splits
    }

    /// The bars with `from <= date <= to`.
    public func filtered(from: Day?, to: Day?) -> PriceBars {
        let keep = dates.indices.filter { i in
            (from.map { dates[i] >= $0 } ?? true) && (to.map { dates[i] <= $0 } ?? true)
        }
        func pick(_ column: [Double]) -> [Double] { keep.map { column[$0] } }
        return PriceBars(ticker: ticker, dates: keep.map { dates[$0] }, open: pick(open), high: pick(high),
                         low: pick(low), close: pick(close), adjustedClose: pick(adjustedClose),
                         volume: pick(volume), dividends: pick(dividends), splits: pick(splits))
    }

    /// The header of yfinance's per-ticker CSV (`yf.download(t, actions=True, multi_level_index=False)`).
    public static let csvHeader = "Date,Adj Close,Close,Dividends,High,Low,Open,Stock Splits,Volume"

    /// The bars as a yfinance-layout CSV: numbers in shortest round-trip form, missing values empty.
    public func yfinanceCSV() -> String {
        var text = PriceBars.csvHeader + "\n"
        func cell(_ value: Double) -> String {
            guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
            return "\(value)"
        }
        for i in dates.indices {
            let row = [dates[i].description, cell(adjustedClose[i]), cell(close[i]), cell(dividends[i]),
                       cell(high[i]), cell(low[i]), cell(open[i]), cell(splits[i]), cell(volume[i])]
            text += row.joined(separator: ",") + "\n"
        }
        return text
    }
}

extension Day {
    /// The calendar day of a Unix time seen from a zone `offsetSeconds` east of UTC.
    public init(unixSeconds: Int, offsetSeconds: Int) {
        let local = unixSeconds + offsetSeconds
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        self.init(ordinal: days)
    }

    /// Seconds since 1970-01-01T00:00:00Z at the start of this day in UTC.
    public var unixSeconds: Int { ordinal * 86_400 }
}
