import HedgeCore

/// `load yahoo TICKER… [from D] [to D] [refresh] [as NAME]`: daily bars from Yahoo's chart API, through the
/// price cache, into a dataset (the same dataset as loading the yfinance CSVs of those tickers).
struct LoadYahooCommand: DatasetLoad {
    static let spec = CommandSpec(
        "load yahoo", synopsis: "load yahoo TICKER [TICKER...] [from YYYY-MM-DD] [to YYYY-MM-DD] [refresh] [as NAME]",
        summary: "Fetch daily bars from Yahoo (as yfinance does) through a local cache into a dataset: Adj Close as price, volume, open, high, low, close.",
        positionals: [Positional("TICKER", .text, .oneOrMore, about: "(Yahoo symbols: AAPL, BRK-B, ^GSPC, VOD.L)")],
        options: [.from, .to, .flag("refresh"), .asName, DataCheck.option],
        details: ["Fetched bars are cached under $HEDGE_CACHE_DIR, else $XDG_CACHE_HOME/hedge, else ~/.cache/hedge (see `cache ls`).",
                  "A range ending before the cached fetch is served from the cache; one reaching past it is fetched again, whole.",
                  "`refresh` fetches even when the cache could serve; `hedge --offline` (or HEDGE_OFFLINE=1) never fetches.",
                  "Without `from`, the whole history; without `to`, up to today. HEDGE_YAHOO_URL overrides Yahoo's address.",
                  "`fingerprint F` is written by `save`: a replay warns when the data differ (`--strict`, `run FILE strict`: an error)."],
        examples: ["load yahoo AAPL MSFT NVDA QQQ from 2022-01-01 as mag", "load yahoo ^GSPC BRK-B from 2020-01-01 to 2024-12-31"])

    var tickers: [Token]
    var from: Day?
    var to: Day?
    var refresh: Bool
    var name: String?
    /// Written by `save`: what the data looked like; a replay warns when they changed.
    var fingerprint: (token: Token, value: DataFingerprint)?

    init(_ arguments: ArgumentList) throws(ShellError) {
        fingerprint = try DataCheck.parse(arguments)
        tickers = arguments.positional
        (from, to) = try arguments.dateRange()
        refresh = arguments.has("refresh")
        name = try arguments.newName()
        for token in tickers where PriceCache.normalizedTicker(token.text) == nil {
            throw ShellError("'\(token.text)' is not a ticker symbol (letters, digits and ^ . - = _)", at: token)
        }
    }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(tickers.map(\.text)).option("from", from).option("to", to).option("as", name)
            .option("fingerprint", fingerprint?.value)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let environment = context.environment
        guard let directory = PriceCache.directory(environment: environment.variables) else {
            throw ShellError("no cache directory: set HEDGE_CACHE_DIR or HOME", at: tickers[0])
        }
        let cache = PriceCache(directory: directory)
        var symbols: [String] = []
        for token in tickers {
            let symbol = PriceCache.normalizedTicker(token.text) ?? token.text
            if !symbols.contains(symbol) { symbols.append(symbol) }
        }
        let now = Int(environment.now().timeIntervalSince1970)
        let today = Day(unixSeconds: now, offsetSeconds: 0)
        let end = to ?? today

        var toFetch: [String] = []
        var unavailable: [String] = []
        var notes: [String] = []
        var corrupt: [String: String] = [:]
        for symbol in symbols {
            var entry: CacheEntry?
            switch cache.lookup(symbol) {
            case .missing: entry = nil
            case .valid(let found): entry = found
            case .corrupt(let reason):
                corrupt[symbol] = reason
                notes.append("the cache entry of \(symbol) is corrupt (\(reason)); fetching it again")
            }
            switch CachePolicy.decide(entry: entry, from: from, to: to, refresh: refresh, offline: environment.offline) {
            case .serve: break
            case .serveIncomplete(let note): notes.append("offline: \(symbol): \(note)")
            case .fetch: toFetch.append(symbol)
            case .unavailable: unavailable.append(symbol)
            }
        }
        if !unavailable.isEmpty {
            let named = unavailable.map { symbol in corrupt[symbol].map { "\(symbol) (its entry is corrupt: \($0))" } ?? symbol }
            throw ShellError("offline, and the cache has no data for \(named.joined(separator: ", ")) "
                             + "(load without --offline / HEDGE_OFFLINE to fetch \(unavailable.count == 1 ? "it" : "them"))", at: tickers[0])
        }
        if !toFetch.isEmpty {
            do {
                try FetchHelper.fetch(toFetch, from: from, to: end, cacheDirectory: directory,
                                      variables: environment.variables, cancellation: context.cancellation)
            } catch let error as HedgeError {
                throw ShellError(error, at: tickers[0])
            }
        }
        let panel: Panel
        do {
            panel = try PanelLoader.load(paths: symbols.map(cache.csvPath), options: LoadOptions(from: from, to: end),
                                         cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: tickers[0])
        }
        guard !panel.dates.isEmpty else {
            throw ShellError("Yahoo has no bars for \(symbols.joined(separator: ", ")) between \(from?.description ?? "the start") and \(end)", at: tickers[0])
        }
        var resolved = self
        resolved.tickers = symbols.map { Token($0) }
        resolved.to = end
        let cached = symbols.count - toFetch.count
        let source = "yahoo" + (toFetch.isEmpty ? " (cache)" : cached == 0 ? "" : " (\(cached) from the cache)")
        try store(DatasetObject(panel: panel, source: source), resolved: resolved, words: "load yahoo", notes: notes,
                  in: &ws, context: context)
    }
}
