/// One ticker per file, named by the file: yfinance (`Date,Adj Close,Close,…,Volume`, or without
/// `Adj Close`) and Stooq (`Date,Open,High,Low,Close,Volume`). Other columns are ignored.
enum PerTickerLayout {
    static func plan(header: [String], meanings: [HeaderVocabulary.Meaning], dateColumn: Int,
                     path: String, line: Int) throws -> ColumnPlan {
        let ticker = LayoutDetector.ticker(fromPath: path)
        guard !ticker.isEmpty else {
            throw HedgeError("cannot tell the ticker from the file name", at: SourceLocation(file: path))
        }
        var fields: [(column: Int, field: HeaderVocabulary.SourceField)] = []
        for (column, meaning) in meanings.enumerated() {
            if case .field(let field) = meaning { fields.append((column, field)) }
        }
        let names = header.map(HeaderVocabulary.trimmed)
        let targets = try ColumnPlan.tickerTargets(ticker: ticker, fields: fields, path: path,
                                                    headerLine: line, columnNames: names)
        return ColumnPlan(kind: .fixed(targets), dateColumn: dateColumn, columnCount: header.count,
                          columnNames: names)
    }
}
