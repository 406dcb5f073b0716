import HedgeCore

/// A command's words sorted into positional arguments, flags and keyword values by its `CommandSpec`,
/// with typed accessors that a command's `init` reads its fields from.
///
/// An unquoted word that is one of the command's keywords starts that option; a keyword's value is the
/// next word (every word up to the next keyword when the option repeats); other words are positional.
/// Quoted words are never keywords. Positional counts and required keywords are checked here, from the spec.
public struct ArgumentList {
    /// The command's first word (errors about the whole command point here).
    public let command: Token
    public let spec: CommandSpec
    public private(set) var positional: [Token] = []
    /// Keyword → the keyword token and its values (empty for a flag).
    private var options: [String: (keyword: Token, values: [Token])] = [:]

    public init(_ source: SourceCommand, spec: CommandSpec) throws(ShellError) {
        guard let command = source.tokens.first else { throw ShellError("empty command") }
        self.command = command
        self.spec = spec
        var current: OptionSpec? = nil
        for token in source.tokens.dropFirst(spec.words.count) {
            if !token.quoted, let option = spec.option(token.text) {
                if options[option.word] != nil {
                    throw ShellError("'\(option.word)' given twice", at: token)
                }
                options[option.word] = (token, [])
                current = option.value == nil ? nil : option
            } else if let option = current, var entry = options[option.word] {
                entry.values.append(token)
                options[option.word] = entry
                if !option.repeats { current = nil }
            } else {
                positional.append(token)
            }
        }
        try checkShape()
    }

    /// Positional counts, then required keywords and keywords left without a value.
    private func checkShape() throws(ShellError) {
        let (min, max) = spec.positionalCount
        if positional.count < min {
            let missing = spec.positionals.dropFirst(positional.count).filter(\.isRequired)
                .map { $0.placeholder + ($0.about.map { " \($0)" } ?? "") }.joined(separator: " ")
            throw ShellError("missing \(missing); usage: \(spec.synopsis)", at: command)
        }
        if positional.count > max {
            let extra = positional[max]
            let hint = Suggestion.hint(for: extra.text, in: spec.options.map(\.word))
            throw ShellError("unexpected '\(extra.text)'\(hint); usage: \(spec.synopsis)", at: extra)
        }
        for option in spec.options where option.required && options[option.word] == nil {
            throw ShellError("missing '\(option.word) \(option.placeholder)'; usage: \(spec.synopsis)", at: command)
        }
        for option in spec.options where option.value != nil {
            if let entry = options[option.word], entry.values.isEmpty {
                throw ShellError("'\(option.word)' needs a value; usage: \(spec.synopsis)", at: entry.keyword)
            }
        }
    }

    /// The positional argument at `index` (checked present by the spec when it is required).
    public func positional(_ index: Int) -> Token? {
        index < positional.count ? positional[index] : nil
    }

    /// Whether a flag or keyword was given.
    public func has(_ keyword: String) -> Bool { options[keyword] != nil }

    /// The values after a keyword, or nil when it is absent.
    public func values(_ keyword: String) -> [Token]? { options[keyword]?.values }

    /// The one value after a keyword, or nil when it is absent.
    public func value(_ keyword: String) -> Token? { options[keyword]?.values.first }

    /// The value of a required keyword (the spec guarantees it is there).
    public func required(_ keyword: String) throws(ShellError) -> Token {
        guard let token = value(keyword) else {
            throw ShellError("missing '\(keyword)'; usage: \(spec.synopsis)", at: command)
        }
        return token
    }

    /// A new object name after `as`, validated.
    public func newName() throws(ShellError) -> String? {
        guard let token = value("as") else { return nil }
        try NameRules.validate(token)
        return token.text
    }

    /// A whole number after `keyword`, within `range`.
    public func integer(_ keyword: String, range: ClosedRange<Int>, meaning: String) throws(ShellError) -> Int? {
        guard let token = value(keyword) else { return nil }
        guard let n = Int(token.text) else {
            throw ShellError("\(keyword) must be a whole number, not '\(token.text)'", at: token)
        }
        guard range.contains(n) else {
            throw ShellError("\(keyword) \(n) is out of range: \(meaning)", at: token)
        }
        return n
    }

    /// A number after `keyword` (`NumberText` forms) for which `valid` holds.
    public func number(_ keyword: String, valid: (Double) -> Bool, meaning: String) throws(ShellError) -> Double? {
        guard let token = value(keyword) else { return nil }
        guard let x = NumberText.parse(token.text) else {
            throw ShellError("\(keyword) must be a number, not '\(token.text)'", at: token)
        }
        guard valid(x) else {
            throw ShellError("\(keyword) \(token.text) is out of range: \(meaning)", at: token)
        }
        return x
    }

    /// The word after `keyword`, which must be one of its spec's choices.
    public func choice(_ keyword: String) throws(ShellError) -> String? {
        guard let token = value(keyword) else { return nil }
        guard case .choice(let words)? = spec.option(keyword)?.value, !words.contains(token.text) else { return token.text }
        throw ShellError("'\(keyword)' takes \(Self.alternatives(words)), not '\(token.text)'\(Suggestion.hint(for: token.text, in: words))", at: token)
    }

    /// A date `YYYY-MM-DD` after `keyword`.
    public func date(_ keyword: String) throws(ShellError) -> Day? {
        guard let token = value(keyword) else { return nil }
        guard let day = Day(iso: token.text), token.text.utf8.count == 10 else {
            throw ShellError("'\(token.text)' is not a date (YYYY-MM-DD)", at: token)
        }
        return day
    }

    /// The shared `from D` / `to D` options, checked to be in order.
    public func dateRange() throws(ShellError) -> (from: Day?, to: Day?) {
        let from = try date("from"), to = try date("to")
        if let from, let to, from > to {
            throw ShellError("'from \(from)' is after 'to \(to)'", at: command)
        }
        return (from, to)
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }
}
