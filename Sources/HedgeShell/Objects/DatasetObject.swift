import HedgeCore

extension ObjectKind {
    /// Loaded prices and volumes: dates × tickers × fields.
    public static let dataset = ObjectKind("dataset")
}

/// A loaded dataset and where it came from.
///
/// Parts: `NAME.TICKER` (daily simple returns), `NAME.TICKER.FIELD` (a raw field, `returns`, `logreturns`),
/// `NAME.FIELD` (the dataset shown and exported as that field, e.g. `d.volume`).
public struct DatasetObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.dataset
    public var panel: Panel
    /// e.g. `demo (synthetic)` or the file names.
    public var source: String
    /// The field `show` prints and `export` writes.
    public var shownField: Field = .price

    public init(panel: Panel, source: String, shownField: Field = .price) {
        self.panel = panel; self.source = source; self.shownField = shownField
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
        guard format == .csv else { throw ShellError("a dataset exports to .csv only") }
        guard panel.values[shownField] != nil else {
            throw ShellError("'\(name)': the dataset has no \(shownField.rawValue) field")
        }
        return (Exporter.csv(panel: panel, field: shownField),
                "\(panel.dates.count) rows × \(panel.tickers.count) tickers of \(shownField.rawValue)")
    }

    public var partNames: [String] { panel.tickers }

    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, let field = Field(rawValue: parts[0].lowercased()), panel.tickerIndex(parts[0]) == nil {
            var view = self
            view.shownField = field
            return view
        }
        guard parts.count <= 2, let t = panel.tickerIndex(parts[0]) else {
            throw ShellError("dataset '\(name)' has no ticker '\(parts[0])'\(Suggestion.hint(for: parts[0], in: panel.tickers)); it has \(panel.tickers.joined(separator: ", "))")
        }
        let ticker = panel.tickers[t]
        let label = "\(name).\(ticker)" + (parts.count == 2 ? ".\(parts[1])" : "")
        let fieldName = parts.count == 2 ? parts[1].lowercased() : "returns"
        guard let prices = panel.series(ticker, field: .price) else {
            throw ShellError("dataset '\(name)' has no prices for \(ticker)")
        }
        let series: Series
        switch fieldName {
        case "returns": series = Returns.simple(prices)
        case "logreturns": series = Returns.log(prices)
        default:
            let choices = panel.fields.map(\.rawValue) + ["returns", "logreturns"]
            guard let field = Field(rawValue: fieldName), let s = panel.series(ticker, field: field) else {
                throw ShellError("'\(parts[1])' is not a field of \(name)\(Suggestion.hint(for: parts[1], in: choices)); fields: \(choices.joined(separator: ", "))")
            }
            series = s
        }
        return SeriesObject(series: series.renamed(label), origin: nil, portfolio: nil)
    }
}
