/// Dense helpers for the small (p×p, p = a few parameters) matrices of regression statistics.
enum SmallMatrix {
    /// A·B for row-major matrices.
    static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let inner = b.count
        let columns = b.first?.count ?? 0
        return a.map { row in
            (0..<columns).map { j in
                var sum = 0.0
                for k in 0..<inner { sum += row[k] * b[k][j] }
                return sum
            }
        }
    }

    /// Solves A·x = b by Gaussian elimination with partial pivoting; nil when A is singular
    /// (a zero or non-finite pivot).
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        var a = matrix
        var b = rhs
        let n = b.count
        guard a.count == n, a.allSatisfy({ $0.count == n }) else { return nil }
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<max(n, k + 1) where abs(a[i][k]) > abs(a[pivot][k]) { pivot = i }
            guard a[pivot][k] != 0, a[pivot][k].isFinite else { return nil }
            if pivot != k { a.swapAt(pivot, k); b.swapAt(pivot, k) }
            for i in (k + 1)..<max(n, k + 1) {
                let factor = a[i][k] / a[k][k]
                for j in k..<n { a[i][j] -= factor * a[k][j] }
                b[i] -= factor * b[k]
            }
        }
        return backSubstitution(upper: a, b)
    }

    /// Solves U·x = b for upper-triangular U (a non-zero diagonal): xᵢ = (bᵢ − Σ_{j>i} Uᵢⱼxⱼ) / Uᵢᵢ, from the last row up.
    static func backSubstitution(upper u: [[Double]], _ b: [Double]) -> [Double] {
        let n = b.count
        var x = b
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for j in (i + 1)..<max(n, i + 1) { sum -= u[i][j] * x[j] }
            x[i] = sum / u[i][i]
        }
        return x
    }
}
