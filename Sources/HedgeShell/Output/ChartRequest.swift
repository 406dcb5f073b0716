import HedgeCore

/// What `plot-ascii` was asked for.
public struct ChartRequest: Sendable {
    public var mode: PlotMode
    public var style: ChartStyle
    /// Words after the object's name (`plot-ascii SW sharpe`), for kinds that take them.
    public var arguments: [String]
    /// `by P1 P2`: the parameters to draw (a sweep's heatmap axes).
    public var by: [String]
    /// Polled by the chart's passes over the data (Ctrl-C).
    public var cancellation: Cancellation?
    public init(mode: PlotMode, style: ChartStyle, arguments: [String] = [], by: [String] = [],
                cancellation: Cancellation? = nil) {
        self.mode = mode; self.style = style; self.arguments = arguments; self.by = by
        self.cancellation = cancellation
    }
}

/// What `plot-ascii` draws.
public enum PlotMode: String, Sendable, Equatable { case level, cumulative, drawdown, histogram = "hist" }
