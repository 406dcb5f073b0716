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
    /// `y - beta * x` on the dates both have a (non-NaN) value, named `hedged`.
    /// Computed as the notebook writes it, `-beta * x + y`.
    public static func apply(y: Series, x: Series, beta: Double) -> Series {
        let aligned = AlignedSeries([y, x])
        guard aligned.columns.count == 2 else { return Series(name: "hedged", dates: [], values: []) }
        let values = zip(aligned.columns[0], aligned.columns[1]).map { yv, xv in -beta * xv + yv }
        return Series(name: "hedged", dates: aligned.dates, values: values)
    }

    /// Aligns `portfolio` and `benchmark` by date, regresses the portfolio on the benchmark (OLS with
    /// an intercept), hedges with the fitted beta and regresses the hedged returns on the benchmark.
    /// Regressions are named as statsmodels names numpy inputs (`y` on `const`, `x1`), like the notebook.
    public static func analyze(portfolio: Series, benchmark: Series) throws -> HedgeAnalysis {
        let aligned = AlignedSeries([portfolio, benchmark])
        guard aligned.columns.count == 2, aligned.count >= 3 else {
            throw HedgeError("the portfolio and the benchmark share \(aligned.count) dates with returns; at least 3 are needed")
        }
        let y = aligned.columns[0], x = aligned.columns[1]
        let regression = try OLS.fit(y: y, regressors: [x], dependentName: "y", regressorNames: ["x1"])
        let beta = regression.params[1]
        let hedgedValues = zip(y, x).map { yv, xv in -beta * xv + yv }
        let hedgedRegression = try OLS.fit(y: hedgedValues, regressors: [x], dependentName: "y", regressorNames: ["x1"])
        return HedgeAnalysis(
            dates: aligned.dates,
            portfolio: Series(name: portfolio.name, dates: aligned.dates, values: y),
            benchmark: Series(name: benchmark.name, dates: aligned.dates, values: x),
            regression: regression,
            hedged: Series(name: "hedged", dates: aligned.dates, values: hedgedValues),
            hedgedRegression: hedgedRegression)
    }
}
