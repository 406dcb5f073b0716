import Testing
@testable import HedgeCore

@Suite struct DemoDataTests {
    @Test func sameSeedSamePanelDifferentSeedDifferentPanel() {
        let a = DemoData.panel()
        #expect(a == DemoData.panel())
        #expect(a == DemoData.panel(seed: DemoData.defaultSeed))
        let b = DemoData.panel(seed: 1)
        #expect(a.dates == b.dates && a.tickers == b.tickers)
        #expect(a.values[.price] != b.values[.price])
        #expect(a.values[.volume] != b.values[.volume])
    }

    @Test func calendarAndShape() {
        let p = DemoData.panel()
        #expect(p.dates.first?.description == "2022-01-03")
        #expect(p.dates.count == DemoData.tradingDays)
        #expect(p.dates.allSatisfy { $0.weekday < 5 })
        #expect(zip(p.dates, p.dates.dropFirst()).allSatisfy { $0 < $1 })
        #expect(p.tickers == ["SYNA", "SYNB", "SYNC", "SYND", "SYNE", "SYNF", "SYNG", "SYNIDX"])
        #expect(p.tickers == p.tickers.sorted())
        #expect(Set(p.fields) == [.price, .volume, .open, .high, .low])
        #expect(DemoData.description.contains("SYNTHETIC"))
        #expect(DemoData.label == "demo (synthetic)")
    }

    @Test func valuesArePlausible() throws {
        let p = DemoData.panel()
        for field in [Field.price, .volume, .open, .high, .low] {
            let columns = try #require(p.values[field])
            #expect(columns.allSatisfy { $0.allSatisfy { $0.isFinite && $0 > 0 } })
        }
        let price = try #require(p.values[.price]), high = try #require(p.values[.high]), low = try #require(p.values[.low])
        for t in p.tickers.indices {
            for i in p.dates.indices { #expect(low[t][i] <= price[t][i] && price[t][i] <= high[t][i]) }
        }
        for (t, stock) in DemoData.stocks.enumerated() { #expect(price[t][0] == stock.startPrice) }
    }

    @Test func returnsHaveFatTails() throws {
        let returns = try Returns.returns(DemoData.panel())
        for r in returns {
            let k = Metrics.kurtosis(r.droppingNaN().values)
            #expect(k > 3, "\(r.name) kurtosis \(k)")
        }
    }

    @Test func configuredBetasAreRecoveredByOLS() throws {
        let panel = DemoData.panel()
        let index = try #require(panel.series(DemoData.indexTicker)).droppingNaN()
        let indexReturns = Returns.simple(try #require(panel.series(DemoData.indexTicker)))
        #expect(index.count == panel.dates.count)
        for stock in DemoData.stocks {
            let stockReturns = Returns.simple(try #require(panel.series(stock.ticker)))
            let aligned = AlignedSeries([stockReturns, indexReturns])
            let fit = try OLS.fit(y: aligned.columns[0], regressors: [aligned.columns[1]])
            // Within four standard errors of the configured beta.
            #expect(abs(fit.params[1] - stock.beta) < 4 * fit.bse[1], "\(stock.ticker): \(fit.params[1]) vs \(stock.beta)")
        }
    }
}
