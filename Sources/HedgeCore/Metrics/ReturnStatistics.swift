#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The building blocks of the tear sheet, each with the convention of the tool it must agree with.
public enum ReturnStatistics {
    /// Arithmetic mean; NaN when empty.
    public static func mean(_ x: [Double]) -> Double { mean(x[...]) }

    /// Arithmetic mean of a slice; NaN when empty.
    public static func mean(_ x: ArraySlice<Double>) -> Double {
        guard !x.isEmpty else { return .nan }
        var sum = 0.0
        for v in x { sum += v }
        return sum / Double(x.count)
    }

    /// Sample variance, ddof = 1 (two-pass): Σ(x − x̄)² / (m − 1); NaN with fewer than 2 values.
    public static func variance(_ x: [Double]) -> Double { variance(x[...]) }

    /// Sample variance of a slice, ddof = 1.
    public static func variance(_ x: ArraySlice<Double>) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        var sum = 0.0
        for v in x { sum += (v - m) * (v - m) }
        return sum / Double(x.count - 1)
    }

    /// Sample standard deviation, ddof = 1.
    public static func standardDeviation(_ x: [Double]) -> Double { variance(x[...]).squareRoot() }

    /// numpy's `percentile(x, q)` with the default linear method: h = (m − 1)·q/100 on the sorted values,
    /// interpolated between the neighbours (numpy's `_lerp`, which for a fraction ≥ 0.5 works from the upper one).
    public static func percentile(_ x: [Double], _ q: Double) -> Double {
        guard !x.isEmpty, !x.contains(where: \.isNaN) else { return .nan }
        let h = Double(x.count - 1) * q / 100
        let lo = Int(h.rounded(.down))
        let g = h - Double(lo)
        var work = x
        let (a, b) = work.withUnsafeMutableBufferPointer { buffer in
            // The lo-th smallest by selection (no full sort), then the smallest of what lies above it.
            let a = select(buffer, lo)
            var b = a
            if lo + 1 < buffer.count {
                b = buffer[lo + 1]
                for i in (lo + 1)..<buffer.count where buffer[i] < b { b = buffer[i] }
            }
            return (a, b)
        }
        let diff = b - a
        return g >= 0.5 ? b - diff * (1 - g) : a + diff * g
    }

    /// Rearranges `x` so that `x[k]` is its k-th smallest (0-based), smaller ones before it and the
    /// others after it (Hoare's selection); returns `x[k]`. The values must not be NaN.
    static func select(_ x: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0, hi = x.count - 1
        while lo < hi {
            let pivot = x[lo + (hi - lo) / 2]
            var i = lo, j = hi
            while i <= j {
                while x[i] < pivot { i += 1 }
                while x[j] > pivot { j -= 1 }
                if i <= j { x.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return x[k] }
        }
        return x[k]
    }

    /// pandas `Series.skew()`: the bias-corrected G1 = m·√(m − 1)/(m − 2) · S3 / S2^1.5 with Sk = Σ(x − x̄)^k.
    /// NaN for fewer than 3 values or no variation.
    public static func skew(_ x: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 3 else { return .nan }
        let m = mean(x)
        var s2 = 0.0, s3 = 0.0
        for v in x { let d = v - m; let d2 = d * d; s2 += d2; s3 += d2 * d }
        guard s2 > 0 else { return .nan }
        return n * (n - 1).squareRoot() / (n - 2) * (s3 / pow(s2, 1.5))
    }

    /// pandas `Series.kurt()`: the bias-corrected excess kurtosis
    /// G2 = m(m + 1)(m − 1)·S4 / ((m − 2)(m − 3)·S2²) − 3(m − 1)² / ((m − 2)(m − 3)).
    /// NaN for fewer than 4 values or no variation.
    public static func excessKurtosis(_ x: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 4 else { return .nan }
        let m = mean(x)
        var s2 = 0.0, s4 = 0.0
        for v in x { let d = v - m; let d2 = d * d; s2 += d2; s4 += d2 * d2 }
        guard s2 > 0 else { return .nan }
        let numerator = n * (n + 1) * (n - 1) * s4
        let denominator = (n - 2) * (n - 3) * s2 * s2
        return numerator / denominator - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// Drawdown after each day: wealth w_k = Π_{j≤k}(1 + R_j) starting from 1 before the first day,
    /// dd_k = w_k / max(1, w_1 … w_k) − 1 (≤ 0).
    public static func drawdowns(_ returns: [Double]) -> [Double] {
        var wealth = 1.0, peak = 1.0
        var out = [Double]()
        out.reserveCapacity(returns.count)
        for r in returns {
            wealth *= 1 + r
            peak = max(peak, wealth)
            out.append(wealth / peak - 1)
        }
        return out
    }

    /// The most negative drawdown (0 when never below a peak) and the longest run of consecutive days
    /// spent below the previous peak.
    public static func maxDrawdown(_ returns: [Double]) -> (depth: Double, longestDays: Int) {
        var wealth = 1.0, peak = 1.0, depth = 0.0, run = 0, longest = 0
        for r in returns {
            wealth *= 1 + r
            peak = max(peak, wealth)
            let dd = wealth / peak - 1
            depth = min(depth, dd)
            if dd < 0 { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return (depth, longest)
    }

    /// The simple regression y = α + β·x (two-pass centered) and Pearson's correlation;
    /// NaN when x (or, for the correlation, y) does not vary.
    public static func regression(y: [Double], x: [Double]) -> (alpha: Double, beta: Double, correlation: Double) {
        guard y.count == x.count, y.count >= 2 else { return (.nan, .nan, .nan) }
        let mx = mean(x), my = mean(y)
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy
        }
        guard sxx > 0 else { return (.nan, .nan, .nan) }
        let beta = sxy / sxx
        return (my - beta * mx, beta, syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan)
    }
}
