/// Wide CSV rows, `date,v1,v2,…` for each date, formatted on every core: a universe's 3.3 million
/// prices are text in about a tenth of a second.
///
/// A number is written in the shortest form that reads back to the same double (`NumberFormat.roundTrip`),
/// NaN as an empty cell and ±infinity as `inf`/`-inf`.
public enum CSVRows {
    /// `header` (its line end included), then one line per date of `columns[k][row]` values.
    public static func text(header: String, dates: [Day], columns: [[Double]]) -> String {
        let blocks = Blocks(rows: dates.count, columns: columns.count)
        let pieces = format(blocks: 0..<blocks.count, of: blocks, dates: dates, columns: columns)
        let total = header.utf8.count + pieces.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for byte in header.utf8 { buffer[at] = byte; at += 1 }
            for piece in pieces {
                piece.withUnsafeBufferPointer { bytes in
                    guard let from = bytes.baseAddress, let to = buffer.baseAddress else { return }
                    (to + at).update(from: from, count: bytes.count)
                }
                at += piece.count
            }
            return at
        }
    }

    /// The bytes of `text(header:dates:columns:)`, handed to `write` in order, a few blocks of rows at
    /// a time (each batch formatted on every core): the whole text is never held, only about
    /// `4 × processors` blocks of 1/64 of the rows. `cancellation` is polled between batches; when it
    /// throws (or `write` does), the rest is not written.
    public static func write(header: String, dates: [Day], columns: [[Double]], cancellation: Cancellation? = nil,
                             to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var head = header
        try head.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        let blocks = Blocks(rows: dates.count, columns: columns.count)
        let batch = 4 * max(1, blocks.workers)
        var first = 0
        while first < blocks.count {
            try cancellation?.check()
            let range = first..<min(blocks.count, first + batch)
            for piece in format(blocks: range, of: blocks, dates: dates, columns: columns) {
                try piece.withUnsafeBytes { try write($0) }
            }
            first = range.upperBound
        }
    }

    /// How the rows are cut: 64 blocks (of at least 64 rows), formatted on every core when there is
    /// enough to do.
    private struct Blocks {
        let rows: Int
        let size: Int
        let count: Int
        let workers: Int

        init(rows: Int, columns: Int) {
            self.rows = rows
            size = max(64, rows / 64)
            count = (rows + size - 1) / size
            workers = rows * max(1, columns) > 1 << 14 ? ParallelWork.processorCount : 1
        }

        func rows(of block: Int) -> Range<Int> { block * size..<min(rows, (block + 1) * size) }
    }

    /// The text of each block in `range`, in order.
    private static func format(blocks range: Range<Int>, of blocks: Blocks, dates: [Day],
                               columns: [[Double]]) -> [[UInt8]] {
        var pieces = [[UInt8]](repeating: [], count: range.count)
        pieces.withUnsafeMutableBufferPointer { output in
            let shared = ParallelWork.Unchecked(output)
            try? ParallelWork.forEach(count: range.count, workers: blocks.workers) { k, _ in
                var stream = ByteStream()
                let rows = blocks.rows(of: range.lowerBound + k)
                stream.bytes.reserveCapacity(rows.count * (11 + 18 * columns.count))
                for row in rows {
                    stream.write(dates[row].description)
                    for column in columns {
                        stream.bytes.append(UInt8(ascii: ","))
                        let x = column[row]
                        if x.isFinite { x.write(to: &stream) } else if !x.isNaN { stream.write(NumberFormat.nonFinite(x)) }
                    }
                    stream.bytes.append(UInt8(ascii: "\n"))
                }
                shared.value[k] = stream.bytes
            }
        }
        return pieces
    }

    /// Text written straight into bytes: `Double.write(to:)` hands its digits over as ASCII, so no
    /// String is made per number.
    private struct ByteStream: TextOutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }
}
