/// The data-quality facts of one ticker of a dataset (see `DataQuality.describe`).
public struct TickerQuality: Sendable, Equatable {
    public var ticker: String
    /// First and last dates with a finite price (nil when the ticker has none).
    public var first: Day?
    public var last: Day?
    /// Dates with a price (any non-NaN value).
    public var rows: Int
    /// NaN prices between `first` and `last`: gaps inside its own range.
    public var missingPrices: Int
    public var firstMissingPrice: Day?
    /// Dates with a price but no volume (0 when the dataset has no volume).
    public var missingVolumes: Int
    /// Dates on which every other ticker has a price and this one has none.
    public var lacking: Int
    public var firstLacking: Day?
    /// Runs of 5 or more identical consecutive prices: where each starts and how long it is.
    public var staleRuns: [(start: Day, length: Int)]
    /// Prices that are 0, negative or infinite.
    public var badPrices: Int
    public var firstBadPrice: Day?
    /// Dates with a price and a volume of exactly 0.
    public var zeroVolumeDays: Int
    /// Simple returns p_t / p_{t-1} − 1 beyond ±25% between consecutive priced dates (split-like jumps).
    public var bigReturns: [(day: Day, value: Double)]
    /// Days on which the ratio Adj Close / Close steps (by more than 1e-5 relative): dividends or other
    /// adjustments. Nil when the dataset has no unadjusted close.
    public var adjustmentDays: Int?
    /// An `Adj Close` column that is empty while `Close` has values.
    public var emptyAdjustedClose: Bool

    public static func == (a: TickerQuality, b: TickerQuality) -> Bool {
        a.ticker == b.ticker && a.first == b.first && a.last == b.last && a.rows == b.rows
            && a.missingPrices == b.missingPrices && a.firstMissingPrice == b.firstMissingPrice
            && a.missingVolumes == b.missingVolumes && a.lacking == b.lacking && a.firstLacking == b.firstLacking
            && a.staleRuns.map(\.start) == b.staleRuns.map(\.start) && a.staleRuns.map(\.length) == b.staleRuns.map(\.length)
            && a.badPrices == b.badPrices && a.firstBadPrice == b.firstBadPrice && a.zeroVolumeDays == b.zeroVolumeDays
            && a.bigReturns.map(\.day) == b.bigReturns.map(\.day)
            && a.bigReturns.map(\.value.bitPattern) == b.bigReturns.map(\.value.bitPattern)
            && a.adjustmentDays == b.adjustmentDays && a.emptyAdjustedClose == b.emptyAdjustedClose
    }
}
