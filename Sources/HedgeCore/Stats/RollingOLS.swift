/// Rolling-window OLS with an intercept, one fit per row: what statsmodels'
/// `RollingOLS(y, add_constant(X), window=N, min_nobs=M).fit()` reports (default `missing="drop"`,
/// nonrobust covariance). Arrays are indexed by row; rows before the first full window are NaN.
public struct RollingRegression: Sendable, Equatable {
    /// `const` followed by the regressor names.
    public var names: [String]
    public var window: Int
    public var minObservations: Int
    /// `params[j][t]`: parameter j (0 = intercept α, then each β) of the window ending on row t.
    public var params: [[Double]]
    /// `bse[j][t]`: the nonrobust standard error of `params[j][t]`.
    public var bse: [[Double]]
    /// R² = 1 − SSR/TSS of each window (TSS centered).
    public var rsquared: [Double]
    /// The rows each window used (rows with a NaN are left out); 0 where no fit was made.
    public var nobs: [Int]

    public var count: Int { rsquared.count }
    /// The slopes' rows: `betas[j]` is `params[j + 1]`.
    public var betas: [[Double]] { Array(params.dropFirst()) }
    public var alpha: [Double] { params.first ?? [] }
}

/// Rolling OLS by running co-moments: each row added and the row leaving the window removed
/// (Welford updates of the means and the centered cross-product matrix of [x₁…x_k, y]), so a
/// date costs O(k²) to update plus a k×k Cholesky solve, never a pass over the window.
/// The co-moments are recomputed from the window's rows (two-pass) once every `window` rows,
/// which bounds rounding drift and keeps the total cost O(n·k²).
///
/// For the window ending on row t with c usable rows, means x̄, ȳ and co-moments
/// Cxx = Σ(x − x̄)(x − x̄)ᵀ, Cxy = Σ(x − x̄)(y − ȳ), Cyy = Σ(y − ȳ)²:
/// β = Cxx⁻¹Cxy, α = ȳ − βᵀx̄, SSR = Cyy − βᵀCxy, s² = SSR/(c − k − 1),
/// se(βⱼ)² = s²·(Cxx⁻¹)ⱼⱼ, se(α)² = s²·(1/c + x̄ᵀCxx⁻¹x̄), R² = 1 − SSR/Cyy.
public enum RollingOLS {
    /// Fits every window of `window` rows. A row with a NaN in y or any regressor is left out of the
    /// windows containing it (statsmodels' `missing="drop"`); a window with fewer than
    /// `minObservations` usable rows (default k + 1, the number of parameters) is NaN, as is a
    /// window whose regressors are constant or collinear within it (statsmodels reports NaN when
    /// its matrix inverse fails and rounding noise when it does not). Standard errors are NaN when
    /// a window leaves no residual degree of freedom.
    public static func fit(
        y: [Double], regressors: [[Double]], window: Int, minObservations: Int? = nil,
        regressorNames: [String]? = nil, cancellation: Cancellation? = nil
    ) throws -> RollingRegression {
        let k = regressors.count
        let n = y.count
        guard k > 0 else { throw HedgeError("rolling OLS needs at least one regressor") }
        let names = regressorNames ?? (1...k).map { "x\($0)" }
        guard names.count == k else { throw HedgeError("rolling OLS got \(names.count) names for \(k) regressors") }
        for (column, name) in zip(regressors, names) where column.count != n {
            throw HedgeError("regressor '\(name)' has \(column.count) values but the dependent variable has \(n)")
        }
        let minimum = minObservations ?? (k + 1)
        guard window >= 1 else { throw HedgeError("the window must be at least 1 row, got \(window)") }
        guard minimum >= k + 1, minimum <= window else {
            throw HedgeError("the minimum number of observations must be at least \(k + 1) (the number of parameters) "
                + "and at most the window (\(window)), got \(minimum)")
        }
        guard window <= n else {
            throw HedgeError("the window (\(window) rows) is longer than the data (\(n) rows)")
        }
        var state = RollingCoMoments(y: y, regressors: regressors)
        var result = RollingRegression(
            names: ["const"] + names, window: window, minObservations: minimum,
            params: Array(repeating: Array(repeating: .nan, count: n), count: k + 1),
            bse: Array(repeating: Array(repeating: .nan, count: n), count: k + 1),
            rsquared: Array(repeating: .nan, count: n), nobs: Array(repeating: 0, count: n))
        var solver = WindowSolver(k: k)
        for t in 0..<n {
            if t & 1023 == 1023 { try cancellation?.check() }
            var fresh = false
            if (t + 1) % window == 0 {
                state.recompute(rows: max(0, t - window + 1)...t)
                fresh = true
            } else {
                if t >= window { state.remove(row: t - window) }
                state.add(row: t)
            }
            guard t >= window - 1, state.count >= minimum else { continue }
            var solved = solver.solve(state, tolerance: fresh ? WindowSolver.exactTolerance : WindowSolver.runningTolerance)
            if !solved && !fresh {
                // A tiny pivot may be drift from the running updates: decide on two-pass co-moments.
                state.recompute(rows: (t - window + 1)...t)
                solved = solver.solve(state, tolerance: WindowSolver.exactTolerance)
            }
            guard solved else { continue }
            result.nobs[t] = state.count
            for j in 0...k {
                result.params[j][t] = solver.params[j]
                result.bse[j][t] = solver.bse[j]
            }
            result.rsquared[t] = solver.rsquared
        }
        return result
    }
}

/// The running count, means and centered cross-products of the usable rows of [x₁…x_k, y].
struct RollingCoMoments {
    let columns: [[Double]]  // x₁…x_k then y
    let usable: [Bool]
    let m: Int
    private(set) var count = 0
    private(set) var mean: [Double]
    /// Row-major m×m co-moment matrix.
    private(set) var comoment: [Double]
    private var delta: [Double]

    init(y: [Double], regressors: [[Double]]) {
        columns = regressors + [y]
        m = columns.count
        usable = (0..<y.count).map { i in regressors.allSatisfy { !$0[i].isNaN } && !y[i].isNaN }
        mean = Array(repeating: 0, count: m)
        comoment = Array(repeating: 0, count: m * m)
        delta = Array(repeating: 0, count: m)
    }

    /// Σx² of variable a over the rows counted (c·x̄² + Cₐₐ).
    func sumOfSquares(_ a: Int) -> Double { Double(count) * mean[a] * mean[a] + comoment[a * m + a] }

    mutating func add(row i: Int) {
        guard usable[i] else { return }
        count += 1
        let c = Double(count)
        for a in 0..<m {
            delta[a] = columns[a][i] - mean[a]
            mean[a] += delta[a] / c
        }
        for a in 0..<m {
            let after = columns[a][i] - mean[a]
            for b in 0..<m { comoment[a * m + b] += after * delta[b] }
        }
    }

    mutating func remove(row i: Int) {
        guard usable[i] else { return }
        count -= 1
        if count == 0 {
            for a in 0..<m { mean[a] = 0 }
            for a in 0..<(m * m) { comoment[a] = 0 }
            return
        }
        let c = Double(count)
        for a in 0..<m {
            delta[a] = columns[a][i] - mean[a]
            mean[a] -= delta[a] / c
        }
        for a in 0..<m {
            let after = columns[a][i] - mean[a]
            for b in 0..<m { comoment[a * m + b] -= after * delta[b] }
        }
    }

    /// Replaces the running values by two-pass ones over `rows`.
    mutating func recompute(rows: ClosedRange<Int>) {
        count = 0
        for a in 0..<m { mean[a] = 0 }
        for a in 0..<(m * m) { comoment[a] = 0 }
        for i in rows where usable[i] {
            count += 1
            for a in 0..<m { mean[a] += columns[a][i] }
        }
        guard count > 0 else { return }
        for a in 0..<m { mean[a] /= Double(count) }
        for i in rows where usable[i] {
            for a in 0..<m { delta[a] = columns[a][i] - mean[a] }
            for a in 0..<m {
                for b in a..<m { comoment[a * m + b] += delta[a] * delta[b] }
            }
        }
        for a in 0..<m {
            for b in 0..<a { comoment[a * m + b] = comoment[b * m + a] }
        }
    }
}

/// Solves one window's regression from its co-moments into preallocated storage.
struct WindowSolver {
    let k: Int
    /// Cholesky factor of Cxx (row-major, lower), then Cxx⁻¹.
    private var factor: [Double]
    private var inverse: [Double]
    private var work: [Double]
    private(set) var params: [Double]
    private(set) var bse: [Double]
    private(set) var rsquared = Double.nan

    init(k: Int) {
        self.k = k
        factor = Array(repeating: 0, count: k * k)
        inverse = Array(repeating: 0, count: k * k)
        work = Array(repeating: 0, count: k)
        params = Array(repeating: 0, count: k + 1)
        bse = Array(repeating: 0, count: k + 1)
    }

    /// The collinearity threshold of `OLS.fit` (|Rⱼⱼ| ≤ 1e-10·‖xⱼ‖), for two-pass co-moments.
    static let exactTolerance = 1e-20
    /// A looser threshold for running co-moments, whose rounding drift could hide a singular window.
    static let runningTolerance = 1e-10

    /// False when Cxx is (numerically) singular: a Cholesky pivot at most `tolerance`·Σx² of its column.
    mutating func solve(_ s: RollingCoMoments, tolerance: Double) -> Bool {
        let m = s.m
        let c = s.comoment
        // Cholesky Cxx = L·Lᵀ.
        for j in 0..<k {
            var diagonal = c[j * m + j]
            for p in 0..<j { diagonal -= factor[j * k + p] * factor[j * k + p] }
            guard diagonal > tolerance * s.sumOfSquares(j), diagonal.isFinite else { return false }
            let root = diagonal.squareRoot()
            factor[j * k + j] = root
            for i in (j + 1)..<max(k, j + 1) {
                var sum = c[i * m + j]
                for p in 0..<j { sum -= factor[i * k + p] * factor[j * k + p] }
                factor[i * k + j] = sum / root
            }
        }
        // Cxx⁻¹ column by column: L·z = eᵢ, Lᵀ·w = z.
        for column in 0..<k {
            for i in 0..<k {
                var sum = i == column ? 1.0 : 0.0
                for p in 0..<i { sum -= factor[i * k + p] * work[p] }
                work[i] = sum / factor[i * k + i]
            }
            for i in stride(from: k - 1, through: 0, by: -1) {
                var sum = work[i]
                for p in (i + 1)..<max(k, i + 1) { sum -= factor[p * k + i] * inverse[p * k + column] }
                inverse[i * k + column] = sum / factor[i * k + i]
            }
        }
        let yIndex = k
        var alpha = s.mean[yIndex]
        var explained = 0.0
        for j in 0..<k {
            var beta = 0.0
            for p in 0..<k { beta += inverse[j * k + p] * c[p * m + yIndex] }
            params[j + 1] = beta
            alpha -= beta * s.mean[j]
            explained += beta * c[j * m + yIndex]
        }
        params[0] = alpha
        let tss = c[yIndex * m + yIndex]
        let ssr = max(0, tss - explained)
        let dfResid = s.count - k - 1
        let scale = dfResid > 0 ? ssr / Double(dfResid) : .nan
        var quadratic = 0.0
        for a in 0..<k {
            for b in 0..<k { quadratic += s.mean[a] * inverse[a * k + b] * s.mean[b] }
        }
        bse[0] = (scale * (1 / Double(s.count) + quadratic)).squareRoot()
        for j in 0..<k { bse[j + 1] = (scale * inverse[j * k + j]).squareRoot() }
        rsquared = 1 - ssr / tss
        return true
    }
}
