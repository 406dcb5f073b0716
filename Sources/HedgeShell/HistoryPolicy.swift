/// The rules for command history, independent of libedit: what is recorded, how much is kept, and
/// where the file lives.
public enum HistoryPolicy {
    /// How many entries are kept, in memory and in the file; the oldest go first.
    public static let capacity = 1000

    /// Whether `line` joins the history after `previous` (the newest entry): not blank, and not a
    /// repeat of the entry just before it.
    public static func shouldRecord(_ line: String, after previous: String?) -> Bool {
        !line.allSatisfy(\.isWhitespace) && line != previous
    }

    /// `entries` after recording `line` (oldest first), with the oldest evicted beyond `capacity`.
    public static func recording(_ line: String, in entries: [String], capacity: Int = capacity) -> [String] {
        guard shouldRecord(line, after: entries.last) else { return entries }
        let appended = entries + [line]
        return Array(appended.suffix(max(capacity, 0)))
    }

    /// The history file: `$HEDGE_HISTORY` when set (empty turns history off), else `~/.hedge_history`;
    /// nil when history is disabled (`--no-history`) or there is no home directory.
    public static func filePath(environment: [String: String], historyDisabled: Bool) -> String? {
        if historyDisabled { return nil }
        if let explicit = environment["HEDGE_HISTORY"] {
            return explicit.isEmpty ? nil : explicit
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home.hasSuffix("/") ? home : home + "/") + ".hedge_history"
    }
}
