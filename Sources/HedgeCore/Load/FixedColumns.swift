/// The dates and columns of a fixed-layout file (one row per date), built chunk by chunk in file
/// order by `FastTableReader`: each chunk's rows, read by a worker into its reusable `ChunkRows`,
/// are copied into the final columns during the chunk's turn (`ChunkTurns`), so the file's values
/// are written once into memory of their own and never held as rows of the whole file.
///
/// Used from one thread at a time (the turns order the calls).
final class FixedColumns {
    private let width: Int
    private let dataBytes: Int
    private var dates: [Day] = []
    /// The columns, each `rowCapacity` long; the first `filled` rows are the file's, the rest are
    /// room not yet written (never read, and cut off by `finished`).
    private var columns: [[Double]]
    private var filled = 0
    private var rowCapacity = 0
    /// A chunk was declined, or its dates did not follow the previous chunk's: the fast path gives up.
    private var failed = false

    init(width: Int, dataBytes: Int) {
        self.width = width
        self.dataBytes = dataBytes
        columns = [[Double]](repeating: [], count: width)
    }

    /// Appends the rows of the next chunk of `chunkBytes` bytes; nil when the chunk was not read.
    func append(_ rows: ChunkRows?, chunkBytes: Int) {
        guard !failed, let rows else { failed = true; return }
        let count = rows.count
        guard count > 0, width > 0 else { return }
        if let last = dates.last, let first = rows.firstDate, first <= last { failed = true; return }
        if dates.isEmpty { makeRoom(rows: expectedRows(firstChunkRows: count, chunkBytes: chunkBytes)) }
        if filled + count > rowCapacity { makeRoom(rows: max(filled + count, rowCapacity + rowCapacity / 4)) }
        dates.append(contentsOf: UnsafeBufferPointer(start: rows.dates, count: count))
        // Straight from the chunk's rows into each column: the rows are in cache, so reading them with
        // the row's stride costs less than another copy through a column-major buffer.
        let values = UnsafePointer(rows.values)
        let width = width, start = filled
        for c in 0..<width {
            columns[c].withUnsafeMutableBufferPointer { column in
                guard let base = column.baseAddress else { return }
                let target = base + start
                var source = values + c
                for r in 0..<count {
                    target[r] = source.pointee
                    source += width
                }
            }
        }
        filled += count
    }

    /// The dates and columns, or nil when the fast path gave up or read no rows.
    func finished() -> (dates: [Day], columns: [[Double]])? {
        guard !failed, !dates.isEmpty else { return nil }
        let unused = rowCapacity - filled
        if unused > 0 { for c in 0..<width { columns[c].removeLast(unused) } }
        rowCapacity = filled
        return (dates, columns)
    }

    /// Room for the whole file, guessed from its first chunk (a little more, as lines vary; the
    /// columns grow if it is short).
    private func expectedRows(firstChunkRows count: Int, chunkBytes: Int) -> Int {
        dataBytes <= chunkBytes ? count : count * (dataBytes / max(1, chunkBytes) + 1) * 21 / 20 + 16
    }

    /// Makes every column `rows` long, keeping the rows filled. The new slots are left as the
    /// allocator gave them: a `Double` has no invalid bit pattern, and every slot is written before
    /// `finished` hands a column out (or it is cut off), so the pages are touched once, when written.
    private func makeRoom(rows: Int) {
        guard rows > rowCapacity else { return }
        dates.reserveCapacity(rows)
        let kept = filled
        for c in 0..<width {
            columns[c] = columns[c].withUnsafeBufferPointer { old in
                [Double](unsafeUninitializedCapacity: rows) { room, initialized in
                    if kept > 0, let from = old.baseAddress, let to = room.baseAddress {
                        to.initialize(from: from, count: kept)
                    }
                    initialized = rows
                }
            }
        }
        rowCapacity = rows
    }
}
