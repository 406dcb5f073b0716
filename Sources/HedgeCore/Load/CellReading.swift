/// Reading the date and number cells of the reader's current record, with located errors.
extension CSVRecordReader {
    /// Checks the current record has as many fields as the header.
    func requireFieldCount(_ plan: ColumnPlan) throws {
        guard fieldCount == plan.columnCount else {
            throw HedgeError("expected \(plan.columnCount) fields, found \(fieldCount)",
                             at: SourceLocation(file: path, line: lineNumber))
        }
    }

    /// The date in `column`; `YYYY-MM-DD` (optionally with a time part), `YYYY/MM/DD` or `YYYYMMDD`.
    func date(column: Int, plan: ColumnPlan) throws -> Day {
        if let day = CSVRecordReader.day(in: field(column)) { return day }
        throw HedgeError("cannot read \"\(quotedText(column))\" as a date (column \"\(plan.columnNames[column])\")",
                         at: SourceLocation(file: path, line: lineNumber, column: column + 1))
    }

    /// The number in `column`; empty cells and missing-value markers are NaN.
    func number(column: Int, plan: ColumnPlan) throws -> Double {
        if let value = DecimalParser.parse(field(column)) { return value }
        throw HedgeError("cannot read \"\(quotedText(column))\" as a number (column \"\(plan.columnNames[column])\")",
                         at: SourceLocation(file: path, line: lineNumber, column: column + 1))
    }

    /// The cell's text for an error message, shortened when long.
    func quotedText(_ column: Int) -> String {
        let text = self.text(column)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// The date a cell holds: `YYYY-MM-DD` (optionally with a time part), `YYYY/MM/DD` or `YYYYMMDD`,
    /// surrounding spaces ignored; nil for anything else.
    @inline(__always)
    static func day(in cell: UnsafeBufferPointer<UInt8>) -> Day? {
        isoDate(cell) ?? Day.parse(ArraySlice(trimmingSpaces(cell)))
    }

    /// `YYYY-MM-DD` without allocating; nil for anything else (the caller falls back to `Day.parse`).
    private static func isoDate(_ cell: UnsafeBufferPointer<UInt8>) -> Day? {
        guard cell.count >= 10, let p = cell.baseAddress, p[4] == 0x2D, p[7] == 0x2D else { return nil }
        if cell.count > 10 && p[10] != UInt8(ascii: "T") && p[10] != 0x20 { return nil }
        func digit(_ k: Int) -> Int? {
            let value = p[k] &- 48
            return value < 10 ? Int(value) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        return Day(year: ((y0 * 10 + y1) * 10 + y2) * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    private static func trimmingSpaces(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = cell.baseAddress else { return cell }
        var start = 0, end = cell.count
        while start < end && base[start] == 0x20 { start += 1 }
        while end > start && base[end - 1] == 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: cell[start..<end])
    }
}
