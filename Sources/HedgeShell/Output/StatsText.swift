import HedgeCore

/// How `stats` tables and daily-backtest tear sheets print.
enum StatsText {
    /// One value as its metric shows it: percent with 2 decimals, ratios with 2, coefficients (β, correlation)
    /// with 4, money grouped, counts whole; NaN as pandas prints it.
    static func cell(_ x: Double?, _ metric: StatsMetric) -> String {
        guard let x else { return "" }
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        switch metric {
        case .beta, .correlation, .meanBeta: return NumberFormat.fixed(x, 4)
        default: break
        }
        switch metric.display {
        case .count: return NumberFormat.fixed(x, 0)
        case .percent: return NumberFormat.percent(x)
        case .money: return NumberFormat.grouped(x)
        case .ratio: return NumberFormat.fixed(x, 2)
        }
    }

    /// The table: one row per metric, one column per entry, labels on the left.
    static func render(_ table: StatsTable, metrics: [StatsMetric]? = nil) -> String {
        let metrics = metrics ?? table.metrics
        let text = TextTable(
            headers: table.columns.map(\.name),
            rows: metrics.map { m in table.columns.map { cell($0.values[m], m) } },
            index: metrics.map(\.label)).render()
        let notes = table.columns.compactMap { c in c.note.map { "\(c.name): \($0)" } }
        return notes.isEmpty ? text : text + "\n" + notes.joined(separator: "\n")
    }

    /// `metric,NAME1,NAME2…` with the metric keys and raw values (fractions, not percent) that round-trip;
    /// empty cells where a column has no such figure or it is NaN.
    static func csv(_ table: StatsTable) -> String {
        var out = "metric," + table.columns.map { Exporter.csvField($0.name) }.joined(separator: ",") + "\n"
        for m in table.metrics {
            out += m.rawValue
            for c in table.columns { out += "," + (c.values[m].map(Exporter.csvNumber) ?? "") }
            out += "\n"
        }
        return out
    }

    /// A daily backtest's three columns (hedged, unhedged long, benchmark) over the given range.
    static func tearSheetTable(_ sheet: DailyTearSheet, headers: [String] = ["hedged", "unhedged", "benchmark"]) -> StatsTable {
        StatsTable(columns: [
            StatsColumn(name: headers[0], stats: sheet.hedged, hedge: sheet.hedge),
            StatsColumn(name: headers[1], stats: sheet.unhedged),
            StatsColumn(name: headers[2], stats: sheet.benchmark),
        ])
    }
}
