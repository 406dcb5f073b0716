import HedgeCore

extension Session {
    /// `plot-ascii`: series (level, cumulative or drawdown), a model's scatter, a backtest's value path, or a histogram.
    func plot(names: [Token], mode: PlotMode, width: Int?, height: Int?, ascii: Bool, title: String?, in ws: Workspace) throws {
        let style = ChartStyle(width: width ?? environment.chartWidth, height: height ?? environment.chartHeight,
                               ascii: ascii || !environment.unicode, color: environment.color && style.color, title: title)
        let lines: [String]
        do {
            lines = try chartLines(names: names, mode: mode, style: style, in: ws)
        } catch let error as HedgeError {
            throw ShellError("plot-ascii: \(error.message)", at: names[0])
        }
        show(lines.joined(separator: "\n"))
    }

    private func chartLines(names: [Token], mode: PlotMode, style: ChartStyle, in ws: Workspace) throws -> [String] {
        var style = style
        if names.count == 1, let object = ws[names[0].text] {
            switch object {
            case .model(let m):
                guard mode == .level else { throw ShellError("plot-ascii: a model is drawn as a scatter; drop '\(mode.rawValue)'", at: names[0]) }
                guard m.regression.regressors.count == 1, let x = m.regression.regressors.first else {
                    throw ShellError("plot-ascii: '\(names[0].text)' has \(m.regression.regressors.count) regressors; a scatter needs one", at: names[0])
                }
                style.title = style.title ?? "\(m.dependent) on \(m.regressors[0]) (\(names[0].text), R² \(NumberFormat.fixed(m.result.rsquared, 3)))"
                return try Chart.scatter(x: x, y: m.regression.dependent,
                                         fit: LinearFit(intercept: m.result.params[0], slope: m.result.params[1]), style: style,
                                         cancellation: cancellation)
            case .backtest(let b):
                guard mode == .level else { throw ShellError("plot-ascii: a backtest is drawn as its value path; drop '\(mode.rawValue)'", at: names[0]) }
                let r = b.result
                let values = Series(name: "\(names[0].text) (\(r.method))", dates: r.valueDates, values: Array(r.portfolioValues.prefix(r.valueDates.count)))
                var series = [values]
                if let growth = b.benchmarkValue { series.append(growth) }
                style.title = style.title ?? "\(names[0].text): portfolio value at each rebalance vs \(b.benchmark) buy-and-hold"
                return try Chart.line(series, transform: .level, unit: .number, style: style, cancellation: cancellation)
            default: break
            }
        }
        let series = try names.map { token throws(ShellError) -> Series in
            if let object = ws[token.text], object.kind == .model || object.kind == .backtest {
                throw ShellError("plot-ascii: '\(token.text)' is a \(object.kind.rawValue); plot it on its own", at: token)
            }
            return try ws.series(token).series
        }
        let label = names.map(\.text).joined(separator: ", ")
        switch mode {
        case .histogram:
            guard series.count == 1 else { throw ShellError("plot-ascii: hist takes one series", at: names[1]) }
            style.title = style.title ?? "\(label): distribution of daily returns with the fitted normal"
            return try Chart.histogram(series[0], style: style, cancellation: cancellation)
        case .level:
            style.title = style.title ?? "\(label): daily returns"
            return try Chart.line(series, transform: .level, unit: .percent, style: style, cancellation: cancellation)
        case .cumulative:
            style.title = style.title ?? "\(label): growth of 1"
            return try Chart.line(series, transform: .cumulative, style: style, cancellation: cancellation)
        case .drawdown:
            style.title = style.title ?? "\(label): drawdown"
            return try Chart.line(series, transform: .drawdown, style: style, cancellation: cancellation)
        }
    }
}
