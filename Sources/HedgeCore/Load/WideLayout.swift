/// `Date,AAPL,MSFT,…`: every column but the date is a ticker whose values are `options.wideField`.
enum WideLayout {
    static func plan(header: [String], dateColumn: Int, field: Field, path: String, line: Int) throws -> ColumnPlan {
        let names = header.map(HeaderVocabulary.trimmed)
        var targets: [ColumnPlan.Target] = []
        var seen: [String: Int] = [:]
        for (column, name) in names.enumerated() where column != dateColumn {
            let location = SourceLocation(file: path, line: line, column: column + 1)
            guard !name.isEmpty else { throw HedgeError("column \(column + 1) has no ticker name", at: location) }
            if let earlier = seen[name.uppercased()] {
                throw HedgeError("ticker \(name) appears in columns \(earlier + 1) and \(column + 1)", at: location)
            }
            seen[name.uppercased()] = column
            targets.append(ColumnPlan.Target(column: column, ticker: name, field: field))
        }
        return ColumnPlan(kind: .fixed(targets), dateColumn: dateColumn, columnCount: header.count,
                          columnNames: names)
    }
}
