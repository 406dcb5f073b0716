import HedgeCore

/// What `export` writes, and a few words on what it holds (`753 rows`). Small objects give their text
/// at once; a dataset writes its rows a few blocks at a time, so that a universe's export never holds
/// its whole text (59 MB of CSV for 500 tickers × 25 years).
public struct ExportBody {
    /// A few words on what the file holds, for `export`'s report.
    public let what: String
    private let produce: (_ cancellation: Cancellation?, _ append: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

    /// An export whose text is already made.
    public init(text: String, what: String) {
        self.what = what
        produce = { _, append in
            var text = text
            try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// An export written by `produce`, which hands its bytes to `append` in order (and may be called
    /// again to write them again) and polls `cancellation` between pieces.
    public init(what: String,
                produce: @escaping (_ cancellation: Cancellation?, _ append: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        self.what = what
        self.produce = produce
    }

    /// Hands the bytes to `append`, in order.
    public func write(cancellation: Cancellation?, to append: (UnsafeRawBufferPointer) throws -> Void) throws {
        try produce(cancellation, append)
    }
}
