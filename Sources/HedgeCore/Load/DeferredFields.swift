import Synchronization

/// A loaded panel, the fields its files have, and the means to read those not loaded yet.
public struct PanelLoad: Sendable {
    /// The fields loaded so far.
    public var panel: Panel
    /// Every field the files have, in `Field` order, loaded or not.
    public var availableFields: [Field]
    /// Reads the fields left in the files (nil when every field was loaded).
    public var deferred: DeferredFields?
}

/// The fields of a loaded panel that were left in its files: each is read the first time it is asked
/// for (the files read again for that field alone, every other column skipped), then kept. Copies of a
/// dataset share what was read.
///
/// The files must be those that were loaded: a file whose stamp (inode, size, modification time)
/// changed, or whose dates or tickers no longer match, is an error naming it — load it again.
public final class DeferredFields: Sendable, Equatable {
    let paths: [String]
    let options: LoadOptions
    let stamps: [FileStamp?]
    /// The fields that can be read.
    public let fields: Set<Field>
    let dates: [Day]
    let tickers: [String]
    private let read = Mutex<[Field: [[Double]]]>([:])

    init(paths: [String], options: LoadOptions, stamps: [FileStamp?], fields: Set<Field>, dates: [Day], tickers: [String]) {
        self.paths = paths; self.options = options; self.stamps = stamps
        self.fields = fields; self.dates = dates; self.tickers = tickers
    }

    /// `field`'s columns, one per ticker of the loaded panel (NaN where a ticker lacks the field).
    public func columns(_ field: Field, cancellation: Cancellation? = nil) throws -> [[Double]] {
        guard fields.contains(field) else { throw HedgeError("the files have no \(field.rawValue) field") }
        if let kept = read.withLock({ $0[field] }) { return kept }
        for (path, stamp) in zip(paths, stamps) where FileStamp.current(path: path) != stamp {
            throw changed(path, "was changed or replaced since it was loaded")
        }
        var fieldOptions = options
        fieldOptions.fields = [field]
        let loaded = try PanelLoader.loadFiles(paths: paths, options: fieldOptions, cancellation: cancellation).panel
        guard loaded.dates == dates else { throw changed(paths[0], "has other dates than when it was loaded") }
        let index = Dictionary(loaded.tickers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(tickers)
        guard loaded.tickers.allSatisfy(known.contains) else {
            throw changed(paths[0], "has other tickers than when it was loaded")
        }
        let columns = loaded.values[field] ?? []
        let missing = [Double](repeating: .nan, count: dates.count)
        let aligned = tickers.map { ticker in index[ticker].map { columns[$0] } ?? missing }
        read.withLock { $0[field] = aligned }
        return aligned
    }

    private func changed(_ path: String, _ what: String) -> HedgeError {
        HedgeError("\(what); load it again to read its other fields", at: SourceLocation(file: path))
    }

    public static func == (a: DeferredFields, b: DeferredFields) -> Bool {
        a === b || (a.paths == b.paths && a.options == b.options && a.stamps == b.stamps && a.fields == b.fields)
    }
}
