/// The frame around a plot: title, y-axis labels, the plot area, the x axis with its labels, and the
/// legend, sized so the whole chart is exactly `style.height` lines of at most `style.width` columns.
///
/// Layout, top to bottom: the title (when given), `plotRows` rows of `labels │ plot`, the x-axis line,
/// the x-axis labels, the legend lines.
struct ChartFrame {
    var style: ChartStyle
    var legend: [String]
    var axis: ValueAxis
    var plotRows: Int
    var plotColumns: Int
    var labelWidth: Int

    /// Plans the frame for data spanning `lo ... hi` in `unit`. Throws when the size leaves too little
    /// room for the plot.
    /// `minimumStep` keeps y ticks at least that far apart (1 for counts).
    init(style: ChartStyle, legend entries: [LegendEntry], yRange lo: Double, _ hi: Double, unit: ChartUnit,
         minimumStep: Double = 0) throws {
        try style.validate()
        self.style = style
        legend = Legend.lines(entries, style: style)
        let titleLines = style.title == nil ? 0 : 1
        plotRows = style.height - titleLines - 2 - legend.count
        guard plotRows >= ChartFrame.minimumPlotRows else {
            let needed = style.height - plotRows + ChartFrame.minimumPlotRows
            throw HedgeError("chart height \(style.height) is too small for the title, axes and \(legend.count)-line legend: use at least \(needed)")
        }
        try ChartFrame.requirePlottable(lo, hi)
        guard let axis = ValueAxis.covering(lo, hi, unit: unit, rows: plotRows, minimumStep: minimumStep) else {
            let ends = unit.labels(for: [lo, hi], step: Swift.max(hi - lo, abs(hi), abs(lo)) / 1000)
            throw HedgeError("chart height \(style.height) is too small to label a y axis from \(ends[0]) to \(ends[1]): "
                             + "use at least \(style.height + 1)")
        }
        self.axis = axis
        labelWidth = axis.labels.map(TextWidth.of).max() ?? 0
        plotColumns = style.width - labelWidth - 1
        guard plotColumns >= ChartFrame.minimumPlotColumns else {
            let needed = style.width - plotColumns + ChartFrame.minimumPlotColumns
            throw HedgeError("chart width \(style.width) is too small for axis labels like \(axis.labels.last ?? ""): use at least \(needed)")
        }
    }

    /// Three rows: enough for ticks −s, 0, s, which label any range (two rows cannot label one spanning zero).
    static let minimumPlotRows = 3

    /// Throws when `lo ... hi` is not a finite range a chart can scale (values near ±1.8e308).
    static func requirePlottable(_ lo: Double, _ hi: Double) throws {
        guard lo.isFinite, hi.isFinite, (hi - lo).isFinite, ((hi + lo) / 2).isFinite, abs(lo) < 1e300, abs(hi) < 1e300 else {
            throw HedgeError("cannot plot values from \(lo) to \(hi): the range is too large")
        }
    }
    static let minimumPlotColumns = 10

    /// A canvas the size of the plot area.
    func makeCanvas(layers: Int) -> DotCanvas {
        DotCanvas(columns: plotColumns, rows: plotRows, dotsPerCell: style.dotsPerCell, layers: layers)
    }

    /// Maps y values to dot rows.
    var yScale: LinearScale {
        LinearScale(lower: axis.lower, upper: axis.upper, dots: plotRows * style.dotsPerCell.y)
    }

    /// The finished chart. `layerSeries[l]` is the series (colour and ASCII character) of canvas layer `l`.
    func render(_ canvas: DotCanvas, layerSeries: [Int], asciiMarks: [Character], xTicks: [AxisTick]) -> [String] {
        var lines: [String] = []
        if let title = style.title {
            let text = TextWidth.truncate(TextWidth.sanitized(title), to: style.width, ascii: style.ascii)
            let indent = Swift.max(0, (style.width - TextWidth.of(text)) / 2)
            lines.append(String(repeating: " ", count: indent) + text)
        }
        var labelAtRow: [Int: String] = [:]
        let scale = yScale
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let row = plotRows - 1 - scale.dot(tick) / style.dotsPerCell.y
            if row >= 0, row < plotRows { labelAtRow[row] = label }
        }
        let axisChars: (plain: String, tick: String, corner: String, line: Character, xTick: Character) =
            style.ascii ? ("|", "+", "+", "-", "+") : ("│", "┤", "└", "─", "┬")
        for row in 0..<plotRows {
            let label = labelAtRow[row] ?? ""
            let prefix = String(repeating: " ", count: labelWidth - TextWidth.of(label)) + label
                + (labelAtRow[row] == nil ? axisChars.plain : axisChars.tick)
            lines.append(prefix + plotRow(row, canvas: canvas, layerSeries: layerSeries, asciiMarks: asciiMarks))
        }
        var axisLine = Array(repeating: axisChars.line, count: plotColumns)
        for tick in xTicks where tick.column >= 0 && tick.column < plotColumns { axisLine[tick.column] = axisChars.xTick }
        lines.append(String(repeating: " ", count: labelWidth) + axisChars.corner + String(axisLine))
        var labelLine = Array(repeating: Character(" "), count: plotColumns)
        for tick in xTicks {
            for (offset, ch) in tick.label.enumerated() where tick.labelStart + offset < plotColumns {
                labelLine[tick.labelStart + offset] = ch
            }
        }
        lines.append(trimmed(String(repeating: " ", count: labelWidth + 1) + String(labelLine)))
        lines.append(contentsOf: legend)
        return lines
    }

    /// One row of the plot area, colour runs switched on and off, trailing blanks dropped.
    private func plotRow(_ row: Int, canvas: DotCanvas, layerSeries: [Int], asciiMarks: [Character]) -> String {
        var cells: [(Character, Int?)] = (0..<plotColumns).map { column in
            let cell = canvas.cell(column: column, row: row)
            guard let layer = cell.layer else { return (" ", nil) }
            let glyph = style.ascii ? asciiMarks[layer] : Braille.character(cell.bits)
            if glyph == " " { return (" ", nil) }
            return (glyph, style.color ? layerSeries[layer] : nil)
        }
        while let last = cells.last, last.0 == " " { cells.removeLast() }
        var text = ""
        var active: Int? = nil
        for (glyph, colour) in cells {
            if colour != active && glyph != " " {
                if active != nil { text += ANSIColor.reset }
                if let colour { text += ANSIColor.code(forSeries: colour) }
                active = colour
            }
            text.append(glyph)
        }
        if active != nil { text += ANSIColor.reset }
        return text
    }

    private func trimmed(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
