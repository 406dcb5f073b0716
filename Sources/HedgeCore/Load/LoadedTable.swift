/// The columns of one file (or, for long files, of one ticker of a file), sorted by date.
struct LoadedTable {
    var path: String
    var dates: [Day]
    /// Each ticker's fields, each a column aligned with `dates`.
    var tickers: [(ticker: String, fields: [Field: [Double]])]
}

extension LoadedTable {
    /// The table of a fixed-layout file: `columns[k]` holds `targets[k]`; tickers in order of first
    /// appearance among the targets.
    static func fixed(path: String, dates: [Day], targets: [ColumnPlan.Target], columns: [[Double]]) -> LoadedTable {
        var tickerOrder: [String] = []
        var fieldsByTicker: [String: [Field: [Double]]] = [:]
        for (target, column) in zip(targets, columns) {
            if fieldsByTicker[target.ticker] == nil { tickerOrder.append(target.ticker) }
            fieldsByTicker[target.ticker, default: [:]][target.field] = column
        }
        return LoadedTable(path: path, dates: dates, tickers: tickerOrder.map { ($0, fieldsByTicker[$0] ?? [:]) })
    }
}
