import HedgeCore

/// `backtest SERIES vs SERIES [method notebook|daily] …`: the notebook's rebalanced long/short backtest (parity),
/// or the corrected daily mark-to-market, beta-neutral one.
struct BacktestCommand: ShellCommand, Replayable {
    static let methods = [NotebookBacktest.methodName, DailyBacktestResult.methodName]

    static let spec = CommandSpec(
        "backtest",
        synopsis: "backtest SERIES vs SERIES [method notebook|daily] [rebalance N] [estimate W] [beta ols|fixed X|SERIES] [cost X] [rf X] [borrow X] [capital X] [from YYYY-MM-DD] [to YYYY-MM-DD] [as NAME]",
        summary: "Long the first series, short the second sized by β, rebalanced every N days: the notebook's method (default, for parity) or `method daily`, the corrected one.",
        positionals: [Positional("SERIES", .object([.series]))],
        options: [OptionSpec("vs", .object([.series]), placeholder: "SERIES", required: true),
                  OptionSpec("method", .choice(methods), placeholder: "notebook|daily"),
                  OptionSpec("rebalance", .number, placeholder: "N"), OptionSpec("estimate", .number, placeholder: "W"),
                  OptionSpec("beta", .anyObject, placeholder: "ols|fixed X|SERIES", repeats: true),
                  OptionSpec("cost", .number, placeholder: "X"), OptionSpec("rf", .number, placeholder: "X"),
                  OptionSpec("borrow", .number, placeholder: "X"), OptionSpec("capital", .number, placeholder: "X"),
                  .from, .to, .asName],
        details: [
            "method notebook (the default, for parity with the notebook) reproduces hedged_portfolio_performance_dynamic_beta",
            "exactly, quirks included. It differs from a correct hedged backtest in every one of these ways:",
            "  - after the first window it sizes the hedge with the slope of (long + short)/2 on the benchmark, about (β − 1)/2, not β;",
            "  - it compounds −r_benchmark over each period as if the short were a long position in an inverse asset;",
            "  - it charges the cost on both whole allocations every period instead of on the notional traded;",
            "  - its first β is fitted on the very window it then trades (look-ahead);",
            "  - it annualizes with 365 days a year, so 30 trading days count as 30/365 of a year;",
            "  - its Sharpe ratio rests on ~20 period returns and the population standard deviation (ddof 0).",
            "  Its options: rebalance (≥ 2; also the β window), cost, rf, capital. Defaults 30, 0.001, 0.02, 1000000.",
            "method daily is the corrected method: daily mark-to-market, self-financing, beta-neutral long/short.",
            "  Returns aligned by date (NaN rows dropped), cut to from/to; rows 0…W−1 are history, trading starts on row W;",
            "  rebalances on rows W, W+N, W+2N, …: β_t, then long L = E, short S = β_t·E, cost c·(|ΔL| + |ΔS|) off the equity;",
            "  each day E += L·r_long − S·r_bench + (E − L + S)·rf_d − max(S, 0)·borrow/252, then L and S drift with their returns.",
            "  beta ols: OLS slope over the W days before each rebalance; beta fixed X; beta SERIES: the series' value on the",
            "  last date before each rebalance (a rolling β, for example). rf_d = (1 + rf)^(1/252) − 1.",
            "  Defaults: rebalance 30, estimate 60, beta ols, cost 0.001 of traded notional, rf 0.02, borrow 0, capital 1000000.",
            "  It stops with an error naming the date if the equity reaches 0. `stats NAME` and `show NAME` print its tear sheet.",
            "estimate, beta, borrow, from and to apply to method daily only.",
        ],
        examples: ["backtest p vs d.QQQ rebalance 21 as bt",
                   "backtest p vs d.QQQ method daily as daily",
                   "backtest p vs d.QQQ method daily rebalance 21 estimate 120 beta fixed 1.1 borrow 0.005 from 2024-01-01"])

    /// `beta …` as typed.
    enum BetaChoice: Equatable {
        case ols, fixed(Double), series(Token)
    }

    var long: Token
    var benchmark: Token
    var method: String
    /// The notebook method's settings (its defaults where none was given).
    var parameters: BacktestParameters
    /// The daily method's settings (its defaults where none was given); `beta` is resolved at run time.
    var daily: DailyBacktestParameters
    var beta: BetaChoice
    var name: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        long = arguments.positional[0]
        benchmark = try arguments.required("vs")
        method = try arguments.choice("method") ?? NotebookBacktest.methodName
        let isDaily = method == DailyBacktestResult.methodName
        if !isDaily {
            for word in ["estimate", "beta", "borrow", "from", "to"] where arguments.has(word) {
                throw ShellError("'\(word)' applies to method daily only (add `method daily`)", at: arguments.command)
            }
        }
        let cost = try arguments.number("cost", valid: { $0 >= 0 && $0 < 1 }, meaning: "cost is a fraction in [0, 1)")
        let rf = try arguments.number("rf", valid: { $0 > -1 && $0 < 10 }, meaning: "rf is an annual rate such as 0.02")
        let capital = try arguments.number("capital", valid: { $0 > 0 && $0.isFinite }, meaning: "capital must be positive")
        let nb = BacktestParameters()
        parameters = BacktestParameters(
            rebalance: try arguments.integer("rebalance", range: (isDaily ? 1 : 2)...100_000,
                                             meaning: isDaily ? "rebalance every N ≥ 1 days" : "rebalance every N ≥ 2 days") ?? nb.rebalance,
            cost: cost ?? nb.cost, riskFreeRate: rf ?? nb.riskFreeRate, capital: capital ?? nb.capital)
        let dd = DailyBacktestParameters()
        let range = try arguments.dateRange()
        daily = DailyBacktestParameters(
            rebalance: parameters.rebalance == nb.rebalance && !arguments.has("rebalance") ? dd.rebalance : parameters.rebalance,
            estimate: try arguments.integer("estimate", range: 0...100_000, meaning: "estimate W is a number of days") ?? dd.estimate,
            beta: .ols, cost: cost ?? dd.cost, riskFreeRate: rf ?? dd.riskFreeRate,
            borrow: try arguments.number("borrow", valid: { $0 >= 0 && $0 < 10 }, meaning: "borrow is an annual fee such as 0.005") ?? dd.borrow,
            capital: capital ?? dd.capital, from: range.from, to: range.to)
        beta = try Self.betaChoice(arguments)
        if beta == .ols, daily.estimate < 2, let token = arguments.value("estimate") {
            throw ShellError("estimate \(daily.estimate) is out of range: beta ols needs at least 2 days", at: token)
        }
        name = try arguments.newName()
    }

    private static func betaChoice(_ arguments: ArgumentList) throws(ShellError) -> BetaChoice {
        guard let values = arguments.values("beta"), let first = values.first else { return .ols }
        let usage = "beta takes ols, fixed X or a series name"
        switch first.text {
        case "ols" where !first.quoted:
            if values.count > 1 { throw ShellError("unexpected '\(values[1].text)': \(usage)", at: values[1]) }
            return .ols
        case "fixed" where !first.quoted:
            guard values.count >= 2 else { throw ShellError("beta fixed needs a number", at: first) }
            guard values.count == 2 else { throw ShellError("unexpected '\(values[2].text)': \(usage)", at: values[2]) }
            guard let x = NumberText.parse(values[1].text), x.isFinite else {
                throw ShellError("beta fixed must be a number, not '\(values[1].text)'", at: values[1])
            }
            return .fixed(x)
        default:
            if values.count > 1 { throw ShellError("unexpected '\(values[1].text)': \(usage)", at: values[1]) }
            return .series(first)
        }
    }

    var isDaily: Bool { method == DailyBacktestResult.methodName }

    var replay: ReplayText {
        var text = ReplayText(Self.spec).adding(long.text).option("vs", benchmark.text)
        if isDaily {
            let p = daily
            text = text.option("rebalance", p.rebalance).option("estimate", p.estimate)
            switch beta {
            case .ols: text = text.option("beta", "ols")
            case .fixed(let x): text = text.option("beta", values: ["fixed", NumberFormat.roundTrip(x)])
            case .series(let token): text = text.option("beta", token.text)
            }
            text = text.option("cost", NumberFormat.roundTrip(p.cost)).option("rf", NumberFormat.roundTrip(p.riskFreeRate))
                .option("borrow", NumberFormat.roundTrip(p.borrow)).option("capital", NumberFormat.roundTrip(p.capital))
                .option("from", p.from).option("to", p.to)
        } else {
            let p = parameters
            text = text.option("rebalance", p.rebalance).option("cost", NumberFormat.roundTrip(p.cost))
                .option("rf", NumberFormat.roundTrip(p.riskFreeRate)).option("capital", NumberFormat.roundTrip(p.capital))
        }
        return text.option("method", method).option("as", name)
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        if isDaily { try runDaily(in: &ws, context: context) } else { try runNotebook(in: &ws, context: context) }
    }

    /// The one line after a notebook backtest: what it reproduces, and where the corrected method is.
    static let notebookNote = "(method notebook reproduces the notebook's backtest exactly, quirks included; `method daily` is the corrected method: see `help backtest`)"

    private func runNotebook(in ws: inout Workspace, context: CommandContext) throws {
        let l = try ws.series(long)
        let b = try ws.series(benchmark)
        let result: BacktestResult
        do {
            result = try NotebookBacktest.run(portfolio: l.series, benchmark: b.series, parameters: parameters,
                                              cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: long)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "bt")
        resolved.name = finalName
        let growth = BuyAndHold.value(long: l.series, benchmark: b.series, at: result.valueDates,
                                      capital: parameters.capital, name: "\(benchmark.text) buy-and-hold")
        let object = BacktestObject(result: result, long: long.text, benchmark: benchmark.text, benchmarkValue: growth)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: [l.source, b.source])
        guard !context.isQuiet else { return }
        var text = object.report(context: context.display)
        text += "\n\(context.style.name(finalName)): backtest, \(object.headline)"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        text += "\n" + context.style.dim(Self.notebookNote)
        context.say(text)
    }

    private func runDaily(in ws: inout Workspace, context: CommandContext) throws {
        let l = try ws.series(long)
        let b = try ws.series(benchmark)
        var parameters = daily
        var inputs = [l.source, b.source]
        switch beta {
        case .ols: parameters.beta = .ols
        case .fixed(let x): parameters.beta = .fixed(x)
        case .series(let token):
            let series = try ws.series(token)
            parameters.beta = .series(series.series.renamed(token.text))
            inputs.append(series.source)
        }
        let result: DailyBacktestResult
        do {
            result = try DailyBacktest.run(long: l.series, benchmark: b.series, parameters: parameters,
                                           cancellation: context.cancellation)
        } catch let error as HedgeError {
            throw ShellError(error, at: long)
        }
        var resolved = self
        let finalName = name ?? ws.defaultName(prefix: "bt")
        resolved.name = finalName
        let betaName: String? = if case .series(let token) = beta { token.text } else { nil }
        let object = DailyBacktestObject(result: result, long: long.text, benchmark: benchmark.text, betaSeriesName: betaName)
        let replaced = ws.store(object, as: finalName, by: resolved, inputs: inputs)
        guard !context.isQuiet else { return }
        var text = object.summary(context: context.display)
        text += "\n\(context.style.name(finalName)): daily-backtest, \(object.headline)"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced)
        context.say(text)
    }
}
