/// A metric over two parameters, ready for `Chart.heatmap`: `cells[r][c]` is the metric at the r-th
/// value of the row parameter and the c-th value of the column parameter (NaN for none).
public struct Heatmap: Sendable, Equatable {
    /// Name of the parameter down the rows (the y axis).
    public var rowName: String
    /// Labels of its values, in the order of `cells`' rows (drawn bottom to top).
    public var rowLabels: [String]
    /// Name of the parameter across the columns (the x axis).
    public var columnName: String
    /// Labels of its values, in the order of each row's cells (drawn left to right).
    public var columnLabels: [String]
    /// The metric: one row per row label, one value per column label.
    public var cells: [[Double]]
    /// Name of the metric (legend).
    public var metricName: String
    /// Whether a higher metric is better (Sharpe) or worse (volatility); decides the best cell and
    /// which end of the scale is blue (better) and which red (worse).
    public var higherIsBetter: Bool

    public init(rowName: String, rowLabels: [String], columnName: String, columnLabels: [String],
                cells: [[Double]], metricName: String, higherIsBetter: Bool = true) {
        self.rowName = rowName; self.rowLabels = rowLabels
        self.columnName = columnName; self.columnLabels = columnLabels
        self.cells = cells; self.metricName = metricName; self.higherIsBetter = higherIsBetter
    }
}

/// How a heatmap maps a metric value to one of ten shades, from worse (0) to better (9).
///
/// With colour the shades form a diverging red–blue scale. When the metric's range straddles zero,
/// zero is the midpoint: negative values take the five red shades by v/min (min → 0, towards zero → 4),
/// non-negative values the five blue shades by v/max (0 → 5, max → 9). Otherwise the ten shades split
/// the range [min, max] evenly. For a lower-is-better metric the value is negated first, so blue is
/// always better. Without colour the shades are the density ramp ` .:-=+*#%@` (blank = worst).
struct HeatScale {
    static let ramp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    /// xterm-256 colours approximating ColorBrewer RdBu, dark red … dark blue.
    static let palette = [88, 124, 167, 216, 224, 195, 153, 74, 31, 18]

    var lower: Double
    var upper: Double

    /// A scale for the oriented (higher = better) finite values between `lower` and `upper`.
    init(lower: Double, upper: Double) {
        self.lower = lower; self.upper = upper
    }

    /// The shade 0…9 of oriented value `v` (finite, inside the range).
    func shade(_ v: Double) -> Int {
        if lower < 0 && upper > 0 {
            if v < 0 { return Swift.min(4, Int(((1 - v / lower) * 5).rounded(.down))) }
            return 5 + Swift.min(4, Int((v / upper * 5).rounded(.down)))
        }
        guard upper > lower else { return 5 }
        let t = (v - lower) / (upper - lower)
        return Swift.max(0, Swift.min(9, Int((t * 10).rounded(.down))))
    }

    /// The ANSI code giving a cell shade `s` as background (and a readable foreground for a marker).
    static func background(_ s: Int) -> String {
        let foreground = (s <= 1 || s >= 8) ? 97 : 30
        return "\u{1B}[\(foreground);48;5;\(palette[s])m"
    }

    /// The ANSI code giving text shade `s` as foreground colour.
    static func foreground(_ s: Int) -> String { "\u{1B}[38;5;\(palette[s])m" }
}
