import Testing
@testable import HedgeCore

/// `FixedColumns` gathers chunks of rows into columns: its room is guessed from the first chunk,
/// grown when later chunks hold more rows, and cut to the rows written.
@Suite struct FixedColumnsTests {
    /// A chunk of `count` rows of `width` values, dated from `firstDay`; value (r, c) is
    /// `firstDay + r + c / 1000`.
    private static func chunk(rows count: Int, width: Int, firstDay: Int) -> ChunkRows {
        let rows = ChunkRows()
        rows.reset(width: width, expectedRows: 1)
        for r in 0..<count {
            let day = Day(ordinal: firstDay + r)
            let row = rows.appendRow(date: day, group: 0)
            for c in 0..<width { row[c] = Double(firstDay + r) + Double(c) / 1000 }
            rows.setLastRow(date: day, group: 0)
        }
        return rows
    }

    private static func expectColumns(_ result: (dates: [Day], columns: [[Double]])?, rows: Int, width: Int,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let (dates, columns) = result else {
            Issue.record("no columns", sourceLocation: sourceLocation)
            return
        }
        #expect(dates == (0..<rows).map { Day(ordinal: 100 + $0) }, sourceLocation: sourceLocation)
        #expect(columns.count == width, sourceLocation: sourceLocation)
        for c in 0..<width {
            #expect(columns[c] == (0..<rows).map { Double(100 + $0) + Double(c) / 1000 }, "column \(c)",
                    sourceLocation: sourceLocation)
        }
    }

    /// The first chunk holds 2 rows of a 10-chunk file, so room is guessed for about 23; the later
    /// chunks hold 40 rows each, so the columns grow several times, keeping what was written.
    @Test func growsPastItsGuessAndKeepsTheRowsWritten() {
        let width = 11
        let columns = FixedColumns(width: width, dataBytes: 10_000)
        columns.append(Self.chunk(rows: 2, width: width, firstDay: 100), chunkBytes: 1_000)
        var next = 102
        for _ in 1..<10 {
            columns.append(Self.chunk(rows: 40, width: width, firstDay: next), chunkBytes: 1_000)
            next += 40
        }
        Self.expectColumns(columns.finished(), rows: next - 100, width: width)
    }

    /// A guess far above the rows read: the columns end at the rows written.
    @Test func isCutToTheRowsWritten() {
        let width = 3
        let columns = FixedColumns(width: width, dataBytes: 1_000_000)
        columns.append(Self.chunk(rows: 50, width: width, firstDay: 100), chunkBytes: 1_000)
        columns.append(Self.chunk(rows: 1, width: width, firstDay: 150), chunkBytes: 1_000)
        Self.expectColumns(columns.finished(), rows: 51, width: width)
    }

    @Test func givesUpOnADeclinedChunkOrDatesGoingBack() {
        let declined = FixedColumns(width: 2, dataBytes: 100)
        declined.append(Self.chunk(rows: 3, width: 2, firstDay: 100), chunkBytes: 50)
        declined.append(nil, chunkBytes: 50)
        #expect(declined.finished() == nil)

        let back = FixedColumns(width: 2, dataBytes: 100)
        back.append(Self.chunk(rows: 3, width: 2, firstDay: 100), chunkBytes: 50)
        back.append(Self.chunk(rows: 3, width: 2, firstDay: 102), chunkBytes: 50)
        #expect(back.finished() == nil)
        #expect(FixedColumns(width: 2, dataBytes: 100).finished() == nil)
    }
}
