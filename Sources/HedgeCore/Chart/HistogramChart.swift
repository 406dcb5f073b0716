#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Chart {
    /// A histogram of the finite values of `series` with the normal curve of the same mean and
    /// (sample) standard deviation, scaled to counts, drawn over it. `bins` defaults to √n and is
    /// limited to what the width can show (two dots per bin). x is labelled in `unit`, y in counts.
    /// In braille the curve toggles the bar dots it crosses, so it stays visible inside bars.
    /// `cancellation` is polled between the passes over the values.
    public static func histogram(
        _ series: Series, bins: Int? = nil, unit: ChartUnit = .percent, style: ChartStyle,
        cancellation: Cancellation? = nil
    ) throws -> [String] {
        try style.validate()
        guard !series.isEmpty else { throw HedgeError("nothing to plot: series \(series.name) is empty") }
        let values = series.values.filter(\.isFinite)
        try cancellation?.check()
        guard let minimum = values.min(), let maximum = values.max() else {
            throw HedgeError("nothing to plot: series \(series.name) has no values")
        }
        let n = Double(values.count)
        let mean = Metrics.mean(values)
        let deviation = values.count > 1 ? Metrics.sampleStandardDeviation(values) : 0
        let hasCurve = deviation > 0 && deviation.isFinite

        try ChartFrame.requirePlottable(minimum, maximum)
        let (lo, hi) = ValueAxis.widened(minimum, maximum, unit: unit)
        // The plot width is known only after the frame; bins are capped again once it is.
        let plotDotsGuess = (style.width - 8) * style.dotsPerCell.x
        let binCount = Swift.max(1, Swift.min(bins ?? Int(n.squareRoot().rounded(.up)), Swift.max(1, plotDotsGuess / 2)))
        let binWidth = (hi - lo) / Double(binCount)
        try cancellation?.check()
        var counts = Array(repeating: 0, count: binCount)
        for v in values {
            let position = ((v - lo) / binWidth).rounded(.down)
            counts[position.isFinite ? Int(Swift.min(Swift.max(position, 0), Double(binCount - 1))) : 0] += 1
        }
        try cancellation?.check()
        let expected = { (x: Double) -> Double in
            let z = (x - mean) / deviation
            return n * binWidth * exp(-z * z / 2) / (deviation * (2 * Double.pi).squareRoot())
        }
        let peak = Swift.max(Double(counts.max() ?? 0), hasCurve ? expected(mean) : 0)

        let detailStep = NiceTicks.niceStep(atLeast: Swift.max(deviation, abs(mean), 1e-12) / 100)
        var entries = [LegendEntry(marker: style.ascii ? "#" : "⣿", series: 0,
                                   text: "\(series.name): \(values.count) value\(values.count == 1 ? "" : "s") in \(binCount) bin\(binCount == 1 ? "" : "s")")]
        if hasCurve {
            entries.append(LegendEntry(marker: style.ascii ? "*" : "⠒⠒⠒", series: 1,
                                       text: "normal: mean \(unit.label(mean, significantStep: detailStep)), sd \(unit.label(deviation, significantStep: detailStep))"))
        }
        let frame = try ChartFrame(style: style, legend: entries, yRange: 0, peak, unit: .number, minimumStep: 1)
        // Layer 0: the normal curve (on top, toggling bar dots); layer 1: the bars.
        var canvas = frame.makeCanvas(layers: 2)
        canvas.setBlend(.invert, layer: 0)
        let dotWidth = canvas.dotWidth
        let yScale = frame.yScale
        for (k, count) in counts.enumerated() where count > 0 {
            let start = k * dotWidth / binCount, end = (k + 1) * dotWidth / binCount
            let barEnd = end - start >= 3 ? end - 1 : end
            let top = yScale.dot(Double(count))
            for x in start..<Swift.max(start + 1, barEnd) {
                for y in 0...Swift.max(0, top) { canvas.plot(x: x, y: y, layer: 1) }
            }
        }
        if hasCurve {
            let points = (0..<dotWidth).map { c -> (x: Int, y: Int) in
                (x: c, y: yScale.dot(expected(lo + (Double(c) + 0.5) / Double(dotWidth) * (hi - lo))))
            }
            canvas.polyline(points, layer: 0, pattern: .solid)
        }
        let dotsPerColumn = style.dotsPerCell.x
        let xTicks = ValueAxis.xTicks(lo, hi, unit: unit, columns: frame.plotColumns) { v in
            let dot = Int(Swift.min(Swift.max((v - lo) / (hi - lo) * Double(dotWidth), 0), Double(dotWidth - 1)))
            return dot / dotsPerColumn
        }
        return frame.render(canvas, layerSeries: [1, 0], asciiMarks: ["*", "#"], xTicks: xTicks)
    }
}
