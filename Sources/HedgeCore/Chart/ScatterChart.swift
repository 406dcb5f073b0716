extension Chart {
    /// A scatter of `y` against `x` on their common dates (NaN pairs dropped) with the straight line
    /// `fit` (by default the least-squares line; none when x does not vary) and its equation in the legend.
    /// Both axes are labelled in `unit`. Points are single dots (`o` in ASCII), the line solid (`.` in ASCII).
    /// `cancellation` is polled between the passes over the points.
    public static func scatter(
        x: Series, y: Series, fit: LinearFit? = nil, unit: ChartUnit = .percent, style: ChartStyle,
        cancellation: Cancellation? = nil
    ) throws -> [String] {
        try style.validate()
        for s in [x, y] where s.isEmpty { throw HedgeError("nothing to plot: series \(s.name) is empty") }
        let aligned = AlignedSeries([x, y])
        try cancellation?.check()
        let xs = aligned.columns.first ?? [], ys = aligned.columns.last ?? []
        let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        guard !pairs.isEmpty else {
            throw HedgeError("nothing to plot: \(y.name) and \(x.name) have no dates where both have values")
        }
        let line = fit ?? LinearFit.leastSquares(x: pairs.map(\.0), y: pairs.map(\.1))
        var entries = [LegendEntry(marker: style.ascii ? "o" : "⠂", series: 0,
                                   text: "\(y.name) against \(x.name), \(pairs.count) point\(pairs.count == 1 ? "" : "s")")]
        if let line {
            entries.append(LegendEntry(marker: style.ascii ? "..." : "⠒⠒⠒", series: 1, text: line.equation(ascii: style.ascii)))
        }
        try cancellation?.check()
        let yValues = pairs.map(\.1), xValues = pairs.map(\.0)
        let frame = try ChartFrame(style: style, legend: entries, yRange: yValues.min() ?? 0, yValues.max() ?? 0, unit: unit)
        // Layer 0: points (on top); layer 1: the fitted line.
        var canvas = frame.makeCanvas(layers: 2)
        try ChartFrame.requirePlottable(xValues.min() ?? 0, xValues.max() ?? 0)
        let (xLow, xHigh) = ValueAxis.widened(xValues.min() ?? 0, xValues.max() ?? 0, unit: unit)
        let xScale = LinearScale(lower: xLow, upper: xHigh, dots: canvas.dotWidth)
        let yScale = frame.yScale
        if let line {
            let points = (0..<canvas.dotWidth).map { (x: $0, y: yScale.dot(line.value(at: xScale.value(atDot: $0)))) }
            canvas.polyline(points, layer: 1, pattern: .solid)
        }
        try cancellation?.check()
        for (a, b) in pairs { canvas.plot(x: xScale.dot(a), y: yScale.dot(b), layer: 0) }
        try cancellation?.check()
        let dotsPerColumn = style.dotsPerCell.x
        let xTicks = ValueAxis.xTicks(xLow, xHigh, unit: unit, columns: frame.plotColumns) { xScale.dot($0) / dotsPerColumn }
        return frame.render(canvas, layerSeries: [0, 1], asciiMarks: ["o", "."], xTicks: xTicks)
    }
}
