/// What a command argument slot accepts; drives parsing messages, help and tab completion.
///
/// New value kinds (a numeric range `5..60 step 5`, a list `0,0.0005,0.001`) are new cases here, with
/// their conversion in `ArgumentList` and their completion in `Completer`.
public enum ArgumentKind: Sendable, Equatable {
    /// An existing workspace object of one of these kinds (`series` also accepts `NAME.part`).
    case object(Set<ObjectKind>)
    /// Any existing workspace object (or a part of one, `d.volume`).
    case anyObject
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

/// A positional argument: its placeholder in messages (`SERIES`), what it accepts, and how many.
public struct Positional: Sendable {
    public enum Arity: Sendable, Equatable {
        /// Exactly one.
        case one
        /// Zero or one.
        case optional
        /// One or more (only last).
        case oneOrMore
        /// Zero or more (only last).
        case zeroOrMore
    }
    public var placeholder: String
    public var kind: ArgumentKind
    public var arity: Arity
    /// Added to the placeholder in a "missing" message: `PATH (a file, a glob or demo)`.
    public var about: String?

    public init(_ placeholder: String, _ kind: ArgumentKind, _ arity: Arity = .one, about: String? = nil) {
        self.placeholder = placeholder; self.kind = kind; self.arity = arity; self.about = about
    }

    var isRequired: Bool { arity == .one || arity == .oneOrMore }
    var repeats: Bool { arity == .oneOrMore || arity == .zeroOrMore }
}

/// An option keyword: a flag (`ascii`), or a keyword with one value (`window 20`) or several (`on X Y`).
public struct OptionSpec: Sendable {
    public var word: String
    /// What its values are; nil for a flag.
    public var value: ArgumentKind?
    /// The value's placeholder in messages and synopses (`N`, `SERIES`, `volume|equal`).
    public var placeholder: String
    /// True when the keyword takes several values (until the next keyword).
    public var repeats: Bool
    /// True when the command cannot run without it.
    public var required: Bool

    public init(_ word: String, _ value: ArgumentKind?, placeholder: String = "", repeats: Bool = false, required: Bool = false) {
        self.word = word; self.value = value; self.placeholder = placeholder; self.repeats = repeats; self.required = required
    }

    /// A keyword with no value.
    public static func flag(_ word: String) -> OptionSpec { OptionSpec(word, nil) }

    /// `as NAME`: the name of what the command makes.
    public static let asName = OptionSpec("as", .newName, placeholder: "NAME")
    /// `from YYYY-MM-DD`: the first date kept (with `to`, read by `ArgumentList.dateRange()`).
    public static let from = OptionSpec("from", .date, placeholder: "YYYY-MM-DD")
    /// `to YYYY-MM-DD`: the last date kept.
    public static let to = OptionSpec("to", .date, placeholder: "YYYY-MM-DD")
}

/// One command of the language: its words, grammar and help text. The single source for parsing,
/// `help`, tab completion and the reserved words.
public struct CommandSpec: Sendable {
    /// The words that select the command: `["load"]`, or with a sub-word `["load", "yahoo"]`.
    public var words: [String]
    /// Other spellings of the first word (`exit` for `quit`).
    public var aliases: [String]
    /// One-line synopsis, as `help` shows it.
    public var synopsis: String
    /// A sentence or two saying what it does.
    public var summary: String
    /// Positional slots, in order; only the last may repeat.
    public var positionals: [Positional]
    /// Option keywords, in the order `save` writes them.
    public var options: [OptionSpec]
    /// Extra help lines (defaults, notes).
    public var details: [String]
    /// Example command lines for `help`.
    public var examples: [String]

    public init(
        _ words: String, aliases: [String] = [], synopsis: String, summary: String,
        positionals: [Positional] = [], options: [OptionSpec] = [], details: [String] = [], examples: [String] = []
    ) {
        self.words = words.split(separator: " ").map(String.init)
        self.aliases = aliases; self.synopsis = synopsis; self.summary = summary
        self.positionals = positionals; self.options = options; self.details = details; self.examples = examples
    }

    /// The command's name as messages print it: `weight`, `load yahoo`.
    public var name: String { words.joined(separator: " ") }

    /// The option called `word`, or nil when it is not one of this command's keywords.
    public func option(_ word: String) -> OptionSpec? {
        options.first { $0.word == word }
    }

    /// What the positional slot `index` accepts; past the end the last slot repeats when it may.
    func positional(at index: Int) -> Positional? {
        if index < positionals.count { return positionals[index] }
        return positionals.last.flatMap { $0.repeats ? $0 : nil }
    }

    /// The fewest and most positional arguments.
    var positionalCount: (min: Int, max: Int) {
        let min = positionals.filter(\.isRequired).count
        let max = positionals.last?.repeats == true ? Int.max : positionals.count
        return (min, max)
    }
}
