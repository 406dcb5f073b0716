/// Builds the command line `save` writes, word by word, from a command's typed fields: positional words
/// quoted where needed, options only when they have a value.
public struct ReplayText: Sendable, Equatable, CustomStringConvertible {
    private var words: [String]

    /// Starts with the command's words (`load`, `load yahoo`).
    public init(_ spec: CommandSpec) { words = spec.words }

    /// Adds positional words (quoted when they need it).
    public func adding(_ positional: String...) -> ReplayText { adding(positional) }

    public func adding(_ positional: [String]) -> ReplayText {
        var copy = self
        copy.words += positional.map(Token.shellWord)
        return copy
    }

    /// Adds `keyword value` when `value` is not nil.
    public func option(_ keyword: String, _ value: CustomStringConvertible?) -> ReplayText {
        guard let value else { return self }
        var copy = self
        copy.words += [keyword, Token.shellWord(value.description)]
        return copy
    }

    /// Adds `keyword v1 v2 …` when `values` is not empty.
    public func option(_ keyword: String, values: [String]) -> ReplayText {
        guard !values.isEmpty else { return self }
        var copy = self
        copy.words += [keyword] + values.map(Token.shellWord)
        return copy
    }

    /// Adds a flag when `on`.
    public func flag(_ keyword: String, _ on: Bool) -> ReplayText {
        guard on else { return self }
        var copy = self
        copy.words.append(keyword)
        return copy
    }

    public var description: String { words.joined(separator: " ") }
}
