import HedgeCore

extension ObjectKind {
    /// A dated series of values (usually daily returns).
    public static let series = ObjectKind("series")
}

/// A dated series and how it was made.
public struct SeriesObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.series
    public var series: Series
    /// e.g. `volume-weighted d (window 30, excluding QQQ)`; nil for a series derived on the fly (`d.AAPL`).
    public var origin: String?
    /// The portfolio weights behind a weighted series, for `show`.
    public var portfolio: WeightedPortfolio?

    public init(series: Series, origin: String?, portfolio: WeightedPortfolio?) {
        self.series = series; self.origin = origin; self.portfolio = portfolio
    }

    public var asSeries: Series? { series }

    public func listing() -> ListingRow {
        ListingRow(shape: "\(series.count)", dates: SeriesText.range(series.dates), about: origin ?? "")
    }

    public func show(name: String, context: DisplayContext) -> String {
        var text = "\(context.style.name(name)): series" + (origin.map { ", \($0)" } ?? "") + "\n"
        text += SeriesText.preview(series, name: name) + "\n" + SeriesText.statistics(series)
        if let weights = portfolio?.lastWeights {
            text += "\nweights on \(series.last.map(\.description) ?? ""): " + SeriesText.weightList(weights)
        }
        return text
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        switch format {
        case .csv: (Exporter.csv(series: series, column: name), SeriesText.count(series.count, "row"))
        case .json: (Exporter.json(series: series.renamed(name)), SeriesText.count(series.count, "value"))
        }
    }
}
