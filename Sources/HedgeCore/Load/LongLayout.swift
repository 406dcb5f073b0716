/// `date,ticker,close,volume,…`: one row per (date, ticker), with a `ticker` or `symbol` column and
/// any of open/high/low/close/adj close/volume. Other columns are ignored.
enum LongLayout {
    static func plan(header: [String], meanings: [HeaderVocabulary.Meaning], dateColumn: Int,
                     tickerColumn: Int, path: String, line: Int) throws -> ColumnPlan {
        var sourceFields: [(column: Int, field: HeaderVocabulary.SourceField)] = []
        for (column, meaning) in meanings.enumerated() {
            if case .field(let field) = meaning { sourceFields.append((column, field)) }
        }
        let names = header.map(HeaderVocabulary.trimmed)
        let targets = try ColumnPlan.tickerTargets(ticker: "every ticker", fields: sourceFields, path: path,
                                                    headerLine: line, columnNames: names)
        return ColumnPlan(kind: .long(tickerColumn: tickerColumn, fields: targets.map { ($0.column, $0.field) }),
                          dateColumn: dateColumn, columnCount: header.count, columnNames: names)
    }
}
