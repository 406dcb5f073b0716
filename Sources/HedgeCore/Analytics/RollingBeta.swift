/// Time-varying betas of one dated series on others: a rolling-window OLS or an EWMA beta, on the
/// dates all the series have (an inner join on dates, as `regress` uses); a NaN value on such a date
/// is a missing row (statsmodels' `missing="drop"`, pandas' pairwise NaN handling).
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
        let table = DateAlignedSeries([y] + regressors)
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
        let table = DateAlignedSeries([y, x])
        let beta = try ExponentialMoments.beta(y: table.columns[0], x: table.columns[1], halflife: halflife)
        let missing = Array(repeating: Double.nan, count: table.count)
        return RollingBeta(
            method: .halflife(halflife), dates: table.dates,
            dependent: Series(name: y.name, dates: table.dates, values: table.columns[0]),
            regressors: [Series(name: x.name, dates: table.dates, values: table.columns[1])],
            alpha: missing, betas: [beta], bse: [], rsquared: missing)
    }
}

/// Several series on the dates they all have (an inner join on dates), NaN values kept.
public struct DateAlignedSeries: Sendable, Equatable {
    public var dates: [Day]
    /// `columns[k][i]` is series k on `dates[i]` (NaN where its value is NaN).
    public var columns: [[Double]]

    public init(_ series: [Series]) {
        guard let first = series.first else { dates = []; columns = []; return }
        var positions = series.map { _ in 0 }
        var dates: [Day] = []
        var columns = series.map { _ in [Double]() }
        outer: for day in first.dates {
            var row: [Double] = []
            row.reserveCapacity(series.count)
            for k in series.indices {
                let s = series[k]
                var p = positions[k]
                while p < s.count && s.dates[p] < day { p += 1 }
                positions[k] = p
                guard p < s.count, s.dates[p] == day else { continue outer }
                row.append(s.values[p])
            }
            dates.append(day)
            for k in row.indices { columns[k].append(row[k]) }
        }
        self.dates = dates
        self.columns = columns
    }

    public var count: Int { dates.count }
}
