/// Options for loading price files.
public struct LoadOptions: Sendable, Equatable {
    /// Which field the value columns of a wide CSV (`Date,AAPL,MSFT,…`) hold.
    public var wideField: Field
    /// Keep dates on or after this day.
    public var from: Day?
    /// Keep dates on or before this day.
    public var to: Day?

    public init(wideField: Field = .price, from: Day? = nil, to: Day? = nil) {
        self.wideField = wideField; self.from = from; self.to = to
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
    public static func load(paths: [String], options: LoadOptions = LoadOptions(),
                            cancellation: Cancellation? = nil) throws -> Panel {
        guard !paths.isEmpty else { throw HedgeError("no files to load") }
        var tables: [LoadedTable] = []
        for path in paths {
            try cancellation?.check()
            let reader = CSVRecordReader(source: try ByteSource.opening(path: path), cancellation: cancellation)
            tables += try TableReader.read(reader, options: options)
        }
        return try PanelMerger.merge(tables).filtered(from: options.from, to: options.to)
    }

    /// Parses one file's bytes; `path` names it in errors and gives the ticker of single-ticker layouts.
    public static func parse(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) throws -> Panel {
        let reader = CSVRecordReader(source: ByteSource(bytes: bytes, path: path))
        let tables = try TableReader.read(reader, options: options)
        return try PanelMerger.merge(tables).filtered(from: options.from, to: options.to)
    }
}
