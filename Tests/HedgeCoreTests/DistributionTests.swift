import Foundation
import Testing
@testable import HedgeCore

/// Checks the special functions and distributions against scipy vectors committed by
/// `scripts/oracle/make_stats_vectors.py`, to 1e-10 relative (values below 1e-300 may both be tiny).
@Suite struct DistributionTests {
    struct Vectors: Decodable {
        struct T: Decodable { let x: Double; let df: Double; let value: Num }
        struct TPpf: Decodable { let p: Double; let df: Double; let value: Num }
        struct F: Decodable { let x: Double; let dfn: Double; let dfd: Double; let value: Num }
        struct X: Decodable { let x: Double; let value: Num }
        struct Beta: Decodable { let a: Double; let b: Double; let x: Double; let value: Num }
        struct Gamma: Decodable { let a: Double; let x: Double; let value: Num }
        let t_cdf: [T], t_sf: [T], t_ppf: [TPpf], f_sf: [F], chi2_sf: [T]
        let norm_cdf: [X], norm_sf: [X], norm_pdf: [X]
        let betainc: [Beta], gammainc: [Gamma], gammaincc: [Gamma], gammaln: [X]
    }

    static let rel = 1e-10
    static let tiny = 1e-300

    let vectors: Vectors
    init() throws {
        vectors = try StatsFixtures.decode(Vectors.self, from: StatsFixtures.directory.appendingPathComponent("distributions.json"))
    }

    private func check(_ got: Double, _ expected: Num, _ label: @autoclosure () -> String) {
        #expect(close(got, expected.value, rel: Self.rel, tinyBelow: Self.tiny), "\(label()): got \(got), expected \(expected.value)")
    }

    @Test func studentTCdfAndSf() {
        #expect(vectors.t_cdf.count > 100)
        for v in vectors.t_cdf { check(StudentT(df: v.df).cdf(v.x), v.value, "t.cdf(\(v.x), \(v.df))") }
        for v in vectors.t_sf { check(StudentT(df: v.df).sf(v.x), v.value, "t.sf(\(v.x), \(v.df))") }
    }

    @Test func studentTQuantile() {
        #expect(vectors.t_ppf.count > 100)
        for v in vectors.t_ppf { check(StudentT(df: v.df).ppf(v.p), v.value, "t.ppf(\(v.p), \(v.df))") }
    }

    @Test func fAndChiSquaredUpperTails() {
        for v in vectors.f_sf { check(FDistribution(dfn: v.dfn, dfd: v.dfd).sf(v.x), v.value, "f.sf(\(v.x), \(v.dfn), \(v.dfd))") }
        for v in vectors.chi2_sf { check(ChiSquared(df: v.df).sf(v.x), v.value, "chi2.sf(\(v.x), \(v.df))") }
    }

    @Test func normal() {
        for v in vectors.norm_cdf { check(Normal.cdf(v.x), v.value, "norm.cdf(\(v.x))") }
        for v in vectors.norm_sf { check(Normal.sf(v.x), v.value, "norm.sf(\(v.x))") }
        for v in vectors.norm_pdf { check(Normal.pdf(v.x), v.value, "norm.pdf(\(v.x))") }
    }

    @Test func incompleteBetaAndGamma() {
        for v in vectors.betainc {
            check(SpecialFunctions.regularizedIncompleteBeta(a: v.a, b: v.b, x: v.x), v.value, "betainc(\(v.a), \(v.b), \(v.x))")
        }
        for v in vectors.gammainc { check(SpecialFunctions.regularizedGammaP(a: v.a, x: v.x), v.value, "gammainc(\(v.a), \(v.x))") }
        for v in vectors.gammaincc { check(SpecialFunctions.regularizedGammaQ(a: v.a, x: v.x), v.value, "gammaincc(\(v.a), \(v.x))") }
    }

    @Test func logGamma() {
        for v in vectors.gammaln { check(SpecialFunctions.logGamma(v.x), v.value, "gammaln(\(v.x))") }
    }

    /// Hand-checked closed forms, written in tail-stable form for t < 0:
    /// t with 1 df is Cauchy, cdf = ½ + atan(t)/π = atan(−1/t)/π, quantile −1/tan(πp) for p < ½;
    /// t with 2 df has cdf = ½ − |t| / (2s) with s = √(2 + t²), i.e. 1 / ((s + |t|)·s);
    /// chi-squared with 2 df has sf = e^(−x/2); I_x(1, 1) = x.
    @Test func closedForms() {
        for t in [-1e6, -3.0, -0.5, -1e-3] {
            #expect(close(StudentT(df: 1).cdf(t), atan(-1 / t) / Double.pi, rel: 1e-13))
            #expect(close(StudentT(df: 1).sf(-t), atan(-1 / t) / Double.pi, rel: 1e-13))
            let s = (2 + t * t).squareRoot()
            #expect(close(StudentT(df: 2).cdf(t), 1 / ((s + abs(t)) * s), rel: 1e-13))
        }
        for p in [1e-9, 0.01, 0.3, 0.49] {
            #expect(close(StudentT(df: 1).ppf(p), -1 / tan(Double.pi * p), rel: 1e-12))
            let q = 1 - p  // the upper quantile depends on 1 − q (exact), not on p
            #expect(close(StudentT(df: 1).ppf(q), 1 / tan(Double.pi * (1 - q)), rel: 1e-12))
        }
        for x in [0.0, 0.5, 7.0, 300.0, 1400.0] {
            #expect(close(ChiSquared(df: 2).sf(x), exp(-x / 2), rel: 1e-13))
        }
        #expect(close(SpecialFunctions.regularizedIncompleteBeta(a: 1, b: 1, x: 0.37), 0.37, rel: 1e-14))
        // ln Γ(5) = ln 24, Γ(½) = √π.
        #expect(close(SpecialFunctions.logGamma(5), log(24.0), rel: 1e-14))
        #expect(close(SpecialFunctions.logGamma(0.5), 0.5 * log(Double.pi), rel: 1e-14))
    }

    @Test func invalidArgumentsGiveNaN() {
        #expect(StudentT(df: 0).cdf(1).isNaN)
        #expect(StudentT(df: 5).ppf(1.5).isNaN)
        #expect(FDistribution(dfn: -1, dfd: 3).sf(1).isNaN)
        #expect(SpecialFunctions.logGamma(-1).isNaN)
        #expect(StudentT(df: 5).ppf(0) == -.infinity)
        #expect(StudentT(df: 5).ppf(0.5) == 0)
    }
}
