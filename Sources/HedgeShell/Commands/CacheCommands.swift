import HedgeCore

/// `cache ls`: what the price cache holds (tickers, ranges asked, fetch times, size).
struct CacheListCommand: ShellCommand {
    static let spec = CommandSpec(
        "cache ls", synopsis: "cache ls",
        summary: "List the price cache of `load yahoo`: tickers, the range each fetch asked for, when, rows and size.")

    init(_ arguments: ArgumentList) throws(ShellError) {}

    func run(in ws: inout Workspace, context: CommandContext) throws {
        guard let directory = PriceCache.directory(environment: context.environment.variables) else {
            throw ShellError("no cache directory: set HEDGE_CACHE_DIR or HOME")
        }
        let listing = PriceCache(directory: directory).list()
        guard !listing.isEmpty else {
            context.show("(the price cache in \(directory) is empty)")
            return
        }
        let rows: [[String]] = listing.map { item in
            switch item.lookup {
            case .valid(let entry):
                return [item.ticker, "\(entry.from?.description ?? "max") … \(entry.to)", CacheEntry.utc(entry.fetchedAt),
                        "\(entry.rows)", Self.size(item.bytes)]
            case .corrupt(let reason): return [item.ticker, "corrupt: \(reason)", "", "", Self.size(item.bytes)]
            case .missing: return [item.ticker, "missing", "", "", ""]
            }
        }
        let table = TextTable(headers: ["RANGE ASKED", "FETCHED", "ROWS", "SIZE"], rows: rows.map { Array($0.dropFirst()) },
                              index: rows.map { $0[0] })
        context.show("price cache: \(directory)\n" + table.render())
    }

    static func size(_ bytes: Int) -> String {
        bytes < 10_240 ? "\(bytes) B" : bytes < 10_485_760 ? "\(bytes / 1024) KiB" : "\(bytes / 1_048_576) MiB"
    }
}

/// `cache clear [TICKER…]`: removes tickers (or everything) from the price cache.
struct CacheClearCommand: ShellCommand {
    static let spec = CommandSpec(
        "cache clear", synopsis: "cache clear [TICKER...]",
        summary: "Remove the given tickers (or every ticker) from the price cache of `load yahoo`.",
        positionals: [Positional("TICKER", .text, .zeroOrMore)])

    var tickers: [Token]

    init(_ arguments: ArgumentList) throws(ShellError) { tickers = arguments.positional }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        guard let directory = PriceCache.directory(environment: context.environment.variables) else {
            throw ShellError("no cache directory: set HEDGE_CACHE_DIR or HOME")
        }
        let cache = PriceCache(directory: directory)
        let wanted = tickers.map { PriceCache.normalizedTicker($0.text) ?? $0.text }
        let present = Set(cache.list().map(\.ticker))
        if let absent = tickers.first(where: { !present.contains(PriceCache.normalizedTicker($0.text) ?? $0.text) }) {
            throw ShellError("\(absent.text) is not in the price cache", at: absent)
        }
        let removed = cache.clear(wanted)
        context.say(removed.isEmpty ? "the price cache was already empty"
                    : "removed \(removed.joined(separator: ", ")) from the price cache")
    }
}
