/// What tab completion needs to know about the workspace and the file system.
public protocol CompletionContext {
    /// Names of workspace objects of the given kinds (every object when nil), sorted.
    func objectNames(of kinds: Set<ObjectKind>?) -> [String]
    /// Tickers of a dataset, or nil when `dataset` is not a dataset.
    func tickers(ofDataset dataset: String) -> [String]?
    /// Names after `NAME.` for the object `name` (a dataset's tickers, a kind's named parts), or nil
    /// when there is no such object or it has no parts.
    func partNames(of name: String) -> [String]?
    /// Entries of a directory (names only), or nil when unreadable; `isDirectory` marks folders.
    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]?
}

extension CompletionContext {
    /// By default the parts of a name are a dataset's tickers.
    public func partNames(of name: String) -> [String]? { tickers(ofDataset: name) }
}
