import Foundation
import Testing
@testable import HedgeCore

@Suite struct RollingOLSTests {
    /// statsmodels' RollingOLS: α, each β, their standard errors, R² and nobs at every row.
    @Test func fixturesMatchStatsmodels() throws {
        let cases = try RollingOLSCase.all()
        #expect(cases.contains { $0.regressors.count > 1 })
        #expect(cases.contains { $0.y.contains { $0.value.isNaN } })
        for c in cases {
            let fit = try RollingOLS.fit(y: c.y.values, regressors: c.regressors.map(\.values), window: c.window,
                                         minObservations: c.min_nobs, regressorNames: c.names)
            var problems: [String] = []
            for j in c.params.indices {
                problems += mismatches("params[\(j)]", fit.params[j], c.params[j])
                problems += mismatches("bse[\(j)]", fit.bse[j], c.bse[j])
            }
            problems += mismatches("rsquared", fit.rsquared, c.rsquared)
            if fit.nobs != c.nobs { problems.append("nobs differ") }
            #expect(problems.isEmpty, "\(c.name): \(problems.joined(separator: "; "))")
        }
    }

    /// Synthetic data with NaN rows (in y and in x) and a stretch where x is constant.
    static func data(n: Int = 400) -> (y: [Double], x: [[Double]]) {
        var generator = SplitMixForTests(seed: 42)
        var a = (0..<n).map { _ in generator.normal() * 0.01 }
        let b = (0..<n).map { _ in generator.normal() * 0.01 }
        var y = (0..<n).map { 0.0004 + 1.2 * a[$0] - 0.5 * b[$0] + generator.normal() * 0.004 }
        for i in 150..<190 { a[i] = 0.0125 }   // a constant in any window inside rows 150…189
        y[20] = .nan; y[77] = .nan; a[78] = .nan; a[300] = .nan; y[301] = .nan
        return (y, [a, b])
    }

    /// The incremental update against a fresh `OLS.fit` of each window (rows with a NaN removed):
    /// every date, including windows with NaN rows; a window where a regressor is constant is an
    /// error for `OLS.fit` and NaN for the rolling fit.
    @Test(arguments: [(1, 25), (2, 25), (2, 60), (1, 7)])
    func incrementalMatchesFreshFitAtEveryDate(regressorCount: Int, window: Int) throws {
        let (y, allX) = Self.data()
        let x = Array(allX.prefix(regressorCount))
        let rolling = try RollingOLS.fit(y: y, regressors: x, window: window)
        var degenerate = 0, withNaN = 0
        for t in y.indices {
            guard t >= window - 1 else {
                #expect(rolling.params[0][t].isNaN && rolling.rsquared[t].isNaN)
                continue
            }
            let rows = (t - window + 1...t).filter { i in !y[i].isNaN && x.allSatisfy { !$0[i].isNaN } }
            if rows.count < window { withNaN += 1 }
            let fresh: OLSResult
            do {
                fresh = try OLS.fit(y: rows.map { y[$0] }, regressors: x.map { column in rows.map { column[$0] } })
            } catch {
                degenerate += 1
                #expect(rolling.params.allSatisfy { $0[t].isNaN }, "row \(t): \(error) but rolling fit \(rolling.params.map { $0[t] })")
                continue
            }
            #expect(rolling.nobs[t] == rows.count)
            for j in fresh.params.indices {
                #expect(close(rolling.params[j][t], fresh.params[j], rel: 1e-9, tinyBelow: 1e-15), "row \(t) param \(j)")
                #expect(close(rolling.bse[j][t], fresh.bse[j], rel: 1e-9), "row \(t) bse \(j)")
            }
            #expect(close(rolling.rsquared[t], fresh.rsquared, rel: 1e-9), "row \(t) R²")
        }
        #expect(withNaN > 0)
        #expect(degenerate > 0 || window > 40)
    }

    /// A window with too few usable rows (NaN rows removed) is NaN; `min` bounds are checked.
    @Test func minimumObservations() throws {
        let x = (0..<30).map { sin(Double($0)) }
        var y = x.map { 2 * $0 + 1 }
        for i in 10..<14 { y[i] = .nan }
        for i in y.indices { y[i] += 0.01 * cos(Double(i * 3)) }
        let fit = try RollingOLS.fit(y: y, regressors: [x], window: 10, minObservations: 8)
        // Window ending at row 15 holds rows 6…15: rows 10…13 are NaN → 6 usable < 8.
        #expect(fit.nobs[15] == 0 && fit.params[1][15].isNaN)
        #expect(fit.nobs[17] == 0 && fit.nobs[18] == 0)   // rows 8…17 and 9…18: 6 usable each
        #expect(fit.nobs[21] == 8 && !fit.params[1][21].isNaN)
        #expect(fit.nobs[9] == 10)
        #expect(throws: HedgeError.self) { try RollingOLS.fit(y: y, regressors: [x], window: 10, minObservations: 11) }
        #expect(throws: HedgeError.self) { try RollingOLS.fit(y: y, regressors: [x], window: 10, minObservations: 1) }
        #expect(throws: HedgeError.self) { try RollingOLS.fit(y: y, regressors: [x], window: 31) }
    }

    /// A window with as many rows as parameters has estimates but no residual degrees of freedom.
    @Test func exactlyIdentifiedWindow() throws {
        let x = [1.0, 2.0, 4.0, 3.0, 0.5]
        let y = [1.0, 3.0, 2.0, 5.0, 1.0]
        let fit = try RollingOLS.fit(y: y, regressors: [x], window: 2)
        // rows 0,1: slope (3 − 1)/(2 − 1) = 2, intercept −1.
        #expect(abs(fit.params[1][1] - 2) < 1e-12 && abs(fit.params[0][1] + 1) < 1e-12)
        #expect(fit.bse[1][1].isNaN)
    }

    @Test func cancellationStopsTheLoop() throws {
        let x = (0..<5000).map { sin(Double($0) * 0.37) }
        let y = x.map { 0.5 * $0 }
        let flag = Cancellation()
        flag.cancel()
        #expect(throws: HedgeError("interrupted")) {
            try RollingOLS.fit(y: y, regressors: [x], window: 50, cancellation: flag)
        }
    }
}

/// SplitMix64 with Box–Muller normals, for reproducible test data.
struct SplitMixForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
}
