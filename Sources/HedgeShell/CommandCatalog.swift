/// What a command argument slot accepts; drives parsing messages, help and tab completion.
public enum ArgumentKind: Sendable, Equatable {
    /// An existing workspace object of one of these kinds (`series` also accepts `DATASET.TICKER`).
    case object(Set<ObjectKind>)
    /// A file system path (completion lists files; directories end with `/`).
    case path
    /// A number.
    case number
    /// A new object name.
    case newName
    /// A comma-separated ticker list of the dataset in the command.
    case tickers
    /// One of a fixed set of words.
    case choice([String])
    /// A date `YYYY-MM-DD`.
    case date
    /// Free text (a quoted title).
    case text
    /// A command word (after `help`).
    case command
}

/// One command of the language: its word, grammar and help text.
public struct CommandSpec: Sendable {
    public var name: String
    /// One-line synopsis, as `help` shows it.
    public var synopsis: String
    /// A sentence or two saying what it does.
    public var summary: String
    /// Positional slots, in order (the last may repeat when `repeatsLast`).
    public var positional: [ArgumentKind]
    public var repeatsLast: Bool
    /// Option keywords and what follows each (`nil`: a flag with no value).
    public var keywords: [(word: String, value: ArgumentKind?)]
    /// Extra help lines (defaults, notes).
    public var details: [String]

    public init(
        _ name: String, synopsis: String, summary: String,
        positional: [ArgumentKind] = [], repeatsLast: Bool = false,
        keywords: [(word: String, value: ArgumentKind?)] = [], details: [String] = []
    ) {
        self.name = name; self.synopsis = synopsis; self.summary = summary
        self.positional = positional; self.repeatsLast = repeatsLast
        self.keywords = keywords; self.details = details
    }

    /// What follows `keyword` in this command, or nil when it is not one of its keywords.
    public func keyword(_ word: String) -> (word: String, value: ArgumentKind?)? {
        keywords.first { $0.word == word }
    }
}

/// Every command `hedge` understands. The single source for the parser's keywords, `help` and completion.
public enum CommandCatalog {
    public static let all: [CommandSpec] = [
        CommandSpec(
            "load", synopsis: "load PATH|GLOB|demo [PATH...] [as NAME] [from YYYY-MM-DD] [to YYYY-MM-DD] [field price|volume|open|high|low|close]",
            summary: "Load price files (yfinance per-ticker or multi-ticker, wide, long or Stooq CSV) into a dataset, merged by date.",
            positional: [.path], repeatsLast: true,
            keywords: [("as", .newName), ("from", .date), ("to", .date),
                       ("field", .choice(["price", "volume", "open", "high", "low", "close"]))],
            details: ["`demo` is the built-in synthetic dataset (7 stocks and one index, seeded).",
                      "`field` says what the value columns of a wide CSV hold (default price)."]),
        CommandSpec(
            "weight", synopsis: "weight DATASET by volume|equal [window N] [exclude T1,T2] [as NAME]",
            summary: "Build a portfolio return series from a dataset's daily simple returns.",
            positional: [.object([.dataset])],
            keywords: [("by", .choice(["volume", "equal"])), ("window", .number), ("exclude", .tickers), ("as", .newName)],
            details: ["volume: weights are the N-day rolling mean volume, normalized across the basket and lagged one day (the notebook's method). Default window 30.",
                      "equal: every available ticker weighs the same."]),
        CommandSpec(
            "regress", synopsis: "regress SERIES on SERIES [SERIES...] [as NAME]",
            summary: "OLS of a series on one or more series plus an intercept (dates aligned); prints the statsmodels-style summary.",
            positional: [.object([.series])],
            keywords: [("on", .object([.series])), ("as", .newName)]),
        CommandSpec(
            "hedge", synopsis: "hedge SERIES with MODEL [as NAME]",
            summary: "The hedged series SERIES − β·x for the model's regressor x; prints the regression of the hedged series.",
            positional: [.object([.series])],
            keywords: [("with", .object([.model])), ("as", .newName)]),
        CommandSpec(
            "backtest", synopsis: "backtest SERIES vs SERIES [rebalance N] [cost X] [rf X] [capital X] [method notebook] [as NAME]",
            summary: "Rebalanced long/short backtest: long the first series, short the second, β re-estimated every rebalance.",
            positional: [.object([.series])],
            keywords: [("vs", .object([.series])), ("rebalance", .number), ("cost", .number), ("rf", .number),
                       ("capital", .number), ("method", .choice(["notebook"])), ("as", .newName)],
            details: ["Defaults (the notebook's): rebalance 30, cost 0.001, rf 0.02, capital 1000000.",
                      "method notebook (the only method so far) reproduces the notebook exactly, quirks included."]),
        CommandSpec(
            "plot-ascii", synopsis: "plot-ascii NAME [NAME...] [cumulative|drawdown] [width N] [height N] [ascii] [title \"TEXT\"]",
            summary: "Chart series, a model (scatter with fitted line), a backtest, or `hist SERIES` in the terminal.",
            positional: [.object([.series, .model, .backtest])], repeatsLast: true,
            keywords: [("cumulative", nil), ("drawdown", nil), ("hist", nil), ("ascii", nil),
                       ("width", .number), ("height", .number), ("title", .text)]),
        CommandSpec(
            "export", synopsis: "export NAME to FILE.csv|FILE.json",
            summary: "Write an object to CSV or JSON (atomically; numbers round-trip exactly).",
            positional: [.object(Set(ObjectKind.allCases))],
            keywords: [("to", .path)],
            details: ["`export DATASET.volume to FILE.csv` writes volumes instead of prices."]),
        CommandSpec("ls", synopsis: "ls", summary: "List every object with its kind, shape and date range."),
        CommandSpec("show", synopsis: "show NAME", summary: "Print one object (head/tail of a series or dataset, summary of a model or backtest).",
                    positional: [.object(Set(ObjectKind.allCases))]),
        CommandSpec("drop", synopsis: "drop NAME", summary: "Remove an object from the workspace.",
                    positional: [.object(Set(ObjectKind.allCases))]),
        CommandSpec("rename", synopsis: "rename OLD NEW", summary: "Rename an object.",
                    positional: [.object(Set(ObjectKind.allCases)), .newName]),
        CommandSpec("help", synopsis: "help [COMMAND]", summary: "List the commands, or explain one.", positional: [.command]),
        CommandSpec("run", synopsis: "run FILE.hedge", summary: "Replay a script in the current workspace; stops at the first error.",
                    positional: [.path]),
        CommandSpec("save", synopsis: "save FILE.hedge", summary: "Write the commands that built the current workspace as a replayable script.",
                    positional: [.path]),
        CommandSpec("quit", synopsis: "quit", summary: "Leave hedge (also `exit`, or Ctrl-D)."),
    ]

    /// The spec for a command word (`exit` is `quit`).
    public static func spec(_ word: String) -> CommandSpec? {
        let name = word == "exit" ? "quit" : word
        return all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}
