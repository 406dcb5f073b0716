import Testing
@testable import HedgeCore

@Suite struct WeightingTests {
    let dates = (0..<4).map { Day(ordinal: 19_000 + $0) }

    func panel(priceA: [Double], priceB: [Double], volumeA: [Double], volumeB: [Double]) -> Panel {
        Panel(dates: dates, tickers: ["A", "B"], values: [.price: [priceA, priceB], .volume: [volumeA, volumeB]])
    }

    @Test func volumeWeightsAreLaggedRollingVolumeShares() throws {
        // avg volume (window 2): A [-, 200, 250, 200], B [-, 100, 150, 400]
        // weights: row1 A 2/3 B 1/3; row2 A 0.625 B 0.375; row3 A 1/3 B 2/3
        // returns: A [-, .1, .1, 0], B [-, 0, .1, -.5]
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, 100, 200, 600])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.returns.dates == [dates[2], dates[3]])
        #expect(abs(w.returns.values[0] - 0.1) < 1e-15)
        #expect(abs(w.returns.values[1] - -0.1875) < 1e-15)
        #expect(w.weights[0][0].isNaN && w.weights[1][0].isNaN)
        #expect(w.weights[0][1] == 2.0 / 3.0 && w.weights[1][1] == 1.0 / 3.0)
        #expect(w.weights[0][2] == 0.625 && w.weights[1][2] == 0.375)
        #expect(w.firstUsedWeightIndex == 1)
        #expect(w.firstUsedWeights == ["A": 2.0 / 3.0, "B": 1.0 / 3.0])
        #expect(w.lastWeights == ["A": 1.0 / 3.0, "B": 2.0 / 3.0])
        #expect(w.lag == 1)
    }

    @Test func nanReturnsContributeNothing() throws {
        // B has no price on date 2, so no return on dates 2 and 3.
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, .nan, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, 100, 200, 600])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.returns.dates == [dates[2], dates[3]])
        #expect(abs(w.returns.values[0] - 0.1 * 2 / 3) < 1e-15)
        #expect(w.returns.values[1] == 0)
    }

    @Test func allReturnsMissingGivesZeroLikePandasSum() throws {
        let p = panel(priceA: [10, 11, .nan, 12], priceB: [20, 20, .nan, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, 100, 200, 600])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.returns.values == [0, 0])
        #expect(w.daysWithoutWeightedConstituent == 2)  // weights exist, but no ticker has a return
    }

    @Test func aNaNVolumeRenormalizesOverTheOthers() throws {
        // B's volume is missing on date 1, so its rolling mean is NaN on dates 1 and 2.
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, .nan, 200, 600])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.weights[0][1] == 1 && w.weights[1][1].isNaN)
        #expect(w.weights[0][2] == 1 && w.weights[1][2].isNaN)
        #expect(abs(w.weights[0][3] - 1.0 / 3.0) < 1e-15)  // 200 / (200 + 400)
        #expect(abs(w.returns.values[0] - 0.1) < 1e-15)  // all in A
        #expect(w.returns.values[1] == 0)                // A's return on date 3
    }

    @Test func portfolioStartsWhereLaggedWeightsExist() throws {
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, 100, 200, 600])
        let w = try Weighting.volume(p, window: 3)
        #expect(w.returns.dates == [dates[3]])
        #expect(w.firstUsedWeightIndex == 2)
    }

    @Test func excludedTickersAreLeftOutOfTheBasket() throws {
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [100, 300, 200, 200], volumeB: [100, 100, 200, 600])
        let w = try Weighting.portfolio(p, scheme: .volume(window: 2), excluding: ["b"])
        #expect(w.tickers == ["A"])
        #expect(w.firstUsedWeights == ["A": 1])
        #expect(abs(w.returns.values[0] - 0.1) < 1e-15 && w.returns.values[1] == 0)
    }

    @Test func daysWithNoWeightedConstituentCountAsZero() throws {
        // Five dates; neither ticker has volume on date 1, so every window of 2 containing it is NaN:
        // averages exist on dates 3 (A 200, B 400) and 4 (A 250, B 350) only.
        // The series starts at position 2 (the notebook's [2:]): dates 2 and 3 have no lagged weight
        // (0.0); date 4 uses the weights of date 3, A 1/3 and B 2/3, on the returns A 0.1, B 0.
        let dates = (0..<5).map { Day(ordinal: 19_000 + $0) }
        let p = Panel(dates: dates, tickers: ["A", "B"], values: [
            .price: [[10, 11, 12.1, 12.1, 13.31], [20, 20, 22, 11, 11]],
            .volume: [[100, .nan, 200, 200, 300], [100, .nan, 200, 600, 100]],
        ])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.returns.dates == Array(dates[2...]))
        #expect(w.returns.values[0] == 0 && w.returns.values[1] == 0)
        #expect(abs(w.returns.values[2] - 0.1 / 3) < 1e-15)
        #expect(w.daysWithoutWeightedConstituent == 2)
        #expect(w.firstUsedWeightIndex == 1)
        #expect(w.firstUsedWeights?.values.allSatisfy(\.isNaN) == true)
    }

    @Test func aBasketWithoutAnyVolumeIsAllZeroDays() throws {
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [0, 0, 0, 0], volumeB: [0, 0, 0, 0])
        let w = try Weighting.volume(p, window: 2)
        #expect(w.returns.values == [0, 0])
        #expect(w.daysWithoutWeightedConstituent == 2)
        #expect(w.weights[0][1].isNaN)  // 0 / 0, as pandas divides
    }

    @Test func cancellationStopsVolumeWeighting() {
        let p = panel(priceA: [10, 11, 12.1, 12.1], priceB: [20, 20, 22, 11],
                      volumeA: [1, 1, 1, 1], volumeB: [1, 1, 1, 1])
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: HedgeError("interrupted")) { try Weighting.volume(p, window: 2, cancellation: cancellation) }
    }

    /// 7 tickers (not a multiple of the 4 interleaved lanes; one thread) and 67 (the cores share the
    /// tickers and the dates) × 1,300 dates (several blocks), with late listings, NaN gaps and a
    /// zero-volume stretch; compared bit for bit with the definition written out.
    @Test(arguments: [7, 67])
    func blockedPassAgreesWithTheColumnByColumnDefinition(k: Int) throws {
        var generator = Xoshiro256StarStar(seed: 7)
        let n = 1_300, window = 30
        let dates = (0..<n).map { Day(ordinal: 15_000 + $0) }
        var prices: [[Double]] = [], volumes: [[Double]] = []
        for t in 0..<k {
            var p = [Double](repeating: .nan, count: n), v = [Double](repeating: .nan, count: n)
            var price = 100.0
            for i in ((t % 7) * 90)..<n {
                price *= 1 + (generator.nextUniform() - 0.5) / 20
                p[i] = price
                v[i] = (600...700).contains(i) ? 0 : (generator.nextUniform() * 1e8).rounded()
            }
            if t == 2 { for i in 400..<410 { p[i] = .nan; v[i] = .nan } }
            prices.append(p); volumes.append(v)
        }
        let panel = Panel(dates: dates, tickers: (0..<k).map { "T\($0)" }, values: [.price: prices, .volume: volumes])
        let w = try Weighting.volume(panel, window: window)

        let averages = volumes.map { Rolling.mean($0, window: window) }
        var totals = [Double](repeating: 0, count: n)
        for a in averages { for i in 0..<n where !a[i].isNaN { totals[i] += a[i] } }
        let weights = averages.map { a in (0..<n).map { a[$0] / totals[$0] } }
        var expected: [Double] = [], unweighted = 0
        for i in window..<n {
            var sum = 0.0, any = false
            for t in 0..<k {
                let product = (prices[t][i] / prices[t][i - 1] - 1) * weights[t][i - 1]
                if !product.isNaN { sum += product; any = true }
            }
            expected.append(sum)
            if !any { unweighted += 1 }
        }
        #expect(w.returns.values == expected)
        #expect(w.returns.dates == Array(dates[window...]))
        #expect(w.daysWithoutWeightedConstituent == unweighted && unweighted > 0)
        let matrix = w.weights
        for i in [0, window - 1, 511, 512, 650, 1_000, n - 1] {
            let row = try #require(w.weights(at: i))
            for t in 0..<k {
                let want = weights[t][i]
                #expect(matrix[t][i] == want || (matrix[t][i].isNaN && want.isNaN))
                let got = try #require(row["T\(t)"])
                #expect(got == want || (got.isNaN && want.isNaN), "weight of T\(t) on date \(i)")
            }
        }
    }

    @Test func volumeWeightingErrors() {
        let p = panel(priceA: [10, 11, 12, 13], priceB: [20, 20, 22, 11],
                      volumeA: [1, 1, 1, 1], volumeB: [1, 1, 1, 1])
        #expect(throws: HedgeError.self) { try Weighting.volume(p, window: 0) }
        #expect(throws: HedgeError.self) { try Weighting.volume(p, window: 4) }
        let noVolume = Panel(dates: dates, tickers: ["A"], values: [.price: [[1, 2, 3, 4]]])
        #expect(throws: HedgeError.self) { try Weighting.volume(noVolume, window: 2) }
    }

    @Test func equalWeightsOverTickersWithAReturn() throws {
        let p = panel(priceA: [10, 11, .nan, 12], priceB: [20, 22, 22, 11],
                      volumeA: [1, 1, 1, 1], volumeB: [1, 1, 1, 1])
        let w = try Weighting.portfolio(p, scheme: .equal)
        #expect(w.returns.dates == [dates[1], dates[2], dates[3]])
        #expect(abs(w.returns.values[0] - 0.1) < 1e-15)
        #expect(w.returns.values[1] == 0)
        #expect(w.returns.values[2] == -0.5)
        #expect(w.weights[0][1] == 0.5 && w.weights[1][2] == 1 && w.weights[0][2].isNaN)
        #expect(w.lag == 0)
        #expect(w.firstUsedWeights == ["A": 0.5, "B": 0.5])
    }
}
