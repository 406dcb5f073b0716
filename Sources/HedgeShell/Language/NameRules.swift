/// What an object name may be: a letter, then letters, digits, `_` and `-`; not a reserved word.
enum NameRules {
    static func validate(_ token: Token) throws(ShellError) {
        let name = token.text
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, first.properties.isAlphabetic,
              scalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
        else {
            throw ShellError("'\(name)' is not a valid name: use letters, digits, _ and -, starting with a letter", at: token)
        }
        guard !CommandRegistry.reservedWords.contains(name) else {
            throw ShellError("'\(name)' is a reserved word and cannot name an object", at: token)
        }
    }
}
