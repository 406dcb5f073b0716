import HedgeCore

/// What `show` and command reports need from the session: styling, the summary clock, how much to print.
public struct DisplayContext: Sendable {
    public var style: TextStyle
    /// The `Date:`/`Time:` strings of statsmodels summaries.
    public var timestamp: SummaryTimestamp
    /// Print every row instead of pandas' head/tail.
    public var allRows: Bool
    /// `show … sort METRIC`: the column a table is ordered by (kinds with ranked rows, e.g. a sweep).
    public var sortBy: String?
    /// `show … top N`: how many rows of a ranked table to print.
    public var top: Int?

    public init(style: TextStyle, timestamp: SummaryTimestamp, allRows: Bool = false, sortBy: String? = nil, top: Int? = nil) {
        self.style = style; self.timestamp = timestamp; self.allRows = allRows; self.sortBy = sortBy; self.top = top
    }

    /// The statsmodels-style summary stamped with this context's clock.
    public func summary(_ result: OLSResult) -> String {
        OLSSummary.render(result, date: timestamp.date, time: timestamp.time)
    }
}
