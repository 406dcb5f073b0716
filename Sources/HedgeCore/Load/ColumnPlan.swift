/// How a file's columns map onto a panel, decided from its header by `LayoutDetector`.
struct ColumnPlan {
    /// A value column of a layout whose columns each belong to one ticker.
    struct Target {
        var column: Int
        var ticker: String
        var field: Field
    }

    enum Kind {
        /// Per-ticker, wide and multi-ticker files: each value column is one (ticker, field).
        case fixed([Target])
        /// Long files: the ticker comes from a column; `fields` are (column, field) pairs.
        case long(tickerColumn: Int, fields: [(column: Int, field: Field)])
    }

    var kind: Kind
    var dateColumn: Int
    /// How many fields every data row must have.
    var columnCount: Int
    /// Column names as shown in error messages.
    var columnNames: [String]
}

extension ColumnPlan {
    /// The value columns of one ticker, mapped with the Adj Close / Close rule; a field named twice
    /// is an error at the header line.
    static func tickerTargets(ticker: String, fields: [(column: Int, field: HeaderVocabulary.SourceField)],
                              path: String, headerLine: Int, columnNames: [String]) throws -> [Target] {
        let hasAdjustedClose = fields.contains { $0.field == .adjustedClose }
        var seen: [Field: Int] = [:]
        var targets: [Target] = []
        for (column, sourceField) in fields {
            let field = HeaderVocabulary.panelField(sourceField, hasAdjustedClose: hasAdjustedClose)
            if let earlier = seen[field] {
                throw HedgeError("column \"\(columnNames[column])\" repeats column \(earlier + 1) for \(ticker)",
                                 at: SourceLocation(file: path, line: headerLine, column: column + 1))
            }
            seen[field] = column
            targets.append(Target(column: column, ticker: ticker, field: field))
        }
        return targets
    }
}

extension ColumnPlan {
    /// The fields the plan's value columns hold.
    var fields: Set<Field> {
        switch kind {
        case .fixed(let targets): return Set(targets.map(\.field))
        case .long(_, let columns): return Set(columns.map(\.field))
        }
    }

    /// The plan without the value columns of fields not in `fields` (they are then skipped).
    func keeping(_ fields: Set<Field>) -> ColumnPlan {
        var plan = self
        switch kind {
        case .fixed(let targets):
            plan.kind = .fixed(targets.filter { fields.contains($0.field) })
        case .long(let tickerColumn, let columns):
            plan.kind = .long(tickerColumn: tickerColumn, fields: columns.filter { fields.contains($0.field) })
        }
        return plan
    }
}
