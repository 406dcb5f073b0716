import Foundation
import Synchronization
import Testing
@testable import HedgeCore

/// Fixtures written by `scripts/oracle/make_sweep_vectors.py` (exact decimal arithmetic, numpy medians).
struct SweepVectors: Decodable {
    struct RangeCase: Decodable { let start: String; let end: String; let step: String; let values: [Double] }
    struct RobustnessCase: Decodable {
        let name: String; let shape: [Int]; let higherIsBetter: Bool; let values: [Num]
        let neighbourMedians: [Num]; let bestIndex: Int; let typical: Double; let isolated: Bool
    }
    struct FoldCase: Decodable { let start: Int; let rows: Int; let train: Int; let test: Int; let folds: [[Int]] }
    let ranges: [RangeCase]
    let robustness: [RobustnessCase]
    let folds: [FoldCase]

    static func load() throws -> SweepVectors {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sweep/sweep_vectors.json")
        return try JSONDecoder().decode(SweepVectors.self, from: Data(contentsOf: url))
    }
}

@Suite struct SweepGrammarTests {
    @Test func rangesMatchExactDecimalArithmetic() throws {
        for c in try SweepVectors.load().ranges {
            let values = try SweepValues.parse("\(c.start)..\(c.end)", step: c.step, parameter: "p")
            #expect(values == c.values, "\(c.start)..\(c.end) step \(c.step)")
        }
    }

    @Test func floatStepDoesNotAccumulate() throws {
        // Naive accumulation gives 0.30000000000000004 and 0.7999999999999999.
        #expect(try SweepValues.parse("0..0.3", step: "0.1", parameter: "cost") == [0, 0.1, 0.2, 0.3])
        let values = try SweepValues.parse("0..1", step: "0.1", parameter: "cost")
        #expect(values.count == 11)
        #expect(values[3] == 0.3 && values[8] == 0.8 && values[10] == 1)
        // Reference: the decimal k·10^-4 parsed from text (nearest double).
        let fine = try SweepValues.parse("0..0.01", step: "0.0005", parameter: "cost")
        #expect(fine == (0...20).map { Double("\($0 * 5)e-4")! })
    }

    @Test func endIncludedOnlyWhenOnAStep() throws {
        #expect(try SweepValues.parse("5..60", step: "5", parameter: "rebalance") == stride(from: 5.0, through: 60, by: 5).map { $0 })
        #expect(try SweepValues.parse("5..62", step: "5", parameter: "rebalance").last == 60)
        #expect(try SweepValues.parse("10..10", step: "5", parameter: "rebalance") == [10])
        #expect(try SweepValues.parse("20..24", parameter: "estimate") == [20, 21, 22, 23, 24])
    }

    @Test func startDecimalsCount() throws {
        // 0.25 has more decimals than the step 0.5: the values keep them.
        #expect(try SweepValues.parse("0.25..1.5", step: "0.5", parameter: "p") == [0.25, 0.75, 1.25])
        #expect(SweepValues.decimals("0.0005") == 4)
        #expect(SweepValues.decimals("5e-4") == 4)
        #expect(SweepValues.decimals("1.25e-3") == 5)
        #expect(SweepValues.decimals("1.5e3") == 0)
        #expect(SweepValues.decimals("20") == 0)
    }

    @Test func listsAreSortedAndChecked() throws {
        #expect(try SweepValues.parse("0,0.0005,0.001", parameter: "cost") == [0, 0.0005, 0.001])
        #expect(try SweepValues.parse("60,20,40", parameter: "estimate") == [20, 40, 60])
        #expect(try SweepValues.parse("30", parameter: "rebalance") == [30])
        #expect(throws: HedgeError("cost: value 0.001 is listed twice")) {
            try SweepValues.parse("0.001,0,0.001", parameter: "cost")
        }
        #expect(throws: HedgeError("cost: value 'abc' is not a number")) { try SweepValues.parse("0,abc", parameter: "cost") }
        #expect(throws: HedgeError("cost: a value is missing")) { try SweepValues.parse("0,,1", parameter: "cost") }
        #expect(throws: HedgeError("cost: value 'nan' is not a number")) { try SweepValues.parse("nan", parameter: "cost") }
    }

    @Test func badRangesAreErrors() {
        #expect(throws: HedgeError("rebalance 60..5 step 5: the end is below the start")) {
            try SweepValues.parse("60..5", step: "5", parameter: "rebalance")
        }
        #expect(throws: HedgeError("rebalance 5..60 step 0: the step must be positive")) {
            try SweepValues.parse("5..60", step: "0", parameter: "rebalance")
        }
        #expect(throws: HedgeError("cost 0..0.1: a range with fractional bounds needs a step (0..0.1 step 0.1)")) {
            try SweepValues.parse("0..0.1", parameter: "cost")
        }
        #expect(throws: HedgeError("cost 0,1: step goes with a range START..END, not a list")) {
            try SweepValues.parse("0,1", step: "1", parameter: "cost")
        }
        #expect(throws: HedgeError("cost 0..1 step 1e-06: more than 100,000 values; use a larger step")) {
            try SweepValues.parse("0..1", step: "0.000001", parameter: "cost")
        }
    }

    @Test func gridOrderIsProductOrder() throws {
        let grid = try SweepGrid([SweepAxis(name: "a", values: [1, 2]), SweepAxis(name: "b", values: [10, 20, 30])])
        #expect(grid.count == 6)
        #expect((0..<6).map(grid.values) == [[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]])
        for k in 0..<6 { #expect(grid.flatIndex(grid.indices(of: k)) == k) }
        #expect(grid.axisIndex("b") == 1 && grid.axisIndex("c") == nil)
    }

    @Test func gridCapAndChecks() throws {
        let big = SweepAxis(name: "a", values: (0..<400).map(Double.init))
        let other = SweepAxis(name: "b", values: (0..<251).map(Double.init))
        #expect(throws: HedgeError("the sweep has 400 × 251 = more than 100,000 configurations, the limit: use fewer values or a larger step")) {
            try SweepGrid([big, other])
        }
        #expect(try SweepGrid([big, SweepAxis(name: "b", values: (0..<250).map(Double.init))]).count == 100_000)
        #expect(throws: HedgeError("a is swept twice")) { try SweepGrid([big, big]) }
        #expect(throws: HedgeError("a sweep needs at least one parameter with values")) { try SweepGrid([]) }
    }

    @Test func parameterLabels() {
        #expect(SweepValues.format(20) == "20")
        #expect(SweepValues.format(0.0005) == "0.0005")
        #expect(SweepValues.format(-3) == "-3")
        #expect(SweepValues.format(0.1) == "0.1")
    }
}

@Suite struct SweepRobustnessTests {
    @Test func matchesOracle() throws {
        for c in try SweepVectors.load().robustness {
            let grid = try SweepGrid(c.shape.enumerated().map { SweepAxis(name: "p\($0.offset)", values: (0..<$0.element).map(Double.init)) })
            let values = c.values.map(\.value)
            let medians = SweepRobustness.neighbourMedians(values, grid: grid)
            for (m, expected) in zip(medians, c.neighbourMedians) {
                #expect(close(m, expected.value, rel: 1e-12), "\(c.name)")
            }
            let assessment = try #require(SweepRobustness.assess(values, grid: grid, higherIsBetter: c.higherIsBetter))
            #expect(assessment.bestIndex == c.bestIndex, "\(c.name)")
            #expect(close(assessment.typical, c.typical, rel: 1e-12), "\(c.name)")
            #expect(assessment.isIsolatedPeak == c.isolated, "\(c.name)")
        }
    }

    /// Hand-worked: a 3 × 3 grid with a spike in the middle; its 4 neighbours are 1, 1, 1, 2 (median 1),
    /// the grid's median is 1, so the best (5) keeps none of its edge of 4.
    @Test func handWorkedSpikeAndPlateau() throws {
        let grid = try SweepGrid([SweepAxis(name: "r", values: [1, 2, 3]), SweepAxis(name: "c", values: [1, 2, 3])])
        let spike: [Double] = [1, 1, 1, 2, 5, 1, 1, 1, 1]
        let a = try #require(SweepRobustness.assess(spike, grid: grid))
        #expect(a.bestIndex == 4 && a.best == 5 && a.neighbourMedian == 1 && a.typical == 1 && a.isIsolatedPeak)
        // Plateau: 1, 2, 4.9, 5, 4.95, 2, 1 — the best's neighbours 4.9 and 4.95 (median 4.925) keep almost all
        // of its edge 5 − 2 over the median configuration: lost 0.075 ≤ 0.5 · 3.
        let line = try SweepGrid([SweepAxis(name: "x", values: (1...7).map(Double.init))])
        let p = try #require(SweepRobustness.assess([1, 2, 4.9, 5, 4.95, 2, 1], grid: line))
        #expect(p.bestIndex == 3 && p.neighbourMedian == (4.9 + 4.95) / 2 && p.typical == 2 && !p.isIsolatedPeak)
        // The shoulders of a 3 × 3 cross are the grid's median itself: the best keeps none of its edge.
        let cross = try #require(SweepRobustness.assess([1, 4.8, 1, 4.9, 5, 4.9, 1, 4.8, 1], grid: grid))
        #expect(cross.neighbourMedian == 4.85 && cross.typical == 4.8 && cross.isIsolatedPeak)
        // Lower is better: the same spike negated is a trough, flagged the same way.
        let trough = try #require(SweepRobustness.assess(spike.map { -$0 }, grid: grid, higherIsBetter: false))
        #expect(trough.bestIndex == 4 && trough.isIsolatedPeak)
        #expect(SweepRobustness.assess([.nan, .nan], grid: try SweepGrid([SweepAxis(name: "x", values: [1, 2])])) == nil)
    }
}

@Suite struct WalkForwardPlanTests {
    @Test func matchesOracle() throws {
        for c in try SweepVectors.load().folds {
            let folds = try WalkForwardPlan.folds(rows: c.start..<(c.start + c.rows), train: c.train, test: c.test)
            #expect(folds.map { [$0.train.lowerBound, $0.train.upperBound, $0.test.lowerBound, $0.test.upperBound] } == c.folds)
            #expect(folds.map(\.index) == Array(0..<folds.count))
        }
    }

    @Test func lastPartialFoldAndTiling() throws {
        // 100 rows, train 30, test 20: tests 30–50, 50–70, 70–90, 90–100 (partial).
        let folds = try WalkForwardPlan.folds(rows: 0..<100, train: 30, test: 20)
        #expect(folds.map(\.test) == [30..<50, 50..<70, 70..<90, 90..<100])
        #expect(folds.map(\.train) == [0..<30, 20..<50, 40..<70, 60..<90])
    }

    @Test func errors() {
        #expect(throws: HedgeError("train 100 days leaves no day to test: the sample has 100 usable days (train must be below that)")) {
            try WalkForwardPlan.folds(rows: 0..<100, train: 100, test: 10)
        }
        #expect(throws: HedgeError("train 500 days leaves no day to test: the sample has 100 usable days (train must be below that)")) {
            try WalkForwardPlan.folds(rows: 0..<100, train: 500, test: 10)
        }
        #expect(throws: HedgeError("test must be at least 1 day (got 0)")) { try WalkForwardPlan.folds(rows: 0..<100, train: 10, test: 0) }
        #expect(throws: HedgeError("train must be at least 1 day (got 0)")) { try WalkForwardPlan.folds(rows: 0..<100, train: 0, test: 5) }
    }
}

@Suite struct ParallelRunnerTests {
    @Test func resultsInJobOrder() async throws {
        // Jobs of uneven length so chunks finish out of order.
        let results = try await ParallelRunner.map(count: 1000, workers: 4) { i -> Int in
            var x = 0
            for k in 0..<((1000 - i) % 97 * 50) { x &+= k }
            return i * 2 + (x & 0)
        }
        #expect(results == (0..<1000).map { $0 * 2 })
    }

    @Test func progressIncreasesToCount() async throws {
        let seen = Mutex<[Int]>([])
        _ = try await ParallelRunner.map(count: 250, workers: 2, progress: { done in seen.withLock { $0.append(done) } }) { $0 }
        let reports = seen.withLock { $0 }
        #expect(reports.last == 250)
        #expect(reports == reports.sorted() && Set(reports).count == reports.count)
    }

    @Test func cancellationStops() async throws {
        let cancel = Cancellation()
        let ran = Atomic<Int>(0)
        await #expect(throws: HedgeError("interrupted")) {
            _ = try await ParallelRunner.map(count: 10_000, workers: 2, cancellation: cancel) { i -> Int in
                if ran.add(1, ordering: .relaxed).newValue == 50 { cancel.cancel() }
                return i
            }
        }
        #expect(ran.load(ordering: .relaxed) < 10_000)
    }

    @Test func firstErrorIsRethrown() async {
        await #expect(throws: HedgeError("bad 7")) {
            _ = try await ParallelRunner.map(count: 20, workers: 1) { i -> Int in
                if i == 7 { throw HedgeError("bad 7") }
                return i
            }
        }
    }

    /// The blocking bridge, called from a thread outside the cooperative pool (as the shell does).
    @Test func blockingBridge() async throws {
        let squares = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[Int], any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ParallelRunner.mapBlocking(count: 37) { $0 * $0 } })
            }
        }
        #expect(squares == (0..<37).map { $0 * $0 })
        #expect(ParallelRunner.chunkRanges(count: 10, chunks: 3) == [0..<4, 4..<7, 7..<10])
    }

    /// A synchronous caller on a thread of the cooperative pool (a synchronous test, the shell in a test)
    /// cannot starve the jobs: they run on Dispatch's threads.
    @Test func blockingFromThePool() throws {
        #expect(try ParallelRunner.mapBlocking(count: 500, workers: 2) { $0 + 1 } == (1...500).map { $0 })
    }
}
