import HedgeCore

/// What `plot-ascii` was asked for.
public struct ChartRequest: Sendable {
    public var mode: PlotMode
    public var style: ChartStyle
    public init(mode: PlotMode, style: ChartStyle) { self.mode = mode; self.style = style }
}

/// What `plot-ascii` draws.
public enum PlotMode: String, Sendable, Equatable { case level, cumulative, drawdown, histogram = "hist" }
