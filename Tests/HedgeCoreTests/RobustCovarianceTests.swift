import Foundation
import Testing
@testable import HedgeCore

@Suite struct RobustCovarianceTests {
    /// Every covariance type against statsmodels' `OLS(...).fit(cov_type=..., cov_kwds=...)`:
    /// each number at 1e-9 relative (p-values 1e-6), and the printed summary byte for byte
    /// except the Date/Time values.
    @Test func fixturesMatchStatsmodels() throws {
        let cases = try RobustOLSCase.all()
        #expect(cases.count >= 3)
        for c in cases {
            #expect(CovarianceType.neweyWestLags(observations: c.y.count) == c.newey_west_lags, "\(c.name)")
            for fit in c.fits {
                let type = try #require(fit.covarianceType, "unknown cov_type \(fit.cov_type)")
                #expect(type.usesStudentT == fit.use_t)
                let result = try OLS.fit(y: c.y.values, regressors: c.regressors.map(\.values),
                                         dependentName: "y", regressorNames: c.names, covariance: type)
                let label = "\(c.name) \(fit.cov_type) lags \(fit.lags.map(String.init) ?? "-")"
                var problems = mismatches("params", result.params, fit.params)
                problems += mismatches("bse", result.bse, fit.bse)
                problems += mismatches("tvalues", result.tvalues, fit.tvalues)
                problems += mismatches("pvalues", result.pvalues, fit.pvalues, rel: 1e-6, tinyBelow: 1e-300)
                problems += mismatches("conf_int_low", result.confIntLow, fit.conf_int_low)
                problems += mismatches("conf_int_high", result.confIntHigh, fit.conf_int_high)
                problems += mismatches("fvalue", [result.fvalue], [fit.fvalue])
                problems += mismatches("f_pvalue", [result.fPvalue], [fit.f_pvalue], rel: 1e-6, tinyBelow: 1e-300)
                #expect(problems.isEmpty, "\(label): \(problems.joined(separator: "; "))")
                let rendered = OLSSummaryTests.render(result, likeReference: fit.summary)
                #expect(rendered == fit.summary, "\(label):\n\(rendered ?? "no Date/Time")")
            }
        }
    }

    /// The full robust covariance matrices agree too (the bse only show their diagonals).
    @Test func covarianceMatricesMatchStatsmodels() throws {
        for c in try RobustOLSCase.all() {
            for fit in c.fits where fit.cov_type != "nonrobust" {
                let type = try #require(fit.covarianceType)
                let design = [Array(repeating: 1.0, count: c.y.count)] + c.regressors.map(\.values)
                let fitted = try OLS.fit(y: c.y.values, regressors: c.regressors.map(\.values))
                let bread = try HouseholderQR(columns: design, rhs: c.y.values).inverseGram()
                let matrix = RobustCovariance.matrix(type, design: design, residuals: fitted.residuals, bread: bread)
                for (row, expected) in zip(matrix, fit.cov_params) {
                    let problems = mismatches("\(c.name) \(fit.cov_type) \(fit.lags ?? -1)", row, expected)
                    #expect(problems.isEmpty, "\(problems)")
                }
            }
        }
    }

    /// Hand-worked HC0 for y = a + b·x on three points: residuals e, X = [1 x],
    /// cov = B·Xᵀdiag(e²)X·B with B = (XᵀX)⁻¹.
    @Test func handWorkedHC0() throws {
        let x = [0.0, 1.0, 2.0, 3.0]
        let y = [0.0, 2.0, 1.0, 3.0]
        // OLS: x̄ = 1.5, ȳ = 1.5, Sxx = 5, Sxy = 4 → b = 0.8, a = 0.3; e = [-0.3, 0.9, -0.9, 0.3].
        let result = try OLS.fit(y: y, regressors: [x], covariance: .hc0)
        #expect(abs(result.params[1] - 0.8) < 1e-14)
        // Var(b) = Σ(xᵢ − x̄)²eᵢ² / Sxx² = (2.25·0.09 + 0.25·0.81 + 0.25·0.81 + 2.25·0.09) / 25 = 0.0324
        #expect(abs(result.bse[1] * result.bse[1] - 0.0324) < 1e-14)
        // Robust F with one slope is z²; z uses the normal distribution.
        #expect(abs(result.fvalue - result.tvalues[1] * result.tvalues[1]) < 1e-12 * result.fvalue)
        #expect(abs(result.pvalues[1] - 2 * Normal.sf(abs(result.tvalues[1]))) < 1e-15)
    }

    /// HAC with 0 lags is HC0 (the Bartlett weight of lag 0 is 1).
    @Test func hacWithoutLagsIsHC0() throws {
        let x = (0..<50).map { sin(Double($0)) }
        let y = x.enumerated().map { 0.3 + 1.7 * $0.element + 0.1 * cos(Double($0.offset * 7)) }
        let hc0 = try OLS.fit(y: y, regressors: [x], covariance: .hc0)
        let hac = try OLS.fit(y: y, regressors: [x], covariance: .hac(lags: 0))
        for j in 0..<2 { #expect(abs(hc0.bse[j] - hac.bse[j]) <= 1e-14 * hc0.bse[j]) }
        #expect(throws: HedgeError.self) { try OLS.fit(y: y, regressors: [x], covariance: .hac(lags: -1)) }
    }

    @Test func neweyWestRuleAndNames() {
        // floor(4·(n/100)^(2/9)): n = 100 → 4, n = 554 → 5, n = 6300 → 10.
        #expect(CovarianceType.neweyWestLags(observations: 100) == 4)
        #expect(CovarianceType.neweyWestLags(observations: 554) == 5)
        #expect(CovarianceType.neweyWestLags(observations: 6300) == 10)
        #expect(CovarianceType.named("HC3", lags: nil, observations: 10) == .hc3)
        #expect(CovarianceType.named("hac", lags: nil, observations: 554) == .hac(lags: 5))
        #expect(CovarianceType.named("hac", lags: 2, observations: 554) == .hac(lags: 2))
        #expect(CovarianceType.named("white", lags: nil, observations: 10) == nil)
    }

    /// scipy's norm.ppf values (independently known constants).
    @Test func normalQuantile() {
        #expect(abs(Normal.ppf(0.975) - 1.959963984540054) < 1e-15)
        #expect(abs(Normal.ppf(0.5)) < 1e-300)
        #expect(abs(Normal.ppf(0.025) + 1.959963984540054) < 1e-15)
        #expect(abs(Normal.ppf(1e-10) + 6.361340902404056) < 1e-12)
    }
}
