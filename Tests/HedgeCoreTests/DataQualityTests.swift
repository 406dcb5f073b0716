import Testing
@testable import HedgeCore

/// `DataQuality.describe` on small hand-made datasets, each with one problem.
struct DataQualityTests {
    let n = Double.nan
    func days(_ count: Int) -> [Day] {
        // Weekdays from Monday 2024-01-01.
        var out: [Day] = []
        var d = Day(year: 2024, month: 1, day: 1)!
        while out.count < count {
            if d.weekday < 5 { out.append(d) }
            d = d.adding(days: 1)
        }
        return out
    }
    func panel(_ columns: [String: [Double]], volume: [String: [Double]]? = nil, close: [String: [Double]]? = nil) -> Panel {
        let tickers = columns.keys.sorted()
        let count = columns.values.first?.count ?? 0
        var values: [Field: [[Double]]] = [.price: tickers.map { columns[$0]! }]
        if let volume { values[.volume] = tickers.map { volume[$0]! } }
        if let close { values[.close] = tickers.map { close[$0]! } }
        return Panel(dates: days(count), tickers: tickers, values: values)
    }

    @Test func cleanDataHasNoWarnings() {
        let report = DataQuality.describe(panel(["A": [100, 101, 102, 103], "B": [50, 51, 50, 51]]))
        #expect(report.warnings.isEmpty)
        #expect(report.tickers[0].rows == 4 && report.tickers[0].first?.description == "2024-01-01"
                && report.tickers[0].last?.description == "2024-01-04")
    }

    @Test func lateStartAndEarlyEnd() {
        let d = days(8)
        let report = DataQuality.describe(panel(["A": [1, 2, 3, 4, 5, 6, 7, 8], "LATE": [n, n, n, 4, 5, 6, 7, 8],
                                                 "EARLY": [1, 2, 3, 4, 5, 6, n, n]]))
        let late = report.tickers.first { $0.ticker == "LATE" }!
        #expect(late.first == d[3] && late.rows == 5 && late.lacking == 3 && late.firstLacking == d[0] && late.missingPrices == 0)
        // 2024-01-04 is 3 calendar days after 2024-01-01; 2024-01-08 is 2 days before 2024-01-10.
        #expect(report.warnings.contains("LATE starts 2024-01-04, 3 days after the others"))
        #expect(report.warnings.contains("EARLY ends 2024-01-08, 2 days before the others"))
    }

    @Test func benchmarkOnlyDatesAreCountedAsZeroReturns() {
        let report = DataQuality.describe(panel(["A": [1, 2, n, 4, n, 6], "B": [1, 2, n, 4, n, 6], "QQQ": [1, 2, 3, 4, 5, 6]]),
                                          benchmark: DataQuality.likelyBenchmark(panel(["A": [1], "QQQ": [1]])))
        #expect(report.benchmark == "QQQ")
        #expect(report.warnings.first == "the benchmark QQQ has 2 dates no basket ticker has (first 2024-01-03); "
                + "the notebook's weighting counts them as 0.0 returns")
        let a = report.tickers[0]
        #expect(a.missingPrices == 2 && a.firstMissingPrice?.description == "2024-01-03" && a.lacking == 0)
    }

    @Test func staleRunsBadPricesZeroVolumesAndJumps() {
        let prices: [Double] = [10, 10, 10, 10, 10, 11, 0, 12, 30, 31, -1, .infinity]
        let volume: [Double] = [5, 5, 0, 5, n, 5, 5, 0, 5, 5, 5, 5]
        let report = DataQuality.describe(panel(["X": prices], volume: ["X": volume]))
        let x = report.tickers[0]
        let d = days(12)
        #expect(x.staleRuns.map(\.start) == [d[0]] && x.staleRuns.map(\.length) == [5])
        #expect(x.badPrices == 3 && x.firstBadPrice == d[6])
        #expect(x.zeroVolumeDays == 2 && x.missingVolumes == 1)
        // Only 12 → 30 (+150%) is between two positive finite prices.
        #expect(x.bigReturns.map(\.day) == [d[8]] && x.bigReturns.map(\.value) == [30.0 / 12.0 - 1])
        #expect(report.warnings.contains("X repeats the same price 5 days in a row from 2024-01-01; stale data?"))
        #expect(report.warnings.contains("X has 3 zero, negative or infinite prices (first 2024-01-09); returns there are undefined"))
        #expect(report.warnings.contains("X has 1 daily return beyond ±25% (first 2024-01-11: +150.0%); an unadjusted split?"))
    }

    @Test func staleRunAtTheEndIsCounted() {
        let report = DataQuality.describe(panel(["X": [1, 2, 2, 2, 2, 2, 2]]))
        #expect(report.tickers[0].staleRuns.map(\.length) == [6])
    }

    @Test func dividendsShowAsAdjustmentSteps() {
        // Adj Close / Close is 0.98 before a dividend on the third day, then 1.
        let close: [Double] = [100, 101, 99, 100, 102]
        let adjusted: [Double] = [98, 98.98, 99, 100, 102]
        let report = DataQuality.describe(panel(["D": adjusted], close: ["D": close]))
        #expect(report.tickers[0].adjustmentDays == 1)
    }

    @Test func emptyAdjCloseNextToAFullClose() {
        let report = DataQuality.describe(panel(["E": [n, n, n], "F": [100, 101, 102]], close: ["E": [100, 101, 102], "F": [100, 101, 102]]))
        #expect(report.tickers[0].emptyAdjustedClose)
        #expect(report.warnings == ["E has an empty Adj Close column next to a full Close; its prices are all missing"])
    }
}

/// `DataFingerprint`: the text round-trips, and a change is described by rows added and the first month that differs.
struct DataFingerprintTests {
    func panel(_ prices: [Double], start: Day = Day(year: 2024, month: 1, day: 30)!) -> Panel {
        let dates = prices.indices.map { start.adding(days: $0) }
        return Panel(dates: dates, tickers: ["A"], values: [.price: [prices]])
    }

    @Test func roundTripsAndIgnoresNothing() throws {
        let saved = try #require(DataFingerprint(panel([1, 2, 3, .nan])))
        #expect(DataFingerprint(text: saved.description) == saved)
        #expect(saved.rows == 4 && saved.months.count == 2)  // January and February
        #expect(DataFingerprint.change(from: saved, to: panel([1, 2, 3, .nan])) == nil)
        #expect(DataFingerprint(text: "garbage") == nil)
    }

    @Test func describesRowsAddedAndTheFirstChangedMonth() throws {
        let saved = try #require(DataFingerprint(panel([1, 2, 3, 4])))
        #expect(DataFingerprint.change(from: saved, to: panel([1, 2, 3, 4, 5])) == "1 row added after 2024-02-02")
        // 2024-01-30 … 2024-02-02: the third value is on 2024-02-01.
        #expect(DataFingerprint.change(from: saved, to: panel([1, 2, 3.5, 4])) == "values changed, the first in 2024-02")
        #expect(DataFingerprint.change(from: saved, to: panel([1.5, 2, 3, 4, 5])) == "1 row added after 2024-02-02; values changed, the first in 2024-01")
    }
}

struct DataQualityWithoutPricesTests {
    @Test func aVolumeOnlyDatasetHasNoPrices() {
        let panel = Panel(dates: [Day(ordinal: 0), Day(ordinal: 1)], tickers: ["A"], values: [.volume: [[1, 2]]])
        let report = DataQuality.describe(panel)
        #expect(report.warnings.isEmpty && report.tickers[0].rows == 0)
    }
}
