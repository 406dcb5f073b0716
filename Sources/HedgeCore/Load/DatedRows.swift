/// Rows of one group of value columns as read from a file: dates, their line numbers, and the values
/// row by row. `sortedColumns` orders them by date and rejects duplicate dates.
struct DatedRows {
    /// Values per row.
    let width: Int
    private(set) var dates: [Day] = []
    private(set) var lines: [Int] = []
    /// Row-major: row r's values are `values[r * width ..< (r + 1) * width]`.
    var values: [Double] = []
    private var isSorted = true

    init(width: Int) { self.width = width }

    /// Starts a row; the caller then appends exactly `width` values.
    mutating func startRow(date: Day, line: Int) {
        if let last = dates.last, date <= last { isSorted = false }
        dates.append(date)
        lines.append(line)
    }

    /// Dates in increasing order and one array per value column; two rows with the same date are an
    /// error naming both lines, located at the later one.
    func sortedColumns(path: String, dateColumn: Int) throws -> (dates: [Day], columns: [[Double]]) {
        var order: [Int] = []
        if !isSorted {
            order = Array(dates.indices)
            order.sort { dates[$0] != dates[$1] ? dates[$0] < dates[$1] : lines[$0] < lines[$1] }
            for k in order.indices.dropFirst() where dates[order[k]] == dates[order[k - 1]] {
                let earlier = min(lines[order[k - 1]], lines[order[k]])
                let later = max(lines[order[k - 1]], lines[order[k]])
                throw HedgeError("duplicate date \(dates[order[k]]) (lines \(earlier) and \(later))",
                                 at: SourceLocation(file: path, line: later, column: dateColumn + 1))
            }
        }
        let sortedDates = isSorted ? dates : order.map { dates[$0] }
        var columns: [[Double]] = []
        columns.reserveCapacity(width)
        values.withUnsafeBufferPointer { rowMajor in
            for k in 0..<width {
                if isSorted {
                    columns.append(Array(unsafeUninitializedCapacity: dates.count) { column, initialized in
                        for row in 0..<dates.count { column[row] = rowMajor[row &* width &+ k] }
                        initialized = dates.count
                    })
                } else {
                    columns.append(order.map { rowMajor[$0 * width + k] })
                }
            }
        }
        return (sortedDates, columns)
    }
}
