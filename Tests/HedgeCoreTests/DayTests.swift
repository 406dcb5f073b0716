import Testing
@testable import HedgeCore

@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.civil
            #expect(Day(year: y, month: m, day: d) == day)
            #expect(Day(iso: day.description) == day || y < 0 || y > 9999)
        }
    }

    @Test func knownDates() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(iso: "2023-01-03")?.description == "2023-01-03")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2023-13-01") == nil)
        #expect(Day(iso: "2023-01-03 00:00:00-05:00")?.description == "2023-01-03")
        #expect(Day(iso: "20230103")?.description == "2023-01-03")
        #expect(Day(iso: "2023-01-3") == nil)
        #expect(Day(year: 2023, month: 1, day: 2)?.weekday == 0)  // a Monday
    }

    @Test func seriesAlignmentIsAnInnerJoinDroppingNaN() {
        let d = (0..<5).map { Day(ordinal: $0) }
        let a = Series(name: "a", dates: d, values: [1, 2, .nan, 4, 5])
        let b = Series(name: "b", dates: [d[1], d[2], d[3], d[4]], values: [20, 30, 40, .nan])
        let aligned = AlignedSeries([a, b])
        #expect(aligned.dates == [d[1], d[3]])
        #expect(aligned.columns == [[2, 4], [20, 40]])
    }

    @Test func alignmentOfThreeSeriesWithGapsOnEitherSide() {
        let d = (0..<8).map { Day(ordinal: 100 + $0) }
        let a = Series(name: "a", dates: [d[0], d[1], d[2], d[4], d[5], d[7]], values: [1, 2, 3, 5, .nan, 8])
        let b = Series(name: "b", dates: [d[1], d[2], d[3], d[4], d[5], d[6], d[7]], values: [20, .nan, 40, 50, 60, 70, 80])
        let c = Series(name: "c", dates: d, values: [100, 200, 300, 400, 500, 600, 700, 800])
        let aligned = AlignedSeries([a, b, c])
        #expect(aligned.dates == [d[1], d[4], d[7]])
        #expect(aligned.columns == [[2, 5, 8], [20, 50, 80], [200, 500, 800]])
        // The same dates in every series: only the NaN filter applies.
        let same = AlignedSeries([c, Series(name: "x", dates: d, values: [1, .nan, 3, 4, 5, 6, 7, .nan])])
        #expect(same.dates == [d[0], d[2], d[3], d[4], d[5], d[6]])
        #expect(same.columns[1] == [1, 3, 4, 5, 6, 7])
        let single = AlignedSeries([a])
        #expect(single.dates == [d[0], d[1], d[2], d[4], d[7]] && single.columns == [[1, 2, 3, 5, 8]])
        #expect(AlignedSeries([]).count == 0)
        #expect(AlignedSeries([a, Series(name: "e", dates: [], values: [])]).count == 0)
    }
}
