extension Chart {
    /// A line chart of `series` on shared axes: x by date (from the earliest to the latest date of any
    /// series), y after `transform`, labelled in `unit` (default: the transform's `defaultUnit`).
    /// NaN values leave gaps; many points are reduced to each dot column's min and max so spikes survive.
    /// `cancellation` is polled between the passes over each series.
    public static func line(
        _ series: [Series], transform: ChartTransform = .level, unit: ChartUnit? = nil, style: ChartStyle,
        cancellation: Cancellation? = nil
    ) throws -> [String] {
        try line(series, transform: transform, unit: unit, style: style, looks: Array(series.indices),
                 cancellation: cancellation)
    }

    /// `line` where series i is drawn with look `looks[i]` (pattern, colour, ASCII mark); series that
    /// share a look share one legend entry, the first one's name (a band's two edges).
    static func line(
        _ series: [Series], transform: ChartTransform = .level, unit: ChartUnit? = nil, style: ChartStyle, looks: [Int],
        cancellation: Cancellation? = nil
    ) throws -> [String] {
        try style.validate()
        guard !series.isEmpty else { throw HedgeError("nothing to plot: no series given") }
        for s in series where s.isEmpty { throw HedgeError("nothing to plot: series \(s.name) is empty") }
        let shown = try series.map { s in
            try cancellation?.check()
            return transform.apply(to: s)
        }
        var lo = Double.infinity, hi = -Double.infinity
        for s in shown {
            try cancellation?.check()
            let finite = s.values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else {
                throw HedgeError("nothing to plot: series \(s.name) has no values")
            }
            lo = Swift.min(lo, low); hi = Swift.max(hi, high)
        }
        let entries = shown.indices.filter { i in !looks[..<i].contains(looks[i]) }.map { i in
            LegendEntry(marker: SeriesLook(index: looks[i], style: style).legendMarker, series: looks[i], text: shown[i].name)
        }
        let frame = try ChartFrame(style: style, legend: entries, yRange: lo, hi, unit: unit ?? transform.defaultUnit)
        var canvas = frame.makeCanvas(layers: shown.count)
        let first = shown.compactMap(\.first).min() ?? Day(ordinal: 0)
        let last = shown.compactMap(\.last).max() ?? first
        let xScale = LinearScale(lower: Double(first.ordinal), upper: Double(last.ordinal), dots: canvas.dotWidth)
        let yScale = frame.yScale
        for (layer, s) in shown.enumerated() {
            try cancellation?.check()
            for run in Downsampling.finiteRuns(s.values) {
                let points = run.map { (x: xScale.dot(Double(s.dates[$0].ordinal)), y: s.values[$0]) }
                let reduced = Downsampling.minMaxPerColumn(points).map { (x: $0.x, y: yScale.dot($0.y)) }
                canvas.polyline(reduced, layer: layer, pattern: SeriesLook(index: looks[layer], style: style).pattern)
            }
        }
        try cancellation?.check()
        let dotsPerColumn = style.dotsPerCell.x
        let xTicks = DateTicks.choose(from: first, to: last, columns: frame.plotColumns) {
            xScale.dot(Double($0.ordinal)) / dotsPerColumn
        }
        return frame.render(canvas, layerSeries: looks,
                            asciiMarks: looks.map { SeriesLook(index: $0, style: style).asciiMark },
                            xTicks: xTicks)
    }
}
