/// A hedge that uses only what was known the day before: hedgedₜ = yₜ − Σⱼ βⱼ,ₜ₋₁·xⱼ,ₜ, with βₜ₋₁
/// the rolling beta of the previous row of the rolling object (its previous date), never the
/// beta fitted with day t itself.
public struct PastOnlyHedge: Sendable, Equatable {
    /// The hedged series, on the dates where y, every regressor and the previous row's betas exist.
    public var hedged: Series
    /// Dates where y and the regressors had values but no beta was known yet (the first row, or a
    /// previous row whose beta is NaN: before the window filled, or a degenerate window).
    public var daysWithoutBeta: Int
    /// The regression of `hedged` on the regressors over the hedged dates.
    public var regression: DatedRegression

    /// Hedges `y` with `rolling`'s betas, lagged one row, and regresses the result on the regressors.
    public static func hedge(_ y: Series, with rolling: RollingBeta, name: String = "hedged") throws -> PastOnlyHedge {
        let (hedged, missing) = apply(y, with: rolling, name: name)
        guard hedged.count > rolling.regressors.count + 1 else {
            throw HedgeError("only \(hedged.count) dates have a beta from the day before; need more than \(rolling.regressors.count + 1)")
        }
        let regression = try DatedRegression.fit(hedged, on: rolling.regressors)
        return PastOnlyHedge(hedged: hedged, daysWithoutBeta: missing, regression: regression)
    }

    /// hedgedₜ = yₜ − Σⱼ βⱼ,ₜ₋₁·xⱼ,ₜ on `rolling`'s dates, and how many dates had y and x but no βₜ₋₁.
    public static func apply(_ y: Series, with rolling: RollingBeta, name: String = "hedged") -> (hedged: Series, daysWithoutBeta: Int) {
        var yValue = [Day: Double](minimumCapacity: y.count)
        for (day, value) in zip(y.dates, y.values) { yValue[day] = value }
        var dates: [Day] = []
        var values: [Double] = []
        var missing = 0
        for t in rolling.dates.indices {
            guard let yt = yValue[rolling.dates[t]], !yt.isNaN,
                  rolling.regressors.allSatisfy({ !$0.values[t].isNaN }) else { continue }
            guard t > 0, rolling.betas.allSatisfy({ $0[t - 1].isFinite }) else {
                missing += 1
                continue
            }
            var value = yt
            for j in rolling.betas.indices { value -= rolling.betas[j][t - 1] * rolling.regressors[j].values[t] }
            dates.append(rolling.dates[t])
            values.append(value)
        }
        return (Series(name: name, dates: dates, values: values), missing)
    }
}
