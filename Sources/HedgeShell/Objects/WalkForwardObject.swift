import HedgeCore

extension ObjectKind {
    /// A walk-forward validation: folds, chosen configurations and the stitched out-of-sample backtest.
    public static let walkforward = ObjectKind("walkforward")
}

/// The outcome of `walkforward`. As a series it is the stitched out-of-sample daily returns;
/// `NAME.equity` is the stitched equity.
public struct WalkForwardObject: WorkspaceValue {
    public static let kind = ObjectKind.walkforward
    public var result: WalkForwardResult
    public var long: String
    public var benchmark: String
    public var about: String

    public init(result: WalkForwardResult, long: String, benchmark: String, about: String) {
        self.result = result; self.long = long; self.benchmark = benchmark; self.about = about
    }

    var stitched: DailyBacktestResult { result.stitched }

    public var headline: String {
        let s = stitched
        return "\(result.folds.count) folds (train \(result.train), test \(result.test), by \(result.metric.rawValue)) of \(about), long \(long) / short \(benchmark), out-of-sample \(s.dates.first.map { "\($0)" } ?? "") … \(s.dates.last.map { "\($0)" } ?? "")"
    }

    public func listing() -> ListingRow {
        let m = result.metric
        return ListingRow(shape: "\(result.folds.count) folds", dates: SeriesText.range(stitched.dates),
                          about: "\(long) vs \(benchmark): out-of-sample \(m.rawValue) \(SweepObject.format(result.outOfSample[m.column], m)), hindsight best \(SweepObject.format(result.hindsight[m.column], m))")
    }

    public var asSeries: Series? { Series(name: "walk-forward returns", dates: stitched.dates, values: stitched.returns) }

    public var partNames: [String] { ["equity", "returns"] }

    public func part(_ path: String, of name: String) throws(ShellError) -> (any WorkspaceValue)? {
        switch path {
        case "equity": SeriesObject(series: Series(name: "\(name).equity", dates: stitched.dates, values: stitched.equity), origin: nil, portfolio: nil)
        case "returns": SeriesObject(series: Series(name: "\(name).returns", dates: stitched.dates, values: stitched.returns), origin: nil, portfolio: nil)
        default: nil
        }
    }

    public func show(name: String, context: DisplayContext) -> String {
        report(name: name, context: context) + "\n\(context.style.name(name)): walkforward, \(headline)"
    }

    func values(_ k: [Double]) -> String {
        zip(result.grid.axes, k).map { "\($0.name) \(SweepValues.format($1))" }.joined(separator: ", ")
    }

    /// The fold table, then the out-of-sample figures beside the hindsight best over the same days.
    func report(name: String, context: DisplayContext) -> String {
        let m = result.metric
        var lines: [String] = []
        lines.append("Walk-forward of method daily, \(long) vs \(benchmark): \(about), train \(result.train) days, test \(result.test) days, chosen by \(m.rawValue)")
        let folds = TextTable(
            headers: ["train", "test"] + result.grid.axes.map(\.name) + ["in-sample", "out-of-sample"],
            rows: result.folds.map { f in
                ["\(f.trainFirst) … \(f.trainLast)", "\(f.testFirst) … \(f.testLast) (\(f.fold.test.count))"]
                    + f.chosenValues.map(SweepValues.format)
                    + [SweepObject.format(f.inSample, m), SweepObject.format(f.outOfSample, m)]
            },
            index: result.folds.map { "\($0.fold.index + 1)" })
        lines.append(folds.render())
        lines.append("")
        lines.append("Out-of-sample (stitched test days) vs the best configuration chosen with hindsight over the same days (\(values(result.hindsightValues))):")
        let stats = TextTable(
            headers: ["walk-forward", "hindsight best", "gap"],
            rows: SweepMetric.allCases.map { metric in
                let o = result.outOfSample[metric.column], h = result.hindsight[metric.column]
                return [SweepObject.format(o, metric), SweepObject.format(h, metric), SweepObject.format(o - h, metric)]
            },
            index: SweepMetric.allCases.map(\.rawValue))
        lines.append(stats.render())
        lines.append("final equity \(NumberFormat.grouped(stitched.finalEquity)) from \(NumberFormat.grouped(result.folds.isEmpty ? 0 : stitched.parameters.capital)); \(stitched.rebalances.count) rebalances (each fold re-establishes its positions), costs \(NumberFormat.grouped(stitched.totalCosts))")
        return lines.joined(separator: "\n")
    }

    /// CSV of the stitched curve: date, equity, return, long and short notional, β in force, fold.
    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        guard format == .csv else { throw ShellError("a walkforward exports to .csv only") }
        var fold = [Int](repeating: 0, count: stitched.days)
        var offset = 0
        for f in result.folds {
            for i in offset..<min(offset + f.fold.test.count, fold.count) { fold[i] = f.fold.index + 1 }
            offset += f.fold.test.count
        }
        var text = "date,equity,return,long_notional,short_notional,beta,fold\n"
        let s = stitched
        for i in 0..<s.days {
            text += "\(s.dates[i]),\(NumberFormat.roundTrip(s.equity[i])),\(NumberFormat.roundTrip(s.returns[i])),"
                + "\(NumberFormat.roundTrip(s.longNotional[i])),\(NumberFormat.roundTrip(s.shortNotional[i])),\(NumberFormat.roundTrip(s.beta[i])),\(fold[i])\n"
        }
        return (text, "\(s.days) days")
    }

    /// The stitched equity, then the chosen value of each swept parameter per fold (a step line).
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        guard request.arguments.isEmpty, request.by.isEmpty else { throw ShellError("plot-ascii WALKFORWARD takes no metric or by") }
        var series = Series(name: "\(name) out-of-sample equity", dates: stitched.dates, values: stitched.equity)
        var style = request.style
        style.title = style.title ?? "\(name): stitched out-of-sample equity (\(result.folds.count) folds)"
        switch request.mode {
        case .level: break
        case .cumulative:
            series = Series(name: "\(name) growth of 1", dates: stitched.dates, values: stitched.returns)
        case .drawdown:
            series = Series(name: "\(name) drawdown", dates: stitched.dates, values: stitched.returns)
        case .histogram:
            throw ShellError("a walkforward is drawn as its equity; use plot-ascii \(name) with no mode")
        }
        let transform: ChartTransform = request.mode == .level ? .level : (request.mode == .cumulative ? .cumulative : .drawdown)
        var lines = try Chart.line([series], transform: transform, unit: request.mode == .level ? .number : nil, style: style)
        for (a, axis) in result.grid.axes.enumerated() where axis.values.count > 1 {
            var dates: [Day] = [], values: [Double] = []
            for f in result.folds {
                dates += [f.testFirst, f.testLast]
                values += [f.chosenValues[a], f.chosenValues[a]]
            }
            var small = request.style
            small.height = max(ChartStyle.minimumHeight + 4, min(12, request.style.height / 2))
            small.title = "chosen \(axis.name) per fold"
            lines.append("")
            lines += try Chart.line([Series(name: "chosen \(axis.name)", dates: dates, values: values)], unit: .number, style: small)
        }
        return lines
    }
}

extension WalkForwardObject: Equatable {
    public static func == (a: WalkForwardObject, b: WalkForwardObject) -> Bool {
        a.long == b.long && a.benchmark == b.benchmark && a.about == b.about && a.result.folds == b.result.folds
            && a.result.stitched == b.result.stitched
    }
}
