import Testing
@testable import HedgeShell

@Suite struct LexerTests {
    func words(_ text: String) throws -> [[String]] {
        try Lexer.commands(in: text).map { $0.tokens.map(\.text) }
    }

    @Test func commentsBlankLinesAndSemicolons() throws {
        let text = """
        # a comment line

        load demo as d   # trailing comment
        weight d by volume; ls
        """
        #expect(try words(text) == [["load", "demo", "as", "d"], ["weight", "d", "by", "volume"], ["ls"]])
        let commands = try Lexer.commands(in: text)
        #expect(commands.map(\.line) == [3, 4, 4])
        #expect(commands[2].tokens[0].column == 21)
    }

    @Test func quotedWordsKeepSpacesAndAreMarked() throws {
        let commands = try Lexer.commands(in: #"load "my data/a b.csv" 'x;y' "say \"hi\"" as d"#)
        let tokens = commands[0].tokens
        #expect(tokens.map(\.text) == ["load", "my data/a b.csv", "x;y", #"say "hi""#, "as", "d"])
        #expect(tokens.map(\.quoted) == [false, true, true, true, false, false])
        #expect(commands[0].text == #"load "my data/a b.csv" "x;y" "say \"hi\"" as d"#)
    }

    @Test func backslashContinuesTheCommand() throws {
        let commands = try Lexer.commands(in: "backtest p vs d.QQQ \\\n   rebalance 21 \\  \n cost 0.0005\nls")
        #expect(commands.count == 2)
        #expect(commands[0].tokens.map(\.text) == ["backtest", "p", "vs", "d.QQQ", "rebalance", "21", "cost", "0.0005"])
        #expect(commands[0].tokens[6].line == 3)
        #expect(commands[1].line == 4)
    }

    @Test func hashInsideAWordIsNotAComment() throws {
        #expect(try words("load data#1.csv") == [["load", "data#1.csv"]])
    }

    @Test func unterminatedQuoteIsLocated() {
        #expect {
            try Lexer.commands(in: "ls\nload \"abc")
        } throws: { error in
            guard let e = error as? ShellError else { return false }
            return e.line == 2 && e.column == 6 && e.message.contains("unterminated quote")
        }
    }

    @Test func overlongLineIsAnErrorNotACrash() {
        let line = "load " + String(repeating: "a", count: Lexer.maximumLineLength + 10)
        #expect(throws: ShellError.self) { try Lexer.commands(in: line) }
    }

    @Test func wildcardsOutsideQuotesMakeAGlobPattern() throws {
        let tokens = try Lexer.commands(in: #"load "My Data"/*.csv 'a*b.csv' plain.csv x[1].csv"#)[0].tokens
        #expect(tokens[1].text == "My Data/*.csv" && tokens[1].globPattern == "My Data/*.csv")
        #expect(tokens[2].globPattern == nil)
        #expect(tokens[3].globPattern == nil)
        #expect(tokens[4].globPattern == "x[1].csv")
        let escaped = try Lexer.commands(in: #"load "star*dir"/*.csv"#)[0].tokens[1]
        #expect(escaped.globPattern == #"star\*dir/*.csv"#)
    }
}
