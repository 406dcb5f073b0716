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

    /// What `export` writes: by default `export`'s text; kinds whose exports are large write them
    /// piece by piece instead. Throws, before anything is written, when the kind has no such format.
    func exportBody(name: String, format: ExportFormat) throws(ShellError) -> ExportBody

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

    /// Whether `plot-ascii NAME WORD…` passes the words after the name to `chart` (a sweep's metric)
    /// instead of reading them as more series.
    var takesChartArguments: Bool { get }

    /// Whether `show NAME sort METRIC top N` applies (a ranked table).
    var isRanked: Bool { get }

    /// Equality across existentials (for workspace snapshots).
    func isEqual(to other: any WorkspaceValue) -> Bool
}

extension WorkspaceValue {
    public var kind: ObjectKind { Self.kind }
    public var asSeries: Series? { nil }
    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? { nil }
    public var partNames: [String] { [] }
    public func chart(name: String, request: ChartRequest) throws -> [String]? { nil }
    public var takesChartArguments: Bool { false }
    public var isRanked: Bool { false }

    public func exportBody(name: String, format: ExportFormat) throws(ShellError) -> ExportBody {
        let (text, what) = try export(name: name, format: format)
        return ExportBody(text: text, what: what)
    }
}

extension WorkspaceValue where Self: Equatable {
    public func isEqual(to other: any WorkspaceValue) -> Bool {
        (other as? Self) == self
    }
}
