import HedgeCore

extension Session {
    /// `ls`: every object with kind, shape and date range.
    func listing(_ ws: Workspace) -> String {
        guard !ws.entries.isEmpty else { return "(the workspace is empty; try `load demo` or `help`)" }
        let rows = ws.entries.map { entry -> [String] in
            let (shape, dates, about) = Self.outline(entry.object)
            return [entry.name, entry.object.kind.rawValue, shape, dates, about]
        }
        let widths = (0..<4).map { c in max(["NAME", "KIND", "SHAPE", "DATES"][c].count, rows.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String], bold: Bool) -> String {
            var out = ""
            for c in 0..<4 {
                let padded = cells[c] + String(repeating: " ", count: widths[c] - cells[c].count)
                out += (c == 0 && bold ? style.name(padded) : padded) + "  "
            }
            return out + cells[4]
        }
        return ([line(["NAME", "KIND", "SHAPE", "DATES", "ABOUT"], bold: false)] + rows.map { line($0, bold: true) })
            .joined(separator: "\n")
    }

    static func outline(_ object: WorkspaceObject) -> (shape: String, dates: String, about: String) {
        switch object {
        case .dataset(let d):
            return ("\(d.panel.dates.count) × \(d.panel.tickers.count)", range(d.panel.dates),
                    "\(d.source): \(d.panel.tickers.joined(separator: ","))")
        case .series(let s):
            return ("\(s.series.count)", range(s.series.dates), s.origin)
        case .model(let m):
            let betas = m.regressors.indices.map { "β \(NumberFormat.fixed(m.result.params[$0 + 1], 4))" }.joined(separator: ", ")
            return ("\(m.result.nobs) obs", range(m.dates), "OLS \(m.dependent) on \(m.regressors.joined(separator: " ")): \(betas), R² \(NumberFormat.fixed(m.result.rsquared, 3))")
        case .backtest(let b):
            let r = b.result
            return ("\(r.portfolioValues.count) steps", range(r.valueDates),
                    "\(r.method): \(b.long) vs \(b.benchmark), final \(NumberFormat.grouped(r.final)), Sharpe \(NumberFormat.fixed(r.sharpe, 2))")
        }
    }

    /// `show NAME`.
    func describe(_ token: Token, in ws: Workspace) throws -> String {
        if let object = ws[token.text] {
            switch object {
            case .dataset(let d): return describeDataset(token.text, d, field: .price)
            case .series(let s): return "\(style.name(token.text)): series, \(s.origin)\n" + Self.seriesPreview(s.series, name: token.text)
                + "\n" + Self.seriesStatistics(s.series)
                + (s.portfolio.flatMap { p in p.lastWeights.map { "\nweights on \(s.series.last.map(\.description) ?? ""): " + Self.weightList($0) } } ?? "")
            case .model(let m):
                return summary(m.result) + "\n\(style.name(token.text)): model, OLS of \(m.dependent) on \(m.regressors.joined(separator: ", ")), \(Self.range(m.dates))"
            case .backtest(let b):
                return backtestReport(b) + "\n\(style.name(token.text)): backtest, \(backtestHeadline(b))"
            }
        }
        if let (d, field) = datasetField(token.text, in: ws) {
            return describeDataset(token.text, d, field: field)
        }
        if !token.text.contains(".") { _ = try ws.requireObject(token) }
        let resolved = try ws.series(token)
        return "\(style.name(resolved.label)): series\n" + Self.seriesPreview(resolved.series, name: resolved.label) + "\n" + Self.seriesStatistics(resolved.series)
    }

    func describeDataset(_ name: String, _ d: DatasetObject, field: Field) -> String {
        let p = d.panel
        let text = "\(style.name(name)): dataset, \(d.source), \(p.tickers.count) ticker\(p.tickers.count == 1 ? "" : "s") × \(p.dates.count) days, \(Self.range(p.dates)); showing \(field.rawValue)\n"
        guard let columns = p.values[field] else { return text + "(no \(field.rawValue) field)" }
        let rows = Self.headTail(p.dates.count)
        let format: (Double) -> String = field == .volume ? { $0.isNaN ? "NaN" : NumberFormat.fixed($0, 0) } : { $0.isNaN ? "NaN" : NumberFormat.fixed($0, 2) }
        let table = TextTable(
            headers: p.tickers,
            rows: rows.map { i in i.map { r in columns.map { format($0[r]) } } ?? p.tickers.map { _ in "..." } },
            index: rows.map { $0.map { p.dates[$0].description } ?? "..." })
        return text + table.render() + "\n\n[\(p.dates.count) rows x \(p.tickers.count) columns]"
    }

    /// Row indices for a head/tail preview (nil marks the `...` gap).
    static func headTail(_ count: Int, each: Int = 5) -> [Int?] {
        count <= 2 * each ? Array(0..<count) : Array(0..<each) + [nil] + Array((count - each)..<count)
    }

    /// pandas-like preview of a series.
    static func seriesPreview(_ series: Series, name: String) -> String {
        let rows = headTail(series.count)
        let cells = rows.map { $0.map { series.values[$0].isNaN ? "NaN" : NumberFormat.fixed(series.values[$0], 6) } }
        let width = cells.map { $0?.count ?? 0 }.max() ?? 0
        var lines = zip(rows, cells).map { row, cell -> String in
            guard let i = row, let cell else { return "..." }
            return "\(series.dates[i])    " + String(repeating: " ", count: width - cell.count) + cell
        }
        lines.append("Name: \(name), Length: \(series.count), dtype: float64")
        return lines.joined(separator: "\n")
    }
}
