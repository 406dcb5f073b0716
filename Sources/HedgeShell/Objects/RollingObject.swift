import HedgeCore

extension ObjectKind {
    /// Betas that move with time: a rolling-window OLS or an EWMA beta.
    public static let rolling = ObjectKind("rolling")
}

/// A rolling fit (`rolling`), its variables named as typed. Its parts `NAME.beta` (`NAME.beta.X` with
/// several regressors), `NAME.alpha` and `NAME.rsquared` are series, on the dates that have a value.
public struct RollingObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.rolling
    public var rolling: RollingBeta

    public init(rolling: RollingBeta) { self.rolling = rolling }

    public var regressors: [String] { rolling.regressors.map(\.name) }
    public var dependent: String { rolling.dependent.name }

    /// `OLS over 60-row windows` or `EWMA beta, half-life 63 days`.
    public var methodText: String {
        switch rolling.method {
        case .window(let n, let minimum):
            "OLS over \(n)-row windows" + (minimum != regressors.count + 1 ? " (at least \(minimum) observations)" : "")
        case .halflife(let h):
            "EWMA beta, half-life \(Self.number(h)) days"
        }
    }

    /// `window 60` or `half-life 63`, for chart titles.
    var shortMethodText: String {
        switch rolling.method {
        case .window(let n, _): "window \(n)"
        case .halflife(let h): "EWMA half-life \(Self.number(h))"
        }
    }

    /// `63` for a whole number, else the shortest round-trip form (`2.5`).
    static func number(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : NumberFormat.roundTrip(x)
    }

    /// The dates with a β (of every regressor).
    public var fittedDates: [Day] {
        rolling.dates.indices.filter { t in rolling.betas.allSatisfy { $0[t].isFinite } }.map { rolling.dates[$0] }
    }

    /// Column names of the table, CSV and parts: `beta`, or `beta.X` per regressor.
    var betaNames: [String] {
        regressors.count == 1 ? ["beta"] : regressors.map { "beta.\($0)" }
    }

    public func listing() -> ListingRow {
        let last = rolling.betas.map { column in column.last(where: \.isFinite) }
        let betas = zip(regressors, last).map { "β \($0) \($1.map { NumberFormat.fixed($0, 4) } ?? "NaN")" }
        return ListingRow(shape: "\(fittedDates.count) β", dates: SeriesText.range(fittedDates),
                          about: "\(methodText), \(dependent) on \(regressors.joined(separator: " ")): last \(betas.joined(separator: ", "))")
    }

    /// The head/tail table of α, each β and R² by date (β alone for an EWMA beta), as pandas prints a DataFrame.
    public func table(allRows: Bool) -> String {
        let full = rolling.hasRegressionStatistics
        let headers = full ? ["alpha"] + betaNames + ["rsquared"] : betaNames
        let columns = full ? [rolling.alpha] + rolling.betas + [rolling.rsquared] : rolling.betas
        let shown: [Int?] = allRows ? rolling.dates.indices.map { $0 } : SeriesText.headTail(rolling.count)
        func cell(_ x: Double) -> String { x.isNaN ? "NaN" : NumberFormat.fixed(x, 6) }
        let rows = shown.map { row in row.map { t in columns.map { cell($0[t]) } } ?? headers.map { _ in "..." } }
        let index = shown.map { $0.map { rolling.dates[$0].description } ?? "..." }
        var text = TextTable(headers: headers, rows: rows, index: index).render()
        if shown.contains(where: { $0 == nil }) {
            text += "\n\n[\(rolling.count) rows x \(headers.count) columns]"
        }
        return text
    }

    public func show(name: String, context: DisplayContext) -> String {
        var text = "\(context.style.name(name)): rolling, \(methodText), \(dependent) on \(regressors.joined(separator: ", "))\n"
        text += table(allRows: context.allRows)
        text += "\n" + betaStatistics()
        return text
    }

    /// `β d.QQQ: last 1.2345, mean …, min … (2024-03-01), max … (…) over 495 dates`.
    func betaStatistics() -> String {
        zip(regressors, rolling.betas).map { name, column in
            let finite = column.indices.filter { column[$0].isFinite }
            guard let first = finite.first, let last = finite.last,
                  let low = finite.min(by: { column[$0] < column[$1] }),
                  let high = finite.max(by: { column[$0] < column[$1] }) else {
                return "β \(name): no date has a beta yet"
            }
            let mean = finite.reduce(0.0) { $0 + column[$1] } / Double(finite.count)
            return "β \(name): first \(NumberFormat.fixed(column[first], 4)) (\(rolling.dates[first])), "
                + "last \(NumberFormat.fixed(column[last], 4)) (\(rolling.dates[last])), mean \(NumberFormat.fixed(mean, 4)), "
                + "min \(NumberFormat.fixed(column[low], 4)) (\(rolling.dates[low])), max \(NumberFormat.fixed(column[high], 4)) (\(rolling.dates[high]))"
        }.joined(separator: "\n")
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        guard format == .csv else { throw ShellError("a rolling fit exports to .csv only") }
        return (Exporter.csv(rolling: rolling, betaNames: betaNames), SeriesText.count(rolling.count, "row"))
    }

    public var partNames: [String] { ["alpha"] + betaNames + ["rsquared"] }

    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? {
        let values: [Double]
        if path == "beta" || path.hasPrefix("beta.") {
            let suffix = path == "beta" ? nil : String(path.dropFirst("beta.".count))
            if let suffix {
                guard let j = regressors.firstIndex(of: suffix) else {
                    throw ShellError("'\(name)' has no beta on '\(suffix)'\(Suggestion.hint(for: suffix, in: regressors)); its regressors: \(regressors.joined(separator: ", "))")
                }
                values = rolling.betas[j]
            } else {
                guard regressors.count == 1 else {
                    throw ShellError("'\(name)' has \(regressors.count) betas: use \(betaNames.map { "\(name).\($0)" }.joined(separator: " or "))")
                }
                values = rolling.betas[0]
            }
        } else if path == "alpha" || path == "rsquared" {
            guard rolling.hasRegressionStatistics else {
                throw ShellError("'\(name)' is an EWMA beta: it has no \(path == "alpha" ? "alpha" : "R²"), only \(name).beta")
            }
            values = path == "alpha" ? rolling.alpha : rolling.rsquared
        } else {
            return nil
        }
        let series = Series(name: "\(name).\(path)", dates: rolling.dates, values: values).droppingNaN()
        let origin = "\(path) of \(name) (\(methodText))"
        return SeriesObject(series: series, origin: origin, portfolio: nil)
    }

    /// β over time with a ±2 s.e. band (window fits) and the full-sample β as a reference line.
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        guard request.mode == .level else { throw ShellError("a rolling fit is drawn as its beta over time; drop '\(request.mode.rawValue)'") }
        guard regressors.count == 1 else {
            throw ShellError("'\(name)' has \(regressors.count) betas; plot them as series: \(betaNames.map { "\(name).\($0)" }.joined(separator: " "))")
        }
        let full = try rolling.fullSampleRegression()
        var style = request.style
        style.title = style.title ?? "β of \(dependent) on \(regressors[0]) (\(name), \(shortMethodText))"
        return try Chart.rollingBeta(rolling, fullSampleBeta: full.betas[0], style: style)
    }
}
