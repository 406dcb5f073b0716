/// One word of a command, with where it was typed.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    /// True when the word was quoted: a quoted word is never a keyword.
    public var quoted: Bool
    /// 1-based line and column in the source.
    public var line: Int
    public var column: Int
    /// A glob(3) pattern when the word has a wildcard (`*`, `?`, `[`) outside quotes; quoted parts are
    /// escaped in it, so `"My Data"/*.csv` matches the CSV files of `My Data`.
    public var globPattern: String?

    public init(_ text: String, quoted: Bool = false, line: Int = 1, column: Int = 1, globPattern: String? = nil) {
        self.text = text; self.quoted = quoted; self.line = line; self.column = column; self.globPattern = globPattern
    }

    /// The word as typed: quoted again when it was quoted.
    public var description: String { quoted ? Token.quote(text) : text }

    /// `text` in double quotes with `"` and `\` escaped.
    public static func quote(_ text: String) -> String {
        // Scalar by scalar: a quote followed by a combining mark is one Character (`"\u{651}`) that
        // compares unequal to `"`, yet the lexer reads its quote.
        var out = "\""
        for c in text.unicodeScalars {
            if c == "\"" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        out.append("\"")
        return out
    }

    /// The word ready to paste into a command line: quoted only when it needs to be (blanks, line
    /// breaks, quotes, `;`, `#`, backslashes, and wildcards, which would otherwise expand).
    public static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { s in
            !(s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\"" || s == "'" || s == ";" || s == "#" || s == "\\"
              || s == "*" || s == "?" || s == "[" || s == "]")
        }
        return plain ? text : quote(text)
    }
}

/// One command as written in a source: its words and where it starts.
public struct SourceCommand: Sendable, Equatable {
    public var tokens: [Token]
    /// 1-based line of the first word.
    public var line: Int

    public init(tokens: [Token], line: Int) {
        self.tokens = tokens; self.line = line
    }

    /// The command's words joined by spaces, quoted where needed.
    public var text: String { tokens.map(\.description).joined(separator: " ") }
}
