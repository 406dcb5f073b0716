/// Every command `hedge` understands, listed once. Order is the order of `help`.
public enum CommandRegistry {
    public static let commands: [any ShellCommand.Type] = [
        LoadCommand.self,
        WeightCommand.self,
        RegressCommand.self,
        RollingCommand.self,
        HedgeCommand.self,
        BacktestCommand.self,
        StatsCommand.self,
        PlotCommand.self,
        ExportCommand.self,
        ListCommand.self,
        ShowCommand.self,
        DropCommand.self,
        RenameCommand.self,
        HelpCommand.self,
        RunCommand.self,
        SaveCommand.self,
        QuitCommand.self,
    ]

    /// Every command's spec, in `help` order.
    public static let specs: [CommandSpec] = commands.map { $0.spec }

    /// The command words (first words, each once), in `help` order.
    public static let names: [String] = {
        var seen = Set<String>()
        return specs.compactMap { seen.insert($0.words[0]).inserted ? $0.words[0] : nil }
    }()

    /// Words that cannot name an object: command words, their aliases and sub-words, and every keyword.
    public static let reservedWords: Set<String> = {
        var words = Set<String>()
        for spec in specs {
            words.formUnion(spec.words)
            words.formUnion(spec.aliases)
            words.formUnion(spec.options.map(\.word))
        }
        return words
    }()

    /// The command `words` start with (the longest match, so `load yahoo` wins over `load`), and how many
    /// words its name takes; nil when the first word is no command.
    public static func command(for words: [String]) -> (type: any ShellCommand.Type, wordCount: Int)? {
        var best: (type: any ShellCommand.Type, wordCount: Int)? = nil
        for type in commands {
            let spec = type.spec
            var name = spec.words
            if let first = words.first, spec.aliases.contains(first) { name[0] = first }
            guard words.count >= name.count, Array(words.prefix(name.count)) == name else { continue }
            if name.count > (best?.wordCount ?? 0) { best = (type, name.count) }
        }
        return best
    }

    /// The spec for a command name (`regress`, `load yahoo`, or an alias such as `exit`).
    public static func spec(_ name: String) -> CommandSpec? {
        let words = name.split(separator: " ").map(String.init)
        guard let found = command(for: words), found.wordCount == words.count else { return nil }
        return found.type.spec
    }

    /// The sub-words that may follow `words` (`yahoo` after `load`).
    public static func subwords(after words: [String]) -> [String] {
        specs.compactMap { spec in
            spec.words.count == words.count + 1 && Array(spec.words.prefix(words.count)) == words ? spec.words.last : nil
        }
    }

    /// Parses one command from its words into its type. Errors name the word at fault.
    public static func parse(_ source: SourceCommand) throws(ShellError) -> any ShellCommand {
        guard let word = source.tokens.first else { throw ShellError("empty command") }
        let words = source.tokens.prefix { !$0.quoted }.map(\.text)
        guard !word.quoted, let found = command(for: words) else {
            let candidates = names + specs.flatMap(\.aliases)
            throw ShellError("unknown command '\(word.text)'\(Suggestion.hint(for: word.text, in: candidates)); type 'help' for the list", at: word)
        }
        do {
            return try found.type.init(ArgumentList(source, spec: found.type.spec))
        } catch {
            var located = error.located(at: word)
            located.command = found.type.spec.name
            throw located
        }
    }
}
