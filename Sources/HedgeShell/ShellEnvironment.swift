import Foundation

/// What a session needs from the world around it: the working directory, the clock and time zone shown
/// in regression summaries, and the size and capabilities of the terminal for charts. Injected, so that
/// tests pin the clock and the zone and output never depends on the machine.
public struct ShellEnvironment: Sendable {
    /// Relative paths resolve against this directory.
    public var currentDirectory: String
    /// The moment printed in summaries' `Date:`/`Time:` lines. `SOURCE_DATE_EPOCH` fixes it (reproducible output).
    public var now: @Sendable () -> Date
    /// The zone of the `Time:` line: the machine's, or UTC when `SOURCE_DATE_EPOCH` is set.
    public var timeZone: TimeZone
    /// Chart size when none is given: the terminal's size, or 80×24 when output is not a terminal.
    public var chartWidth: Int
    public var chartHeight: Int
    /// Whether charts may use Unicode braille (false when the locale is not UTF-8 or `TERM=dumb`).
    public var unicode: Bool
    /// Whether charts may use colour (stdout is a terminal and `NO_COLOR` is unset).
    public var color: Bool

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath,
                now: (@Sendable () -> Date)? = nil, timeZone: TimeZone? = nil,
                chartWidth: Int = 80, chartHeight: Int = 24, unicode: Bool = true, color: Bool = false) {
        self.currentDirectory = currentDirectory
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
        if let now {
            self.now = now
        } else if let epoch {
            self.now = { Date(timeIntervalSince1970: epoch) }
        } else {
            self.now = { Date() }
        }
        self.timeZone = timeZone ?? (epoch != nil ? TimeZone(identifier: "UTC") : nil) ?? TimeZone.current
        self.chartWidth = chartWidth
        self.chartHeight = chartHeight
        self.unicode = unicode
        self.color = color
    }

    /// `path` with `~` expanded and made absolute against the current directory.
    public func resolve(_ path: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            p = home + p.dropFirst()
        }
        if p.hasPrefix("/") { return p }
        return (currentDirectory as NSString).appendingPathComponent(p)
    }

    /// The `Date:` and `Time:` strings statsmodels prints ("Sat, 21 Nov 2026", "20:50:54"), now, in `timeZone`.
    public func summaryTimestamp() -> SummaryTimestamp {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        let moment = now()
        formatter.dateFormat = "EEE, dd MMM yyyy"
        let date = formatter.string(from: moment)
        formatter.dateFormat = "HH:mm:ss"
        return SummaryTimestamp(date: date, time: formatter.string(from: moment))
    }
}

/// The `Date:` and `Time:` lines of a statsmodels summary.
public struct SummaryTimestamp: Sendable, Equatable {
    public var date: String
    public var time: String
}
