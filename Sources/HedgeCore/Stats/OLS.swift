#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of an ordinary least squares fit with an intercept, with every statistic
/// statsmodels' `OLS(y, add_constant(X)).fit().summary()` prints. Arrays are intercept first.
public struct OLSResult: Sendable, Equatable {
    public var dependentName: String
    /// `const` followed by the regressor names.
    public var names: [String]
    public var nobs: Int
    public var dfModel: Double
    public var dfResid: Double
    public var params: [Double]
    public var bse: [Double]
    public var tvalues: [Double]
    public var pvalues: [Double]
    public var confIntLow: [Double]
    public var confIntHigh: [Double]
    public var rsquared: Double
    public var rsquaredAdj: Double
    public var fvalue: Double
    public var fPvalue: Double
    public var llf: Double
    public var aic: Double
    public var bic: Double
    public var durbinWatson: Double
    public var omnibus: Double
    public var omnibusP: Double
    public var jarqueBera: Double
    public var jarqueBeraP: Double
    public var skew: Double
    public var kurtosis: Double
    public var condNo: Double
    public var residuals: [Double]
    public var fitted: [Double]
    /// The smallest eigenvalue of XᵀX (the squared smallest singular value of the design).
    /// The summary prints statsmodels' multicollinearity note when it is below 1e-10.
    /// Defaulted (NaN = unknown) so code building results by hand need not supply it.
    public var smallestEigenvalue: Double = .nan
    /// How `bse` and everything derived from it (t or z, p-values, confidence interval, F) were
    /// estimated. Robust types report z statistics and normal p-values, as statsmodels does.
    public var covarianceType: CovarianceType = .nonrobust
}

/// Ordinary least squares.
public enum OLS {
    /// Two-sided confidence level of `confIntLow`/`confIntHigh` (statsmodels' default alpha = 0.05).
    public static let confidenceAlpha = 0.05

    /// Fits `y = b0 + b1*x1 + … + bk*xk`. `regressors[j]` is column j (length n each).
    /// Throws when there are fewer observations than parameters, a regressor is constant
    /// (collinear with the intercept) or columns are collinear, or values are not finite.
    ///
    /// Solved by Householder QR of the design [1, x1, …, xk]; (XᵀX)⁻¹ comes from R. The
    /// statistics follow statsmodels, with the parameter covariance chosen by `covariance`
    /// (`OLS(...).fit(cov_type=...)`; see `CovarianceType`). Regressions that leave no residual
    /// degrees of freedom (n = k + 1) are rejected: statsmodels would return inf/NaN statistics.
    /// `cancellation` is polled between the passes over the data (`HedgeError("interrupted")`).
    public static func fit(
        y: [Double], regressors: [[Double]],
        dependentName: String = "y", regressorNames: [String]? = nil,
        covariance: CovarianceType = .nonrobust,
        cancellation: Cancellation? = nil
    ) throws -> OLSResult {
        let names = try validatedNames(regressorNames, count: regressors.count)
        try validate(y: y, regressors: regressors, names: names)
        let n = y.count
        let p = regressors.count + 1
        let design = [Array(repeating: 1.0, count: n)] + regressors

        try cancellation?.check()
        let qr = try HouseholderQR(columns: design, rhs: y, cancellation: cancellation)
        try cancellation?.check()
        for j in 1..<p {
            let columnNorm = design[j].reduce(0) { $0 + $1 * $1 }.squareRoot()
            if !(abs(qr.r[j][j]) > 1e-10 * columnNorm) {
                throw HedgeError("regressor '\(names[j - 1])' is collinear with the intercept and the preceding regressors")
            }
        }
        let params = qr.solve()
        var fitted = Array(repeating: 0.0, count: n)
        for j in 0..<p {
            for i in 0..<n { fitted[i] += params[j] * design[j][i] }
        }
        let residuals = zip(y, fitted).map { $0 - $1 }
        try cancellation?.check()

        let nobs = Double(n)
        let dfModel = Double(p - 1)
        let dfResid = Double(n - p)
        let ssr = residuals.reduce(0) { $0 + $1 * $1 }
        let meanY = y.reduce(0, +) / nobs
        let centeredTSS = y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        // Explained sum of squares taken directly as Σ(ŷ − ȳ)² (equal to TSS − SSR in exact
        // arithmetic): never negative and free of cancellation when R² is near zero.
        // Below the rounding level of TSS it is noise (TSS − SSR would be 0 there too, as statsmodels
        // reports for a hedged series): call it 0 so R² and F print as 0 rather than as 1e-27.
        let rawESS = fitted.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        let ess = rawESS > nobs * Double.ulpOfOne * centeredTSS ? rawESS : 0
        let scale = ssr / dfResid

        let inverseGram = qr.inverseGram()
        if case .hac(let lags, _) = covariance, lags < 0 {
            throw HedgeError("HAC needs a lag count of at least 0, got \(lags)")
        }
        let robustCovariance = covariance == .nonrobust ? nil
            : RobustCovariance.matrix(covariance, design: design, residuals: residuals, bread: inverseGram)
        let bse = (0..<p).map { j in
            robustCovariance.map { $0[j][j].squareRoot() } ?? (scale * inverseGram[j][j]).squareRoot()
        }
        let tDistribution = StudentT(df: dfResid)
        let tvalues = zip(params, bse).map { $0 / $1 }
        let pvalues = tvalues.map { covariance.usesStudentT ? tDistribution.twoSidedP($0) : Normal.twoSidedP($0) }
        let q = covariance.usesStudentT ? tDistribution.ppf(1 - confidenceAlpha / 2) : Normal.ppf(1 - confidenceAlpha / 2)
        let confIntLow = zip(params, bse).map { $0 - q * $1 }
        let confIntHigh = zip(params, bse).map { $0 + q * $1 }

        // With a constant y (TSS = 0) fall back to statsmodels' own 1 − SSR/TSS (−inf or NaN).
        let rsquared = centeredTSS > 0 ? ess / centeredTSS : 1 - ssr / centeredTSS
        let rsquaredAdj = 1 - (nobs - 1) / dfResid * (1 - rsquared)
        // Robust types: statsmodels' Wald F that all slopes are zero, under the robust covariance.
        let fvalue = robustCovariance.map { RobustCovariance.waldF(params: params, covariance: $0) }
            ?? (ess / dfModel) / (ssr / dfResid)
        let fPvalue = FDistribution(dfn: dfModel, dfd: dfResid).sf(fvalue)
        let halfN = nobs / 2
        let llf = -halfN * log(2 * Double.pi) - halfN * log(ssr / nobs) - halfN
        let parameterCount = dfModel + 1
        let aic = -2 * llf + 2 * parameterCount
        let bic = -2 * llf + log(nobs) * parameterCount

        try cancellation?.check()
        let jb = ResidualDiagnostics.jarqueBera(residuals)
        let omnibus = ResidualDiagnostics.omnibus(residuals)
        try cancellation?.check()
        let singularValues = SingularValues.of(qr.r)
        let largest = singularValues.first ?? .nan
        let smallest = singularValues.last ?? .nan
        let condNo = smallest > 0 ? largest / smallest : .infinity

        return OLSResult(
            dependentName: dependentName, names: ["const"] + names,
            nobs: n, dfModel: dfModel, dfResid: dfResid,
            params: params, bse: bse, tvalues: tvalues, pvalues: pvalues,
            confIntLow: confIntLow, confIntHigh: confIntHigh,
            rsquared: rsquared, rsquaredAdj: rsquaredAdj, fvalue: fvalue, fPvalue: fPvalue,
            llf: llf, aic: aic, bic: bic,
            durbinWatson: ResidualDiagnostics.durbinWatson(residuals),
            omnibus: omnibus.statistic, omnibusP: omnibus.pValue,
            jarqueBera: jb.statistic, jarqueBeraP: jb.pValue, skew: jb.skew, kurtosis: jb.kurtosis,
            condNo: condNo, residuals: residuals, fitted: fitted,
            smallestEigenvalue: smallest * smallest, covarianceType: covariance)
    }

    /// Intercept and slope of the simple regression y = alpha + beta·x, by the two-pass centered
    /// formula beta = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², alpha = ȳ − beta·x̄. Equal to
    /// `fit(y: y, regressors: [x]).params` to rounding, without the statistics — cheap enough for
    /// rolling windows. Needs at least 2 finite pairs and a non-constant x.
    public static func slope(y: [Double], x: [Double]) throws -> (alpha: Double, beta: Double) {
        guard y.count == x.count else {
            throw HedgeError("slope: x has \(x.count) values but y has \(y.count)")
        }
        guard y.count >= 2 else {
            throw HedgeError("slope: need at least 2 observations, got \(y.count)")
        }
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            throw HedgeError("slope: y has a non-finite value (\(y[bad])) at index \(bad)")
        }
        if let bad = x.firstIndex(where: { !$0.isFinite }) {
            throw HedgeError("slope: x has a non-finite value (\(x[bad])) at index \(bad)")
        }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for (xi, yi) in zip(x, y) {
            let dx = xi - meanX
            sxx += dx * dx
            sxy += dx * (yi - meanY)
        }
        guard sxx > 0, x.contains(where: { $0 != x[0] }) else {
            throw HedgeError("slope: x is constant, so the slope is undefined")
        }
        let beta = sxy / sxx
        return (meanY - beta * meanX, beta)
    }

    private static func validatedNames(_ names: [String]?, count: Int) throws -> [String] {
        guard count > 0 else { throw HedgeError("OLS needs at least one regressor besides the intercept") }
        guard let names else { return (1...count).map { "x\($0)" } }
        guard names.count == count else {
            throw HedgeError("OLS got \(names.count) regressor names for \(count) regressors")
        }
        return names
    }

    private static func validate(y: [Double], regressors: [[Double]], names: [String]) throws {
        let n = y.count
        let parameterCount = regressors.count + 1
        for (column, name) in zip(regressors, names) where column.count != n {
            throw HedgeError("regressor '\(name)' has \(column.count) values but the dependent variable has \(n)")
        }
        guard n > parameterCount else {
            throw HedgeError(
                "OLS needs more observations than parameters: \(n) observations for \(parameterCount) parameters "
                    + "(intercept + \(regressors.count) regressor\(regressors.count == 1 ? "" : "s")) "
                    + "leave no residual degrees of freedom; need at least \(parameterCount + 1)")
        }
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            throw HedgeError("the dependent variable has a non-finite value (\(y[bad])) at index \(bad)")
        }
        for (column, name) in zip(regressors, names) {
            if let bad = column.firstIndex(where: { !$0.isFinite }) {
                throw HedgeError("regressor '\(name)' has a non-finite value (\(column[bad])) at index \(bad)")
            }
            if let first = column.first, column.allSatisfy({ $0 == first }) {
                throw HedgeError("regressor '\(name)' is constant (collinear with the intercept)")
            }
        }
    }
}
