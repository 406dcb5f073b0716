import HedgeCore

/// How a portfolio is weighted.
public enum WeightMethod: String, Sendable, Equatable { case volume, equal }

/// What `plot-ascii` draws.
public enum PlotMode: String, Sendable, Equatable { case level, cumulative, drawdown, histogram }

/// A parsed command, ready to run. Names are workspace names or `DATASET.TICKER[.field]` references.
public enum Command: Sendable, Equatable {
    case load(paths: [Token], name: String?, from: Day?, to: Day?, field: Field?)
    case weight(dataset: Token, method: WeightMethod, window: Int?, exclude: [String], name: String?)
    case regress(y: Token, xs: [Token], name: String?)
    case hedge(series: Token, model: Token, name: String?)
    case backtest(long: Token, benchmark: Token, rebalance: Int?, cost: Double?, rf: Double?,
                  capital: Double?, method: String?, name: String?)
    case plot(names: [Token], mode: PlotMode, width: Int?, height: Int?, ascii: Bool, title: String?)
    case export(name: Token, path: Token)
    case list
    case show(Token)
    case drop(Token)
    case rename(Token, newName: String)
    case help(String?)
    case run(Token)
    case save(Token)
    case quit

    /// Parses one command. Errors name the word at fault.
    public static func parse(_ source: SourceCommand) throws(ShellError) -> Command {
        guard let word = source.tokens.first else { throw ShellError("empty command") }
        guard !word.quoted, let spec = CommandCatalog.spec(word.text) else {
            let words = CommandCatalog.names + ["exit"]
            throw ShellError("unknown command '\(word.text)'\(Suggestion.hint(for: word.text, in: words)); type 'help' for the list", at: word)
        }
        let args = try ArgumentList(source, spec: spec)
        switch spec.name {
        case "load":
            try args.expectPositional(min: 1, max: Int.max, what: "PATH (a file, a glob or demo)")
            var field: Field? = nil
            if let f = try args.value("field") {
                guard let parsed = Field(rawValue: f.text.lowercased()) else {
                    throw ShellError("load: unknown field '\(f.text)'\(Suggestion.hint(for: f.text, in: Field.allCases.map(\.rawValue)))", at: f)
                }
                field = parsed
            }
            let from = try date(args.value("from"), command: "load")
            let to = try date(args.value("to"), command: "load")
            if let from, let to, from > to {
                throw ShellError("load: 'from \(from)' is after 'to \(to)'", line: word.line, column: word.column)
            }
            return .load(paths: args.positional, name: try args.newName(), from: from, to: to, field: field)
        case "weight":
            try args.expectPositional(min: 1, max: 1, what: "DATASET")
            let by = try args.required("by", what: "volume|equal")
            guard by.count == 1, let method = WeightMethod(rawValue: by[0].text) else {
                let bad = by.count == 1 ? by[0] : by[1]
                throw ShellError("weight: 'by' takes volume or equal, not '\(bad.text)'", at: bad)
            }
            let window = try args.integer("window", range: 1...100_000, meaning: "the rolling window must be at least 1 day")
            if window != nil && method == .equal {
                throw ShellError("weight: 'window' applies to 'by volume' only", line: word.line, column: word.column)
            }
            let exclude = try args.values("exclude", min: 1, max: Int.max)?
                .flatMap { $0.text.split(separator: ",").map { String($0) } } ?? []
            return .weight(dataset: args.positional[0], method: method, window: window, exclude: exclude, name: try args.newName())
        case "regress":
            try args.expectPositional(min: 1, max: 1, what: "SERIES")
            let xs = try args.required("on", what: "SERIES")
            return .regress(y: args.positional[0], xs: xs, name: try args.newName())
        case "hedge":
            try args.expectPositional(min: 1, max: 1, what: "SERIES")
            let model = try args.requiredSingle("with", what: "MODEL")
            return .hedge(series: args.positional[0], model: model, name: try args.newName())
        case "backtest":
            try args.expectPositional(min: 1, max: 1, what: "SERIES")
            let vs = try args.requiredSingle("vs", what: "SERIES")
            let rebalance = try args.integer("rebalance", range: 2...100_000, meaning: "rebalance every N ≥ 2 days")
            let cost = try args.number("cost", valid: { $0 >= 0 && $0 < 1 }, meaning: "cost is a fraction in [0, 1)")
            let rf = try args.number("rf", valid: { $0 > -1 && $0 < 10 }, meaning: "rf is an annual rate such as 0.02")
            let capital = try args.number("capital", valid: { $0 > 0 }, meaning: "capital must be positive")
            var method: String? = nil
            if let m = try args.value("method") {
                guard m.text == "notebook" else {
                    throw ShellError("backtest: unknown method '\(m.text)'; the only method so far is 'notebook'", at: m)
                }
                method = m.text
            }
            return .backtest(long: args.positional[0], benchmark: vs, rebalance: rebalance, cost: cost, rf: rf,
                             capital: capital, method: method, name: try args.newName())
        case "plot-ascii":
            try args.expectPositional(min: 1, max: Int.max, what: "NAME")
            let modes = ["cumulative", "drawdown", "hist"].filter(args.has)
            if modes.count > 1 {
                throw ShellError("plot-ascii: choose one of \(modes.joined(separator: ", "))", line: word.line, column: word.column)
            }
            let mode: PlotMode = switch modes.first {
            case "cumulative": .cumulative
            case "drawdown": .drawdown
            case "hist": .histogram
            default: .level
            }
            let width = try args.integer("width", range: 20...1000, meaning: "width is 20 to 1000 characters")
            let height = try args.integer("height", range: 5...500, meaning: "height is 5 to 500 lines")
            let title = try args.value("title")?.text
            return .plot(names: args.positional, mode: mode, width: width, height: height, ascii: args.has("ascii"), title: title)
        case "export":
            try args.expectPositional(min: 1, max: 1, what: "NAME")
            let to = try args.requiredSingle("to", what: "FILE.csv|FILE.json")
            return .export(name: args.positional[0], path: to)
        case "ls":
            try args.expectPositional(min: 0, max: 0, what: "")
            return .list
        case "show":
            try args.expectPositional(min: 1, max: 1, what: "NAME")
            return .show(args.positional[0])
        case "drop":
            try args.expectPositional(min: 1, max: 1, what: "NAME")
            return .drop(args.positional[0])
        case "rename":
            try args.expectPositional(min: 2, max: 2, what: "OLD NEW")
            try NameRules.validate(args.positional[1], command: "rename")
            return .rename(args.positional[0], newName: args.positional[1].text)
        case "help":
            try args.expectPositional(min: 0, max: 1, what: "")
            return .help(args.positional.first?.text)
        case "run":
            try args.expectPositional(min: 1, max: 1, what: "FILE.hedge")
            return .run(args.positional[0])
        case "save":
            try args.expectPositional(min: 1, max: 1, what: "FILE.hedge")
            return .save(args.positional[0])
        default:
            try args.expectPositional(min: 0, max: 0, what: "")
            return .quit
        }
    }

    private static func date(_ token: Token?, command: String) throws(ShellError) -> Day? {
        guard let token else { return nil }
        guard let day = Day(iso: token.text), token.text.utf8.count == 10 else {
            throw ShellError("\(command): '\(token.text)' is not a date (YYYY-MM-DD)", at: token)
        }
        return day
    }
}
