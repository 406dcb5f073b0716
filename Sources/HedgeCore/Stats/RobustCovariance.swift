/// Sandwich estimators of an OLS parameter covariance, as statsmodels computes them
/// (`RegressionResults.cov_HC0`…`cov_HC3`, `sandwich_covariance.cov_hac_simple`).
enum RobustCovariance {
    /// The p×p covariance of the parameters for a robust `type` (not `.nonrobust`, whose covariance
    /// is s²·(XᵀX)⁻¹): `bread`·meat·`bread` with `bread` = (XᵀX)⁻¹ and the meat described on
    /// `CovarianceType`. `design[j]` is column j of X (length n), `residuals` has length n.
    static func matrix(
        _ type: CovarianceType, design: [[Double]], residuals: [Double], bread: [[Double]]
    ) -> [[Double]] {
        let p = design.count
        let n = residuals.count
        var meat = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        var row = Array(repeating: 0.0, count: p)
        switch type {
        case .nonrobust:
            let scale = residuals.reduce(0) { $0 + $1 * $1 } / Double(n - p)
            return bread.map { $0.map { $0 * scale } }
        case .hc0, .hc1, .hc2, .hc3:
            let dofScale = Double(n) / Double(n - p)
            for i in 0..<n {
                for j in 0..<p { row[j] = design[j][i] }
                let squared = residuals[i] * residuals[i]
                let weight: Double
                switch type {
                case .hc0: weight = squared
                case .hc1: weight = dofScale * squared
                case .hc2: weight = squared / (1 - leverage(row, bread))
                default:
                    let h = leverage(row, bread)
                    weight = (residuals[i] / (1 - h)) * (residuals[i] / (1 - h))
                }
                for a in 0..<p {
                    for b in 0..<p { meat[a][b] += weight * row[a] * row[b] }
                }
            }
        case .hac(let lags, _):
            // u_t = x_t·e_t; S = Σ_t u_t u_tᵀ + Σ_{l=1}^{L} w_l Σ_{t≥l} (u_t u_{t−l}ᵀ + u_{t−l} u_tᵀ).
            let scores = (0..<p).map { j in (0..<n).map { design[j][$0] * residuals[$0] } }
            for lag in 0...max(0, lags) where lag < n {
                let weight = 1 - Double(lag) / Double(lags + 1)
                for a in 0..<p {
                    for b in 0..<p {
                        var sum = 0.0
                        for t in lag..<n { sum += scores[a][t] * scores[b][t - lag] }
                        if lag == 0 {
                            meat[a][b] += sum
                        } else {
                            meat[a][b] += weight * sum
                            meat[b][a] += weight * sum
                        }
                    }
                }
            }
        }
        var covariance = SmallMatrix.product(SmallMatrix.product(bread, meat), bread)
        if case .hac(_, true) = type {
            let correction = Double(n) / Double(n - p)
            covariance = covariance.map { $0.map { $0 * correction } }
        }
        return covariance
    }

    /// hᵢ = xᵢᵀ·B·xᵢ, the leverage of the row xᵢ.
    private static func leverage(_ row: [Double], _ bread: [[Double]]) -> Double {
        var h = 0.0
        for a in row.indices {
            var sum = 0.0
            for b in row.indices { sum += bread[a][b] * row[b] }
            h += row[a] * sum
        }
        return h
    }

    /// statsmodels' robust Wald F statistic that all slopes are zero:
    /// F = b_sᵀ·V_ss⁻¹·b_s / (p − 1), with b_s the slopes (parameters after the intercept) and V_ss
    /// their block of the covariance. NaN when that block is singular.
    static func waldF(params: [Double], covariance: [[Double]]) -> Double {
        let slopes = Array(params.dropFirst())
        let block = covariance.dropFirst().map { Array($0.dropFirst()) }
        guard !slopes.isEmpty, let solved = SmallMatrix.solve(block, slopes) else { return .nan }
        return zip(slopes, solved).reduce(0) { $0 + $1.0 * $1.1 } / Double(slopes.count)
    }
}
