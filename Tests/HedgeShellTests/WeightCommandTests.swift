import Foundation
import Testing
@testable import HedgeShell

/// `weight` on a basket with days where nothing is weighted (issue 8, defect 1).
@Suite struct WeightCommandTests {
    /// The parity fixture whose basket starts after the benchmark (Tests/HedgeCoreTests/Fixtures/parity).
    static let lateBasket = Repository.root.appendingPathComponent("Tests/HedgeCoreTests/Fixtures/parity/late_basket").path

    @Test func sayHowManyDaysHadNoWeightedConstituent() throws {
        let t = TestSession()
        #expect(t.run("load \(Self.lateBasket)/*.csv as d").ok)
        let weight = t.run("weight d by volume window 10 exclude QQQ as p")
        #expect(weight.ok, "\(weight.err)")
        // 160 dates, the series from position 10 on: 150 days, 25 of them before the basket has a lagged weight
        // (the oracle's `unweighted_days` for this fixture).
        #expect(weight.out.contains("p: series, volume-weighted d (window 10, excluding QQQ), 150 days"))
        #expect(weight.out.contains("\n  25 days with no weighted constituent count as 0.0, as the notebook does"))
        let plain = t.run("weight d by volume window 10 exclude QQQ,AAA as q")
        #expect(plain.out.contains("days with no weighted constituent count as 0.0"))  // BBB alone starts even later
        let demo = TestSession()
        #expect(demo.run("load demo as d").ok)
        #expect(!demo.run("weight d by volume exclude SYNIDX as p").out.contains("no weighted constituent"))
    }

    @Test func quietWeightPrintsNothingButStores() {
        let t = TestSession(quiet: true)
        #expect(t.run("load demo as d").ok)
        let weight = t.run("weight d by volume exclude SYNIDX as p")
        #expect(weight.ok && weight.out.isEmpty)
        #expect(t.run("backtest p vs d.SYNIDX as bt").out.isEmpty)
        #expect(t.session.workspace.names.contains("bt"))
    }
}
