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

/// A fitted regression and the names of its variables.
public struct ModelObject: Sendable, Equatable {
    public var result: OLSResult
    /// Names of the dependent series and the regressors as typed.
    public var dependent: String
    public var regressors: [String]
    /// The dates the fit used (after alignment).
    public var dates: [Day]
    /// The regressor series themselves (for `hedge`), in order.
    public var regressorSeries: [Series]
    /// The dependent series (for plots).
    public var dependentSeries: Series
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
