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

    /// Makes room for `count` bytes, keeping the first `keeping`.
    fileprivate func reserve(_ count: Int, keeping: Int) {
        guard count > capacity else { return }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        larger.update(from: bytes, count: keeping)
        bytes.deallocate()
        bytes = larger
        capacity = count
    }
}

/// The fast path of loading one file: its data rows (after the header `LayoutDetector` read) are
/// split into chunks at line boundaries, read with `pread` and scanned by `FastRowScanner` — in
/// parallel when `workers` > 1 — then gathered into columns.
///
/// Returns nil when the file needs the general path: a quote anywhere in the data, a record the
/// scanner does not accept (malformed, or dates not increasing), a record longer than the record
/// limit, or no data rows. The caller then reads the file with `TableReader`, which gives the same
/// result or the located error.
enum FastTableReader {
    /// The largest chunk; files are split into at least four chunks per worker below this.
    static let largestChunk = 16 << 20
    static let smallestChunk = 1 << 20

    static func read(source: ByteSource, plan: ColumnPlan, dataOffset: Int, workers: Int,
                     scratch: [LoadScratch], chunkSize requestedChunk: Int? = nil,
                     cancellation: Cancellation?) throws -> [LoadedTable]? {
        let size = source.size
        let dataBytes = size - dataOffset
        guard dataBytes > 0, !scratch.isEmpty else { return nil }
        let layout = FastRowLayout(plan: plan)
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
                let from = dataOffset + k * chunkSize
                let accepted = try withChunk(source: source, scratch: scratch[worker], from: from,
                                             to: min(size, from + chunkSize), isFirst: k == 0) { p, start, end in
                    guard end > start else {
                        rows.reset(width: layout.width, expectedRows: 0)
                        return true
                    }
                    guard memchr(p + start, Int32(UInt8(ascii: "\"")), end - start) == nil else { return false }
                    rows.reset(width: layout.width, expectedRows: expectedRows(p, start, end))
                    var tickers = TickerTable()
                    return FastRowScanner.scan(p, from: start, to: end, layout: layout, rows: rows, tickers: &tickers)
                }
                if accepted {
                    if chunkCount > 1 { rows.shrinkToFit() }
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
        switch plan.kind {
        case .fixed(let targets):
            return try assembleFixed(complete, targets: targets, path: source.path, workers: workers).map { [$0] }
        case .long(_, let fields):
            return try assembleLong(complete, fields: fields.map(\.field), path: source.path, workers: workers)
        }
    }

    /// Room for the rows of a region, guessed from its first line (grown if it was short).
    private static func expectedRows(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let firstLine = memchr(p + start, Int32(UInt8(ascii: "\n")), end - start)
            .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - (p + start) + 1 } ?? (end - start)
        return (end - start) / max(1, firstLine) * 9 / 8 + 16
    }

    /// Calls `body` with bytes holding the lines of the chunk `[from, to)`: those starting in it
    /// (a line starts after a newline, or at `from` for the first chunk), each to its end.
    /// Returns `body`'s answer, or false when the region's last line is over the record limit.
    private static func withChunk(source: ByteSource, scratch: LoadScratch, from: Int, to: Int, isFirst: Bool,
                                  _ body: (UnsafePointer<UInt8>, Int, Int) -> Bool) throws -> Bool {
        if let answer = source.withMemoryBytes({ all -> Bool in
            guard let base = all.baseAddress else { return true }
            guard let (start, end) = region(base, origin: 0, count: all.count, from: from, to: to,
                                            isFirst: isFirst, atEnd: true) else { return false }
            return body(base, start, end)
        }) {
            return answer
        }
        // From a file: read [from - 1, to) and then on until the newline that ends the last line.
        let origin = isFirst ? from : from - 1
        var loaded = 0
        var wanted = to - origin
        var atEnd = false
        while true {
            scratch.reserve(wanted, keeping: loaded)
            let got = try source.read(into: scratch.bytes + loaded, at: origin + loaded, count: wanted - loaded)
            loaded += got
            if loaded < wanted { atEnd = true }
            if atEnd || memchr(scratch.bytes + max(0, to - 1 - origin), Int32(UInt8(ascii: "\n")),
                               loaded - max(0, to - 1 - origin)) != nil {
                break
            }
            guard loaded - (to - origin) <= CSVRecordReader.maximumRecordSize else { return false }
            wanted = loaded + max(1 << 16, loaded / 4)
        }
        guard let (start, end) = region(scratch.bytes, origin: origin, count: loaded, from: from, to: to,
                                        isFirst: isFirst, atEnd: atEnd) else { return false }
        return body(scratch.bytes, start, end)
    }

    /// The region `[start, end)` (indices into `p`, which holds source bytes `origin ..< origin +
    /// count`) of the lines starting in `[from, to)`; nil when a line end is missing from `p`.
    private static func region(_ p: UnsafePointer<UInt8>, origin: Int, count: Int, from: Int, to: Int,
                               isFirst: Bool, atEnd: Bool) -> (Int, Int)? {
        func lineStart(atOrAfter offset: Int) -> Int? {
            let index = offset - origin
            guard index < count else { return atEnd ? count : nil }
            guard let found = memchr(p + index, Int32(UInt8(ascii: "\n")), count - index) else {
                return atEnd ? count : nil
            }
            return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p + 1
        }
        let start = isFirst ? from - origin : lineStart(atOrAfter: from - 1)
        let end = to >= origin + count && atEnd ? count : lineStart(atOrAfter: to - 1)
        guard let start, let end else { return nil }
        return (start, max(start, end))
    }

    // MARK: Assembly

    /// One table for a fixed-layout file: dates in order across chunks, one column per target.
    private static func assembleFixed(_ chunks: [ChunkRows], targets: [ColumnPlan.Target], path: String,
                                      workers: Int) throws -> LoadedTable? {
        var total = 0
        var last: Day? = nil
        for chunk in chunks where chunk.count > 0 {
            if let last, let first = chunk.firstDate, first <= last { return nil }
            last = chunk.lastDate
            total += chunk.count
        }
        guard total > 0 else { return nil }
        let dates = [Day](unsafeUninitializedCapacity: total) { buffer, initialized in
            var at = 0
            for chunk in chunks {
                (buffer.baseAddress! + at).update(from: chunk.dates, count: chunk.count)
                at += chunk.count
            }
            initialized = total
        }
        var columns = [[Double]](repeating: [], count: targets.count)
        let width = targets.count
        try columns.withUnsafeMutableBufferPointer { output in
            let shared = ParallelWork.Unchecked(output)
            let parallel = total * width > 1 << 16 ? workers : 1
            try ParallelWork.forEach(count: width, workers: parallel) { slot, _ in
                shared.value[slot] = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
                    var at = 0
                    for chunk in chunks {
                        var source = chunk.values + slot
                        for _ in 0..<chunk.count {
                            buffer[at] = source.pointee
                            source += width
                            at &+= 1
                        }
                    }
                    initialized = total
                }
            }
        }
        return LoadedTable.fixed(path: path, dates: dates, targets: targets, columns: columns)
    }

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
        // Per chunk, its rows ordered by local group (a counting sort), so that each group is gathered
        // from contiguous runs.
        var orders: [[Int32]] = []
        var runStarts: [[Int]] = []
        for chunk in chunks {
            var starts = [Int](repeating: 0, count: chunk.groupNames.count + 1)
            for r in 0..<chunk.count { starts[Int(chunk.groups[r]) + 1] += 1 }
            for g in 0..<chunk.groupNames.count { starts[g + 1] += starts[g] }
            var cursor = starts
            var order = [Int32](repeating: 0, count: chunk.count)
            for r in 0..<chunk.count {
                let g = Int(chunk.groups[r])
                order[cursor[g]] = Int32(r)
                cursor[g] += 1
            }
            orders.append(order)
            runStarts.append(starts)
        }
        // Where each global group appears: (chunk, local group).
        var appearances = [[(chunk: Int, local: Int)]](repeating: [], count: names.count)
        for (c, map) in globalOf.enumerated() {
            for (local, global) in map.enumerated() { appearances[global].append((c, local)) }
        }
        let width = fields.count
        var tables = [LoadedTable?](repeating: nil, count: names.count)
        try tables.withUnsafeMutableBufferPointer { output in
            let shared = ParallelWork.Unchecked(output)
            try ParallelWork.forEach(count: names.count, workers: workers) { global, _ in
                let total = totals[global]
                let runs = appearances[global]
                let dates = [Day](unsafeUninitializedCapacity: total) { buffer, initialized in
                    var at = 0
                    for (c, local) in runs {
                        let chunk = chunks[c]
                        for k in runStarts[c][local]..<runStarts[c][local + 1] {
                            buffer[at] = chunk.dates[Int(orders[c][k])]
                            at += 1
                        }
                    }
                    initialized = total
                }
                var byField: [Field: [Double]] = [:]
                for (slot, field) in fields.enumerated() {
                    byField[field] = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
                        var at = 0
                        for (c, local) in runs {
                            let chunk = chunks[c]
                            for k in runStarts[c][local]..<runStarts[c][local + 1] {
                                buffer[at] = chunk.values[Int(orders[c][k]) &* width &+ slot]
                                at += 1
                            }
                        }
                        initialized = total
                    }
                }
                shared.value[global] = LoadedTable(path: path, dates: dates, tickers: [(names[global], byField)])
            }
        }
        return tables.compactMap { $0 }
    }
}
