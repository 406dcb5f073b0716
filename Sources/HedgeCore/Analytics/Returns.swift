#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a return is computed from two consecutive prices.
public enum ReturnKind: String, Sendable, CaseIterable {
    /// `p[i] / p[i-1] - 1` (pandas `pct_change`).
    case simple
    /// `log(p[i] / p[i-1])`.
    case log
}

/// Day-over-day returns of price series.
///
/// The result keeps every date of the input: the first date, and any date whose price or
/// previous price is NaN, carries NaN (pandas 3 `pct_change` semantics: no forward fill, so a
/// missing price makes both its own return and the next one NaN). Use `Series.droppingNaN()`
/// or `AlignedSeries` to keep only the defined returns.
public enum Returns {
    /// Simple returns `p[i] / p[i-1] - 1`, computed in that order so the values match pandas bit for bit.
    public static func simple(_ prices: Series) -> Series {
        returns(prices, kind: .simple)
    }

    /// Log returns `log(p[i] / p[i-1])`.
    public static func log(_ prices: Series) -> Series {
        returns(prices, kind: .log)
    }

    /// Returns of the given kind, on every date of `prices` (NaN where undefined).
    public static func returns(_ prices: Series, kind: ReturnKind) -> Series {
        Series(name: prices.name, dates: prices.dates, values: returnValues(prices.values, kind: kind))
    }

    /// Returns of every ticker of `panel` computed from `field`, in ticker order.
    /// Throws when the panel has no such field.
    public static func returns(_ panel: Panel, kind: ReturnKind = .simple, field: Field = .price) throws -> [Series] {
        guard let columns = panel.values[field] else {
            throw HedgeError("the data has no \(field.rawValue) field to compute returns from")
        }
        return panel.tickers.indices.map { t in
            Series(name: panel.tickers[t], dates: panel.dates, values: returnValues(columns[t], kind: kind))
        }
    }

    /// Returns of a plain array of prices; element 0 is NaN.
    public static func returnValues(_ prices: [Double], kind: ReturnKind = .simple) -> [Double] {
        guard !prices.isEmpty else { return [] }
        var out = [Double](repeating: .nan, count: prices.count)
        for i in 1..<prices.count {
            let ratio = prices[i] / prices[i - 1]
            switch kind {
            case .simple: out[i] = ratio - 1
            case .log: out[i] = naturalLog(ratio)
            }
        }
        return out
    }
}

/// The C library's natural logarithm (`log` inside `Returns` names the method).
private func naturalLog(_ x: Double) -> Double { log(x) }
