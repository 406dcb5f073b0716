import Foundation
import Testing
@testable import HedgeCore

@Suite struct OLSTests {
    @Test func fixtureCasesMatchStatsmodels() throws {
        let cases = try OLSCase.all()
        #expect(cases.count >= 4)
        for c in cases {
            let result = try c.fit()
            #expect(statisticMismatches(result, c.expected) == [], "case \(c.name)")
            let residualScale = c.residuals.reduce(0) { max($0, abs($1)) }
            for i in c.residuals.indices {
                #expect(abs(result.residuals[i] - c.residuals[i]) <= 1e-9 * residualScale, "\(c.name) resid[\(i)]")
                #expect(close(result.fitted[i], c.fitted[i], rel: 1e-9), "\(c.name) fitted[\(i)]")
            }
            #expect(result.names == c.names)
            #expect(result.dependentName == c.dependent_name)
        }
    }

    @Test(.enabled(if: StatsFixtures.referenceAvailable, "needs <repo>/../shared/reference (notebook output)"))
    func notebookReferenceParity() throws {
        let references = try NotebookReference.all()
        #expect(!references.isEmpty)
        for (file, reference) in references {
            let plain = try OLS.fit(y: reference.portfolio_returns, regressors: [reference.benchmark_returns])
            #expect(statisticMismatches(plain, reference.regress) == [], "\(file) regress")
            // The hedged series is orthogonal to the benchmark by construction: its slope is zero
            // and both programs print rounding noise for it.
            let hedged = try OLS.fit(y: reference.hedged_returns, regressors: [reference.benchmark_returns])
            #expect(statisticMismatches(hedged, reference.regress_hedged, noiseSlopes: [1]) == [], "\(file) regress_hedged")
        }
    }

    /// y = 2 + 3x exactly: the fit recovers the line and R² = 1.
    @Test func perfectLine() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5]
        let y = x.map { 2 + 3 * $0 }
        let result = try OLS.fit(y: y, regressors: [x])
        #expect(abs(result.params[0] - 2) < 1e-13)
        #expect(abs(result.params[1] - 3) < 1e-13)
        #expect(abs(result.rsquared - 1) < 1e-13)
        #expect(result.residuals.allSatisfy { abs($0) < 1e-13 })
        #expect(result.names == ["const", "x1"])
    }

    /// Worked by hand: x = 0, 1, 2, 3; y = 1, 3, 2, 5.
    /// x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5 → beta = 1.1, alpha = 2.75 − 1.65 = 1.1.
    /// Fitted 1.1, 2.2, 3.3, 4.4; residuals −0.1, 0.8, −1.3, 0.6; SSR = 2.7; TSS = 8.75;
    /// R² = 6.05/8.75; df_resid = 2; s² = 1.35; se(beta) = √(1.35/5); se(alpha) = √(1.35·(1/4 + 1.5²/5));
    /// F = ESS/s² = 6.05/1.35 = t²; with 2 df, P(|T| > t) = 1 − t/√(2 + t²) and
    /// t.ppf(0.975) = 0.95/√(2·0.975·0.025); DW = (0.9² + 2.1² + 1.9²)/2.7;
    /// llf = −2 ln 2π − 2 ln(2.7/4) − 2; XᵀX = [[4, 6], [6, 14]] has eigenvalues 9 ± √61.
    @Test func fourPointsByHand() throws {
        let result = try OLS.fit(y: [1, 3, 2, 5], regressors: [[0, 1, 2, 3]], regressorNames: ["x"])
        let tBeta = 1.1 / (1.35 / 5).squareRoot()
        let q = 0.95 / (2 * 0.975 * 0.025).squareRoot()
        let llf = -2 * log(2 * Double.pi) - 2 * log(2.7 / 4) - 2
        let expectations: [(String, Double, Double)] = [
            ("alpha", result.params[0], 1.1), ("beta", result.params[1], 1.1),
            ("se alpha", result.bse[0], (1.35 * (0.25 + 2.25 / 5)).squareRoot()),
            ("se beta", result.bse[1], (1.35 / 5).squareRoot()),
            ("t beta", result.tvalues[1], tBeta),
            ("p beta", result.pvalues[1], 1 - tBeta / (2 + tBeta * tBeta).squareRoot()),
            ("ci high beta", result.confIntHigh[1], 1.1 + q * (1.35 / 5).squareRoot()),
            ("rsquared", result.rsquared, 6.05 / 8.75),
            ("rsquared adj", result.rsquaredAdj, 1 - 3.0 / 2 * (2.7 / 8.75)),
            ("F", result.fvalue, 6.05 / 1.35),
            ("F p", result.fPvalue, 1 - tBeta / (2 + tBeta * tBeta).squareRoot()),
            ("DW", result.durbinWatson, (0.81 + 4.41 + 3.61) / 2.7),
            ("llf", result.llf, llf), ("aic", result.aic, -2 * llf + 4), ("bic", result.bic, -2 * llf + 2 * log(4.0)),
            ("cond", result.condNo, ((9 + 61.0.squareRoot()) / (9 - 61.0.squareRoot())).squareRoot()),
        ]
        for (label, got, want) in expectations {
            #expect(close(got, want, rel: 1e-12), "\(label): \(got) vs \(want)")
        }
        for (got, want) in zip(result.residuals, [-0.1, 0.8, -1.3, 0.6]) { #expect(abs(got - want) < 1e-14) }
        #expect(result.omnibus.isNaN && result.omnibusP.isNaN)  // fewer than 8 observations
        #expect(result.names == ["const", "x"])
    }

    @Test func slopeMatchesFit() throws {
        let (alpha, beta) = try OLS.slope(y: [1, 3, 2, 5], x: [0, 1, 2, 3])
        #expect(abs(alpha - 1.1) < 1e-14 && abs(beta - 1.1) < 1e-14)  // the hand case above
        for c in try OLSCase.all() where c.regressors.count == 1 {
            let line = try OLS.slope(y: c.y, x: c.regressors[0])
            let fit = try c.fit()
            #expect(close(line.alpha, fit.params[0], rel: 1e-10), "\(c.name) alpha")
            #expect(close(line.beta, fit.params[1], rel: 1e-10), "\(c.name) beta")
        }
        #expect(throws: HedgeError.self) { try OLS.slope(y: [1, 2, 3], x: [4, 4, 4]) }
        #expect(throws: HedgeError.self) { try OLS.slope(y: [1, 2], x: [1, 2, 3]) }
        #expect(throws: HedgeError.self) { try OLS.slope(y: [1, .nan], x: [1, 2]) }
    }

    @Test func rejectsBadInput() {
        let x: [Double] = [1, 2, 3, 4, 5]
        let y: [Double] = [2, 1, 4, 3, 6]
        func message(_ body: () throws -> OLSResult) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        #expect(message { try OLS.fit(y: y, regressors: [[1, 1, 1, 1, 1]], regressorNames: ["flat"]) }
            .contains("regressor 'flat' is constant (collinear with the intercept)"))
        #expect(message { try OLS.fit(y: y, regressors: [x, x.map { 2 * $0 - 1 }]) }.contains("collinear"))
        #expect(message { try OLS.fit(y: y, regressors: [[1, 2, 3]]) }.contains("has 3 values"))
        #expect(message { try OLS.fit(y: [1, 2], regressors: [[1, 2]]) }.contains("more observations than parameters"))
        #expect(message { try OLS.fit(y: [1, 2, 4], regressors: [[1, 2, 3], [0, 1, 0]]) }.contains("no residual degrees of freedom"))
        #expect(message { try OLS.fit(y: [1, .infinity, 3, 4, 5], regressors: [x]) }.contains("non-finite"))
        #expect(message { try OLS.fit(y: y, regressors: [[1, 2, .nan, 4, 5]]) }.contains("non-finite"))
        #expect(message { try OLS.fit(y: y, regressors: [x], regressorNames: ["a", "b"]) }.contains("names"))
        #expect(message { try OLS.fit(y: y, regressors: []) }.contains("at least one regressor"))
    }
}
