#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The residual diagnostics statsmodels prints under a regression: Durbin–Watson, Jarque–Bera with
/// skew and kurtosis, and the omnibus (D'Agostino–Pearson K², scipy's `normaltest`) test.
enum ResidualDiagnostics {
    /// Σ(e_t − e_{t−1})² / Σe_t².
    static func durbinWatson(_ e: [Double]) -> Double {
        var numerator = 0.0
        for t in e.indices.dropFirst() { numerator += (e[t] - e[t - 1]) * (e[t] - e[t - 1]) }
        return numerator / e.reduce(0) { $0 + $1 * $1 }
    }

    /// Population (biased) skewness m3/m2^1.5 and Pearson kurtosis m4/m2² (3 for a normal sample).
    static func skewAndKurtosis(_ e: [Double]) -> (skew: Double, kurtosis: Double) {
        let n = Double(e.count)
        let mean = e.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for value in e {
            let d = value - mean, d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        m2 /= n
        m3 /= n
        m4 /= n
        return (m3 / pow(m2, 1.5), m4 / (m2 * m2))
    }

    /// JB = n/6 · (S² + (K − 3)²/4) and its χ²(2) upper-tail p-value.
    static func jarqueBera(_ e: [Double]) -> (statistic: Double, pValue: Double, skew: Double, kurtosis: Double) {
        let (skew, kurtosis) = skewAndKurtosis(e)
        let n = Double(e.count)
        let statistic = n / 6 * (skew * skew + 0.25 * (kurtosis - 3) * (kurtosis - 3))
        return (statistic, ChiSquared(df: 2).sf(statistic), skew, kurtosis)
    }

    /// scipy's `normaltest`: K² = Z_skew² + Z_kurt² with χ²(2) p-value; NaN for fewer than 8
    /// observations (statsmodels' `omni_normtest`, since the skew test needs n ≥ 8).
    static func omnibus(_ e: [Double]) -> (statistic: Double, pValue: Double) {
        guard e.count >= 8 else { return (.nan, .nan) }
        let (skew, kurtosis) = skewAndKurtosis(e)
        let n = Double(e.count)
        let zSkew = skewTestZ(skew: skew, n: n)
        let zKurtosis = kurtosisTestZ(kurtosis: kurtosis, n: n)
        let statistic = zSkew * zSkew + zKurtosis * zKurtosis
        return (statistic, ChiSquared(df: 2).sf(statistic))
    }

    /// D'Agostino's skewness test statistic (scipy `skewtest`).
    static func skewTestZ(skew b2: Double, n: Double) -> Double {
        var y = b2 * (((n + 1) * (n + 3)) / (6.0 * (n - 2))).squareRoot()
        let beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9))
        let w2 = -1 + (2 * (beta2 - 1)).squareRoot()
        let delta = 1 / (0.5 * log(w2)).squareRoot()
        let alpha = (2.0 / (w2 - 1)).squareRoot()
        if y == 0 { y = 1 }
        return delta * log(y / alpha + ((y / alpha) * (y / alpha) + 1).squareRoot())
    }

    /// Anscombe–Glynn kurtosis test statistic (scipy `kurtosistest`), from Pearson kurtosis.
    static func kurtosisTestZ(kurtosis b2: Double, n: Double) -> Double {
        let expected = 3.0 * (n - 1) / (n + 1)
        let variance = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5))
        let x = (b2 - expected) / variance.squareRoot()
        let sqrtBeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9))
            * ((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3))).squareRoot()
        let a = 6.0 + 8.0 / sqrtBeta1 * (2.0 / sqrtBeta1 + (1 + 4.0 / (sqrtBeta1 * sqrtBeta1)).squareRoot())
        let term1 = 1 - 2 / (9.0 * a)
        let denominator = 1 + x * (2 / (a - 4.0)).squareRoot()
        guard denominator != 0 else { return .nan }
        let term2 = (denominator > 0 ? 1.0 : -1.0) * pow((1 - 2.0 / a) / abs(denominator), 1.0 / 3)
        return (term1 - term2) / (2 / (9.0 * a)).squareRoot()
    }
}
