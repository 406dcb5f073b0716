import HedgeCore

/// A loaded dataset and where it came from.
public struct DatasetObject: Sendable, Equatable {
    public var panel: Panel
    /// e.g. `demo (synthetic)` or the file names.
    public var source: String
}

/// A dated series and how it was made.
public struct SeriesObject: Sendable, Equatable {
    public var series: Series
    /// e.g. `volume-weighted d (window 30, excluding QQQ)`.
    public var origin: String
    /// The portfolio weights behind a weighted series, for `show`.
    public var portfolio: WeightedPortfolio?
}

/// A fitted regression; its variables are named as typed (`p1`, `d.QQQ`).
public struct ModelObject: Sendable, Equatable {
    public var regression: DatedRegression

    public var result: OLSResult { regression.result }
    /// The dates the fit used (after alignment).
    public var dates: [Day] { regression.dates }
    /// The dependent series' name and the regressors' names.
    public var dependent: String { regression.dependent.name }
    public var regressors: [String] { regression.regressors.map(\.name) }
}

/// A finished backtest.
public struct BacktestObject: Sendable, Equatable {
    public var result: BacktestResult
    public var long: String
    public var benchmark: String
    /// What the capital would be worth holding the benchmark, at each of the backtest's value dates (for plots).
    public var benchmarkValue: Series?
}

/// Anything the workspace holds.
public enum WorkspaceObject: Sendable, Equatable {
    case dataset(DatasetObject)
    case series(SeriesObject)
    case model(ModelObject)
    case backtest(BacktestObject)

    public var kind: ObjectKind {
        switch self {
        case .dataset: .dataset
        case .series: .series
        case .model: .model
        case .backtest: .backtest
        }
    }
}
