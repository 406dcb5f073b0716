/// The notebook's regression of the portfolio on the benchmark, the beta hedge, and the
/// regression of the hedged returns (whose slope is zero up to rounding).
public struct HedgeAnalysis: Sendable, Equatable {
    /// The dates both series have a value on.
    public var dates: [Day]
    /// Portfolio returns on `dates` (the regression's y).
    public var portfolio: Series
    /// Benchmark returns on `dates` (the regression's x).
    public var benchmark: Series
    /// `portfolio = alpha + beta * benchmark`.
    public var regression: OLSResult
    /// `portfolio - beta * benchmark`.
    public var hedged: Series
    /// `hedged = alpha' + beta' * benchmark`; `beta'` is numerically zero.
    public var hedgedRegression: OLSResult

    public var alpha: Double { regression.params[0] }
    public var beta: Double { regression.params[1] }
}

/// Beta hedging of a portfolio against a benchmark.
public enum Hedge {
    /// `y - Σ betas[j] * regressors[j]` on the dates all of them have a value, named `name`.
    public static func apply(y: Series, regressors: [Series], betas: [Double], name: String = "hedged") -> Series {
        let aligned = AlignedSeries([y] + regressors)
        let values = (0..<aligned.count).map { i in
            zip(betas, aligned.columns.dropFirst()).reduce(aligned.columns[0][i]) { -$1.0 * $1.1[i] + $0 }
        }
        return Series(name: name, dates: aligned.dates, values: values)
    }

    /// Hedges `y` with a fitted model's betas (`y - Σ βj·xj` over the model's regressors) and regresses
    /// the hedged series on those regressors again: its slopes are zero up to rounding.
    /// `cancellation` is polled between the passes over the data.
    public static func hedge(_ y: Series, with model: DatedRegression, name: String = "hedged",
                             cancellation: Cancellation? = nil) throws
        -> (hedged: Series, regression: DatedRegression) {
        let hedged = apply(y: y, regressors: model.regressors, betas: model.betas, name: name)
        try cancellation?.check()
        return (hedged, try DatedRegression.fit(hedged, on: model.regressors, cancellation: cancellation))
    }

    /// The notebook's steps in one call: regresses `portfolio` on `benchmark` (on their common dates),
    /// hedges with the fitted beta and regresses the hedged returns on the benchmark. Regressions are
    /// named as statsmodels names numpy inputs (`y` on `const`, `x1`), like the notebook.
    public static func analyze(portfolio: Series, benchmark: Series) throws -> HedgeAnalysis {
        let model = try DatedRegression.fit(portfolio.renamed("y"), on: [benchmark.renamed("x1")])
        let (hedged, check) = try hedge(portfolio, with: model, name: "y")
        return HedgeAnalysis(
            dates: model.dates,
            portfolio: model.dependent.renamed(portfolio.name),
            benchmark: model.regressors[0].renamed(benchmark.name),
            regression: model.result,
            hedged: hedged.renamed("hedged"),
            hedgedRegression: check.result)
    }
}
