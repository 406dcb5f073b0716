import Foundation

/// A command's words sorted into positional arguments, flags and keyword values, by its `CommandSpec`.
///
/// An unquoted word that is one of the command's keywords starts that option; the words after a keyword
/// that takes a value belong to it until the next keyword; other words are positional. Quoted words are
/// never keywords.
struct ArgumentList {
    let command: Token
    let spec: CommandSpec
    var positional: [Token] = []
    /// Keyword → its values (empty for a flag), in the order given.
    var options: [String: (keyword: Token, values: [Token])] = [:]

    init(_ source: SourceCommand, spec: CommandSpec) throws(ShellError) {
        guard let command = source.tokens.first else { throw ShellError("empty command") }
        self.command = command
        self.spec = spec
        var current: String? = nil
        for token in source.tokens.dropFirst() {
            if !token.quoted, let option = spec.keyword(token.text) {
                if options[option.word] != nil {
                    throw ShellError("\(spec.name): '\(option.word)' given twice", at: token)
                }
                options[option.word] = (token, [])
                current = option.value == nil ? nil : option.word
            } else if let key = current, let entry = options[key], !entry.values.isEmpty, !Self.multiValued.contains(key) {
                // A single-valued keyword already has its value: this word is positional again.
                current = nil
                positional.append(token)
            } else if let key = current, var entry = options[key] {
                entry.values.append(token)
                options[key] = entry
            } else {
                positional.append(token)
            }
        }
    }

    /// Keywords that take several values (`on X Y`, `exclude A B`).
    static let multiValued: Set<String> = ["on", "exclude"]

    private var name: String { spec.name }

    /// Fails when a positional argument is past the allowed number.
    func expectPositional(min: Int, max: Int, what: String) throws(ShellError) {
        if positional.count < min {
            throw ShellError("\(name): missing \(what); usage: \(spec.synopsis)", at: command)
        }
        if positional.count > max {
            let extra = positional[max]
            let hint = Suggestion.hint(for: extra.text, in: spec.keywords.map(\.word))
            throw ShellError("\(name): unexpected '\(extra.text)'\(hint); usage: \(spec.synopsis)", at: extra)
        }
    }

    func has(_ keyword: String) -> Bool { options[keyword] != nil }

    /// The values after `keyword`, or nil when absent; checks their count.
    func values(_ keyword: String, min: Int = 1, max: Int = 1) throws(ShellError) -> [Token]? {
        guard let entry = options[keyword] else { return nil }
        if entry.values.count < min {
            throw ShellError("\(name): '\(keyword)' needs a value; usage: \(spec.synopsis)", at: entry.keyword)
        }
        if entry.values.count > max {
            let extra = entry.values[max]
            throw ShellError("\(name): unexpected '\(extra.text)' after '\(keyword) \(entry.values[0].text)'; usage: \(spec.synopsis)", at: extra)
        }
        return entry.values
    }

    func value(_ keyword: String) throws(ShellError) -> Token? {
        try values(keyword)?.first
    }

    func required(_ keyword: String, what: String) throws(ShellError) -> [Token] {
        guard let v = try values(keyword, min: 1, max: Int.max) else {
            throw ShellError("\(name): missing '\(keyword) \(what)'; usage: \(spec.synopsis)", at: command)
        }
        return v
    }

    /// The one value after a required keyword (`with MODEL`, `vs SERIES`, `to FILE`).
    func requiredSingle(_ keyword: String, what: String) throws(ShellError) -> Token {
        let values = try required(keyword, what: what)
        guard values.count == 1 else {
            throw ShellError("\(name): unexpected '\(values[1].text)' after '\(keyword) \(values[0].text)'", at: values[1])
        }
        return values[0]
    }

    /// A new object name after `as`, validated.
    func newName() throws(ShellError) -> String? {
        guard let token = try value("as") else { return nil }
        try NameRules.validate(token, command: name)
        return token.text
    }

    func integer(_ keyword: String, range: ClosedRange<Int>, meaning: String) throws(ShellError) -> Int? {
        guard let token = try value(keyword) else { return nil }
        guard let n = Int(token.text) else {
            throw ShellError("\(name): \(keyword) must be a whole number, not '\(token.text)'", at: token)
        }
        guard range.contains(n) else {
            throw ShellError("\(name): \(keyword) \(n) is out of range: \(meaning)", at: token)
        }
        return n
    }

    func number(_ keyword: String, valid: (Double) -> Bool, meaning: String) throws(ShellError) -> Double? {
        guard let token = try value(keyword) else { return nil }
        guard let x = NumberText.parse(token.text) else {
            throw ShellError("\(name): \(keyword) must be a number, not '\(token.text)'", at: token)
        }
        guard valid(x) else {
            throw ShellError("\(name): \(keyword) \(token.text) is out of range: \(meaning)", at: token)
        }
        return x
    }
}

/// Numbers as users type them: `0.001`, `1e6`, `1,000,000`, `1_000_000`, `0.1%`.
enum NumberText {
    static func parse(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if t.hasSuffix("%") { t.removeLast(); scale = 0.01 }
        guard let x = Double(t), x.isFinite else { return nil }
        return x * scale
    }
}

/// What an object name may be.
enum NameRules {
    /// Reserved: command words and every keyword, so that commands stay unambiguous.
    static let reserved: Set<String> = {
        var words = Set(CommandCatalog.names)
        for spec in CommandCatalog.all { for k in spec.keywords { words.insert(k.word) } }
        words.formUnion(["exit", "volume", "equal", "notebook"])
        return words
    }()

    static func validate(_ token: Token, command: String) throws(ShellError) {
        let name = token.text
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, first.properties.isAlphabetic || first == "_",
              scalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
        else {
            throw ShellError("\(command): '\(name)' is not a valid name: use letters, digits, _ and -, starting with a letter", at: token)
        }
        guard !reserved.contains(name) else {
            throw ShellError("\(command): '\(name)' is a reserved word and cannot name an object", at: token)
        }
    }
}
