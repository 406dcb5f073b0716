import Foundation
import HedgeCore

/// Fetches several tickers a few at a time into the price cache.
public enum YahooFetcher {
    /// What happened to one ticker.
    public enum Event: Sendable {
        case started(String)
        case finished(String, rows: Int)
        case failed(String, HedgeError)
    }

    /// Fetches every ticker's `from…to` bars and stores each success in `cache`; returns the
    /// failures (empty when all succeeded). `progress` is called from any task.
    public static func fetch(_ tickers: [String], from: Day?, to: Day, cache: PriceCache, client: YahooClient,
                             now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) },
                             progress: @escaping @Sendable (Event) -> Void = { _ in }) async -> [HedgeError] {
        let limit = client.settings.concurrency
        return await withTaskGroup(of: HedgeError?.self) { group in
            var failures: [HedgeError] = []
            var next = 0
            func start() {
                let ticker = tickers[next]
                next += 1
                group.addTask {
                    progress(.started(ticker))
                    do {
                        let fetchedAt = now()
                        let (bars, source) = try await client.fetch(ticker, from: from, to: to)
                        try cache.store(bars, fetchedAt: fetchedAt, from: from, to: to, source: source)
                        progress(.finished(ticker, rows: bars.dates.count))
                        return nil
                    } catch is CancellationError {
                        return HedgeError("\(ticker): interrupted")
                    } catch let error as HedgeError {
                        progress(.failed(ticker, error))
                        return error
                    } catch {
                        let wrapped = HedgeError("\(ticker): \(error)")
                        progress(.failed(ticker, wrapped))
                        return wrapped
                    }
                }
            }
            while next < tickers.count && next < limit { start() }
            for await result in group {
                if let result { failures.append(result) }
                if next < tickers.count { start() }
            }
            return failures
        }
    }
}
