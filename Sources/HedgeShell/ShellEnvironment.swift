#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// What a session needs from the world around it: the working directory, the clock and time zone shown
/// in regression summaries, and the size and capabilities of the terminal for charts. Injected, so that
/// tests pin the clock and the zone and output never depends on the machine.
public struct ShellEnvironment: Sendable {
    /// Relative paths resolve against this directory.
    public var currentDirectory: String
    /// The moment printed in summaries' `Date:`/`Time:` lines. `SOURCE_DATE_EPOCH` fixes it (reproducible output).
    public var now: @Sendable () -> Date
    /// The zone of the `Time:` line: UTC when `SOURCE_DATE_EPOCH` is set; nil for the machine's local time
    /// as the C library knows it (`TZ`, `/etc/localtime`), which needs no ICU time-zone data.
    public var timeZone: TimeZone?
    /// Seconds on a monotonic clock, for `timer on` (only differences matter).
    public var stopwatch: @Sendable () -> Double
    /// Chart size when none is given: the terminal's size, or 80×24 when output is not a terminal.
    public var chartWidth: Int
    public var chartHeight: Int
    /// Whether charts may use Unicode braille (false when the locale is not UTF-8 or `TERM=dumb`).
    public var unicode: Bool
    /// Whether charts may use colour (stdout is a terminal and `NO_COLOR` is unset).
    public var color: Bool
    /// The process environment as the session sees it (`HEDGE_CACHE_DIR`, `HEDGE_YAHOO_URL`, `HEDGE_OFFLINE`, `HOME`…).
    public var variables: [String: String]
    /// `--offline` (or `HEDGE_OFFLINE=1`): `load yahoo` serves only from the cache.
    public var offline: Bool
    /// `--strict`: a replayed load whose data changed is an error, not a warning.
    public var strict: Bool

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath,
                now: (@Sendable () -> Date)? = nil, timeZone: TimeZone? = nil,
                stopwatch: @escaping @Sendable () -> Double = { ShellEnvironment.monotonicSeconds() },
                chartWidth: Int = 80, chartHeight: Int = 24, unicode: Bool = true, color: Bool = false,
                variables: [String: String]? = nil, offline: Bool = false, strict: Bool = false) {
        self.currentDirectory = currentDirectory
        let epoch = PathText.environment("SOURCE_DATE_EPOCH").flatMap(Double.init)
        if let now {
            self.now = now
        } else if let epoch {
            self.now = { Date(timeIntervalSince1970: epoch) }
        } else {
            self.now = { Date() }
        }
        self.timeZone = timeZone ?? (epoch != nil ? TimeZone(secondsFromGMT: 0) : nil)
        self.stopwatch = stopwatch
        self.chartWidth = chartWidth
        self.chartHeight = chartHeight
        self.unicode = unicode
        self.color = color
        let variables = variables ?? PathText.environmentVariables()
        self.variables = variables
        self.offline = offline || ["1", "true", "yes"].contains(variables["HEDGE_OFFLINE"]?.lowercased() ?? "")
        self.strict = strict
    }

    /// `path` with `~` expanded and made absolute against the current directory.
    public func resolve(_ path: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            let home = PathText.homeDirectory
            p = home + p.dropFirst()
        }
        if p.hasPrefix("/") { return p }
        return PathText.appending(p, to: currentDirectory)
    }

    /// The `Date:` and `Time:` strings statsmodels prints ("Sat, 21 Nov 2026", "20:50:54"), now, in `timeZone`.
    /// Formatted by hand (no `DateFormatter`: building one cost 7% of a script's run, even under `-q`).
    public func summaryTimestamp() -> SummaryTimestamp {
        let moment = now()
        let seconds = Int(moment.timeIntervalSince1970.rounded(.down))
        let offset = timeZone.map { $0.secondsFromGMT(for: moment) } ?? Self.localOffset(atEpochSeconds: seconds)
        return SummaryTimestamp(localSeconds: seconds + offset)
    }

    /// Seconds on the C library's monotonic clock (the default stopwatch; no Dispatch needed).
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The C library's offset from UTC of local time at that moment (0 when it cannot tell).
    static func localOffset(atEpochSeconds seconds: Int) -> Int {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}

/// The `Date:` and `Time:` lines of a statsmodels summary.
public struct SummaryTimestamp: Sendable, Equatable {
    public var date: String
    public var time: String

    public init(date: String, time: String) {
        self.date = date
        self.time = time
    }

    /// From seconds since 1970-01-01 00:00 in the wanted zone: `EEE, dd MMM yyyy` and `HH:mm:ss` (English names).
    public init(localSeconds: Int) {
        let (days, second) = localSeconds.quotientAndRemainder(dividingBy: 86_400)
        let day = Day(ordinal: second < 0 ? days - 1 : days)
        let secondOfDay = second < 0 ? second + 86_400 : second
        let (year, month, dayOfMonth) = day.civil
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year)
        date = "\(weekdays[day.weekday]), \(two(dayOfMonth)) \(months[month - 1]) \(String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText)"
        time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }
}
