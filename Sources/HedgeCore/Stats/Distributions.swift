import Foundation

/// The standard normal distribution.
public enum Normal {
    private static let invSqrt2 = 0.70710678118654752440
    private static let invSqrt2Pi = 0.39894228040143267794

    /// Density φ(x).
    public static func pdf(_ x: Double) -> Double { invSqrt2Pi * exp(-0.5 * x * x) }
    /// Φ(x) = P(Z ≤ x), accurate in the lower tail.
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x * invSqrt2) }
    /// 1 − Φ(x), computed directly so the upper tail does not underflow early.
    public static func sf(_ x: Double) -> Double { 0.5 * erfc(x * invSqrt2) }
    /// P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)), statsmodels' p-value for a z statistic.
    public static func twoSidedP(_ z: Double) -> Double { 2 * sf(abs(z)) }

    /// The quantile Φ⁻¹(p) for 0 < p < 1 (±inf at 0 and 1, NaN outside): a tail-aware starting
    /// point refined by Newton steps on Φ (or on 1 − Φ in the upper half, so both tails keep
    /// their relative accuracy).
    public static func ppf(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : p == 1 ? .infinity : .nan }
        if p > 0.5 { return upperQuantile(p) }
        var z = StudentT.normalQuantileGuess(p)
        for _ in 0..<50 {
            let step = (cdf(z) - p) / pdf(z)
            z -= step
            if abs(step) <= 1e-15 * max(1, abs(z)) { break }
        }
        return z
    }

    /// Φ⁻¹(p) for p > 1/2, solving 1 − Φ(z) = 1 − p from the mirrored lower-tail guess.
    private static func upperQuantile(_ p: Double) -> Double {
        let q = 1 - p
        var z = -StudentT.normalQuantileGuess(q)
        for _ in 0..<50 {
            let step = (q - sf(z)) / pdf(z)
            z -= step
            if abs(step) <= 1e-15 * max(1, abs(z)) { break }
        }
        return z
    }
}

/// Student's t distribution with `df` degrees of freedom (df > 0; NaN otherwise).
public struct StudentT: Sendable, Equatable {
    /// Degrees of freedom (may be fractional).
    public let df: Double

    /// A t distribution with `df` degrees of freedom.
    public init(df: Double) { self.df = df }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t < 0 { return tail(-t) }
        return t > 0 ? 1 - tail(t) : 0.5
    }

    /// P(T > t), computed directly in the upper tail.
    public func sf(_ t: Double) -> Double { cdf(-t) }

    /// Two-sided p-value P(|T| ≥ |t|).
    public func twoSidedP(_ t: Double) -> Double { 2 * sf(abs(t)) }

    /// P(T > t) for t ≥ 0: ½ I_{df/(df+t²)}(df/2, ½), with 1 − x formed without cancellation.
    private func tail(_ t: Double) -> Double {
        guard df > 0, !t.isNaN, !df.isNaN else { return .nan }
        if t == .infinity { return 0 }
        let ratio = t * t / df
        // x = df/(df + t²) and ln x = −ln(1 + t²/df); for |t| beyond ~1e154, t² overflows and
        // ln x = ln df − 2 ln t instead (x itself may underflow while the tail is still representable).
        let logX = ratio.isFinite ? -log1p(ratio) : log(df) - 2 * log(t)
        let x = ratio.isFinite ? 1 / (1 + ratio) : exp(logX)
        let y = ratio.isFinite ? ratio / (1 + ratio) : 1
        return 0.5 * SpecialFunctions.incompleteBeta(a: df / 2, b: 0.5, x: x, oneMinusX: y, logX: logX)
    }

    /// The quantile (percent point function): the t with P(T ≤ t) = p.
    ///
    /// Solved to full double precision by Newton's method on ln P(T ≤ −e^u) in u = ln|t|
    /// (nearly linear in both the Cauchy-like and the normal-like tail), safeguarded by bisection
    /// inside a bracket.
    public func ppf(_ p: Double) -> Double {
        guard df > 0, p >= 0, p <= 1, !df.isNaN else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Lower half; 1 − p is exact for p ≥ ½.
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// The t < 0 with P(T ≤ t) = p, for 0 < p < ½.
    private func lowerQuantile(_ p: Double) -> Double {
        let target = log(p)
        // g(u) = ln P(T ≤ −e^u) − ln p is strictly decreasing in u.
        func g(_ u: Double) -> Double { log(cdf(-exp(u))) - target }
        var guess = abs(Self.normalQuantileGuess(p))
        if df < 5 { guess = max(guess, pow(p * df, -1 / df)) }
        var u = log(max(guess, 1e-300))
        var lo = u, hi = u
        var gLo = g(lo), gHi = gLo
        var steps = 0
        while gLo < 0, steps < 200 { hi = lo; gHi = gLo; lo -= 2; gLo = g(lo); steps += 1 }
        steps = 0
        while gHi > 0, steps < 400 { lo = hi; gLo = gHi; hi += 2; gHi = g(hi); steps += 1 }
        guard gLo >= 0, gHi <= 0 else { return .nan }
        if gLo == 0 { return -exp(lo) }
        if gHi == 0 { return -exp(hi) }
        u = min(max(u, lo), hi)
        for _ in 0..<200 {
            let t = -exp(u)
            let cdfT = cdf(t)
            let value = log(cdfT) - target
            if value == 0 { return t }
            if value > 0 { lo = u } else { hi = u }
            // d/du ln F(−e^u) = −f(t)·e^u / F(t)
            let slope = -density(t) * (-t) / cdfT
            var next = u - value / slope
            if !(next > lo && next < hi) || !next.isFinite { next = 0.5 * (lo + hi) }
            if abs(next - u) <= 1e-16 * max(1, abs(u)) || hi - lo <= 1e-16 * max(1, abs(u)) {
                return -exp(next)
            }
            u = next
        }
        return -exp(u)
    }

    /// The density of T at t.
    public func density(_ t: Double) -> Double {
        let logNorm = -SpecialFunctions.logBeta(0.5, df / 2) - 0.5 * log(df)
        return exp(logNorm - (df + 1) / 2 * log1p(t * t / df))
    }

    /// A rough lower-tail normal quantile, used only as a starting point for the t quantile.
    static func normalQuantileGuess(_ p: Double) -> Double {
        // Tail approximation z ≈ −sqrt(−2 ln p − ln(−2 ln p) − ln 2π), then Newton on Φ.
        let l = -2 * log(p)
        var z = -sqrt(max(l - log(max(l, 1e-300)) - log(2 * Double.pi), 0))
        for _ in 0..<3 {
            let f = Normal.cdf(z) - p
            let d = Normal.pdf(z)
            if d > 0 { z -= f / d }
        }
        return z.isFinite ? z : -1
    }
}

/// The F distribution with `dfn` numerator and `dfd` denominator degrees of freedom.
public struct FDistribution: Sendable, Equatable {
    /// Numerator degrees of freedom.
    public let dfn: Double
    /// Denominator degrees of freedom.
    public let dfd: Double

    /// An F distribution with `dfn` and `dfd` degrees of freedom.
    public init(dfn: Double, dfd: Double) {
        self.dfn = dfn
        self.dfd = dfd
    }

    /// P(F > x) = I_{dfd/(dfd + dfn·x)}(dfd/2, dfn/2), computed directly in the upper tail.
    public func sf(_ x: Double) -> Double {
        guard dfn > 0, dfd > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        let scaled = dfn * x
        let denominator = dfd + scaled
        return SpecialFunctions.incompleteBeta(a: dfd / 2, b: dfn / 2, x: dfd / denominator, oneMinusX: scaled / denominator)
    }
}

/// The chi-squared distribution with `df` degrees of freedom.
public struct ChiSquared: Sendable, Equatable {
    /// Degrees of freedom.
    public let df: Double

    /// A chi-squared distribution with `df` degrees of freedom.
    public init(df: Double) { self.df = df }

    /// P(X > x) = Q(df/2, x/2), computed directly in the upper tail.
    public func sf(_ x: Double) -> Double {
        guard df > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(a: df / 2, x: x / 2)
    }
}
