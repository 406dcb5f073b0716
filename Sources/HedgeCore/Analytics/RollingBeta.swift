/// Time-varying betas of one dated series on others: a rolling-window OLS or an EWMA beta, on the
/// union of the series' dates (a date where one of them has no value is a missing row, as in a
/// pandas DataFrame built from them).
public struct RollingBeta: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// statsmodels `RollingOLS(y, add_constant(X), window:, min_nobs: minObservations)`.
        case window(Int, minObservations: Int)
        /// pandas `y.ewm(halflife=H).cov(x) / x.ewm(halflife=H).var()`.
        case halflife(Double)
    }

    public var method: Method
    public var dates: [Day]
    /// The dependent series on `dates` (NaN where it has no value).
    public var dependent: Series
    /// The regressors on `dates` (NaN where they have no value).
    public var regressors: [Series]
    /// α by date (NaN for an EWMA beta, which has no intercept).
    public var alpha: [Double]
    /// `betas[j][t]`: the slope on regressor j of the window ending on `dates[t]`.
    public var betas: [[Double]]
    /// Standard errors of α then each β (empty for an EWMA beta).
    public var bse: [[Double]]
    /// R² by date (NaN for an EWMA beta).
    public var rsquared: [Double]

    public var count: Int { dates.count }
    public var hasRegressionStatistics: Bool {
        if case .window = method { return true }
        return false
    }

    /// Rolling OLS with intercept over `window` rows (see `RollingOLS.fit`).
    public static func window(
        _ y: Series, on regressors: [Series], window: Int, minObservations: Int? = nil,
        cancellation: Cancellation? = nil
    ) throws -> RollingBeta {
        let table = OuterAlignedSeries([y] + regressors)
        let fit = try RollingOLS.fit(
            y: table.columns[0], regressors: Array(table.columns.dropFirst()), window: window,
            minObservations: minObservations, regressorNames: regressors.map(\.name), cancellation: cancellation)
        return RollingBeta(
            method: .window(window, minObservations: fit.minObservations), dates: table.dates,
            dependent: Series(name: y.name, dates: table.dates, values: table.columns[0]),
            regressors: regressors.indices.map { Series(name: regressors[$0].name, dates: table.dates, values: table.columns[$0 + 1]) },
            alpha: fit.alpha, betas: fit.betas, bse: fit.bse, rsquared: fit.rsquared)
    }

    /// The EWMA beta of `y` on one regressor `x` (see `ExponentialMoments.beta`).
    public static func ewma(_ y: Series, on x: Series, halflife: Double) throws -> RollingBeta {
        let table = OuterAlignedSeries([y, x])
        let beta = try ExponentialMoments.beta(y: table.columns[0], x: table.columns[1], halflife: halflife)
        let missing = Array(repeating: Double.nan, count: table.count)
        return RollingBeta(
            method: .halflife(halflife), dates: table.dates,
            dependent: Series(name: y.name, dates: table.dates, values: table.columns[0]),
            regressors: [Series(name: x.name, dates: table.dates, values: table.columns[1])],
            alpha: missing, betas: [beta], bse: [], rsquared: missing)
    }
}

/// Several series on the union of their dates (an outer join), NaN where a series has no value.
public struct OuterAlignedSeries: Sendable, Equatable {
    public var dates: [Day]
    /// `columns[k][i]` is series k on `dates[i]` (NaN when it has none).
    public var columns: [[Double]]

    public init(_ series: [Series]) {
        var dates = Set<Day>()
        for s in series { dates.formUnion(s.dates) }
        let sorted = dates.sorted()
        self.dates = sorted
        columns = series.map { s in
            var column = Array(repeating: Double.nan, count: sorted.count)
            var position = 0
            for (i, day) in sorted.enumerated() {
                while position < s.count && s.dates[position] < day { position += 1 }
                if position < s.count && s.dates[position] == day { column[i] = s.values[position] }
            }
            return column
        }
    }

    public var count: Int { dates.count }
}
