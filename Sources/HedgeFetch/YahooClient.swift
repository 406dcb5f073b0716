import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HedgeCore

/// How the Yahoo client behaves; tests shorten the timeout and the back-off budget.
public struct YahooSettings: Sendable {
    /// The chart API host (`HEDGE_YAHOO_URL`, default Yahoo's `query2` host).
    public var baseURL: String
    /// Where a session cookie comes from before asking for a crumb.
    public var cookieURL: String
    /// Seconds without an answer before a request fails.
    public var timeout: Double
    /// Total seconds of waiting after HTTP 429 before giving up.
    public var backoffBudget: Double
    /// The first wait after a 429; each next one doubles.
    public var firstBackoff: Double
    /// Tickers fetched at the same time.
    public var concurrency: Int
    public var userAgent: String

    public static let defaultBaseURL = "https://query2.finance.yahoo.com"

    public init(baseURL: String = YahooSettings.defaultBaseURL, cookieURL: String? = nil, timeout: Double = 20,
                backoffBudget: Double = 15, firstBackoff: Double = 0.5, concurrency: Int = 4,
                userAgent: String = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36") {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.baseURL = base
        self.cookieURL = cookieURL ?? (base == YahooSettings.defaultBaseURL ? "https://fc.yahoo.com" : base + "/")
        self.timeout = timeout; self.backoffBudget = backoffBudget; self.firstBackoff = firstBackoff
        self.concurrency = max(1, concurrency); self.userAgent = userAgent
    }

    /// Settings from the environment: `HEDGE_YAHOO_URL`.
    public static func from(environment: [String: String]) -> YahooSettings {
        YahooSettings(baseURL: environment["HEDGE_YAHOO_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL)
    }
}

/// Fetches daily bars from Yahoo's chart API, as yfinance does: a browser-like User-Agent, a cookie
/// and crumb when Yahoo asks for one (401/403 or an invalid-crumb answer), on 429 the wait the server's
/// `Retry-After` asks for, else exponential back-off, within a budget.
public actor YahooClient {
    public let settings: YahooSettings
    private let session: URLSession
    private var crumb: (cookie: String, crumb: String)?
    private var crumbAttempted = false

    public init(settings: YahooSettings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout * 3
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// The chart URL for a symbol and range (period2 is the day after `to`, exclusive).
    public nonisolated func chartURL(_ ticker: String, from: Day?, to: Day, crumb: String? = nil) -> String {
        let period1 = from?.unixSeconds ?? -2_208_994_789
        let period2 = to.adding(days: 1).unixSeconds
        var url = "\(settings.baseURL)/v8/finance/chart/\(YahooClient.percentEncoded(ticker))"
            + "?period1=\(period1)&period2=\(period2)&interval=1d&events=div%2Csplits&includeAdjustedClose=true"
        if let crumb { url += "&crumb=" + YahooClient.percentEncoded(crumb) }
        return url
    }

    /// Everything but RFC 3986's unreserved characters percent-encoded (`^GSPC` → `%5EGSPC`).
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) }
            else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }

    /// The bars of `ticker` with `from <= date <= to`, and the URL they came from. Errors are one
    /// line naming the ticker.
    public func fetch(_ ticker: String, from: Day?, to: Day) async throws -> (bars: PriceBars, source: String) {
        var backoff = settings.firstBackoff
        var waited = 0.0
        var retriedWithCrumb = false
        while true {
            try Task.checkCancellation()
            let url = chartURL(ticker, from: from, to: to, crumb: crumb?.crumb)
            let (status, body, retryAfter) = try await get(url, ticker: ticker, cookie: crumb?.cookie)
            let text = String(decoding: body.prefix(400), as: UTF8.self)
            let crumbProblem = text.localizedCaseInsensitiveContains("invalid crumb")
                || text.localizedCaseInsensitiveContains("invalid cookie")
            if status == 401 || status == 403 || crumbProblem {
                if !retriedWithCrumb {
                    retriedWithCrumb = true
                    try await obtainCrumb(ticker: ticker)
                    continue
                }
                throw HedgeError("\(ticker): Yahoo refused the request (HTTP \(status)) even with a cookie and crumb")
            }
            if status == 429 {
                let remaining = settings.backoffBudget - waited
                if let asked = retryAfter, asked > remaining + 0.001 {
                    throw HedgeError("\(ticker): Yahoo is rate-limiting (HTTP 429) and asks to wait \(YahooClient.seconds(asked)) s "
                                     + "(Retry-After), more than the \(YahooClient.seconds(max(0, remaining))) s left of the "
                                     + "\(YahooClient.seconds(settings.backoffBudget)) s this fetch waits; try again later")
                }
                guard remaining > 0.001 else {
                    throw HedgeError("\(ticker): Yahoo is rate-limiting (HTTP 429); gave up after \(YahooClient.seconds(waited)) s of retries, try again later")
                }
                // The server's Retry-After when it gives one, else the doubling back-off.
                let pause = min(retryAfter ?? backoff, remaining)
                try await Task.sleep(nanoseconds: UInt64(pause * 1e9))
                waited += pause
                backoff *= 2
                continue
            }
            do {
                let bars = try YahooChartParser.parse(body, ticker: ticker).filtered(from: from, to: to)
                return (bars, chartURL(ticker, from: from, to: to))
            } catch {
                switch error {
                case .chartError(let code, let description):
                    throw HedgeError("\(ticker): Yahoo says \(code): \(description)" + (status == 200 ? "" : " (HTTP \(status))"))
                case .html:
                    throw HedgeError("\(ticker): Yahoo answered with an HTML page (HTTP \(status)), not price data (a consent or challenge page?)")
                case .malformed(let what):
                    if status != 200 { throw HedgeError("\(ticker): HTTP \(status) from Yahoo") }
                    throw HedgeError("\(ticker): Yahoo's answer is not a price chart: \(what)")
                }
            }
        }
    }

    /// A session cookie from `cookieURL`, then a crumb from `{base}/v1/test/getcrumb`, once per client.
    private func obtainCrumb(ticker: String) async throws {
        guard !crumbAttempted else {
            if crumb == nil { throw HedgeError("\(ticker): Yahoo refused the request and no crumb could be obtained") }
            return
        }
        crumbAttempted = true
        var cookie = ""
        if let url = URL(string: settings.cookieURL) {
            var request = URLRequest(url: url)
            request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
            if let (_, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse {
                cookie = YahooClient.cookies(from: http)
            }
        }
        let (status, body, _) = try await get(settings.baseURL + "/v1/test/getcrumb", ticker: ticker,
                                           cookie: cookie.isEmpty ? nil : cookie)
        let value = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 200, !value.isEmpty, !value.contains("<"), value.count < 64 else {
            throw HedgeError("\(ticker): Yahoo refused the request (HTTP 401) and gave no crumb (HTTP \(status))")
        }
        crumb = (cookie, value)
    }

    private static func cookies(from response: HTTPURLResponse) -> String {
        var pairs: [String] = []
        for (key, value) in response.allHeaderFields {
            guard let name = key as? String, name.lowercased() == "set-cookie", let text = value as? String else { continue }
            // Several cookies may be folded into one header, separated by commas before a new name=.
            for part in text.components(separatedBy: ", ") {
                if let pair = part.split(separator: ";").first, pair.contains("=") { pairs.append(String(pair)) }
            }
        }
        return pairs.joined(separator: "; ")
    }

    /// The status, the body and the `Retry-After` header in seconds from now (when there is one).
    private func get(_ address: String, ticker: String, cookie: String?) async throws -> (Int, [UInt8], Double?) {
        guard let url = URL(string: address) else { throw HedgeError("\(ticker): bad URL \(address)") }
        var request = URLRequest(url: url)
        request.timeoutInterval = settings.timeout
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/json,text/plain,*/*", forHTTPHeaderField: "Accept")
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        do {
            let (data, response) = try await session.data(for: request)
            let http = response as? HTTPURLResponse
            let retryAfter = http?.allHeaderFields.first { ($0.key as? String)?.lowercased() == "retry-after" }
                .flatMap { $0.value as? String }
                .flatMap { YahooClient.retryAfterSeconds($0, now: Date()) }
            return (http?.statusCode ?? 0, [UInt8](data), retryAfter)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError {
            switch error.code {
            case .timedOut:
                throw HedgeError("\(ticker): no answer from \(url.host ?? address) within \(YahooClient.seconds(settings.timeout)) s (timeout)")
            case .cancelled: throw CancellationError()
            case .cannotConnectToHost, .cannotFindHost, .notConnectedToInternet, .networkConnectionLost, .dnsLookupFailed:
                throw HedgeError("\(ticker): cannot reach \(url.host ?? address) (\(error.localizedDescription)); no network? `--offline` uses the cache only")
            default:
                throw HedgeError("\(ticker): network error: \(error.localizedDescription)")
            }
        } catch {
            throw HedgeError("\(ticker): network error: \(error)")
        }
    }

    /// RFC 9110's `Retry-After`: a number of seconds, or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`),
    /// as seconds from `now` (0 for a date already past); nil when it is neither.
    public static func retryAfterSeconds(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) { return seconds >= 0 ? Double(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(Double(Int(value * 10)) / 10)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
