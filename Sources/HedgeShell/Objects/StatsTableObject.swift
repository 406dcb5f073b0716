import HedgeCore

extension ObjectKind {
    /// A `stats` table kept with `as NAME`.
    public static let stats = ObjectKind("stats")
}

/// The side-by-side figures `stats` printed, kept for `show` and `export` (CSV or JSON).
public struct StatsTableObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.stats
    public var table: StatsTable

    public init(table: StatsTable) { self.table = table }

    public func listing() -> ListingRow {
        let dates = [table.from, table.to].map { $0?.description ?? "…" }
        return ListingRow(shape: "\(table.metrics.count) × \(table.columns.count)",
                          dates: table.from == nil && table.to == nil ? "" : dates.joined(separator: " to "),
                          about: "stats of " + table.columns.map(\.name).joined(separator: ", "))
    }

    public func show(name: String, context: DisplayContext) -> String {
        "\(context.style.name(name)): stats\n" + StatsText.render(table)
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        switch format {
        case .csv: (StatsText.csv(table), "\(SeriesText.count(table.metrics.count, "metric")) × \(SeriesText.count(table.columns.count, "column"))")
        case .json: (Exporter.json(stats: table), "stats")
        }
    }
}
