import HedgeCore

/// Something the workspace holds under a name: a dataset, a series, a model, a backtest, …
///
/// A new kind of object is one type conforming to this protocol (one file in `Sources/HedgeShell/Objects/`);
/// `ls`, `show`, `export`, `plot-ascii` and series lookup ask the value, so no shared switch changes.
public protocol WorkspaceValue: Sendable {
    /// What `ls` prints in the KIND column and what argument slots accept.
    static var kind: ObjectKind { get }

    /// The SHAPE, DATES and ABOUT columns of `ls`.
    func listing() -> ListingRow

    /// What `show NAME` prints (`all`: every row, no head/tail truncation).
    func show(name: String, context: DisplayContext) -> String

    /// The text written by `export NAME to FILE.<format>` and a few words on what it holds
    /// (`753 rows`); throws when the kind has no such format.
    func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String)

    /// The series this value is, when it can stand wherever a series is expected (nil otherwise).
    var asSeries: Series? { get }

    /// A named part, `NAME.part` (`d.AAPL`, `d.AAPL.volume`, `d.volume`): a derived value, nil when this
    /// kind has no part of that name. Parts that are series (`asSeries`) resolve wherever a series does.
    func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)?

    /// Names offered by completion after `NAME.` (tickers of a dataset, …).
    var partNames: [String] { get }

    /// A chart of this value on its own (a model's scatter, a backtest's value path), or nil when it is
    /// drawn as a series. `request` says what was asked (mode, size, title).
    func chart(name: String, request: ChartRequest) throws -> [String]?

    /// Equality across existentials (for workspace snapshots).
    func isEqual(to other: any WorkspaceValue) -> Bool
}

extension WorkspaceValue {
    public var kind: ObjectKind { Self.kind }
    public var asSeries: Series? { nil }
    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? { nil }
    public var partNames: [String] { [] }
    public func chart(name: String, request: ChartRequest) throws -> [String]? { nil }
}

extension WorkspaceValue where Self: Equatable {
    public func isEqual(to other: any WorkspaceValue) -> Bool {
        (other as? Self) == self
    }
}

/// One `ls` row after NAME and KIND.
public struct ListingRow: Sendable, Equatable {
    public var shape: String
    public var dates: String
    public var about: String
    public init(shape: String, dates: String, about: String) {
        self.shape = shape; self.dates = dates; self.about = about
    }
}

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

/// The file formats `export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}

/// What `plot-ascii` was asked for.
public struct ChartRequest: Sendable {
    public var mode: PlotMode
    public var style: ChartStyle
    /// Polled by the chart's passes over the data (Ctrl-C).
    public var cancellation: Cancellation?
    public init(mode: PlotMode, style: ChartStyle, cancellation: Cancellation? = nil) {
        self.mode = mode; self.style = style; self.cancellation = cancellation
    }
}

/// What `plot-ascii` draws.
public enum PlotMode: String, Sendable, Equatable { case level, cumulative, drawdown, histogram = "hist" }
