// libFuzzer target: the lexer and the command parser on arbitrary text (one or more lines).
// Built by scripts/fuzz, not by SwiftPM.
@testable import HedgeShell

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexerParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Input arrives as UTF-8 text; other bytes are refused before the lexer, as the shell does.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    guard let commands = try? Lexer.commands(in: text) else { return 0 }
    for command in commands {
        _ = try? CommandRegistry.parse(command)
        // The words written as `save` writes them lex back to the same words, as one command.
        let canonical = command.tokens.map { Token.shellWord($0.text) }.joined(separator: " ")
        let again = try? Lexer.commands(in: canonical)
        if again?.count != 1 || again?.first?.tokens.map(\.text) != command.tokens.map(\.text) {
            fatalError("\(canonical.debugDescription) does not lex back to its words")
        }
    }
    return 0
}
