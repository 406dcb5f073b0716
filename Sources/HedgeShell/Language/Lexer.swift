/// Splits source text into commands and words.
///
/// Rules: `#` starts a comment when it begins a word; blank lines are skipped; `"…"` (with `\"` and `\\`
/// escapes) and `'…'` quote words that may contain spaces; a `\` at the end of a line continues the command
/// on the next line; `;` separates commands on one line.
public enum Lexer {
    /// The longest line accepted, in bytes.
    public static let maximumLineLength = 65_536

    /// Lexes `text`; `firstLine` numbers its first line (for input read line by line).
    public static func commands(in text: String, firstLine: Int = 1) throws(ShellError) -> [SourceCommand] {
        var lineNumber = firstLine
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.count > maximumLineLength {
                throw ShellError("line \(lineNumber) is longer than \(maximumLineLength) bytes", line: lineNumber, column: 1)
            }
            lineNumber += 1
        }
        var commands: [SourceCommand] = []
        var tokens: [Token] = []
        var line = firstLine
        var column = 1
        var scalars = Array(text.unicodeScalars)[...]

        func finishCommand() {
            if let first = tokens.first { commands.append(SourceCommand(tokens: tokens, line: first.line)) }
            tokens.removeAll()
        }
        func advance() -> Unicode.Scalar? {
            guard let s = scalars.popFirst() else { return nil }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
            return s
        }

        while let s = scalars.first {
            switch s {
            case "\n":
                _ = advance()
                finishCommand()
            case " ", "\t", "\r":
                _ = advance()
            case ";":
                _ = advance()
                finishCommand()
            case "\\" where isLineContinuation(scalars):
                // Skip the backslash, trailing blanks and the newline.
                while let c = scalars.first, c != "\n" { _ = advance() }
                _ = advance()
            case "#":
                while let c = scalars.first, c != "\n" { _ = advance() }
            default:
                let startLine = line, startColumn = column
                var word = ""
                var quoted = false
                var pattern = ""
                var wildcard = false
                wordLoop: while let c = scalars.first {
                    switch c {
                    case " ", "\t", "\r", "\n", ";":
                        break wordLoop
                    case "\\" where isLineContinuation(scalars):
                        break wordLoop
                    case "\"", "'":
                        quoted = true
                        let quoteLine = line, quoteColumn = column
                        _ = advance()
                        var closed = false
                        while let q = advance() {
                            if q == c { closed = true; break }
                            let literal: Unicode.Scalar
                            if c == "\"", q == "\\", let next = scalars.first, next == "\"" || next == "\\" {
                                _ = advance()
                                literal = next
                            } else {
                                literal = q
                            }
                            word.unicodeScalars.append(literal)
                            if "*?[]\\".unicodeScalars.contains(literal) { pattern.unicodeScalars.append("\\") }
                            pattern.unicodeScalars.append(literal)
                        }
                        if !closed {
                            throw ShellError("unterminated quote (\(c) opened here)", line: quoteLine, column: quoteColumn)
                        }
                    default:
                        _ = advance()
                        word.unicodeScalars.append(c)
                        pattern.unicodeScalars.append(c)
                        if c == "*" || c == "?" || c == "[" { wildcard = true }
                    }
                }
                tokens.append(Token(word, quoted: quoted, line: startLine, column: startColumn,
                                    globPattern: wildcard ? pattern : nil))
            }
        }
        finishCommand()
        return commands
    }

    /// True when `rest` starts with a backslash followed only by blanks up to a newline or the end.
    static func isLineContinuation(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = rest.index(after: rest.startIndex)
        while i < rest.endIndex {
            switch rest[i] {
            case " ", "\t", "\r": i += 1
            case "\n": return true
            default: return false
            }
        }
        return true
    }
}
