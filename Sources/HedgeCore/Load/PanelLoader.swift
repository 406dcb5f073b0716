/// Options for loading price files.
public struct LoadOptions: Sendable, Equatable {
    /// Which field the value columns of a wide CSV (`Date,AAPL,MSFT,…`) hold.
    public var wideField: Field
    /// Keep dates on or after this day.
    public var from: Day?
    /// Keep dates on or before this day.
    public var to: Day?
    /// Keep only these fields (nil: every field the files have). The other columns are skipped
    /// while scanning, never parsed: loading only the fields a computation uses is faster and holds
    /// less memory.
    public var fields: Set<Field>?

    public init(wideField: Field = .price, from: Day? = nil, to: Day? = nil, fields: Set<Field>? = nil) {
        self.wideField = wideField; self.from = from; self.to = to; self.fields = fields
    }
}

/// Reads price/volume files of the supported layouts into a `Panel`.
///
/// Layouts, recognized from the header: yfinance per-ticker CSV (with or without `Adj Close`),
/// the yfinance multi-ticker export, Stooq-style `Date,Open,High,Low,Close,Volume`, wide
/// `Date,AAPL,MSFT,…` and long `date,ticker,close,…`. Single-ticker files take their ticker from the
/// file name (`aapl.us.txt` → `AAPL`).
public enum PanelLoader {
    /// Loads each file and merges them by an outer join on date (as `yf.download` does),
    /// then applies the date filter. Errors name the file, line and column.
    /// `cancellation` is polled between chunks and files.
    ///
    /// Several files are read in parallel, one file per core; a single large file is split into
    /// chunks read in parallel. Either way the result (or the error, that of the first failing
    /// file in `paths` order) is the same as reading them one after the other.
    public static func load(paths: [String], options: LoadOptions = LoadOptions(),
                            cancellation: Cancellation? = nil) throws -> Panel {
        try loadFiles(paths: paths, options: options, cancellation: cancellation).panel
    }

    /// Loads the `eager` fields the files have (all of them when the files have none of these) and
    /// leaves the others in the files: `PanelLoad.deferred` reads them when first asked for. A universe
    /// whose analysis uses prices and volumes then holds two fields of six.
    public static func load(paths: [String], eager: Set<Field>, options: LoadOptions = LoadOptions(),
                            cancellation: Cancellation? = nil) throws -> PanelLoad {
        var eagerOptions = options
        eagerOptions.fields = options.fields.map { $0.intersection(eager) } ?? eager
        let files = try loadFiles(paths: paths, options: eagerOptions, cancellation: cancellation)
        let wanted = options.fields ?? Set(Field.allCases)
        let available = files.available.intersection(wanted)
        if files.panel.fields.isEmpty, !available.isSubset(of: eager) {
            // None of the eager fields is in the files: load what they have.
            return try load(paths: paths, eager: available, options: options, cancellation: cancellation)
        }
        let left = available.subtracting(files.panel.fields)
        let deferred = left.isEmpty ? nil
            : DeferredFields(paths: paths, options: options, stamps: files.stamps, fields: left,
                             dates: files.panel.dates, tickers: files.panel.tickers)
        return PanelLoad(panel: files.panel, availableFields: Field.allCases.filter(available.contains), deferred: deferred)
    }

    /// The panel, every field the files' headers name, and each file's stamp when it was opened.
    static func loadFiles(paths: [String], options: LoadOptions, cancellation: Cancellation?)
        throws -> (panel: Panel, available: Set<Field>, stamps: [FileStamp?]) {
        guard !paths.isEmpty else { throw HedgeError("no files to load") }
        let workers = ParallelWork.processorCount
        ParallelWork.wakeWorkers(workers)
        let scratch = (0..<workers).map { _ in LoadScratch() }
        var perFile = [FileRead?](repeating: nil, count: paths.count)
        if paths.count == 1 {
            try cancellation?.check()
            perFile[0] = try read(try ByteSource.opening(path: paths[0]), options: options, workers: workers,
                                  scratch: scratch, cancellation: cancellation)
        } else {
            let calendars = SharedDates()
            try perFile.withUnsafeMutableBufferPointer { output in
                let shared = ParallelWork.Unchecked(output)
                try ParallelWork.forEach(count: paths.count, workers: workers) { k, worker in
                    try cancellation?.check()
                    var file = try read(try ByteSource.opening(path: paths[k]), options: options, workers: 1,
                                        scratch: [scratch[worker]], cancellation: cancellation)
                    for t in file.tables.indices { file.tables[t].dates = calendars.share(file.tables[t].dates) }
                    shared.value[k] = file
                }
            }
        }
        let reads = perFile.compactMap { $0 }
        let panel = try panel(merging: reads.flatMap(\.tables), options: options)
        return (panel, reads.reduce(into: Set<Field>()) { $0.formUnion($1.available) }, reads.map(\.stamp))
    }

    /// Parses one file's bytes; `path` names it in errors and gives the ticker of single-ticker layouts.
    public static func parse(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) throws -> Panel {
        try parse(bytes: bytes, path: path, options: options, chunkSize: nil, workers: ParallelWork.processorCount)
    }

    /// `parse` with the fast path's chunk size and worker count chosen (for tests).
    static func parse(bytes: [UInt8], path: String, options: LoadOptions, chunkSize: Int?, workers: Int) throws -> Panel {
        let scratch = (0..<max(1, workers)).map { _ in LoadScratch() }
        let file = try read(ByteSource(bytes: bytes, path: path), options: options, workers: max(1, workers),
                             scratch: scratch, chunkSize: chunkSize, cancellation: nil)
        return try panel(merging: file.tables, options: options)
    }

    /// Parses with the general path only (the reference the fast path is tested against).
    static func parseWithGeneralPath(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) throws -> Panel {
        let reader = CSVRecordReader(source: ByteSource(bytes: bytes, path: path))
        return try panel(merging: try TableReader.read(reader, options: options), options: options)
    }

    /// What reading one file gave.
    struct FileRead {
        var tables: [LoadedTable]
        /// Every field the header names (whether asked for or not).
        var available: Set<Field>
        var stamp: FileStamp?
    }

    /// One file's tables: the header decides the layout, then the fast path reads the data, or the
    /// general path reads the whole file when the fast path declines.
    private static func read(_ source: ByteSource, options: LoadOptions, workers: Int, scratch: [LoadScratch],
                             chunkSize: Int? = nil, cancellation: Cancellation?) throws -> FileRead {
        let header = CSVRecordReader(source: source, cancellation: cancellation, firstRead: 1 << 14)
        let (plan, pendingRow, available) = try LayoutDetector.plan(reader: header, options: options)
        let dataOffset = pendingRow ? header.recordOffset : header.consumedOffset
        if let tables = try FastTableReader.read(source: source, plan: plan, dataOffset: dataOffset, workers: workers,
                                                 scratch: scratch, chunkSize: chunkSize, cancellation: cancellation) {
            return FileRead(tables: tables, available: available, stamp: source.stamp)
        }
        let reader = CSVRecordReader(source: try source.reopened(), cancellation: cancellation)
        return FileRead(tables: try TableReader.read(reader, options: options), available: available, stamp: source.stamp)
    }

    private static func panel(merging tables: [LoadedTable], options: LoadOptions) throws -> Panel {
        let merged = try PanelMerger.merge(tables)
        guard options.from != nil || options.to != nil else { return merged }
        return merged.filtered(from: options.from, to: options.to)
    }
}
