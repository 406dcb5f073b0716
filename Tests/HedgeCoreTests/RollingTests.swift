import Foundation
import Testing
@testable import HedgeCore

@Suite struct RollingTests {
    @Test func meanNeedsAFullWindow() {
        let m = Rolling.mean([1, 2, 3, 4, 5], window: 3)
        #expect(m[0].isNaN && m[1].isNaN)
        #expect(Array(m[2...]) == [2, 3, 4])
    }

    @Test func aNaNSpoilsEveryWindowContainingIt() {
        // pandas rolling(2).mean() with min_periods = 2.
        let m = Rolling.mean([1, 2, .nan, 4, 5, 6, 7], window: 2)
        #expect(m[0].isNaN)
        #expect(m[1] == 1.5)
        #expect(m[2].isNaN && m[3].isNaN)
        #expect(Array(m[4...]) == [4.5, 5.5, 6.5])
    }

    @Test func windowOfOneAndOversizedWindows() {
        #expect(Rolling.mean([3, 4], window: 1) == [3, 4])
        #expect(Rolling.mean([3, 4], window: 3).allSatisfy { $0.isNaN })
        #expect(Rolling.mean([3, 4], window: 0).allSatisfy { $0.isNaN })
        #expect(Rolling.mean([], window: 2).isEmpty)
    }
}

/// `Rolling.mean` against pandas' `rolling(window).mean()` (scripts/oracle/make_rolling_vectors.py):
/// long series with large magnitudes, NaN gaps, infinities, equal runs and sign changes.
@Suite struct RollingPandasParityTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var name: String
            var values: [Num]
            var infAt: [Int]
            var negInfAt: [Int]
            var windows: [String: [Num]]
        }
        var pandas: String
        var cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/rolling/rolling_mean.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func meanMatchesPandasToOneInATrillion() throws {
        let fixture = try Self.fixture()
        #expect(fixture.cases.count == 3)
        for c in fixture.cases {
            var values = c.values.map(\.value)
            for i in c.infAt { values[i] = .infinity }
            for i in c.negInfAt { values[i] = -.infinity }
            #expect(c.windows.count == 4)
            for (windowText, expected) in c.windows {
                let window = try #require(Int(windowText))
                let got = Rolling.mean(values, window: window)
                #expect(got.count == expected.count)
                var worst = 0.0
                for (i, (g, e)) in zip(got, expected.map(\.value)).enumerated() {
                    #expect(g.isNaN == e.isNaN, "\(c.name) window \(window) [\(i)]: got \(g), pandas \(e)")
                    guard !g.isNaN, !e.isNaN, g != e else { continue }
                    let error = abs(g - e) / max(abs(e), .leastNormalMagnitude)
                    worst = max(worst, error)
                    #expect(error <= 1e-12, "\(c.name) window \(window) [\(i)]: got \(g), pandas \(e)")
                }
                print("rolling mean vs pandas \(fixture.pandas): \(c.name) window \(window): max rel error \(worst)")
            }
        }
    }

    @Test func runningSumsCarryAcrossGapsWithoutDrift() {
        // 1e16 enters and leaves the window; the small values after it must come out exactly.
        let m = Rolling.mean([1e16, 1, 1, 2, 3, .nan, 4, 5], window: 2)
        #expect(Array(m[2...4]) == [1, 1.5, 2.5])
        #expect(m[5].isNaN && m[6].isNaN)
        #expect(m[7] == 4.5)
    }
}
