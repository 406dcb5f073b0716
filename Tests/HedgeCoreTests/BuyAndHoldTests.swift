import Testing
@testable import HedgeCore

@Suite struct BuyAndHoldTests {
    let days = (0..<5).map { Day(ordinal: 20_000 + $0) }

    /// Hand-worked: capital 100, benchmark returns +10%, −10%, +20% on the shared dates 1…3.
    @Test func compoundsTheBenchmarkOnSharedDatesUpToEachValueDate() throws {
        let long = Series(name: "p", dates: Array(days[1...4]), values: [0.0, 0.0, 0.0, 0.0])
        let benchmark = Series(name: "b", dates: Array(days[0...3]), values: [0.5, 0.1, -0.1, 0.2])
        // Shared dates: 1, 2, 3. The first value date (day 1) is the start: nothing compounded yet.
        let value = try #require(BuyAndHold.value(long: long, benchmark: benchmark, at: [days[1], days[2], days[3]],
                                                  capital: 100, name: "b buy-and-hold"))
        #expect(value.name == "b buy-and-hold")
        #expect(value.dates == [days[1], days[2], days[3]])
        #expect(value.values[0] == 100)
        #expect(abs(value.values[1] - 100 * 1.1 * 0.9) < 1e-12)
        #expect(abs(value.values[2] - 100 * 1.1 * 0.9 * 1.2) < 1e-12)
    }

    @Test func nothingSharedIsNil() {
        let a = Series(name: "a", dates: [days[0]], values: [0.1])
        let b = Series(name: "b", dates: [days[1]], values: [0.1])
        #expect(BuyAndHold.value(long: a, benchmark: b, at: [days[0]], capital: 1, name: "x") == nil)
    }
}
