#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Chart {
    /// A heatmap of `map`: one block of cells per (row value, column value), the row parameter's
    /// values up the left side (first value at the bottom), the column parameter's values along the
    /// bottom, each parameter's name beside its axis, and a legend: the metric's range on the scale,
    /// the best cell (marked `◆`/`*` with colour, `[` `]` without) and, when any, the cells without a
    /// value (marked `×`, `x` in ASCII, on no colour). See `HeatScale` for the colours and the ramp.
    ///
    /// Cells are as large as the size allows (at most 10 columns × 3 lines each), so the chart takes
    /// at most `style.width` columns and `style.height` lines — fewer when the grid is small. Throws
    /// when the grid does not fit (each cell needs 3 columns and 1 line), or no cell has a value.
    public static func heatmap(_ map: Heatmap, style: ChartStyle) throws -> [String] {
        try style.validate()
        let rows = map.rowLabels.count, columns = map.columnLabels.count
        guard rows > 0, columns > 0 else { throw HedgeError("nothing to plot: the heatmap has no rows or no columns") }
        guard map.cells.count == rows, map.cells.allSatisfy({ $0.count == columns }) else {
            throw HedgeError("heatmap cells do not match its \(rows) × \(columns) labels")
        }
        let sign = map.higherIsBetter ? 1.0 : -1.0
        var best: (row: Int, column: Int)? = nil
        var lo = Double.infinity, hi = -Double.infinity
        var missing = 0
        for r in 0..<rows {
            for c in 0..<columns {
                let v = map.cells[r][c]
                guard v.isFinite else { missing += 1; continue }
                lo = Swift.min(lo, sign * v); hi = Swift.max(hi, sign * v)
                if let b = best, sign * v <= sign * map.cells[b.row][b.column] { continue }
                best = (r, c)
            }
        }
        guard let best else { throw HedgeError("nothing to plot: no configuration has a value of \(map.metricName)") }
        let scale = HeatScale(lower: lo, upper: hi)
        let marks = HeatmapMarks(style: style)
        let legend = heatmapLegend(map, best: best, scale: scale, missing: missing, marks: marks, style: style)

        let rowLabels = map.rowLabels.map { TextWidth.sanitized($0) }
        let labelWidth = rowLabels.map(TextWidth.of).max() ?? 0
        let fixedLines = (style.title == nil ? 0 : 1) + 4 + legend.count
        let cellHeight = Swift.min(3, (style.height - fixedLines) / rows)
        guard cellHeight >= 1 else {
            throw HedgeError("chart height \(style.height) is too small for \(rows) rows: use at least \(fixedLines + rows)")
        }
        let cellWidth = Swift.min(10, (style.width - labelWidth - 1) / columns)
        guard cellWidth >= 3 else {
            throw HedgeError("chart width \(style.width) is too small for \(columns) columns: use at least \(labelWidth + 1 + 3 * columns)")
        }
        let plotWidth = cellWidth * columns
        let axis: (plain: String, tick: String, corner: String, line: String, xTick: String) =
            style.ascii ? ("|", "+", "+", "-", "+") : ("│", "┤", "└", "─", "┬")

        var lines: [String] = []
        if let title = style.title {
            let text = TextWidth.truncate(TextWidth.sanitized(title), to: style.width, ascii: style.ascii)
            lines.append(String(repeating: " ", count: Swift.max(0, (style.width - TextWidth.of(text)) / 2)) + text)
        }
        lines.append(TextWidth.truncate(TextWidth.sanitized(map.rowName), to: style.width, ascii: style.ascii))
        for r in stride(from: rows - 1, through: 0, by: -1) {
            for line in 0..<cellHeight {
                let middle = line == cellHeight / 2
                let label = middle ? rowLabels[r] : ""
                var text = String(repeating: " ", count: labelWidth - TextWidth.of(label)) + label + (middle ? axis.tick : axis.plain)
                for c in 0..<columns {
                    let isBest = r == best.row && c == best.column
                    text += marks.cell(map.cells[r][c] * sign, scale: scale, width: cellWidth, middle: middle, best: isBest)
                }
                while text.last == " " { text.removeLast() }
                lines.append(text)
            }
        }
        let centres = (0..<columns).map { $0 * cellWidth + cellWidth / 2 }
        let labels = map.columnLabels.map { TextWidth.sanitized($0) }
        var ticks: [AxisTick] = []
        for stride in 1...columns {
            let chosen = Swift.stride(from: 0, to: columns, by: stride).map { (column: centres[$0], label: labels[$0]) }
            if let placed = AxisTick.place(chosen, columns: plotWidth, centred: true, gap: 1) { ticks = placed; break }
        }
        var axisLine = Array(repeating: axis.line, count: plotWidth)
        for tick in ticks { axisLine[tick.column] = axis.xTick }
        lines.append(String(repeating: " ", count: labelWidth) + axis.corner + axisLine.joined())
        var labelLine = Array(repeating: Character(" "), count: plotWidth)
        for tick in ticks {
            for (offset, ch) in tick.label.enumerated() where tick.labelStart + offset < plotWidth {
                labelLine[tick.labelStart + offset] = ch
            }
        }
        var labelText = String(repeating: " ", count: labelWidth + 1) + String(labelLine)
        while labelText.last == " " { labelText.removeLast() }
        lines.append(labelText)
        let name = TextWidth.truncate(TextWidth.sanitized(map.columnName), to: style.width, ascii: style.ascii)
        let indent = Swift.max(0, Swift.min(labelWidth + 1 + (plotWidth - TextWidth.of(name)) / 2, style.width - TextWidth.of(name)))
        lines.append(String(repeating: " ", count: indent) + name)
        lines.append(contentsOf: legend)
        return lines
    }

    /// Legend lines: the scale with the metric's range (worse … better), the best cell, the cells without value.
    private static func heatmapLegend(_ map: Heatmap, best: (row: Int, column: Int), scale: HeatScale, missing: Int,
                                      marks: HeatmapMarks, style: ChartStyle) -> [String] {
        let sign = map.higherIsBetter ? 1.0 : -1.0
        let worse = metricLabel(sign * scale.lower), better = metricLabel(sign * scale.upper)
        let metric = TextWidth.sanitized(map.metricName)
        let bar: String, barWidth: Int
        if style.color {
            bar = (0..<10).map { HeatScale.foreground($0) + (style.ascii ? "##" : "██") }.joined() + ANSIColor.reset
            barWidth = 20
        } else {
            bar = "[" + String(HeatScale.ramp) + "]"
            barWidth = 12
        }
        var lines: [String] = []
        let prefix = "\(metric): worse \(worse) "
        let suffix = " \(better) better"
        if TextWidth.of(prefix) + barWidth + TextWidth.of(suffix) <= style.width {
            lines.append(prefix + bar + suffix)
        } else {
            lines.append(TextWidth.truncate("\(metric): \(worse) (worse) to \(better) (better)", to: style.width, ascii: style.ascii))
        }
        let bestText = "best \(metricLabel(map.cells[best.row][best.column])) at \(TextWidth.sanitized(map.rowName)) "
            + "\(TextWidth.sanitized(map.rowLabels[best.row])), \(TextWidth.sanitized(map.columnName)) "
            + TextWidth.sanitized(map.columnLabels[best.column])
        lines.append(marks.bestSample + " " + TextWidth.truncate(bestText, to: Swift.max(0, style.width - 4), ascii: style.ascii))
        if missing > 0 {
            lines.append(marks.missingSample + " " + "no value (\(missing) cell\(missing == 1 ? "" : "s"))")
        }
        return lines
    }

    /// A metric value for the legend: 4 significant digits (`1.234`, `-0.0521`, `1.235e+06`).
    static func metricLabel(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = CFormat.double("%.4g", value)
        return text == "-0" ? "0" : text
    }
}

/// The characters and colours of heatmap cells in a style.
struct HeatmapMarks {
    var style: ChartStyle

    var bestMark: String { style.ascii ? "*" : "◆" }
    var missingMark: String { style.ascii ? "x" : "×" }

    /// A `width`-column piece of one line of a cell with oriented value `v` (NaN: no value).
    func cell(_ v: Double, scale: HeatScale, width: Int, middle: Bool, best: Bool) -> String {
        guard v.isFinite else {
            var chars = Array(repeating: " ", count: width)
            if middle { chars[width / 2] = missingMark }
            return chars.joined()
        }
        let shade = scale.shade(v)
        if style.color {
            var chars = Array(repeating: " ", count: width)
            if best && middle { chars[width / 2] = bestMark }
            return HeatScale.background(shade) + chars.joined() + ANSIColor.reset
        }
        var chars = Array(repeating: String(HeatScale.ramp[shade]), count: width)
        if best && middle { chars[0] = "["; chars[width - 1] = "]" }
        return chars.joined()
    }

    /// The best cell's mark as the legend shows it.
    var bestSample: String {
        style.color ? HeatScale.background(9) + " " + bestMark + " " + ANSIColor.reset : "[@]"
    }

    /// A cell without value as the legend shows it.
    var missingSample: String { " " + missingMark + " " }
}
