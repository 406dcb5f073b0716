/// Decides whether a request for a ticker's bars is served from the cache or fetched again.
///
/// A cached fetch serves a request whose range lies inside the range it asked for and ends before
/// the fetch was made (later bars did not exist yet, and adjusted closes change retroactively after
/// dividends and splits, so a range reaching past the fetch is fetched again, whole). Offline, any
/// valid entry serves, with a note of what it lacks.
public enum CachePolicy {
    public enum Decision: Equatable, Sendable {
        case serve
        /// Serve, but the entry does not cover the whole request (offline only): the note says what is missing.
        case serveIncomplete(String)
        case fetch(reason: String)
        /// Offline and nothing usable in the cache.
        case unavailable(String)
    }

    /// `from` nil asks for the whole history; `to` nil asks up to now.
    public static func decide(entry: CacheEntry?, from: Day?, to: Day?, refresh: Bool, offline: Bool) -> Decision {
        guard let entry else {
            return offline ? .unavailable("not in the cache") : .fetch(reason: "not in the cache")
        }
        let fetchedDay = Day(unixSeconds: entry.fetchedAt, offsetSeconds: 0)
        var gaps: [String] = []
        if let wanted = from, let had = entry.from, wanted < had { gaps.append("before \(had)") }
        if from == nil, let had = entry.from { gaps.append("before \(had)") }
        let endsBeforeFetch: Bool
        if let to { endsBeforeFetch = to.adding(days: 1).unixSeconds <= entry.fetchedAt && to <= entry.to }
        else { endsBeforeFetch = false }
        if !endsBeforeFetch {
            let last = min(entry.to, fetchedDay)
            gaps.append("after \(last) (fetched \(CacheEntry.utc(entry.fetchedAt)))")
        }
        if offline {
            return gaps.isEmpty ? .serve : .serveIncomplete("the cache has nothing " + gaps.joined(separator: " or "))
        }
        if refresh { return .fetch(reason: "refresh") }
        return gaps.isEmpty ? .serve : .fetch(reason: "range reaches " + gaps.joined(separator: " and "))
    }
}
