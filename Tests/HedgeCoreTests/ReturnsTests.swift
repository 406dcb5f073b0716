import Testing
@testable import HedgeCore

@Suite struct ReturnsTests {
    let dates = (0..<5).map { Day(ordinal: 19_000 + $0) }

    @Test func simpleReturnsKeepEveryDateWithLeadingNaN() {
        let prices = Series(name: "A", dates: dates, values: [100, 110, 99, 99, 108.9])
        let r = Returns.simple(prices)
        #expect(r.name == "A")
        #expect(r.dates == dates)
        #expect(r.values[0].isNaN)
        #expect(r.values[1] == 110.0 / 100.0 - 1)
        #expect(abs(r.values[2] - -0.1) < 1e-15)
        #expect(r.values[3] == 0)
        #expect(abs(r.values[4] - 0.1) < 1e-15)
    }

    @Test func aMissingPriceMakesItsReturnAndTheNextNaN() {
        // pandas 3: pct_change does not forward fill.
        let prices = Series(name: "A", dates: dates, values: [100, 110, .nan, 121, 133.1])
        let r = Returns.simple(prices)
        #expect(r.values[0].isNaN)
        #expect(abs(r.values[1] - 0.1) < 1e-15)
        #expect(r.values[2].isNaN)
        #expect(r.values[3].isNaN)
        #expect(abs(r.values[4] - 0.1) < 1e-15)
        #expect(r.droppingNaN().dates == [dates[1], dates[4]])
    }

    @Test func logReturns() {
        let prices = Series(name: "A", dates: Array(dates[0..<3]), values: [100, 200, 100])
        let r = Returns.log(prices)
        #expect(r.values[0].isNaN)
        #expect(abs(r.values[1] - 0.6931471805599453) < 1e-15)
        #expect(abs(r.values[2] + 0.6931471805599453) < 1e-15)
    }

    @Test func emptyAndSingleValueSeries() {
        #expect(Returns.simple(Series(name: "A", dates: [], values: [])).isEmpty)
        let one = Returns.simple(Series(name: "A", dates: [dates[0]], values: [5]))
        #expect(one.count == 1 && one.values[0].isNaN)
    }

    @Test func panelReturnsPerTickerInColumnOrder() throws {
        let panel = Panel(dates: Array(dates[0..<3]), tickers: ["A", "B"],
                          values: [.price: [[1, 2, 4], [10, 5, .nan]]])
        let r = try Returns.returns(panel)
        #expect(r.map(\.name) == ["A", "B"])
        #expect(r[0].values[1] == 1 && r[0].values[2] == 1)
        #expect(r[1].values[1] == -0.5 && r[1].values[2].isNaN)
    }

    @Test func panelWithoutPricesThrows() {
        let panel = Panel(dates: [dates[0]], tickers: ["A"], values: [.volume: [[1]]])
        #expect(throws: HedgeError.self) { try Returns.returns(panel) }
    }
}
