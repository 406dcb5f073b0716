import HedgeCore

/// Text shared by reports about series and dated objects: date ranges, statistics, pandas-like previews.
enum SeriesText {
    /// `first … last` of dates, or `(empty)`.
    static func range(_ dates: [Day]) -> String {
        guard let first = dates.first, let last = dates.last else { return "(empty)" }
        return "\(first) … \(last)"
    }

    /// `mean … std … min … max …` of a return series.
    static func statistics(_ series: Series) -> String {
        let values = series.values.filter { !$0.isNaN }
        guard !values.isEmpty else { return "no values" }
        let minimum = values.min() ?? .nan, maximum = values.max() ?? .nan
        return "mean \(NumberFormat.general(Metrics.mean(values), 4)), std \(NumberFormat.general(Metrics.sampleStandardDeviation(values), 4)), min \(NumberFormat.general(minimum, 4)), max \(NumberFormat.general(maximum, 4))"
    }

    /// Weights largest first: `AAPL 31.2%, MSFT 20.1%, …`.
    static func weightList(_ weights: [String: Double]) -> String {
        weights.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key) \(NumberFormat.percent($0.value, 1))" }.joined(separator: ", ")
    }

    /// Row indices for a head/tail preview (nil marks the `...` gap).
    static func headTail(_ count: Int, each: Int = 5) -> [Int?] {
        count <= 2 * each ? Array(0..<count) : Array(0..<each) + [nil] + Array((count - each)..<count)
    }

    /// pandas-like preview of a series.
    static func preview(_ series: Series, name: String) -> String {
        let rows = headTail(series.count)
        let cells = rows.map { $0.map { series.values[$0].isNaN ? "NaN" : NumberFormat.fixed(series.values[$0], 6) } }
        let width = cells.map { $0?.count ?? 0 }.max() ?? 0
        var lines = zip(rows, cells).map { row, cell -> String in
            guard let i = row, let cell else { return "..." }
            return "\(series.dates[i])    " + String(repeating: " ", count: width - cell.count) + cell
        }
        lines.append("Name: \(name), Length: \(series.count), dtype: float64")
        return lines.joined(separator: "\n")
    }

    /// `1 day`, `2 days`: a count with its noun, singular when it is one.
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }
}
