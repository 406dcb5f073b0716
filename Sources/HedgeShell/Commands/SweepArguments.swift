import Glibc
import HedgeCore

/// The parameter part shared by `sweep` and `walkforward`: `PARAM VALUES` for each numeric backtest
/// parameter (a range `5..60 step 5` or a list `0,0.0005,0.001` sweeps it; a single number fixes it),
/// `method daily`, `from`/`to`.
struct SweepArguments: Equatable {
    /// The option words: one per `SweepParameter`.
    static let parameterOptions: [OptionSpec] = SweepParameter.allCases.map {
        OptionSpec($0.rawValue, .values, placeholder: "VALUES", repeats: true)
    }
    static let methodOption = OptionSpec("method", .choice(["daily", "notebook"]), placeholder: "daily|notebook")

    static let details = [
        "PARAM is rebalance, estimate, cost, rf, borrow, capital or window (a rolling OLS β window, at most estimate).",
        "VALUES is a range START..END step STEP (END included when it lands on a step; values start + i·step rounded to the step's decimals) or a list A,B,C; a single number fixes the parameter.",
        "The other parameters take the method daily defaults (rebalance 30, estimate 60, cost 0.001, rf 0.02, borrow 0, capital 1000000).",
        "method notebook sweeps rebalance, cost, rf and capital of the notebook's backtest; it has only the notebook's own figures (total_return, cagr = its annual return, sharpe = its per-rebalance-period Sharpe, rebalances).",
    ]

    /// Swept parameters with their values, in the order given.
    var axes: [SweepAxis]
    /// The words of each swept parameter as typed (for `save`).
    var axisWords: [[String]]
    /// Fixed parameters, in `SweepParameter` order.
    var fixed: [(SweepParameter, Double)]
    var from: Day?
    var to: Day?
    var method: SweepMethod

    init(_ arguments: ArgumentList) throws(ShellError) {
        method = try arguments.choice("method").flatMap(SweepMethod.init(rawValue:)) ?? .daily
        var given: [(Int, SweepParameter, [Token])] = []
        for parameter in SweepParameter.allCases {
            guard let tokens = arguments.values(parameter.rawValue) else { continue }
            let position = tokens.first.map { $0.line * 100_000 + $0.column } ?? 0
            given.append((position, parameter, tokens))
        }
        given.sort { $0.0 < $1.0 }
        axes = []; axisWords = []; fixed = []
        for (_, parameter, tokens) in given {
            let name = parameter.rawValue
            let text = tokens[0].text
            let step: String?
            switch tokens.count {
            case 1: step = nil
            case 3 where tokens[1].text == "step": step = tokens[2].text
            default:
                throw ShellError("\(name) takes a number, a range START..END step STEP or a list A,B,C, not '\(tokens.map(\.text).joined(separator: " "))'", at: tokens[0])
            }
            let values: [Double]
            do {
                values = try SweepValues.parse(text, step: step, parameter: name)
                for v in values { try parameter.check(v) }
            } catch let error as HedgeError {
                throw ShellError(error.message, at: tokens[0])
            } catch {
                throw ShellError("\(error)", at: tokens[0])
            }
            let swept = text.contains("..") || text.contains(",")
            if swept || parameter == .window {
                axes.append(SweepAxis(name: name, values: values))
                axisWords.append(tokens.map(\.text))
            } else {
                fixed.append((parameter, values[0]))
            }
        }
        (from, to) = try arguments.dateRange()
    }

    static func == (a: SweepArguments, b: SweepArguments) -> Bool {
        a.method == b.method && a.axes == b.axes && a.axisWords == b.axisWords && a.from == b.from && a.to == b.to
            && a.fixed.map(\.0) == b.fixed.map(\.0) && a.fixed.map(\.1) == b.fixed.map(\.1)
    }

    /// The method daily parameters with the fixed values and the date cut.
    var base: DailyBacktestParameters {
        var p = DailyBacktestParameters()
        for (parameter, value) in fixed { parameter.apply(value, to: &p) }
        p.from = from; p.to = to
        return p
    }

    /// Adds the parameter words to a replay line.
    func replay(_ text: ReplayText) -> ReplayText {
        var text = text
        for (axis, words) in zip(axes, axisWords) { text = text.option(axis.name, values: words) }
        for (parameter, value) in fixed { text = text.option(parameter.rawValue, NumberFormat.roundTrip(value)) }
        return text.option("method", method.rawValue).option("from", from).option("to", to)
    }

    /// `rebalance 5..60 step 5 (12) × estimate 20,40,60 (3)`.
    var description: String {
        zip(axes, axisWords).map { "\($0.name) \($1.joined(separator: " ")) (\($0.values.count))" }.joined(separator: " × ")
    }
}

/// A one-line progress report on standard error while a long sweep runs on a terminal: nothing for the
/// first second, then `sweep: 4,000 / 10,000 configurations (40%)` rewritten in place, erased at the end.
final class SweepProgress: Sendable {
    private let started = ContinuousClock.now
    private let label: String
    private let enabled: Bool

    init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    func report(_ done: Int, of total: Int) {
        guard enabled, ContinuousClock.now - started > .seconds(1) else { return }
        let percent = total > 0 ? done * 100 / total : 100
        write("\r\(label): \(NumberFormat.grouped(Double(done), 0)) / \(NumberFormat.grouped(Double(total), 0)) configurations (\(percent)%)\u{1B}[K")
    }

    func finish() {
        guard enabled, ContinuousClock.now - started > .seconds(1) else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(STDERR_FILENO, &bytes, bytes.count)
    }

    /// Seconds since the start.
    var elapsed: Double {
        let d = ContinuousClock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
