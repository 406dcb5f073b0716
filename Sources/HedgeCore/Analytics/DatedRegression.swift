/// OLS of one dated series on others, fitted on the dates they all share (dates where any of them is
/// NaN dropped). Variable names in the result are the series' names.
public struct DatedRegression: Sendable, Equatable {
    public var result: OLSResult
    /// The dates the fit used.
    public var dates: [Day]
    /// The dependent series on `dates`.
    public var dependent: Series
    /// The regressors on `dates`, in order.
    public var regressors: [Series]

    /// The slopes, one per regressor (the params without the intercept).
    public var betas: [Double] { Array(result.params.dropFirst()) }

    /// Fits `y = b0 + Σ bj·xj` on the common dates of `y` and `regressors`. `covariance` chooses the
    /// parameter covariance from the number of observations used (so that HAC's default lag count
    /// can follow the Newey–West rule for that number). `cancellation` is polled between the passes
    /// over the data.
    public static func fit(
        _ y: Series, on regressors: [Series],
        covariance: (_ observations: Int) -> CovarianceType = { _ in .nonrobust },
        cancellation: Cancellation? = nil
    ) throws -> DatedRegression {
        let aligned = AlignedSeries([y] + regressors)
        try cancellation?.check()
        let parameters = regressors.count + 1
        guard aligned.count > parameters else {
            let names = ([y] + regressors).map(\.name).joined(separator: ", ")
            throw HedgeError("only \(aligned.count) common date\(aligned.count == 1 ? "" : "s") with values for \(names); need more than \(parameters)")
        }
        let result = try OLS.fit(y: aligned.columns[0], regressors: Array(aligned.columns.dropFirst()),
                                 dependentName: y.name, regressorNames: regressors.map(\.name),
                                 covariance: covariance(aligned.count), cancellation: cancellation)
        let dates = aligned.dates
        return DatedRegression(
            result: result, dates: dates,
            dependent: Series(name: y.name, dates: dates, values: aligned.columns[0]),
            regressors: regressors.indices.map { Series(name: regressors[$0].name, dates: dates, values: aligned.columns[$0 + 1]) })
    }
}
