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
