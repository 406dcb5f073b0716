import Foundation
import Testing
@testable import HedgeCore

@Suite struct ChartTickTests {
    static func isNice(_ step: Double) -> Bool {
        let mantissa = step / pow(10, log10(step).rounded(.down))
        return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test func niceTicksCoverTheRangeWithRoundSteps() throws {
        var random = ChartTestData.LCG(state: 42)
        for _ in 0..<2000 {
            let magnitude = pow(10, random.next() * 16 - 8)
            let a = (random.next() * 2 - 1) * magnitude, b = (random.next() * 2 - 1) * magnitude
            let lo = Swift.min(a, b), hi = Swift.max(a, b)
            guard hi > lo else { continue }
            let maxIntervals = 1 + Int(random.next() * 10)
            guard let nice = NiceTicks.covering(lo, hi, maxIntervals: maxIntervals) else {
                // Only one interval over a range spanning zero is impossible (it needs −s, 0, s).
                #expect(maxIntervals == 1 && lo < 0 && hi > 0, "\(lo)...\(hi) in \(maxIntervals) intervals")
                continue
            }
            #expect(Self.isNice(nice.step), "step \(nice.step)")
            #expect(nice.ticks.count - 1 <= maxIntervals)
            #expect(nice.lower <= lo + nice.step * 1e-9 && nice.upper >= hi - nice.step * 1e-9, "\(lo)...\(hi) → \(nice.ticks)")
            for tick in nice.ticks { #expect(abs(tick / nice.step - (tick / nice.step).rounded()) < 1e-6) }
        }
    }

    @Test func niceTicksExamples() throws {
        let small = try #require(NiceTicks.covering(0.013, 0.087, maxIntervals: 5))
        #expect(small.step == 0.02 && small.ticks.count == 6 && small.lower == 0)
        #expect(NiceTicks.covering(-0.37, 0, maxIntervals: 4)?.step == 0.1)
        #expect(NiceTicks.covering(980_000, 1_460_000, maxIntervals: 6)?.step == 100_000)
        #expect(NiceTicks.covering(-0.15, 0.15, maxIntervals: 1) == nil)
        #expect(NiceTicks.covering(-0.15, 0.15, maxIntervals: 2)?.ticks == [-0.2, 0, 0.2])
        #expect(NiceTicks.niceStep(atLeast: 0.0031) == 0.005)
        #expect(NiceTicks.niceStep(atLeast: 7) == 10)
        #expect(NiceTicks.within(-0.023, 0.031, maxIntervals: 6).ticks.map { ($0 * 100).rounded() } == [-2, -1, 0, 1, 2, 3])
    }

    @Test func unitLabels() {
        #expect(ChartUnit.percent.labels(for: [-0.05, 0, 0.05, 0.1], step: 0.05) == ["-5%", "0%", "5%", "10%"])
        #expect(ChartUnit.percent.labels(for: [0, 0.005, 0.01], step: 0.005) == ["0.0%", "0.5%", "1.0%"])
        #expect(ChartUnit.percent.labels(for: [-1e-18], step: 0.01) == ["0%"])
        #expect(ChartUnit.growth.labels(for: [1, 1.5, 2], step: 0.5) == ["1.0x", "1.5x", "2.0x"])
        #expect(ChartUnit.growth.labels(for: [1, 1.05], step: 0.05) == ["1.00x", "1.05x"])
        #expect(ChartUnit.number.labels(for: [0, 250_000, 500_000], step: 250_000) == ["0", "250,000", "500,000"])
        #expect(ChartUnit.number.labels(for: [1_000_000, 1_200_000, 1_400_000], step: 200_000) == ["1.0M", "1.2M", "1.4M"])
        #expect(ChartUnit.number.labels(for: [-2_000, 0, 2_000], step: 2_000) == ["-2,000", "0", "2,000"])
        #expect(NumberFormat.tickGrouped(-1_234_567.5, 1) == "-1,234,567.5")
    }

    static func linearColumn(_ from: Day, _ to: Day, _ columns: Int) -> (Day) -> Int {
        { day in
            to == from ? columns / 2
                : Int((Double(day.ordinal - from.ordinal) / Double(to.ordinal - from.ordinal) * Double(columns - 1)).rounded())
        }
    }

    static func labels(_ from: Day, _ to: Day, _ columns: Int) -> [String] {
        DateTicks.choose(from: from, to: to, columns: columns, column: linearColumn(from, to, columns)).map(\.label)
    }

    @Test func dateTicksChooseMonthsOrYearsThatFit() throws {
        let start = try #require(Day(year: 2023, month: 1, day: 2))
        #expect(Self.labels(start, try #require(Day(year: 2024, month: 12, day: 31)), 70)
                == ["Apr", "Jul", "Oct", "2024", "Apr", "Jul", "Oct"])
        #expect(Self.labels(start, try #require(Day(year: 2023, month: 6, day: 30)), 70)
                == ["Feb 2023", "Mar 2023", "Apr 2023", "May 2023", "Jun 2023"])
        #expect(Self.labels(try #require(Day(year: 2004, month: 3, day: 1)), try #require(Day(year: 2024, month: 3, day: 1)), 60)
                == ["2005", "2010", "2015", "2020"])
        // No month boundary inside: the first and last day.
        #expect(Self.labels(try #require(Day(year: 2024, month: 3, day: 4)), try #require(Day(year: 2024, month: 3, day: 22)), 40)
                == ["2024-03-04", "2024-03-22"])
        #expect(Self.labels(start, start, 40) == ["2023-01-02"])
    }

    @Test func dateTickLabelsNeverOverlapOrOverflow() {
        var random = ChartTestData.LCG(state: 7)
        for _ in 0..<500 {
            let from = Day(ordinal: 10_000 + Int(random.next() * 10_000))
            let to = from.adding(days: Int(random.next() * random.next() * 20_000))
            let columns = 10 + Int(random.next() * 150)
            let ticks = DateTicks.choose(from: from, to: to, columns: columns, column: Self.linearColumn(from, to, columns))
            #expect(!ticks.isEmpty)
            var end = -1
            for tick in ticks {
                #expect(tick.labelStart > end, "\(from)...\(to) in \(columns): \(ticks)")
                end = tick.labelStart + tick.label.count
                #expect(end <= columns)
                #expect(tick.column >= 0 && tick.column < columns)
            }
        }
    }
}
