/// Recognizes a file's layout from its header row(s) and builds its `ColumnPlan`.
///
/// Layouts: yfinance per-ticker and Stooq (`Date,Open,High,Low,Close,Volume`, …), the yfinance
/// multi-ticker export (three header rows), wide (`Date,AAPL,MSFT`) and long (`date,ticker,close`).
enum LayoutDetector {
    /// Reads the header rows from `reader` (leaving it on the first data row when the header is
    /// three rows deep) and returns the plan of the fields `options` asks for, whether a data row was
    /// already read, and every field the file has.
    static func plan(reader: CSVRecordReader, options: LoadOptions)
        throws -> (plan: ColumnPlan, pendingRow: Bool, available: Set<Field>) {
        let (plan, pendingRow) = try allFieldsPlan(reader: reader, options: options)
        guard let fields = options.fields else { return (plan, pendingRow, plan.fields) }
        return (plan.keeping(fields), pendingRow, plan.fields)
    }

    private static func allFieldsPlan(reader: CSVRecordReader, options: LoadOptions) throws -> (plan: ColumnPlan, pendingRow: Bool) {
        let path = reader.path
        guard try reader.next() else {
            throw HedgeError("file is empty", at: SourceLocation(file: path, line: 1))
        }
        let header = reader.texts()
        let headerLine = reader.lineNumber
        let first = HeaderVocabulary.normalized(header.first ?? "")
        if header.count >= 2 && (first.isEmpty || first == "price" || first == "ticker") {
            guard try reader.next() else {
                return (try singleHeaderPlan(header, path: path, line: headerLine, options: options), false)
            }
            let second = reader.texts()
            let secondFirst = HeaderVocabulary.normalized(second.first ?? "")
            if secondFirst.isEmpty || secondFirst == "price" || secondFirst == "ticker" {
                return try MultiTickerLayout.plan(firstRow: header, secondRow: second, reader: reader,
                                                  headerLine: headerLine)
            }
            return (try singleHeaderPlan(header, path: path, line: headerLine, options: options), true)
        }
        return (try singleHeaderPlan(header, path: path, line: headerLine, options: options), false)
    }

    private static func singleHeaderPlan(_ header: [String], path: String, line: Int,
                                         options: LoadOptions) throws -> ColumnPlan {
        let meanings = header.map(HeaderVocabulary.meaning(of:))
        let dateColumn = meanings.firstIndex(of: .date)
            ?? (HeaderVocabulary.normalized(header.first ?? "x").isEmpty ? 0 : nil)
        guard header.count >= 2, let dateColumn else {
            throw unknownLayout(header, path: path, line: line)
        }
        if let tickerColumn = meanings.firstIndex(of: .ticker) {
            return try LongLayout.plan(header: header, meanings: meanings, dateColumn: dateColumn,
                                       tickerColumn: tickerColumn, path: path, line: line)
        }
        let namesFields = meanings.contains { meaning in
            if case .field = meaning { return true }
            return meaning == .ignoredField
        }
        if namesFields {
            return try PerTickerLayout.plan(header: header, meanings: meanings, dateColumn: dateColumn,
                                            path: path, line: line)
        }
        return try WideLayout.plan(header: header, dateColumn: dateColumn, field: options.wideField,
                                   path: path, line: line)
    }

    static func unknownLayout(_ header: [String], path: String, line: Int) -> HedgeError {
        var shown = header.prefix(6).joined(separator: ",")
        if shown.count > 80 { shown = String(shown.prefix(80)) + "…" }
        return HedgeError("unknown layout: expected a header such as Date,Open,High,Low,Close,Volume, "
                          + "Date,AAPL,MSFT or date,ticker,close (found \"\(shown)\")",
                          at: SourceLocation(file: path, line: line, column: 1))
    }

    /// The ticker of a single-ticker file: its whole file stem (see `TickerName`).
    static func ticker(fromPath path: String) -> String { TickerName.fromPath(path) }
}
