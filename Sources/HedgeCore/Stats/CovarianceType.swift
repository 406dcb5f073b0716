#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How an OLS fit estimates the covariance of its parameters, as statsmodels'
/// `OLS(...).fit(cov_type=..., cov_kwds=...)` names them.
///
/// With X the n×p design, e the residuals and B = (XᵀX)⁻¹:
/// - `nonrobust`: s²·B with s² = eᵀe / (n − p); inference with Student's t (n − p df).
/// - `hc0`: B·Xᵀ diag(eᵢ²) X·B (White).
/// - `hc1`: HC0 with eᵢ² scaled by n / (n − p).
/// - `hc2`: eᵢ² / (1 − hᵢ), hᵢ the leverage, the diagonal of X·B·Xᵀ.
/// - `hc3`: eᵢ² / (1 − hᵢ)².
/// - `hac(lags:useCorrection:)`: Newey–West, B·S·B with S = Σ_{l=−L}^{L} w_l Σ_t uₜ uₜ₋ₗᵀ, uₜ = xₜ eₜ,
///   Bartlett weights w_l = 1 − |l| / (L + 1); times n / (n − p) when `useCorrection`
///   (statsmodels' default for `fit` is without).
/// Every robust type infers with the normal distribution (z statistics), as statsmodels does by default.
public enum CovarianceType: Sendable, Equatable, Hashable {
    case nonrobust
    case hc0, hc1, hc2, hc3
    case hac(lags: Int, useCorrection: Bool = false)

    /// statsmodels' spelling, printed on the summary's `Covariance Type:` line.
    public var statsmodelsName: String {
        switch self {
        case .nonrobust: "nonrobust"
        case .hc0: "HC0"
        case .hc1: "HC1"
        case .hc2: "HC2"
        case .hc3: "HC3"
        case .hac: "HAC"
        }
    }

    /// Whether tests and intervals use Student's t (nonrobust) rather than the normal (robust types).
    public var usesStudentT: Bool { self == .nonrobust }

    /// The lag count of a HAC covariance, nil for the other types.
    public var lags: Int? {
        if case .hac(let lags, _) = self { return lags }
        return nil
    }

    /// The first note of statsmodels' summary for this covariance type.
    public var summaryNote: String {
        switch self {
        case .nonrobust:
            "Standard Errors assume that the covariance matrix of the errors is correctly specified."
        case .hc0, .hc1, .hc2, .hc3:
            "Standard Errors are heteroscedasticity robust (\(statsmodelsName))"
        case .hac(let lags, let useCorrection):
            "Standard Errors are heteroscedasticity and autocorrelation robust (HAC) using \(lags) lags and "
                + "\(useCorrection ? "with" : "without") small sample correction"
        }
    }

    /// The Newey–West rule of thumb for the HAC lag count, floor(4·(n/100)^(2/9)), as statsmodels'
    /// `S_hac_simple` uses when no lag count is given.
    public static func neweyWestLags(observations n: Int) -> Int {
        Int((4 * pow(Double(n) / 100, 2.0 / 9.0)).rounded(.down))
    }

    /// Parses a user's spelling (`nonrobust`, `hc0`…`hc3`, `hac`, any case); `lags` applies to `hac`
    /// only and nil there means the Newey–West rule for `observations`. Returns nil for an unknown name.
    public static func named(_ name: String, lags: Int?, observations: Int) -> CovarianceType? {
        switch name.lowercased() {
        case "nonrobust": .nonrobust
        case "hc0": .hc0
        case "hc1": .hc1
        case "hc2": .hc2
        case "hc3": .hc3
        case "hac": .hac(lags: lags ?? neweyWestLags(observations: observations))
        default: nil
        }
    }
}
