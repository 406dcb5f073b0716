import Foundation
import HedgeCore

/// Turns the chart API's JSON (`/v8/finance/chart/SYMBOL`) into `PriceBars`.
///
/// Timestamps become calendar days in the exchange's time zone (`meta.exchangeTimezoneName`, else
/// the fixed `meta.gmtoffset`); a day seen twice keeps its last bar; rows with no price at all are dropped.
public enum YahooChartParser {
    /// Why a body is not a chart.
    public enum Failure: Error, Equatable, Sendable {
        /// `chart.error` (unknown or delisted symbol): Yahoo's code and description.
        case chartError(code: String, description: String)
        /// An HTML page (a consent or challenge page) instead of JSON.
        case html
        /// JSON that stops early or does not have the chart's shape.
        case malformed(String)
    }

    public static func parse(_ body: [UInt8], ticker: String) throws(Failure) -> PriceBars {
        let firstByte = body.first { ![9, 10, 13, 32].contains($0) }
        if firstByte == UInt8(ascii: "<") { throw .html }
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(body))
        } catch let error as DecodingError {
            throw .malformed(describe(error))
        } catch {
            throw .malformed("not JSON")
        }
        if let error = envelope.chart.error {
            throw .chartError(code: error.code ?? "error", description: error.description ?? "no description")
        }
        guard let result = envelope.chart.result?.first else {
            throw .malformed("the chart has no result")
        }
        return try bars(result, ticker: ticker)
    }

    private static func bars(_ result: Result, ticker: String) throws(Failure) -> PriceBars {
        let timestamps = result.timestamp ?? []
        let quote = result.indicators?.quote?.first
        let adjusted = result.indicators?.adjclose?.first?.adjclose
        func column(_ values: [Double?]?, _ name: String) throws(Failure) -> [Double] {
            guard let values else { return Array(repeating: .nan, count: timestamps.count) }
            guard values.count == timestamps.count else {
                throw .malformed("\(name) has \(values.count) values for \(timestamps.count) timestamps")
            }
            return values.map { $0 ?? .nan }
        }
        let open = try column(quote?.open, "open"), high = try column(quote?.high, "high")
        let low = try column(quote?.low, "low"), close = try column(quote?.close, "close")
        let volume = try column(quote?.volume, "volume")
        let adjClose = adjusted == nil ? close : try column(adjusted, "adjclose")

        let zone = ExchangeClock(name: result.meta?.exchangeTimezoneName, fixedOffset: result.meta?.gmtoffset ?? 0)
        var byDay: [Day: Int] = [:]
        for (row, stamp) in timestamps.enumerated() {
            let hasPrice = !close[row].isNaN || !adjClose[row].isNaN || !open[row].isNaN
            guard hasPrice else { continue }
            byDay[zone.day(stamp)] = row
        }
        var dividends: [Day: Double] = [:]
        for event in (result.events?.dividends ?? [:]).values {
            guard let date = event.date, let amount = event.amount else { continue }
            dividends[zone.day(date), default: 0] += amount
        }
        var splits: [Day: Double] = [:]
        for event in (result.events?.splits ?? [:]).values {
            guard let date = event.date, let numerator = event.numerator, let denominator = event.denominator,
                  denominator != 0 else { continue }
            splits[zone.day(date)] = numerator / denominator
        }
        var bars = PriceBars(ticker: ticker)
        for day in byDay.keys.sorted() {
            guard let row = byDay[day] else { continue }
            bars.dates.append(day)
            bars.open.append(open[row]); bars.high.append(high[row]); bars.low.append(low[row])
            bars.close.append(close[row]); bars.adjustedClose.append(adjClose[row]); bars.volume.append(volume[row])
            bars.dividends.append(dividends[day] ?? 0); bars.splits.append(splits[day] ?? 0)
        }
        return bars
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted: return "truncated or invalid JSON"
        case .keyNotFound(let key, _): return "JSON without \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected JSON at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        @unknown default: return "invalid JSON"
        }
    }

    // The parts of the chart JSON that are read.
    struct Envelope: Decodable { var chart: Chart }
    struct Chart: Decodable { var result: [Result]?; var error: ChartError? }
    struct ChartError: Decodable { var code: String?; var description: String? }
    struct Result: Decodable {
        var meta: Meta?
        var timestamp: [Int]?
        var events: Events?
        var indicators: Indicators?
    }
    struct Meta: Decodable { var exchangeTimezoneName: String?; var gmtoffset: Int? }
    struct Events: Decodable { var dividends: [String: Dividend]?; var splits: [String: Split]? }
    struct Dividend: Decodable { var amount: Double?; var date: Int? }
    struct Split: Decodable { var date: Int?; var numerator: Double?; var denominator: Double? }
    struct Indicators: Decodable { var quote: [Quote]?; var adjclose: [AdjClose]? }
    struct Quote: Decodable {
        var open: [Double?]?; var high: [Double?]?; var low: [Double?]?; var close: [Double?]?; var volume: [Double?]?
    }
    struct AdjClose: Decodable { var adjclose: [Double?]? }
}

/// Calendar days of Unix times in an exchange's time zone (with its daylight saving), or at a fixed
/// offset when the zone's name is unknown.
struct ExchangeClock {
    let zone: TimeZone?
    let fixedOffset: Int

    init(name: String?, fixedOffset: Int) {
        zone = name.flatMap { TimeZone(identifier: $0) }
        self.fixedOffset = fixedOffset
    }

    func day(_ unixSeconds: Int) -> Day {
        let offset = zone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds))) ?? fixedOffset
        return Day(unixSeconds: unixSeconds, offsetSeconds: offset)
    }
}
