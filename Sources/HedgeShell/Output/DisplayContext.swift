import HedgeCore

/// What `show` and command reports need from the session: styling, the summary clock, how much to print.
public struct DisplayContext: Sendable {
    public var style: TextStyle
    /// The `Date:`/`Time:` strings of statsmodels summaries.
    public var timestamp: SummaryTimestamp
    /// Print every row instead of pandas' head/tail.
    public var allRows: Bool

    public init(style: TextStyle, timestamp: SummaryTimestamp, allRows: Bool = false) {
        self.style = style; self.timestamp = timestamp; self.allRows = allRows
    }

    /// The statsmodels-style summary stamped with this context's clock.
    public func summary(_ result: OLSResult) -> String {
        OLSSummary.render(result, date: timestamp.date, time: timestamp.time)
    }
}
