import Synchronization

/// Date columns shared between the files of one load: a file whose dates equal another's keeps that
/// one's array instead of its own (universes of per-ticker files mostly share one calendar), so a load of
/// 500 files holds one copy of the dates while it reads, not 500.
final class SharedDates: Sendable {
    /// The distinct date columns seen so far, the most recent first (a few: the common case is one).
    private let seen = Mutex<[[Day]]>([])
    private static let kept = 4

    /// `dates`, or an equal array already seen.
    func share(_ dates: [Day]) -> [Day] {
        seen.withLock { seen in
            if let index = seen.firstIndex(of: dates) {
                let found = seen[index]
                if index > 0 { seen.remove(at: index); seen.insert(found, at: 0) }
                return found
            }
            seen.insert(dates, at: 0)
            if seen.count > Self.kept { seen.removeLast() }
            return dates
        }
    }
}
