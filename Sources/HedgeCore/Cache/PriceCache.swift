/// The on-disk cache of fetched bars: per ticker `TICKER.csv` (yfinance layout) and `TICKER.meta`
/// (a `CacheEntry`). Writes are atomic; an entry whose CSV does not match its SHA-256 is corrupt.
public struct PriceCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$HEDGE_CACHE_DIR`, else `$XDG_CACHE_HOME/hedge`, else `$HOME/.cache/hedge`.
    public static func directory(environment: [String: String]) -> String? {
        if let dir = environment["HEDGE_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/hedge" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/hedge" }
        return nil
    }

    /// A ticker as Yahoo spells it, uppercased; nil when it has characters no symbol has.
    public static func normalizedTicker(_ ticker: String) -> String? {
        let upper = ticker.uppercased()
        guard !upper.isEmpty, upper.count <= 32, !upper.hasPrefix("."),
              upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "^.-=_".contains($0)) })
        else { return nil }
        return upper
    }

    public func csvPath(_ ticker: String) -> String { "\(directory)/\(ticker).csv" }
    public func metaPath(_ ticker: String) -> String { "\(directory)/\(ticker).meta" }

    /// What the cache holds for a ticker.
    public enum Lookup: Sendable, Equatable {
        case missing
        case valid(CacheEntry)
        /// Present but damaged; the reason says how.
        case corrupt(String)
    }

    public func lookup(_ ticker: String) -> Lookup {
        let meta: [UInt8]?
        let csv: [UInt8]?
        do {
            meta = try LocalFiles.contents(metaPath(ticker))
            csv = try LocalFiles.contents(csvPath(ticker))
        } catch {
            return .corrupt("\(error)")
        }
        guard let meta else { return csv == nil ? .missing : .corrupt("its metadata file is missing") }
        guard let entry = CacheEntry(text: String(decoding: meta, as: UTF8.self)), entry.ticker == ticker else {
            return .corrupt("its metadata file is unreadable")
        }
        guard let csv else { return .corrupt("its CSV file is missing") }
        guard SHA256.hex(csv) == entry.sha256 else { return .corrupt("its CSV does not match the recorded SHA-256") }
        return .valid(entry)
    }

    /// Stores a fetch: the CSV first, then the metadata that vouches for it.
    @discardableResult
    public func store(_ bars: PriceBars, fetchedAt: Int, from: Day?, to: Day, source: String) throws -> CacheEntry {
        try LocalFiles.makeDirectories(directory)
        let csv = Array(bars.yfinanceCSV().utf8)
        let entry = CacheEntry(ticker: bars.ticker, fetchedAt: fetchedAt, from: from, to: to, source: source,
                               rows: bars.dates.count, sha256: SHA256.hex(csv))
        try LocalFiles.writeAtomically(csv, to: csvPath(bars.ticker))
        try LocalFiles.writeAtomically(Array(entry.text.utf8), to: metaPath(bars.ticker))
        return entry
    }

    /// One row of `cache ls`.
    public struct Listing: Sendable, Equatable {
        public var ticker: String
        public var lookup: Lookup
        public var bytes: Int
    }

    /// Every ticker with a file in the cache, sorted.
    public func list() -> [Listing] {
        var tickers = Set<String>()
        for name in LocalFiles.list(directory) where !name.hasPrefix(".") {
            if name.hasSuffix(".csv") { tickers.insert(String(name.dropLast(4))) }
            if name.hasSuffix(".meta") { tickers.insert(String(name.dropLast(5))) }
        }
        return tickers.sorted().map { ticker in
            Listing(ticker: ticker, lookup: lookup(ticker),
                    bytes: LocalFiles.size(csvPath(ticker)) + LocalFiles.size(metaPath(ticker)))
        }
    }

    /// Removes the given tickers (all when empty); returns the tickers removed.
    @discardableResult
    public func clear(_ tickers: [String] = []) -> [String] {
        let all = list().map(\.ticker)
        let wanted = tickers.isEmpty ? all : all.filter { tickers.contains($0) }
        for ticker in wanted {
            LocalFiles.remove(csvPath(ticker))
            LocalFiles.remove(metaPath(ticker))
        }
        return wanted
    }
}
