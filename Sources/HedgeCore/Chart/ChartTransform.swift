/// What a line chart plots for each series.
public enum ChartTransform: String, Sendable, CaseIterable {
    /// The values as they are.
    case level
    /// Simple returns compounded to the growth of 1: the cumulative product of `1 + r`.
    /// A NaN return leaves a gap; compounding continues from the last value.
    case cumulative
    /// The running drawdown of the cumulative growth (≤ 0), measured from the running peak
    /// (the starting capital of 1 counts as a peak).
    case drawdown

    /// The unit a transformed series is shown in when the caller does not choose one.
    public var defaultUnit: ChartUnit {
        switch self {
        case .level: return .number
        case .cumulative: return .growth
        case .drawdown: return .percent
        }
    }

    /// The series after the transform, same dates, same name.
    public func apply(to series: Series) -> Series {
        switch self {
        case .level:
            return series
        case .cumulative:
            return Series(name: series.name, dates: series.dates, values: ChartTransform.growth(series.values))
        case .drawdown:
            var peak = 1.0
            let values = ChartTransform.growth(series.values).map { g -> Double in
                guard g.isFinite else { return .nan }
                peak = Swift.max(peak, g)
                return g / peak - 1
            }
            return Series(name: series.name, dates: series.dates, values: values)
        }
    }

    /// The growth of 1 after each return; NaN where the return is NaN.
    static func growth(_ returns: [Double]) -> [Double] {
        var growth = 1.0
        return returns.map { r in
            guard r.isFinite else { return .nan }
            growth *= 1 + r
            return growth
        }
    }
}
