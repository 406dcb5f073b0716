import Testing
@testable import HedgeCore

/// `MonthCache`: the fast scanner's date reader gives exactly `Day(iso:)`'s day, or nil where that
/// is nil, in any order of months (the cached month changes, comes back, and is never trusted for a
/// malformed cell).
struct MonthCacheTests {
    @Test func agreesWithTheGeneralDateReader() {
        let cells = ["2024-02-28", "2024-02-29", "2024-02-30", "2023-02-29", "2023-02-28", "2024-02-00",
                     "2024-13-01", "2024-00-10", "2024-12-31", "2025-01-01", "2024-12-31", "1999-12-31",
                     "2000-02-29", "1900-02-29", "2024-1x-01", "2024/02/01", "2024-02-3a", "0001-01-01",
                     "2024-02-01", "2024-02-15", "2024-03-01", "2024-02-29"]
        var cache = MonthCache()
        for cell in cells {
            let bytes = Array(cell.utf8)
            let fast = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.flatMap { cache.day($0) } }
            let reference = Day(iso: cell)
            if let fast {
                #expect(fast == reference, "\(cell)")
            } else {
                // Nil only for what is not a valid YYYY-MM-DD (the scanner then asks the general reader).
                #expect(reference == nil || !cell.contains("-") || cell.count != 10, "\(cell)")
            }
        }
    }

    @Test func everyDayOfFourHundredYearsFromAFewMonths() {
        var cache = MonthCache()
        var day = Day(year: 1900, month: 1, day: 1) ?? Day(ordinal: 0)
        let last = Day(year: 2300, month: 1, day: 1) ?? Day(ordinal: 0)
        var mismatches = 0
        while day < last {
            let bytes = Array(day.description.utf8)
            let fast = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.flatMap { cache.day($0) } }
            if fast != day { mismatches += 1 }
            day = day.adding(days: 1)
        }
        #expect(mismatches == 0)
    }
}
