import Testing
@testable import HedgeCore

/// `CSVRows.text` (blocks of rows formatted on every core, numbers written straight into bytes)
/// against its definition: each number's `NumberFormat.roundTrip`, NaN empty, rows in date order.
struct CSVRowsTests {
    private func definition(header: String, dates: [Day], columns: [[Double]]) -> String {
        var out = header
        for row in dates.indices {
            out += dates[row].description
            for column in columns {
                let x = column[row]
                out += "," + (x.isNaN ? "" : NumberFormat.roundTrip(x))
            }
            out += "\n"
        }
        return out
    }

    @Test func matchesTheDefinitionOnAwkwardNumbers() {
        var generator = SplitMix(seed: 41)
        let specials: [Double] = [.nan, .infinity, -.infinity, -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                  1e-300, 123.63253784179688, 112117500, 0.1, -2.5e22, 1e16]
        for (rows, width) in [(0, 3), (1, 0), (1, 1), (63, 2), (64, 5), (65, 1), (3_000, 7), (20_000, 2)] {
            var day = Day(year: 1999, month: 12, day: 30) ?? Day(ordinal: 0)
            let dates: [Day] = (0..<rows).map { _ in day = day.adding(days: 1); return day }
            let columns: [[Double]] = (0..<width).map { _ in
                (0..<rows).map { _ in
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: return specials[Int.random(in: 0..<specials.count, using: &generator)]
                    case 1: return Double(bitPattern: generator.next())
                    default: return Double(Float(Double.random(in: 0.01...900, using: &generator)))
                    }
                }
            }
            let header = "date" + (0..<width).map { ",T\($0)" }.joined() + "\n"
            let text = CSVRows.text(header: header, dates: dates, columns: columns)
            #expect(text == definition(header: header, dates: dates, columns: columns), "\(rows) × \(width)")
            // Written in pieces, the same bytes.
            var written: [UInt8] = []
            var pieces = 0
            try? CSVRows.write(header: header, dates: dates, columns: columns) { bytes in
                written.append(contentsOf: bytes)
                pieces += 1
            }
            #expect(written == Array(text.utf8), "written, \(rows) × \(width)")
            #expect(pieces == 1 + (rows == 0 ? 0 : (rows + max(64, rows / 64) - 1) / max(64, rows / 64)), "\(rows)")
            // And it reads back: every finite number to the same bits.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            for (row, line) in lines.prefix(rows).enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).dropFirst()
                for (k, cell) in cells.enumerated() where columns[k][row].isFinite {
                    #expect(Double(String(cell))?.bitPattern == columns[k][row].bitPattern, "\(cell)")
                }
            }
        }
    }

    /// A cancellation between batches stops the writing: what was handed over is a prefix of the text,
    /// and the error says it was interrupted.
    @Test func aCancellationStopsTheWritingBetweenBatches() {
        let rows = 20_000
        let dates = (0..<rows).map { Day(ordinal: 10_000 + $0) }
        let columns = [(0..<rows).map { Double($0) / 8 }, (0..<rows).map { Double($0) * 3 }]
        let text = Array(CSVRows.text(header: "date,a,b\n", dates: dates, columns: columns).utf8)
        let cancellation = Cancellation()
        var written: [UInt8] = []
        var failure: (any Error)?
        do {
            try CSVRows.write(header: "date,a,b\n", dates: dates, columns: columns, cancellation: cancellation) { bytes in
                written.append(contentsOf: bytes)
                if written.count > 20 { cancellation.cancel() }
            }
        } catch {
            failure = error
        }
        #expect("\(failure.map { "\($0)" } ?? "none")" == "interrupted")
        #expect(written.count > 20 && written.count < text.count / 2)
        #expect(Array(text.prefix(written.count)) == written)
    }
}
