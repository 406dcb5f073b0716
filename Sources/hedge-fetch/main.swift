// hedge-fetch: the networking half of `load yahoo`, run by `hedge` as a child process so that the
// shell itself never links FoundationNetworking (and libcurl with its TLS stack): start-up stays fast.
//
//   hedge-fetch [--from YYYY-MM-DD] --to YYYY-MM-DD [--timeout S] [--backoff S] TICKER…
//
// Fetches each ticker into the cache ($HEDGE_CACHE_DIR, $XDG_CACHE_HOME/hedge or ~/.cache/hedge)
// from $HEDGE_YAHOO_URL (default Yahoo). Prints one line per failure on stdout (`error: …`) and a
// progress line on stderr when it is a terminal. Exit status 0 when every ticker was fetched.
import Foundation
import HedgeCore
import HedgeFetch

func fail(_ message: String) -> Never {
    print("error: \(message)")
    exit(2)
}

// End with hedge: a SIGINT sent to hedge alone ends a batch hedge at once, which must not leave this
// helper fetching on its own (at the prompt hedge forwards the interrupt itself). When the parent is
// gone (this process is re-parented), the helper ends as Ctrl-C would end it.
let parentAtStart = getppid()
Thread.detachNewThread {
    while getppid() == parentAtStart { Thread.sleep(forTimeInterval: 0.2) }
    _ = signal(SIGINT, SIG_DFL)
    _ = raise(SIGINT)
    exit(130)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var from: Day?
var to: Day?
let environment = ProcessInfo.processInfo.environment
var settings = YahooSettings.from(environment: environment)
var tickers: [String] = []
while !arguments.isEmpty {
    let word = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail("\(word) needs a value") }
        return arguments.removeFirst()
    }
    switch word {
    case "--from": guard let day = Day(iso: value()) else { fail("--from needs YYYY-MM-DD") }; from = day
    case "--to": guard let day = Day(iso: value()) else { fail("--to needs YYYY-MM-DD") }; to = day
    case "--timeout": guard let s = Double(value()), s > 0 else { fail("--timeout needs seconds") }; settings.timeout = s
    case "--backoff": guard let s = Double(value()), s >= 0 else { fail("--backoff needs seconds") }; settings.backoffBudget = s
    default: tickers.append(word)
    }
}
guard let to else { fail("--to is required") }
guard !tickers.isEmpty else { fail("no tickers") }
guard let directory = PriceCache.directory(environment: environment) else {
    fail("no cache directory: set HEDGE_CACHE_DIR or HOME")
}
let cache = PriceCache(directory: directory)
let client = YahooClient(settings: settings)
let showProgress = isatty(2) != 0
let total = tickers.count
let counter = ProgressCounter()
let failures = await YahooFetcher.fetch(tickers, from: from, to: to, cache: cache, client: client, progress: { event in
    guard showProgress else { return }
    let line = counter.line(for: event, total: total)
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
})
if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
for failure in failures { print("error: \(failure.message)") }
exit(failures.isEmpty ? 0 : 1)

/// Counts finished tickers for the progress line.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0

    func line(for event: YahooFetcher.Event, total: Int) -> String {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .started(let ticker): return "fetching \(ticker) from Yahoo… (\(done)/\(total) done)"
        case .finished(let ticker, let rows): done += 1; return "\(ticker): \(rows) rows (\(done)/\(total) done)"
        case .failed(let ticker, _): done += 1; return "\(ticker): failed (\(done)/\(total) done)"
        }
    }
}
