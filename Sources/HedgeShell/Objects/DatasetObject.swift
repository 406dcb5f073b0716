import HedgeCore

extension ObjectKind {
    /// Loaded prices and volumes: dates × tickers × fields.
    public static let dataset = ObjectKind("dataset")
}

/// A loaded dataset and where it came from.
///
/// `load` reads prices and volumes (what the analysis uses); the other fields the files have (open,
/// high, low, close) are read from the files the first time something asks for them.
///
/// Parts: `NAME.TICKER` (daily simple returns), `NAME.TICKER.FIELD` (a raw field, `returns`, `logreturns`),
/// `NAME.FIELD` (the dataset shown and exported as that field, e.g. `d.volume`).
public struct DatasetObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.dataset
    /// The fields read so far.
    public var panel: Panel
    /// e.g. `demo (synthetic)` or the file names.
    public var source: String
    /// The field `show` prints and `export` writes.
    public var shownField: Field = .price
    /// Every field the data have, read or not.
    public var availableFields: [Field]
    /// Reads the fields not read yet (nil when `panel` has them all).
    var deferred: DeferredFields?

    /// A dataset whose panel holds every field.
    public init(panel: Panel, source: String, shownField: Field = .price) {
        self.panel = panel; self.source = source; self.shownField = shownField
        availableFields = panel.fields
    }

    /// A dataset of files, some of whose fields may not be read yet.
    public init(load: PanelLoad, source: String) {
        panel = load.panel; self.source = source
        availableFields = load.availableFields
        deferred = load.deferred
    }

    /// The dataset with `fields` read too (those of them the data have); `cancellation` is polled
    /// between the files read.
    public func including(_ fields: [Field], cancellation: Cancellation? = nil) throws(ShellError) -> DatasetObject {
        var result = self
        let wanted = Set(fields.filter { panel.values[$0] == nil })
        guard let deferred, !wanted.isDisjoint(with: deferred.fields) else { return result }
        do {
            // Every field asked for in one pass over the files.
            for (field, columns) in try deferred.columns(of: wanted, cancellation: cancellation) {
                result.panel.values[field] = columns
            }
        } catch {
            throw ShellError(error, at: nil)
        }
        return result
    }

    public func listing() -> ListingRow {
        ListingRow(shape: "\(panel.dates.count) × \(panel.tickers.count)", dates: SeriesText.range(panel.dates),
                   about: "\(source): \(panel.tickers.joined(separator: ","))")
    }

    public func show(name: String, context: DisplayContext) -> String {
        let p = panel, field = shownField
        let text = "\(context.style.name(name)): dataset, \(source), \(SeriesText.count(p.tickers.count, "ticker")) × \(SeriesText.count(p.dates.count, "day")), \(SeriesText.range(p.dates)); showing \(field.rawValue)\n"
        guard let columns = p.values[field] else { return text + "(no \(field.rawValue) field)" }
        let rows = context.allRows ? Array(p.dates.indices) : SeriesText.headTail(p.dates.count)
        let format: (Double) -> String = field == .volume ? { $0.isNaN ? "NaN" : NumberFormat.fixed($0, 0) } : { $0.isNaN ? "NaN" : NumberFormat.fixed($0, 2) }
        let table = TextTable(
            headers: p.tickers,
            rows: rows.map { i in i.map { r in columns.map { format($0[r]) } } ?? p.tickers.map { _ in "..." } },
            index: rows.map { $0.map { p.dates[$0].description } ?? "..." })
        return text + table.render() + "\n\n[\(p.dates.count) rows x \(p.tickers.count) columns]"
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        let what = try exportDescription(name: name, format: format)
        return (Exporter.csv(panel: panel, field: shownField), what)
    }

    /// The rows are written a few blocks at a time: a universe's export never holds its whole text.
    public func exportBody(name: String, format: ExportFormat) throws(ShellError) -> ExportBody {
        let what = try exportDescription(name: name, format: format)
        let panel = panel, field = shownField
        return ExportBody(what: what) { cancellation, append in
            try Exporter.writeCSV(panel: panel, field: field, cancellation: cancellation, to: append)
        }
    }

    /// What an export holds (`6523 rows × 500 tickers of price`); throws when it cannot be exported.
    private func exportDescription(name: String, format: ExportFormat) throws(ShellError) -> String {
        guard format == .csv else { throw ShellError("a dataset exports to .csv only") }
        guard panel.values[shownField] != nil else {
            throw ShellError("'\(name)': the dataset has no \(shownField.rawValue) field")
        }
        return "\(SeriesText.count(panel.dates.count, "row")) × \(SeriesText.count(panel.tickers.count, "ticker")) of \(shownField.rawValue)"
    }

    public var partNames: [String] { panel.tickers }

    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, let field = Field(rawValue: parts[0].lowercased()), panel.tickerIndex(parts[0]) == nil {
            var view = try including([field])
            view.shownField = field
            return view
        }
        // The longest leading run of parts that names a ticker (`BRK.B` in `BRK.B.volume`), then a field.
        let tickerParts = (1...parts.count).reversed().first { panel.tickerIndex(parts[0..<$0].joined(separator: ".")) != nil }
        guard let tickerParts, parts.count - tickerParts <= 1,
              let t = panel.tickerIndex(parts[0..<tickerParts].joined(separator: ".")) else {
            throw ShellError("dataset '\(name)' has no ticker '\(parts[0])'\(Suggestion.hint(for: parts[0], in: panel.tickers)); it has \(panel.tickers.joined(separator: ", "))")
        }
        let ticker = panel.tickers[t]
        let fieldPart = tickerParts < parts.count ? parts[tickerParts] : nil
        let label = "\(name).\(ticker)" + (fieldPart.map { ".\($0)" } ?? "")
        let fieldName = fieldPart?.lowercased() ?? "returns"
        guard let prices = panel.series(ticker, field: .price) else {
            throw ShellError("dataset '\(name)' has no prices for \(ticker)")
        }
        let series: Series
        switch fieldName {
        case "returns", "logreturns":
            if let bad = UndefinedReturns.firstBadPrice(prices.values, dates: prices.dates) {
                throw ShellError("\(name).\(ticker) has price \(bad.value) on \(bad.day), which makes its returns undefined "
                                 + "(see `describe \(name)`; `\(name).\(ticker).price` is the raw column)")
            }
            series = fieldName == "returns" ? Returns.simple(prices) : Returns.log(prices)
        default:
            let choices = availableFields.map(\.rawValue) + ["returns", "logreturns"]
            let field = Field(rawValue: fieldName)
            guard let field, let s = try including([field]).panel.series(ticker, field: field) else {
                throw ShellError("'\(fieldName)' is not a field of \(name)\(Suggestion.hint(for: fieldName, in: choices)); fields: \(choices.joined(separator: ", "))")
            }
            series = s
        }
        return SeriesObject(series: series.renamed(label), origin: nil, portfolio: nil)
    }
}
