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
            let positions = table.dates == dates ? [] : positions(of: table.dates, in: dates)
            for (ticker, tableFields) in table.tickers {
                var aligned: [Field: [Double]] = [:]
                for field in fields {
                    guard let source = tableFields[field] else {
                        aligned[field] = Array(repeating: .nan, count: dates.count)
                        continue
                    }
                    if table.dates.count == dates.count {
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

    /// Every date of any table, increasing, each once: tables with the dates already gathered add
    /// nothing (the common case: every file has the same dates); others are merged in, in linear
    /// time, as every table's dates are increasing. No hashing.
    static func unionOfDates(_ tables: [LoadedTable]) -> [Day] {
        guard var union = tables.first?.dates else { return [] }
        for table in tables.dropFirst() where table.dates != union {
            union = mergeSorted(union, table.dates)
        }
        return union
    }

    /// The sorted union of two increasing arrays.
    static func mergeSorted(_ a: [Day], _ b: [Day]) -> [Day] {
        var result: [Day] = []
        result.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                result.append(a[i]); i += 1
            } else if b[j] < a[i] {
                result.append(b[j]); j += 1
            } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
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
