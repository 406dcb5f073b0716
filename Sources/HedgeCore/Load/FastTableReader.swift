#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A worker's reusable memory: the bytes of the chunk it reads and the rows of a one-chunk file.
final class LoadScratch {
    fileprivate var bytes: UnsafeMutablePointer<UInt8>
    fileprivate var capacity: Int
    let rows = ChunkRows()

    init() {
        capacity = 1 << 16
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    /// Makes room for `count` bytes, keeping the first `keeping`. Grows by doubling at least: a
    /// partial line carried over from block to block would otherwise make it grow (and fault in
    /// new pages) at nearly every block.
    fileprivate func reserve(_ count: Int, keeping: Int) {
        guard count > capacity else { return }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, capacity * 2))
        larger.update(from: bytes, count: keeping)
        bytes.deallocate()
        bytes = larger
        capacity = max(count, capacity * 2)
    }
}

/// The fast path of loading one file: its data rows (after the header `LayoutDetector` read) are
/// split into chunks at line boundaries, read with `pread` and scanned by `FastRowScanner` — in
/// parallel when `workers` > 1 — then gathered into columns: chunk by chunk as they are read for
/// the fixed layouts (`FixedColumns`), at the end for the long layout, whose tickers are spread
/// over the whole file.
///
/// Returns nil when the file needs the general path: a quote anywhere in the data, a record the
/// scanner does not accept (malformed, or dates not increasing), a record longer than the record
/// limit, or no data rows. The caller then reads the file with `TableReader`, which gives the same
/// result or the located error.
enum FastTableReader {
    /// The largest chunk of a long-layout file; files are split into at least four chunks per
    /// worker below this.
    static let largestChunk = 16 << 20
    static let smallestChunk = 1 << 20

    static func read(source: ByteSource, plan: ColumnPlan, dataOffset: Int, workers: Int,
                     scratch: [LoadScratch], chunkSize requestedChunk: Int? = nil,
                     cancellation: Cancellation?) throws -> [LoadedTable]? {
        let size = source.size
        let dataBytes = size - dataOffset
        guard dataBytes > 0, !scratch.isEmpty else { return nil }
        let layout = FastRowLayout(plan: plan)
        if case .fixed(let targets) = plan.kind {
            return try readFixed(source: source, layout: layout, targets: targets, dataOffset: dataOffset,
                                 workers: workers, scratch: scratch, chunkSize: requestedChunk,
                                 cancellation: cancellation).map { [$0] }
        }
        let chunkSize = requestedChunk
            ?? min(largestChunk, max(smallestChunk, dataBytes / max(1, workers * 4)))
        let chunkCount = (dataBytes + chunkSize - 1) / chunkSize
        let usedWorkers = min(workers, chunkCount, scratch.count)
        var chunks = [ChunkRows?](repeating: nil, count: chunkCount)
        try chunks.withUnsafeMutableBufferPointer { results in
            let output = ParallelWork.Unchecked(results)
            try ParallelWork.forEach(count: chunkCount, workers: usedWorkers) { k, worker in
                try cancellation?.check()
                let rows = chunkCount == 1 ? scratch[worker].rows : ChunkRows()
                if try scanChunk(k, of: source, dataOffset: dataOffset, chunkSize: chunkSize, layout: layout,
                                 into: rows, scratch: scratch[worker]) {
                    if layout.isLong { rows.orderByGroup() }
                    output.value[k] = rows
                }
            }
        }
        try cancellation?.check()
        var complete: [ChunkRows] = []
        complete.reserveCapacity(chunkCount)
        for chunk in chunks {
            guard let chunk else { return nil }
            complete.append(chunk)
        }
        guard case .long(_, let fields) = plan.kind else { return nil }
        return try assembleLong(complete, fields: fields.map(\.field), path: source.path, workers: workers)
    }

    /// The chunk size of a fixed layout: small, so that a worker's rows stay in its cache and are
    /// reused from chunk to chunk.
    static let fixedChunk = 1 << 20

    /// A fixed-layout file (one row per date): workers scan chunks into their own reusable rows,
    /// and each chunk, in file order, is then appended to the final columns. The file's values are
    /// thus written once into memory of their own, never into rows of the whole file first.
    private static func readFixed(source: ByteSource, layout: FastRowLayout, targets: [ColumnPlan.Target],
                                  dataOffset: Int, workers: Int, scratch: [LoadScratch], chunkSize requestedChunk: Int?,
                                  cancellation: Cancellation?) throws -> LoadedTable? {
        let dataBytes = source.size - dataOffset
        let chunkSize = max(1, requestedChunk ?? fixedChunk)
        let chunkCount = (dataBytes + chunkSize - 1) / chunkSize
        let usedWorkers = min(workers, chunkCount, scratch.count)
        let columns = FixedColumns(width: layout.width, dataBytes: dataBytes)
        let turns = ChunkTurns(count: chunkCount)
        try ParallelWork.forEach(count: chunkCount, workers: usedWorkers) { k, worker in
            let rows = scratch[worker].rows
            try turns.run(k, {
                try cancellation?.check()
                return try scanChunk(k, of: source, dataOffset: dataOffset, chunkSize: chunkSize, layout: layout,
                                     into: rows, scratch: scratch[worker])
            }, inOrder: { accepted in
                columns.append(accepted == true ? rows : nil, chunkBytes: chunkSize)
            })
        }
        try cancellation?.check()
        guard let (dates, values) = columns.finished() else { return nil }
        return LoadedTable.fixed(path: source.path, dates: dates, targets: targets, columns: values)
    }

    /// Scans the lines of chunk `k` (those starting in its `chunkSize` bytes after `dataOffset`) into
    /// `rows`, emptied first; false when the fast path declines them.
    private static func scanChunk(_ k: Int, of source: ByteSource, dataOffset: Int, chunkSize: Int,
                                  layout: FastRowLayout, into rows: ChunkRows, scratch: LoadScratch) throws -> Bool {
        let from = dataOffset + k * chunkSize
        let to = min(source.size, from + chunkSize)
        rows.reset(width: layout.width, expectedRows: 0)
        var tickers = TickerTable()
        var sized = false
        return try forEachBlock(source: source, scratch: scratch, from: from, to: to, isFirst: k == 0) { p, start, end in
            guard memchr(p + start, Int32(UInt8(ascii: "\"")), end - start) == nil else { return false }
            if !sized {
                // Room for the chunk's rows, guessed from the first line (grown if short).
                rows.reset(width: layout.width, expectedRows: expectedRows(p, start, end, chunkBytes: to - from))
                sized = true
            }
            return FastRowScanner.scan(p, from: start, to: end, layout: layout, rows: rows, tickers: &tickers)
        }
    }

    /// Room for the rows of `chunkBytes` bytes, guessed from the first line of `p[start..<end]`.
    private static func expectedRows(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, chunkBytes: Int) -> Int {
        let firstLine = memchr(p + start, Int32(UInt8(ascii: "\n")), end - start)
            .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - (p + start) + 1 } ?? (end - start)
        return chunkBytes / max(1, firstLine) * 9 / 8 + 16
    }

    /// How much of a file is read at a time: small enough to stay in the cache between `pread`'s
    /// copy and the scan (256 KB read the wide file 5–10% faster than 1 MB on this machine).
    static let blockSize = 1 << 18

    /// Calls `scan` on consecutive pieces of whole lines that together are the lines of the chunk
    /// `[from, to)`: those starting in it (a line starts after a newline, or at `from` for the first
    /// chunk), each to its end. Stops at the first false. Returns false when `scan` did, or when a
    /// line is longer than the record limit (the general path then reports it).
    private static func forEachBlock(source: ByteSource, scratch: LoadScratch, from: Int, to: Int, isFirst: Bool,
                                     _ scan: (UnsafePointer<UInt8>, Int, Int) -> Bool) throws -> Bool {
        if let answer = source.withMemoryBytes({ all -> Bool in
            guard let base = all.baseAddress else { return true }
            let start = isFirst ? from : lineStart(base, atOrAfter: from - 1, count: all.count)
            let end = to >= all.count ? all.count : lineStart(base, atOrAfter: to - 1, count: all.count)
            return end <= start || scan(base, start, end)
        }) {
            return answer
        }
        // From a file: blocks of `blockSize`, a partial last line carried over to the next block.
        let newline = Int32(UInt8(ascii: "\n"))
        var offset = isFirst ? from : from - 1   // the file offset of scratch.bytes[0]
        var held = 0                             // bytes in scratch.bytes
        var started = isFirst                    // found the first line start
        var position = 0                         // where the unscanned lines start in the buffer
        while true {
            // Move the unscanned bytes to the front, then read a block after them.
            if position > 0 {
                if held > position { memmove(scratch.bytes, scratch.bytes + position, held - position) }
                offset += position
                held -= position
                position = 0
            }
            guard held <= CSVRecordReader.maximumRecordSize else { return false }
            scratch.reserve(held + blockSize, keeping: held)
            let got = try source.read(into: scratch.bytes + held, at: offset + held, count: blockSize)
            held += got
            let atEnd = got < blockSize
            let p = scratch.bytes
            if !started {
                guard let found = memchr(p, newline, held) else {
                    if atEnd { return true }
                    position = held
                    continue
                }
                position = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p + 1
                started = true
            }
            // The chunk ends after the first newline at or after `to - 1`.
            let endSearch = max(position, to - 1 - offset)
            if endSearch < held, let found = memchr(p + endSearch, newline, held - endSearch) {
                let end = UnsafeMutablePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p + 1
                return end <= position || scan(p, position, end)
            }
            if atEnd { return held <= position || scan(p, position, held) }
            // Scan the whole lines read so far; keep the partial last one.
            var end = held
            while end > position && p[end - 1] != UInt8(ascii: "\n") { end -= 1 }
            guard end > position else { continue }
            guard scan(p, position, end) else { return false }
            position = end
        }
    }

    /// The index after the first newline at or after `offset` in `p[0..<count]`, or `count`.
    private static func lineStart(_ p: UnsafePointer<UInt8>, atOrAfter offset: Int, count: Int) -> Int {
        guard offset < count, let found = memchr(p + offset, Int32(UInt8(ascii: "\n")), count - offset) else { return count }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p + 1
    }

    // MARK: Assembly

    /// One table per ticker of a long-layout file, in first-appearance order.
    private static func assembleLong(_ chunks: [ChunkRows], fields: [Field], path: String,
                                     workers: Int) throws -> [LoadedTable]? {
        // Global groups by name; per chunk, each local group's global index.
        var index: [String: Int] = [:]
        var names: [String] = []
        var lastDates: [Day] = []
        var totals: [Int] = []
        var globalOf: [[Int]] = []
        for chunk in chunks {
            var map: [Int] = []
            map.reserveCapacity(chunk.groupNames.count)
            for (local, name) in chunk.groupNames.enumerated() {
                let global: Int
                if let known = index[name] {
                    global = known
                    guard chunk.groupFirst[local] > lastDates[global] else { return nil }
                } else {
                    global = names.count
                    index[name] = global
                    names.append(name)
                    lastDates.append(chunk.groupFirst[local])
                    totals.append(0)
                }
                lastDates[global] = chunk.groupLast[local]
                totals[global] += chunk.groupCounts[local]
                map.append(global)
            }
            globalOf.append(map)
        }
        guard !names.isEmpty else { return nil }
        // Where each global group appears: (chunk, local group).
        var appearances = [[(chunk: Int, local: Int)]](repeating: [], count: names.count)
        for (c, map) in globalOf.enumerated() {
            for (local, global) in map.enumerated() { appearances[global].append((c, local)) }
        }
        let width = fields.count
        // Immutable copies for the parallel loop (no exclusivity checks on captured variables).
        let (placesOf, totalOf, nameOf) = (appearances, totals, names)
        var tables = [LoadedTable?](repeating: nil, count: names.count)
        try tables.withUnsafeMutableBufferPointer { output in
            let shared = ParallelWork.Unchecked(output)
            try ParallelWork.forEach(count: names.count, workers: workers) { global, _ in
                let total = totalOf[global]
                let runs = placesOf[global]
                let dates = [Day](unsafeUninitializedCapacity: total) { buffer, initialized in
                    var at = 0
                    for (c, local) in runs {
                        let chunk = chunks[c]
                        let run = chunk.runStarts[local]..<chunk.runStarts[local + 1]
                        (buffer.baseAddress! + at).update(from: chunk.dates + run.lowerBound, count: run.count)
                        at += run.count
                    }
                    initialized = total
                }
                var byField: [Field: [Double]] = [:]
                for (slot, field) in fields.enumerated() {
                    byField[field] = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
                        var at = 0
                        for (c, local) in runs {
                            let chunk = chunks[c]
                            var source = chunk.values + (chunk.runStarts[local] &* width &+ slot)
                            for _ in chunk.runStarts[local]..<chunk.runStarts[local + 1] {
                                buffer[at] = source.pointee
                                source += width
                                at &+= 1
                            }
                        }
                        initialized = total
                    }
                }
                shared.value[global] = LoadedTable(path: path, dates: dates, tickers: [(nameOf[global], byField)])
            }
        }
        return tables.compactMap { $0 }
    }
}
