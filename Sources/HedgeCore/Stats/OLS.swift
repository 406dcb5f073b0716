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
}

/// Ordinary least squares.
public enum OLS {
    /// Fits `y = b0 + b1*x1 + … + bk*xk`. `regressors[j]` is column j (length n each).
    /// Throws when there are fewer observations than parameters, a regressor is constant
    /// (collinear with the intercept) or columns are collinear, or values are not finite.
    public static func fit(
        y: [Double], regressors: [[Double]],
        dependentName: String = "y", regressorNames: [String]? = nil
    ) throws -> OLSResult {
        throw HedgeError("OLS not implemented yet")
    }
}
