#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Singular values of a small square matrix by one-sided Jacobi rotations (Hestenes), which
/// computes them to high relative accuracy. Used on the R of a QR factorization: R has the same
/// singular values as the design matrix X.
enum SingularValues {
    /// Singular values of the row-major square matrix `matrix`, sorted in decreasing order.
    static func of(_ matrix: [[Double]]) -> [Double] {
        let n = matrix.count
        guard n > 0 else { return [] }
        // Work on columns.
        var columns = (0..<n).map { j in matrix.map { $0[j] } }
        for _ in 0..<100 {
            var rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<n {
                        alpha += columns[p][i] * columns[p][i]
                        beta += columns[q][i] * columns[q][i]
                        gamma += columns[p][i] * columns[q][i]
                    }
                    if gamma == 0 || abs(gamma) <= 1e-15 * (alpha * beta).squareRoot() { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = c * t
                    for i in 0..<n {
                        let x = columns[p][i], y = columns[q][i]
                        columns[p][i] = c * x - s * y
                        columns[q][i] = s * x + c * y
                    }
                }
            }
            if !rotated { break }
        }
        return columns.map { column in
            let scale = column.reduce(0) { max($0, abs($1)) }
            guard scale > 0 else { return 0 }
            return scale * column.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
        }.sorted(by: >)
    }
}
