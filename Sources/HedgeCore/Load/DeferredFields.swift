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
        return try columns(of: [field], cancellation: cancellation)[field] ?? []
    }

    /// The columns of each of `wanted` the files have; those not read before are read in one pass.
    public func columns(of wanted: Set<Field>, cancellation: Cancellation? = nil) throws -> [Field: [[Double]]] {
        let wanted = wanted.intersection(fields)
        var result = read.withLock { kept in kept.filter { wanted.contains($0.key) } }
        let missing = wanted.subtracting(result.keys)
        guard !missing.isEmpty else { return result }
        for (path, stamp) in zip(paths, stamps) where FileStamp.current(path: path) != stamp {
            throw changed(path, "was changed or replaced since it was loaded")
        }
        var fieldOptions = options
        fieldOptions.fields = missing
        let loaded = try PanelLoader.loadFiles(paths: paths, options: fieldOptions, cancellation: cancellation).panel
        guard loaded.dates == dates else { throw changed(paths[0], "has other dates than when it was loaded") }
        let index = Dictionary(loaded.tickers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(tickers)
        guard loaded.tickers.allSatisfy(known.contains) else {
            throw changed(paths[0], "has other tickers than when it was loaded")
        }
        let absent = [Double](repeating: .nan, count: dates.count)
        for field in missing {
            let columns = loaded.values[field] ?? []
            result[field] = tickers.map { ticker in index[ticker].map { columns[$0] } ?? absent }
        }
        read.withLock { kept in for field in missing { kept[field] = result[field] } }
        return result
    }

    private func changed(_ path: String, _ what: String) -> HedgeError {
        HedgeError("\(what); load it again to read its other fields", at: SourceLocation(file: path))
    }

    public static func == (a: DeferredFields, b: DeferredFields) -> Bool {
        a === b || (a.paths == b.paths && a.options == b.options && a.stamps == b.stamps && a.fields == b.fields)
    }
}
