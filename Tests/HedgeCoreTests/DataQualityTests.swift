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

/// `DataQuality.quality` reads a ticker in one pass; here it is checked against the definition it
/// replaced (a pass per fact over the ticker's priced dates), on random tickers with gaps, stale runs,
/// bad prices, jumps, zero and missing volumes, with and without an unadjusted close.
struct DataQualityDefinitionTests {
    /// The facts of ticker `t` computed one by one, as first written.
    private func definition(_ panel: Panel, _ t: Int, has: [[Bool]], pricedCount: [Int]) -> TickerQuality {
        let dates = panel.dates
        let price = panel.values[.price]?[t] ?? Array(repeating: .nan, count: dates.count)
        let volume = panel.values[.volume]?[t]
        let priced = dates.indices.filter { has[t][$0] }
        var q = TickerQuality(ticker: panel.tickers[t], first: priced.first.map { dates[$0] }, last: priced.last.map { dates[$0] },
                              rows: priced.count, missingPrices: 0, firstMissingPrice: nil, missingVolumes: 0,
                              lacking: 0, firstLacking: nil, staleRuns: [], badPrices: 0, firstBadPrice: nil,
                              zeroVolumeDays: 0, bigReturns: [], adjustmentDays: nil, emptyAdjustedClose: false)
        if let lo = priced.first, let hi = priced.last {
            for i in lo...hi where !has[t][i] {
                q.missingPrices += 1
                if q.firstMissingPrice == nil { q.firstMissingPrice = dates[i] }
            }
        }
        let others = has.count - 1
        if others > 0 {
            for i in dates.indices where !has[t][i] && pricedCount[i] == others {
                q.lacking += 1
                if q.firstLacking == nil { q.firstLacking = dates[i] }
            }
        }
        var runStart = 0
        for (k, i) in priced.enumerated() {
            if price[i] <= 0 || price[i].isInfinite {
                q.badPrices += 1
                if q.firstBadPrice == nil { q.firstBadPrice = dates[i] }
            }
            if let volume {
                if volume[i].isNaN { q.missingVolumes += 1 } else if volume[i] == 0 { q.zeroVolumeDays += 1 }
            }
            if k > 0 {
                let previous = price[priced[k - 1]]
                let change = price[i] / previous - 1
                if previous > 0, price[i] > 0, change.isFinite, abs(change) > DataQuality.bigReturn {
                    q.bigReturns.append((dates[i], change))
                }
                if price[i] != previous {
                    if k - runStart >= DataQuality.staleRunLength { q.staleRuns.append((dates[priced[runStart]], k - runStart)) }
                    runStart = k
                }
            }
        }
        if priced.count - runStart >= DataQuality.staleRunLength, priced.indices.contains(runStart) {
            q.staleRuns.append((dates[priced[runStart]], priced.count - runStart))
        }
        if let close = panel.values[.close]?[t] {
            let closeCount = close.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
            q.emptyAdjustedClose = priced.isEmpty && closeCount > 0
            var steps = 0
            var previousRatio: Double?
            for i in priced where close[i].isFinite && close[i] != 0 && price[i].isFinite {
                let ratio = price[i] / close[i]
                if let previousRatio, abs(ratio / previousRatio - 1) > 1e-5 { steps += 1 }
                previousRatio = ratio
            }
            q.adjustmentDays = steps
        }
        return q
    }

    @Test func onePassMatchesTheDefinition() {
        var generator = SplitMix(seed: 31)
        var checked = 0
        for round in 0..<400 {
            let n = Int.random(in: 0...60, using: &generator)
            let tickers = (0..<Int.random(in: 1...4, using: &generator)).map { "T\($0)" }
            var dates: [Day] = []
            var day = Day(year: 2024, month: 1, day: 2) ?? Day(ordinal: 0)
            for _ in 0..<n { dates.append(day); day = day.adding(days: 1) }
            func column(prices: Bool) -> [Double] {
                var value = 100.0
                return (0..<n).map { _ in
                    switch Int.random(in: 0..<20, using: &generator) {
                    case 0, 1, 2: return .nan
                    case 3: return 0
                    case 4: return prices ? -1 : .nan
                    case 5: return prices ? .infinity : 0
                    case 6, 7, 8, 9: return value               // stale
                    case 10: value *= 1.6; return value         // a jump
                    default: value *= Double.random(in: 0.97...1.03, using: &generator); return value
                    }
                }
            }
            var values: [Field: [[Double]]] = [.price: tickers.map { _ in column(prices: true) }]
            if round % 3 != 0 { values[.volume] = tickers.map { _ in column(prices: false) } }
            if round % 2 == 0 {
                values[.close] = (values[.price] ?? []).map { column in
                    column.map { $0.isNaN && Bool.random(using: &generator) ? 50 : $0 * (Bool.random(using: &generator) ? 1 : 1.01) }
                }
            }
            let panel = Panel(dates: dates, tickers: tickers, values: values)
            let has = (values[.price] ?? []).map { $0.map { !$0.isNaN } }
            var pricedCount = [Int](repeating: 0, count: n)
            for column in has { for i in column.indices where column[i] { pricedCount[i] += 1 } }
            for t in tickers.indices {
                let fast = DataQuality.quality(panel, t, tickers[t], has: has, pricedCount: pricedCount)
                let expected = definition(panel, t, has: has, pricedCount: pricedCount)
                #expect(fast == expected, "round \(round), ticker \(t)")
                checked += (expected.staleRuns.isEmpty ? 0 : 1) + (expected.bigReturns.isEmpty ? 0 : 1)
            }
        }
        #expect(checked > 200)  // the random tickers do have stale runs and jumps
    }
}
