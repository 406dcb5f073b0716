import Foundation
import Testing
@testable import HedgeCore

@Suite struct PastOnlyHedgeTests {
    static func series(_ name: String, _ values: [Double], start: Int = 20_000) -> Series {
        Series(name: name, dates: values.indices.map { Day(ordinal: start + $0) }, values: values)
    }

    /// hedgedₜ = yₜ − βₜ₋₁·xₜ with the β of the previous row; rows before a β exists are counted.
    @Test func usesTheBetaOfThePreviousRow() throws {
        let x = (0..<30).map { sin(Double($0) * 0.7) * 0.01 }
        let y = x.enumerated().map { 0.001 + (1 + 0.02 * Double($0.offset)) * $0.element + 0.0005 * cos(Double($0.offset)) }
        let rolling = try RollingBeta.window(Self.series("y", y), on: [Self.series("x", x)], window: 5)
        let result = PastOnlyHedge.apply(Self.series("y", y), with: rolling)
        // β exists from row 4 (the first full window), so rows 0…4 have no β from the day before.
        #expect(result.daysWithoutBeta == 5)
        #expect(result.hedged.count == 25)
        for (k, t) in (5..<30).enumerated() {
            let expected = y[t] - rolling.betas[0][t - 1] * x[t]
            #expect(result.hedged.dates[k] == Day(ordinal: 20_000 + t))
            #expect(result.hedged.values[k] == expected)
            // and never the same-day β (which differs here because β drifts)
            #expect(result.hedged.values[k] != y[t] - rolling.betas[0][t] * x[t])
        }
        let full = try PastOnlyHedge.hedge(Self.series("y", y), with: rolling)
        #expect(full.regression.dates == result.hedged.dates)
    }

    /// A y with a gap and an EWMA β: the β is that of the previous date of the rolling object.
    @Test func ewmaBetaAndMissingDates() throws {
        let x = (0..<12).map { cos(Double($0)) }
        let y = x.map { 1.5 * $0 }
        let rolling = try RollingBeta.ewma(Self.series("y", y), on: Self.series("x", x), halflife: 3)
        var gappy = Self.series("y", y)
        gappy.dates.remove(at: 6)
        gappy.values.remove(at: 6)
        let result = PastOnlyHedge.apply(gappy, with: rolling)
        // Row 0 has no β before it; row 1's β (from row 0) is NaN; row 6 has no y.
        #expect(result.daysWithoutBeta == 2)
        #expect(result.hedged.count == 9)
        #expect(result.hedged.values.allSatisfy { abs($0) < 1e-12 })
    }

    /// The inner join on dates keeps a NaN value as a missing row and drops dates one series lacks.
    @Test func dateAlignment() {
        let a = Self.series("a", [1, .nan, 3, 4])
        let b = Series(name: "b", dates: [Day(ordinal: 20_001), Day(ordinal: 20_003), Day(ordinal: 20_009)], values: [5, 6, 7])
        let table = DateAlignedSeries([a, b])
        #expect(table.dates.map(\.ordinal) == [20_001, 20_003])
        #expect(table.columns[0][0].isNaN && table.columns[0][1] == 4 && table.columns[1] == [5, 6])
    }
}
