/// Reads one file's data rows according to its `ColumnPlan`.
enum TableReader {
    /// Detects the layout of the reader's file and reads all of its rows.
    static func read(_ reader: CSVRecordReader, options: LoadOptions) throws -> [LoadedTable] {
        let (plan, pendingRow, _) = try LayoutDetector.plan(reader: reader, options: options)
        switch plan.kind {
        case .fixed(let targets):
            return [try readFixed(reader, plan: plan, targets: targets, pendingRow: pendingRow)]
        case .long(let tickerColumn, let fields):
            return try readLong(reader, plan: plan, tickerColumn: tickerColumn, fields: fields, pendingRow: pendingRow)
        }
    }

    private static func readFixed(_ reader: CSVRecordReader, plan: ColumnPlan, targets: [ColumnPlan.Target],
                                  pendingRow: Bool) throws -> LoadedTable {
        var rows = DatedRows(width: targets.count)
        let columns = targets.map(\.column)
        var hasRow = pendingRow
        if !hasRow { hasRow = try reader.next() }
        while hasRow {
            try reader.requireFieldCount(plan)
            rows.startRow(date: try reader.date(column: plan.dateColumn, plan: plan), line: reader.lineNumber)
            for column in columns {
                rows.values.append(try reader.number(column: column, plan: plan))
            }
            hasRow = try reader.next()
        }
        let (dates, valueColumns) = try rows.sortedColumns(path: reader.path, dateColumn: plan.dateColumn)
        return LoadedTable.fixed(path: reader.path, dates: dates, targets: targets, columns: valueColumns)
    }

    private static func readLong(_ reader: CSVRecordReader, plan: ColumnPlan, tickerColumn: Int,
                                 fields: [(column: Int, field: Field)], pendingRow: Bool) throws -> [LoadedTable] {
        var tickers: [String] = []
        var groups: [DatedRows] = []
        var groupIndex: [String: Int] = [:]
        // Raw cell bytes → group, so that a ticker's name is trimmed and looked up once, not per row.
        var cellGroups = TickerTable()
        var groupOfCell: [Int] = []
        var hasRow = pendingRow
        if !hasRow { hasRow = try reader.next() }
        while hasRow {
            try reader.requireFieldCount(plan)
            let tickerCell = reader.field(tickerColumn)
            let lastGroup: Int
            let cacheable = !reader.hasEscapedQuote(tickerColumn)
            if cacheable, let known = cellGroups.group(of: tickerCell) {
                lastGroup = groupOfCell[Int(known)]
            } else {
                let ticker = HeaderVocabulary.trimmed(reader.text(tickerColumn))
                guard !ticker.isEmpty else {
                    throw HedgeError("empty ticker (column \"\(plan.columnNames[tickerColumn])\")",
                                     at: SourceLocation(file: reader.path, line: reader.lineNumber,
                                                        column: tickerColumn + 1))
                }
                if let existing = groupIndex[ticker] {
                    lastGroup = existing
                } else {
                    lastGroup = groups.count
                    groupIndex[ticker] = lastGroup
                    tickers.append(ticker)
                    groups.append(DatedRows(width: fields.count))
                }
                if cacheable {
                    _ = cellGroups.insert(tickerCell)
                    groupOfCell.append(lastGroup)
                }
            }
            let day = try reader.date(column: plan.dateColumn, plan: plan)
            groups[lastGroup].startRow(date: day, line: reader.lineNumber)
            for (column, _) in fields {
                groups[lastGroup].values.append(try reader.number(column: column, plan: plan))
            }
            hasRow = try reader.next()
        }
        return try zip(tickers, groups).map { ticker, rows in
            let (dates, columns) = try rows.sortedColumns(path: reader.path, dateColumn: plan.dateColumn)
            var byField: [Field: [Double]] = [:]
            for ((_, field), column) in zip(fields, columns) { byField[field] = column }
            return LoadedTable(path: reader.path, dates: dates, tickers: [(ticker, byField)])
        }
    }
}
