/// What tab completion needs to know about the workspace and the file system.
public protocol CompletionContext {
    /// Names of workspace objects of the given kinds (every object when nil), sorted.
    func objectNames(of kinds: Set<ObjectKind>?) -> [String]
    /// Tickers of a dataset, or nil when `dataset` is not a dataset.
    func tickers(ofDataset dataset: String) -> [String]?
    /// Entries of a directory (names only), or nil when unreadable; `isDirectory` marks folders.
    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]?
}
