import HedgeCore

extension Session {
    func weight(dataset: Token, method: WeightMethod, window: Int?, exclude: [String], name: String?,
                source: SourceCommand, in ws: inout Workspace) throws {
        let data = try ws.dataset(dataset)
        for ticker in exclude where data.panel.tickerIndex(ticker) == nil {
            throw ShellError("weight: dataset '\(dataset.text)' has no ticker '\(ticker)'\(Suggestion.hint(for: ticker, in: data.panel.tickers)) to exclude", at: dataset)
        }
        let basket = data.panel.excluding(Set(exclude))
        guard !basket.tickers.isEmpty else { throw ShellError("weight: nothing left in the basket after exclude", at: dataset) }
        let portfolio: WeightedPortfolio
        switch method {
        case .volume: portfolio = try Weighting.volume(basket, window: window ?? 30)
        case .equal: portfolio = try Weighting.equal(basket)
        }
        let finalName = name ?? ws.defaultName(prefix: "p")
        guard !portfolio.returns.isEmpty else {
            throw ShellError("weight: no dates with weights (the dataset has \(data.panel.dates.count) days; window \(window ?? 30) needs more)", at: dataset)
        }
        var origin = method == .volume ? "volume-weighted \(dataset.text) (window \(window ?? 30)" : "equal-weighted \(dataset.text) ("
        origin += exclude.isEmpty ? (method == .volume ? ")" : "all tickers)") : (method == .volume ? ", " : "") + "excluding \(exclude.joined(separator: ","))" + ")"
        let series = portfolio.returns.renamed(finalName)
        var replay = "weight \(dataset.text) by \(method.rawValue)"
        if method == .volume { replay += " window \(window ?? 30)" }
        if !exclude.isEmpty { replay += " exclude \(exclude.joined(separator: ","))" }
        replay += " as \(finalName)"
        let replaced = ws.store(.series(SeriesObject(series: series, origin: origin, portfolio: portfolio)),
                                as: finalName, command: replay, inputs: [dataset.text])
        var text = "\(style.name(finalName)): series, \(origin), \(series.count) days, \(Self.range(series.dates))"
        text += nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  " + Self.seriesStatistics(series)
        if let last = portfolio.lastWeights, let day = series.last {
            text += "\n  weights on \(day): " + Self.weightList(last)
        }
        say(text)
    }

    static func weightList(_ weights: [String: Double]) -> String {
        weights.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key) \(NumberFormat.percent($0.value, 1))" }.joined(separator: ", ")
    }

    /// `mean … std … min … max …` of a return series.
    static func seriesStatistics(_ series: Series) -> String {
        let values = series.values.filter { !$0.isNaN }
        guard !values.isEmpty else { return "no values" }
        let minimum = values.min() ?? .nan, maximum = values.max() ?? .nan
        return "mean \(NumberFormat.general(Metrics.mean(values), 4)), std \(NumberFormat.general(Metrics.sampleStandardDeviation(values), 4)), min \(NumberFormat.general(minimum, 4)), max \(NumberFormat.general(maximum, 4))"
    }

    func regress(y: Token, xs: [Token], name: String?, source: SourceCommand, in ws: inout Workspace) throws {
        let dependent = try ws.series(y)
        let regressors = try xs.map { token throws(ShellError) in try ws.series(token) }
        let model = try fitModel(dependent: dependent, regressors: regressors, at: y)
        let finalName = name ?? ws.defaultName(prefix: "m")
        let replay = "regress \(y.text) on \(xs.map(\.text).joined(separator: " ")) as \(finalName)"
        let replaced = ws.store(.model(model), as: finalName, command: replay,
                                inputs: [dependent.source] + regressors.map(\.source))
        var text = summary(model.result) + "\n"
        text += "Alpha: \(NumberFormat.roundTrip(model.result.params[0]))\n"
        for (i, x) in model.regressors.enumerated() {
            text += (model.regressors.count == 1 ? "Beta" : "Beta (\(x))") + ": \(NumberFormat.roundTrip(model.result.params[i + 1]))\n"
        }
        text += "\(style.name(finalName)): model, OLS of \(y.text) on \(model.regressors.joined(separator: ", ")), \(model.result.nobs) observations, \(Self.range(model.dates))"
        text += nameNote(given: name, finalName: finalName, replaced: replaced)
        say(text)
    }

    /// Fits `dependent` on `regressors` by date, turning fit failures into errors naming the command.
    func fitModel(dependent: ResolvedSeries, regressors: [ResolvedSeries], at token: Token) throws -> ModelObject {
        do {
            return ModelObject(regression: try DatedRegression.fit(dependent.series, on: regressors.map(\.series),
                                                                  cancellation: cancellation))
        } catch let error as HedgeError {
            throw ShellError("regress: \(error.message)", at: token)
        }
    }

    /// The statsmodels-style summary with this session's clock.
    func summary(_ result: OLSResult) -> String {
        let stamp = environment.summaryTimestamp()
        return OLSSummary.render(result, date: stamp.date, time: stamp.time)
    }

    func hedge(series: Token, model: Token, name: String?, source: SourceCommand, in ws: inout Workspace) throws {
        let y = try ws.series(series)
        let m = try ws.model(model)
        let finalName = name ?? ws.defaultName(prefix: "h")
        // hedged = y − Σ βj·xj on the dates y and every regressor share, and its regression (β ≈ 0).
        let (hedged, check): (Series, DatedRegression)
        do {
            (hedged, check) = try Hedge.hedge(y.series, with: m.regression, name: finalName, cancellation: cancellation)
        } catch let error as HedgeError {
            throw ShellError("hedge: \(error.message)", at: series)
        }
        let betaText = zip(m.regression.betas, m.regressors).map { "\(NumberFormat.fixed($0, 4))·\($1)" }.joined(separator: " − ")
        let origin = "\(series.text) − \(betaText) (hedged with \(model.text))"
        let replay = "hedge \(series.text) with \(model.text) as \(finalName)"
        let replaced = ws.store(.series(SeriesObject(series: hedged, origin: origin, portfolio: nil)), as: finalName,
                                command: replay, inputs: [y.source, model.text])
        var text = summary(check.result) + "\n"
        text += "Alpha: \(NumberFormat.roundTrip(check.result.params[0]))\n"
        text += "Beta: \(NumberFormat.roundTrip((check.result.params[1] * 1e6).rounded() / 1e6))\n"
        text += "\(style.name(finalName)): series, \(origin), \(hedged.count) days, \(Self.range(hedged.dates))"
        text += nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  " + Self.seriesStatistics(hedged)
        say(text)
    }

    func backtest(long: Token, benchmark: Token, rebalance: Int?, cost: Double?, rf: Double?, capital: Double?,
                  method: String?, name: String?, source: SourceCommand, in ws: inout Workspace) throws {
        let l = try ws.series(long)
        let b = try ws.series(benchmark)
        let defaults = BacktestParameters()
        let parameters = BacktestParameters(rebalance: rebalance ?? defaults.rebalance, cost: cost ?? defaults.cost,
                                            riskFreeRate: rf ?? defaults.riskFreeRate, capital: capital ?? defaults.capital)
        let result: BacktestResult
        do {
            result = try NotebookBacktest.run(portfolio: l.series, benchmark: b.series, parameters: parameters,
                                              cancellation: cancellation)
        } catch let error as HedgeError {
            throw ShellError("backtest: \(error.message)", at: long)
        }
        let finalName = name ?? ws.defaultName(prefix: "bt")
        let p = parameters
        let replay = "backtest \(long.text) vs \(benchmark.text) rebalance \(p.rebalance) cost \(NumberFormat.roundTrip(p.cost)) rf \(NumberFormat.roundTrip(p.riskFreeRate)) capital \(NumberFormat.roundTrip(p.capital)) method \(result.method) as \(finalName)"
        let object = BacktestObject(result: result, long: long.text, benchmark: benchmark.text,
                                    benchmarkValue: Self.buyAndHold(l.series, b.series, at: result.valueDates, capital: parameters.capital, name: benchmark.text))
        let replaced = ws.store(.backtest(object), as: finalName, command: replay, inputs: [l.source, b.source])
        var text = backtestReport(object)
        text += "\n\(style.name(finalName)): backtest, \(backtestHeadline(object))"
        text += nameNote(given: name, finalName: finalName, replaced: replaced)
        say(text)
    }

    /// `capital` compounded with the benchmark's returns (on the dates both series share) up to each of `dates`.
    static func buyAndHold(_ long: Series, _ benchmark: Series, at dates: [Day], capital: Double, name: String) -> Series? {
        let aligned = AlignedSeries([long, benchmark])
        guard let first = aligned.dates.first else { return nil }
        var values: [Double] = []
        var growth = 1.0
        var i = 0
        for day in dates {
            // The first value date is the start: nothing has compounded yet.
            if day == first && values.isEmpty { values.append(capital); continue }
            while i < aligned.count && aligned.dates[i] <= day { growth *= 1 + aligned.columns[1][i]; i += 1 }
            values.append(capital * growth)
        }
        return Series(name: "\(name) buy-and-hold", dates: dates, values: values)
    }

    func backtestHeadline(_ bt: BacktestObject) -> String {
        let r = bt.result, p = r.parameters
        return "method \(r.method), long \(bt.long) / short \(bt.benchmark), \(Self.range(r.valueDates)), rebalance \(p.rebalance), cost \(NumberFormat.general(p.cost)), rf \(NumberFormat.general(p.riskFreeRate)), capital \(NumberFormat.grouped(p.capital))"
    }

    /// The notebook's summary block and per-rebalance table.
    func backtestReport(_ bt: BacktestObject) -> String {
        let r = bt.result
        var text = ""
        if r.lengthMismatchWarning { text += style.warning("Warning: Length mismatch detected. Trimming data to match lengths.") + "\n" }
        text += "Initial Portfolio Size: \(NumberFormat.grouped(r.initial))\n"
        text += "Final Portfolio Size: \(NumberFormat.grouped(r.final))\n"
        text += "Total Realized Returns: \(NumberFormat.fixed(r.totalReturnPercent, 2))%\n"
        text += "Annual Returns: \(NumberFormat.fixed(r.annualizedReturnPercent, 2))%\n"
        text += "Benchmark Annualized Returns: \(NumberFormat.fixed(r.benchmarkAnnualizedPercent, 2))%\n"
        text += "Sharpe Ratio: \(NumberFormat.fixed(r.sharpe, 2))\n\n"
        let values = r.reportedValues, betas = r.reportedBetas
        let table = TextTable(
            headers: ["Rebalancing Step", "Portfolio Value", "Beta Value"],
            rows: values.indices.map { ["\($0 + 1)", NumberFormat.grouped(values[$0]), NumberFormat.grouped(betas[$0])] },
            index: values.indices.map { "\($0)" })
        text += "Portfolio and Beta values at each rebalancing:\n " + table.render()
        return text
    }
}
