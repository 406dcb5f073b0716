#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin Householder QR factorization of a tall n×p matrix given by columns, reduced to what
/// least squares needs: the p×p upper-triangular R and the first p entries of Qᵀy.
struct HouseholderQR {
    /// Row-major upper-triangular factor: `r[i][j]` for j ≥ i (zeros below the diagonal).
    let r: [[Double]]
    /// The first p entries of Qᵀ·rhs.
    let qtRHS: [Double]

    /// Factors `columns` (p columns, each of length n ≥ p) and applies the same reflections to `rhs`.
    /// `cancellation` is polled once per pass over a column.
    init(columns: [[Double]], rhs: [Double], cancellation: Cancellation? = nil) throws {
        var a = columns
        var b = rhs
        let p = a.count
        let n = rhs.count
        var r = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for k in 0..<p {
            var scale = 0.0
            for i in k..<n { scale = max(scale, abs(a[k][i])) }
            if scale == 0 { continue }  // exactly zero remaining column: R[k][k] stays 0
            var sumSquares = 0.0
            for i in k..<n { sumSquares += (a[k][i] / scale) * (a[k][i] / scale) }
            let norm = scale * sumSquares.squareRoot()
            let alpha = a[k][k] > 0 ? -norm : norm
            // v = x − alpha·e1, stored in place in a[k][k...].
            a[k][k] -= alpha
            var vNormSquared = 0.0
            for i in k..<n { vNormSquared += a[k][i] * a[k][i] }
            if vNormSquared > 0 {
                for j in (k + 1)..<max(p, k + 1) {
                    try cancellation?.check()
                    var dot = 0.0
                    for i in k..<n { dot += a[k][i] * a[j][i] }
                    let factor = 2 * dot / vNormSquared
                    for i in k..<n { a[j][i] -= factor * a[k][i] }
                }
                var dot = 0.0
                for i in k..<n { dot += a[k][i] * b[i] }
                let factor = 2 * dot / vNormSquared
                for i in k..<n { b[i] -= factor * a[k][i] }
            }
            r[k][k] = alpha
            for j in (k + 1)..<max(p, k + 1) { r[k][j] = a[j][k] }
        }
        self.r = r
        self.qtRHS = Array(b.prefix(p))
    }

    /// Solves R·x = qtRHS by back substitution (R must have a non-zero diagonal).
    func solve() -> [Double] { SmallMatrix.backSubstitution(upper: r, qtRHS) }

    /// (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, row-major p×p.
    func inverseGram() -> [[Double]] {
        let p = r.count
        // Upper-triangular R⁻¹ by back substitution, column by column.
        var rInv = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for j in 0..<p {
            rInv[j][j] = 1 / r[j][j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var sum = 0.0
                for k in (i + 1)...j { sum += r[i][k] * rInv[k][j] }
                rInv[i][j] = -sum / r[i][i]
            }
        }
        var result = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for i in 0..<p {
            for j in i..<p {
                var sum = 0.0
                for k in j..<p { sum += rInv[i][k] * rInv[j][k] }
                result[i][j] = sum
                result[j][i] = sum
            }
        }
        return result
    }
}
