/// What the price cache records beside a ticker's CSV: when and from where it was fetched, the
/// range asked for, and the SHA-256 of the CSV so that a damaged file is never trusted.
public struct CacheEntry: Sendable, Equatable {
    public var ticker: String
    /// Unix seconds of the fetch.
    public var fetchedAt: Int
    /// The range asked for; `from` nil means the whole history.
    public var from: Day?
    public var to: Day
    /// The URL the bars came from.
    public var source: String
    public var rows: Int
    /// SHA-256 of the CSV, lowercase hex.
    public var sha256: String

    public init(ticker: String, fetchedAt: Int, from: Day?, to: Day, source: String, rows: Int, sha256: String) {
        self.ticker = ticker; self.fetchedAt = fetchedAt; self.from = from; self.to = to
        self.source = source; self.rows = rows; self.sha256 = sha256
    }

    /// The metadata file's text: `key=value` lines.
    public var text: String {
        """
        # hedge price cache entry
        ticker=\(ticker)
        fetched=\(fetchedAt)
        fetched-utc=\(CacheEntry.utc(fetchedAt))
        from=\(from?.description ?? "max")
        to=\(to)
        source=\(source)
        rows=\(rows)
        sha256=\(sha256)

        """
    }

    /// Parses a metadata file; nil when any key is missing or malformed.
    public init?(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { return nil }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let ticker = fields["ticker"], !ticker.isEmpty,
              let fetched = fields["fetched"].flatMap({ Int($0) }),
              let fromText = fields["from"], let to = fields["to"].flatMap({ Day(iso: $0) }),
              let source = fields["source"], let rows = fields["rows"].flatMap({ Int($0) }),
              let sha = fields["sha256"], sha.count == 64 else { return nil }
        let from: Day?
        if fromText == "max" { from = nil } else {
            guard let day = Day(iso: fromText) else { return nil }
            from = day
        }
        self.init(ticker: ticker, fetchedAt: fetched, from: from, to: to, source: source, rows: rows, sha256: sha)
    }

    /// `YYYY-MM-DD HH:MM:SS UTC` for Unix seconds.
    public static func utc(_ seconds: Int) -> String {
        let day = Day(unixSeconds: seconds, offsetSeconds: 0)
        let within = seconds - day.unixSeconds
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day) \(two(within / 3600)):\(two(within / 60 % 60)):\(two(within % 60)) UTC"
    }
}
