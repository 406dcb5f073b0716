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
    private var columns: [[Double]]
    /// A chunk was declined, or its dates did not follow the previous chunk's: the fast path gives up.
    private var failed = false
    /// A chunk's values column by column (reused), appended to the columns from there.
    private var transposed: UnsafeMutablePointer<Double>
    private var transposedCapacity = 0

    init(width: Int, dataBytes: Int) {
        self.width = width
        self.dataBytes = dataBytes
        columns = [[Double]](repeating: [], count: width)
        transposed = .allocate(capacity: 1)
    }

    deinit { transposed.deallocate() }

    /// Appends the rows of the next chunk of `chunkBytes` bytes; nil when the chunk was not read.
    func append(_ rows: ChunkRows?, chunkBytes: Int) {
        guard !failed, let rows else { failed = true; return }
        let count = rows.count
        guard count > 0, width > 0 else { return }
        if let last = dates.last, let first = rows.firstDate, first <= last { failed = true; return }
        if dates.isEmpty { reserve(firstChunkRows: count, chunkBytes: chunkBytes) }
        dates.append(contentsOf: UnsafeBufferPointer(start: rows.dates, count: count))
        if count * width > transposedCapacity {
            transposed.deallocate()
            transposedCapacity = max(count * width, transposedCapacity + transposedCapacity / 4)
            transposed = .allocate(capacity: transposedCapacity)
        }
        // Eight columns at a time: a row's eight values share a cache line or two.
        let values = rows.values
        var first = 0
        while first < width {
            let block = min(8, width - first)
            var source = UnsafePointer(values + first)
            for r in 0..<count {
                for c in 0..<block { transposed[(first &+ c) &* count &+ r] = source[c] }
                source += width
            }
            first += block
        }
        for c in 0..<width {
            columns[c].append(contentsOf: UnsafeBufferPointer(start: transposed + c * count, count: count))
        }
    }

    /// The dates and columns, or nil when the fast path gave up or read no rows.
    func finished() -> (dates: [Day], columns: [[Double]])? {
        failed || dates.isEmpty ? nil : (dates, columns)
    }

    /// Room for the whole file, guessed from its first chunk (a little more, as lines vary; the
    /// arrays grow if it is short).
    private func reserve(firstChunkRows count: Int, chunkBytes: Int) {
        let expected = dataBytes <= chunkBytes ? count : count * (dataBytes / max(1, chunkBytes) + 1) * 21 / 20 + 16
        dates.reserveCapacity(expected)
        for c in 0..<width { columns[c].reserveCapacity(expected) }
    }
}
