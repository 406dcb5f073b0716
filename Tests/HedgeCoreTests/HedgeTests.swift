import Testing
@testable import HedgeCore

@Suite struct HedgeTests {
    let dates = (0..<6).map { Day(ordinal: 19_000 + $0) }

    @Test func applySubtractsBetaTimesBenchmarkOnCommonDates() {
        let y = Series(name: "p", dates: Array(dates[0..<5]), values: [0.01, 0.02, .nan, -0.01, 0.03])
        let x = Series(name: "b", dates: Array(dates[1..<6]), values: [0.01, 0.02, 0.03, -0.02, 0.05])
        let h = Hedge.apply(y: y, regressors: [x], betas: [2])
        #expect(h.name == "hedged")
        #expect(h.dates == [dates[1], dates[3], dates[4]])  // date 2 has a NaN, 0 and 5 are not common
        #expect(abs(h.values[0] - (0.02 - 2 * 0.01)) < 1e-17)
        #expect(abs(h.values[1] - (-0.01 - 2 * 0.03)) < 1e-17)
        #expect(abs(h.values[2] - (0.03 + 2 * 0.02)) < 1e-17)
    }

    @Test func analyzeRemovesTheBenchmarkExposure() throws {
        let x: [Double] = [0.01, -0.02, 0.015, 0.003, -0.007, 0.02, -0.011, 0.004]
        let noise: [Double] = [0.001, -0.002, 0.0005, 0.0, 0.0015, -0.001, 0.0002, 0.0008]
        let days = (0..<x.count).map { Day(ordinal: 19_000 + $0) }
        let y = zip(x, noise).map { 0.0005 + 1.4 * $0 + $1 }
        let analysis = try Hedge.analyze(portfolio: Series(name: "p", dates: days, values: y),
                                         benchmark: Series(name: "b", dates: days, values: x))
        #expect(analysis.dates == days)
        #expect(abs(analysis.beta - 1.4) < 0.1)
        for i in x.indices {
            #expect(abs(analysis.hedged.values[i] - (y[i] - analysis.beta * x[i])) < 1e-15)
        }
        // The hedged slope is zero up to rounding, relative to its standard error.
        #expect(abs(analysis.hedgedRegression.params[1]) < 1e-9 * analysis.hedgedRegression.bse[1])
        // The intercept is untouched by the hedge.
        #expect(abs(analysis.hedgedRegression.params[0] - analysis.alpha) < 1e-12)
    }

    @Test func analyzeNeedsCommonDates() {
        let a = Series(name: "p", dates: [dates[0], dates[1]], values: [0.1, 0.2])
        let b = Series(name: "b", dates: [dates[2], dates[3]], values: [0.1, 0.2])
        #expect(throws: HedgeError.self) { try Hedge.analyze(portfolio: a, benchmark: b) }
    }
}
