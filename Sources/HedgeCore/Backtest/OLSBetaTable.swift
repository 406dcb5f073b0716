/// The OLS slopes (with intercept) of r_p on r_b over every trailing window of `window` rows, computed
/// once for a set of inputs and shared by every configuration with that estimation window.
///
/// `betas[t]` is the slope over rows t−W … t−1: β = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², x = r_b, y = r_p
/// (two-pass, centered, as `OLS.slope`). It is NaN for t < W and where r_b does not vary over the window.
/// A window depends only on its own rows, so the table serves any `from`/`to` cut of the same inputs.
public struct OLSBetaTable: Sendable, Equatable {
    public let window: Int
    public let betas: [Double]

    public init(_ inputs: DailyBacktestInputs, window: Int, cancellation: Cancellation? = nil) throws {
        guard window >= 2 else { throw HedgeError("estimate must be at least 2 days for beta ols (got \(window))") }
        let n = inputs.count
        var betas = [Double](repeating: .nan, count: n)
        if n > window {
            for t in window..<n {
                if t & 1023 == 0 { try cancellation?.check() }
                betas[t] = DailyBacktest.windowSlope(inputs, row: t, window: window)
            }
        }
        self.window = window
        self.betas = betas
    }
}
