/// Joins loaded tables into one panel: an outer join on date (missing cells NaN), as `yf.download`
/// does, with tickers sorted alphabetically. A ticker in two tables is an error naming both files.
enum PanelMerger {
    static func merge(_ tables: [LoadedTable]) throws -> Panel {
        var owner: [String: String] = [:]
        for table in tables {
            for (ticker, _) in table.tickers {
                let key = ticker.uppercased()
                if let earlier = owner[key] {
                    let message = earlier == table.path
                        ? "ticker \(ticker) appears twice in \(table.path)"
                        : "ticker \(ticker) appears in both \(earlier) and \(table.path)"
                    throw HedgeError(message, at: SourceLocation(file: table.path))
                }
                owner[key] = table.path
            }
        }

        let dates = unionOfDates(tables)
        let fields = Field.allCases.filter { field in
            tables.contains { table in table.tickers.contains { $0.fields[field] != nil } }
        }
        var columns: [(ticker: String, fields: [Field: [Double]])] = []
        for table in tables {
            let positions = positions(of: table.dates, in: dates)
            for (ticker, tableFields) in table.tickers {
                var aligned: [Field: [Double]] = [:]
                for field in fields {
                    guard let source = tableFields[field] else {
                        aligned[field] = Array(repeating: .nan, count: dates.count)
                        continue
                    }
                    if positions.count == dates.count {
                        aligned[field] = source
                        continue
                    }
                    var column = Array(repeating: Double.nan, count: dates.count)
                    for (row, position) in positions.enumerated() { column[position] = source[row] }
                    aligned[field] = column
                }
                columns.append((ticker, aligned))
            }
        }
        columns.sort { $0.ticker < $1.ticker }
        var values: [Field: [[Double]]] = [:]
        for field in fields {
            values[field] = columns.map { $0.fields[field] ?? [] }
        }
        return Panel(dates: dates, tickers: columns.map(\.ticker), values: values)
    }

    /// Every date of any table, increasing, each once.
    private static func unionOfDates(_ tables: [LoadedTable]) -> [Day] {
        if tables.count == 1, let only = tables.first { return only.dates }
        var all = Set<Day>()
        for table in tables { all.formUnion(table.dates) }
        return all.sorted()
    }

    /// For each of `dates` (increasing), its index in `union` (increasing, containing all of them).
    private static func positions(of dates: [Day], in union: [Day]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(dates.count)
        var position = 0
        for day in dates {
            while position < union.count && union[position] < day { position += 1 }
            result.append(position)
        }
        return result
    }
}
