import Foundation
import Testing
@testable import HedgeCore

@Suite struct EWMABetaTests {
    /// pandas' `y.ewm(halflife=H).cov(x)`, `x.ewm(halflife=H).var()` and their ratio, row by row.
    @Test func fixturesMatchPandas() throws {
        let cases = try EWMACase.all()
        #expect(cases.contains { $0.y.contains { $0.value.isNaN } && $0.x.contains { $0.value.isNaN } })
        for c in cases {
            let cov = try ExponentialMoments.covariance(c.y.values, c.x.values, halflife: c.halflife)
            let variance = try ExponentialMoments.covariance(c.x.values, c.x.values, halflife: c.halflife)
            let beta = try ExponentialMoments.beta(y: c.y.values, x: c.x.values, halflife: c.halflife)
            let problems = mismatches("cov", cov, c.cov) + mismatches("var", variance, c.var) + mismatches("beta", beta, c.beta)
            #expect(problems.isEmpty, "\(c.name): \(problems.joined(separator: "; "))")
        }
    }

    /// Hand-worked: pandas' docstring example `Series([1,2,3,4]).ewm(alpha=0.2).cov(Series([10,11,13,16]))`
    /// is NaN, 0.5, 1.524590, 3.408836; alpha 0.2 is a half-life of ln 0.5 / ln 0.8.
    @Test func pandasDocstringExample() throws {
        let halflife = log(0.5) / log(0.8)
        let cov = try ExponentialMoments.covariance([1, 2, 3, 4], [10, 11, 13, 16], halflife: halflife)
        #expect(cov[0].isNaN)
        #expect(abs(cov[1] - 0.5) < 1e-12)
        #expect(abs(cov[2] - 1.524590) < 1e-6)
        #expect(abs(cov[3] - 3.408836) < 1e-6)
        let variance = try ExponentialMoments.covariance([1, 2, 3, 4], [1, 2, 3, 4], halflife: halflife)
        #expect(abs(variance[2] - 0.991803) < 1e-6 && abs(variance[3] - 1.631547) < 1e-6)
    }

    /// y = 2x exactly gives β = 2 from the second row on.
    @Test func exactLinearRelation() throws {
        let x = (0..<40).map { sin(Double($0)) }
        let beta = try ExponentialMoments.beta(y: x.map { 2 * $0 }, x: x, halflife: 5)
        #expect(beta[0].isNaN)
        #expect(beta.dropFirst().allSatisfy { abs($0 - 2) < 1e-12 })
        #expect(throws: HedgeError.self) { try ExponentialMoments.beta(y: x, x: x, halflife: 0) }
    }
}
