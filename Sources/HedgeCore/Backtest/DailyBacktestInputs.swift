/// The long and benchmark daily simple returns of a `method daily` backtest, aligned once and reusable
/// across any number of configurations (and `from`/`to` cuts, which are resolved to row ranges, not copies).
///
/// Alignment is an inner join on date with every row holding a NaN dropped.
public struct DailyBacktestInputs: Sendable, Equatable {
    public let dates: [Day]
    /// r_p: the long leg's daily simple returns, `long[i]` on `dates[i]`.
    public let long: [Double]
    /// r_b: the benchmark's daily simple returns.
    public let benchmark: [Double]

    /// Aligns `long` and `benchmark` by date (inner join, NaN rows dropped).
    /// Throws when an aligned value is infinite.
    public init(long: Series, benchmark: Series) throws {
        let aligned = AlignedSeries([long, benchmark])
        try self.init(dates: aligned.dates, long: aligned.columns[0], benchmark: aligned.columns[1])
    }

    /// Already aligned arrays: `long[i]` and `benchmark[i]` are the returns on `dates[i]`
    /// (dates strictly increasing, values finite).
    public init(dates: [Day], long: [Double], benchmark: [Double]) throws {
        guard dates.count == long.count, dates.count == benchmark.count else {
            throw HedgeError("the inputs differ in length (\(dates.count) dates, \(long.count) long, \(benchmark.count) benchmark returns)")
        }
        for i in dates.indices {
            guard long[i].isFinite, benchmark[i].isFinite else {
                throw HedgeError("the returns on \(dates[i]) are not finite numbers")
            }
            if i > 0, !(dates[i - 1] < dates[i]) {
                throw HedgeError("the dates must strictly increase (\(dates[i - 1]) then \(dates[i]))")
            }
        }
        self.dates = dates
        self.long = long
        self.benchmark = benchmark
    }

    public var count: Int { dates.count }

    /// The rows whose date lies in `from ... to` (either bound optional): the spec's rows 0…n−1 of the cut.
    public func rows(from: Day?, to: Day?) -> Range<Int> {
        let lo = from.map { f in dates.partitioningIndex { $0 >= f } } ?? 0
        let hi = to.map { t in dates.partitioningIndex { $0 > t } } ?? count
        return lo..<max(lo, hi)
    }
}
