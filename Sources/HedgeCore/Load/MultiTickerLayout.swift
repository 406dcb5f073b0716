/// The `yf.download([...]).to_csv()` export: a row of field names (`Price,Adj Close,Adj Close,…`) and a
/// row of tickers (`Ticker,AAPL,MSFT,…`) in either order (`group_by='ticker'` puts tickers first; older
/// versions leave the first cell empty), then usually `Date,,,…`, then the data.
enum MultiTickerLayout {
    /// Builds the plan from the two header rows already read and consumes the `Date,,,` row if
    /// present; `pendingRow` is true when the reader already holds the first data row.
    static func plan(firstRow: [String], secondRow: [String], reader: CSVRecordReader,
                     headerLine: Int) throws -> (plan: ColumnPlan, pendingRow: Bool) {
        let path = reader.path
        let secondLine = reader.lineNumber
        guard secondRow.count == firstRow.count else {
            throw HedgeError("expected \(firstRow.count) fields, found \(secondRow.count)",
                             at: SourceLocation(file: path, line: secondLine))
        }
        let firstIsFields = fieldNameCount(firstRow) >= fieldNameCount(secondRow)
        let fieldRow = firstIsFields ? firstRow : secondRow
        let tickerRow = firstIsFields ? secondRow : firstRow
        let tickerLine = firstIsFields ? secondLine : headerLine
        guard fieldNameCount(fieldRow) > 0 else {
            throw LayoutDetector.unknownLayout(firstRow, path: path, line: headerLine)
        }

        var tickerOrder: [String] = []
        var fieldsByTicker: [String: [(column: Int, field: HeaderVocabulary.SourceField)]] = [:]
        var names = [HeaderVocabulary.trimmed(fieldRow[0])]
        for column in 1..<fieldRow.count {
            let fieldName = HeaderVocabulary.trimmed(fieldRow[column])
            let ticker = HeaderVocabulary.trimmed(tickerRow[column])
            names.append("\(ticker) \(fieldName)")
            guard case .field(let field) = HeaderVocabulary.meaning(of: fieldName) else { continue }
            guard !ticker.isEmpty else {
                throw HedgeError("column \(column + 1) has no ticker name",
                                 at: SourceLocation(file: path, line: tickerLine, column: column + 1))
            }
            if fieldsByTicker[ticker] == nil { tickerOrder.append(ticker) }
            fieldsByTicker[ticker, default: []].append((column, field))
        }
        var targets: [ColumnPlan.Target] = []
        for ticker in tickerOrder {
            targets += try ColumnPlan.tickerTargets(ticker: ticker, fields: fieldsByTicker[ticker] ?? [],
                                                     path: path, headerLine: headerLine, columnNames: names)
        }
        let plan = ColumnPlan(kind: .fixed(targets), dateColumn: 0, columnCount: fieldRow.count,
                              columnNames: names)

        // The index-name row `Date,,,…` has a first cell that is not a date and nothing else.
        guard try reader.next() else { return (plan, false) }
        let isIndexNameRow = Day.parse(ArraySlice(reader.field(0))) == nil
            && (1..<reader.fieldCount).allSatisfy { reader.field($0).allSatisfy { $0 == 0x20 } }
        return (plan, !isIndexNameRow)
    }

    private static func fieldNameCount(_ row: [String]) -> Int {
        row.dropFirst().filter { cell in
            switch HeaderVocabulary.meaning(of: cell) {
            case .field, .ignoredField: return true
            default: return false
            }
        }.count
    }
}
