extension Chart {
    /// A line chart of a metric against one numeric parameter (a one-parameter sweep): x is the
    /// parameter's value `x[i]`, y the metric `y[i]`, drawn with the line charts' frame, axes, legend and
    /// series look. NaN metric values leave gaps. The legend names the metric and its best value
    /// (highest, or lowest when `higherIsBetter` is false) with the parameter value giving it.
    public static func profile(x: [Double], y: [Double], parameter: String, metric: String,
                               higherIsBetter: Bool = true, unit: ChartUnit = .number, style: ChartStyle) throws -> [String] {
        try style.validate()
        guard x.count == y.count, !x.isEmpty else { throw HedgeError("nothing to plot: no \(parameter) values") }
        let sign = higherIsBetter ? 1.0 : -1.0
        var best: Int? = nil
        for i in y.indices where y[i].isFinite {
            if let b = best, sign * y[i] <= sign * y[b] { continue }
            best = i
        }
        guard let best else { throw HedgeError("nothing to plot: no \(parameter) value has a value of \(metric)") }
        let finite = y.filter(\.isFinite)
        let text = "\(metric) by \(parameter); best \(metricLabel(y[best])) at \(parameter) \(SweepValues.format(x[best]))"
        let look = SeriesLook(index: 0, style: style)
        let entries = [LegendEntry(marker: look.legendMarker, series: 0, text: text)]
        let frame = try ChartFrame(style: style, legend: entries, yRange: finite.min() ?? 0, finite.max() ?? 0, unit: unit)
        var canvas = frame.makeCanvas(layers: 1)
        let xLow = x.min() ?? 0, xHigh = x.max() ?? 0
        try ChartFrame.requirePlottable(xLow, xHigh)
        let (low, high) = ValueAxis.widened(xLow, xHigh, unit: .number)
        let xScale = LinearScale(lower: low, upper: high, dots: canvas.dotWidth)
        let yScale = frame.yScale
        let order = x.indices.sorted { x[$0] < x[$1] }
        let sortedY = order.map { y[$0] }
        for run in Downsampling.finiteRuns(sortedY) {
            let points = run.map { (x: xScale.dot(x[order[$0]]), y: yScale.dot(sortedY[$0])) }
            canvas.polyline(points, layer: 0, pattern: look.pattern)
        }
        let dotsPerColumn = style.dotsPerCell.x
        let xTicks = ValueAxis.xTicks(low, high, unit: .number, columns: frame.plotColumns) { xScale.dot($0) / dotsPerColumn }
        return frame.render(canvas, layerSeries: [0], asciiMarks: [look.asciiMark], xTicks: xTicks)
    }
}
