#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exponentially weighted moments as pandas' `Series.ewm(halflife=H)` computes them with its
/// defaults (`adjust=True`, `ignore_na=False`, `min_periods=0`, `bias=False`).
public enum ExponentialMoments {
    /// pandas' center of mass for a half-life H: decay a = 1 − exp(ln(0.5)/H), com = 1/a − 1.
    public static func centerOfMass(halflife: Double) -> Double {
        let decay = 1 - exp(log(0.5) / halflife)
        return 1 / decay - 1
    }

    /// `x.ewm(halflife=H).cov(y)` on two aligned arrays (NaN = missing; a row counts only when both
    /// are present). With weights wᵢ = (1 − α)^(age), α = 1/(1 + com), the bias-corrected covariance
    /// is (Σw)²/((Σw)² − Σw²) · Σwᵢ(xᵢ − x̄_w)(yᵢ − ȳ_w)/Σw, updated row by row as pandas does
    /// (missing rows still age the weights). Element 0, and any row before the weights allow the
    /// correction, is NaN.
    public static func covariance(_ x: [Double], _ y: [Double], halflife: Double) throws -> [Double] {
        guard halflife > 0, halflife.isFinite else {
            throw HedgeError("the half-life must be a positive number, got \(halflife)")
        }
        guard x.count == y.count else {
            throw HedgeError("EWMA covariance: the series have \(x.count) and \(y.count) values")
        }
        let n = x.count
        var output = Array(repeating: Double.nan, count: n)
        guard n > 0 else { return output }
        let alpha = 1 / (1 + centerOfMass(halflife: halflife))
        let oldWeightFactor = 1 - alpha
        let newWeight = 1.0
        var meanX = x[0], meanY = y[0]
        if !(meanX == meanX && meanY == meanY) { meanX = .nan; meanY = .nan }
        var cov = 0.0, sumWeights = 1.0, sumSquaredWeights = 1.0, oldWeight = 1.0
        var observations = meanX == meanX ? 1 : 0
        for i in 1..<max(n, 1) {
            let currentX = x[i], currentY = y[i]
            let isObservation = currentX == currentX && currentY == currentY
            if isObservation { observations += 1 }
            if meanX == meanX {
                sumWeights *= oldWeightFactor
                sumSquaredWeights *= oldWeightFactor * oldWeightFactor
                oldWeight *= oldWeightFactor
                if isObservation {
                    let oldMeanX = meanX, oldMeanY = meanY
                    // As pandas: leave a mean untouched when the new value equals it (constant series).
                    if meanX != currentX { meanX = (oldWeight * oldMeanX + newWeight * currentX) / (oldWeight + newWeight) }
                    if meanY != currentY { meanY = (oldWeight * oldMeanY + newWeight * currentY) / (oldWeight + newWeight) }
                    cov = (oldWeight * (cov + (oldMeanX - meanX) * (oldMeanY - meanY))
                        + newWeight * ((currentX - meanX) * (currentY - meanY))) / (oldWeight + newWeight)
                    sumWeights += newWeight
                    sumSquaredWeights += newWeight * newWeight
                    oldWeight += newWeight
                }
            } else if isObservation {
                meanX = currentX
                meanY = currentY
            }
            if observations >= 1 {
                let numerator = sumWeights * sumWeights
                let denominator = numerator - sumSquaredWeights
                output[i] = denominator > 0 ? (numerator / denominator) * cov : .nan
            }
        }
        return output
    }

    /// The EWMA beta `y.ewm(halflife=H).cov(x) / x.ewm(halflife=H).var()`: the covariance uses the
    /// rows where both are present, the variance every row where x is.
    public static func beta(y: [Double], x: [Double], halflife: Double) throws -> [Double] {
        let cov = try covariance(y, x, halflife: halflife)
        let variance = try covariance(x, x, halflife: halflife)
        return zip(cov, variance).map { $0 / $1 }
    }
}
