import Foundation
import Testing
@testable import HedgeCore

@Suite struct MetricsTests {
    @Test func compounding() {
        #expect(abs(Metrics.cumulativeReturn([0.1, -0.1]) - -0.01) < 1e-15)
        #expect(Metrics.cumulativeReturn([]) == 0)
    }

    @Test func annualization() {
        #expect(abs(Metrics.annualizedRate(growth: 1.21, days: 730) - 0.1) < 1e-14)
        #expect(abs(Metrics.periodRate(annual: 0.02, days: 365) - 0.02) < 1e-15)
        #expect(abs(Metrics.periodRate(annual: 0.21, days: 182.5) - 0.1) < 1e-14)
    }

    @Test func momentsUsePopulationConventions() {
        #expect(Metrics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Metrics.mean([]).isNaN)
        #expect(abs(Metrics.populationStandardDeviation([1, 2, 3, 4]) - 1.25.squareRoot()) < 1e-15)
        #expect(abs(Metrics.kurtosis([-1, 1, -1, 1]) - 1) < 1e-15)
    }

    @Test func periodReturns() {
        #expect(Metrics.periodReturns([100, 110, 99]).count == 2)
        #expect(abs(Metrics.periodReturns([100, 110, 99])[1] - -0.1) < 1e-15)
        #expect(Metrics.periodReturns([1]).isEmpty)
    }

    @Test func sharpeByHand() {
        // Period returns +10% and -5% over 73-day periods (5 per year), risk-free 0.
        let s = Metrics.sharpeRatio(values: [100, 110, 104.5], periodDays: 73, riskFreeRate: 0)
        // mean 0.025, population std 0.075, times sqrt(5).
        #expect(abs(s - 0.025 / 0.075 * 5.0.squareRoot()) < 1e-12)
        let withRate = Metrics.sharpeRatio(values: [100, 110, 104.5], periodDays: 73, riskFreeRate: 0.1)
        let rf = pow(1.1, 0.2) - 1
        #expect(abs(withRate - (0.025 - rf) / 0.075 * 5.0.squareRoot()) < 1e-12)
    }
}
