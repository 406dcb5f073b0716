import Testing
import HedgeCore
@testable import HedgeShell

@Suite struct ParserTests {
    func parse(_ text: String) throws -> Command {
        let commands = try Lexer.commands(in: text)
        return try Command.parse(commands[0])
    }

    func error(_ text: String) -> ShellError? {
        do { _ = try parse(text); return nil } catch { return error as? ShellError }
    }

    @Test func theDocumentedFormsParse() throws {
        guard case let .load(paths, name, from, to, _) = try parse("load ../shared/data/yahoo/*.csv as mag from 2023-06-01 to 2024-12-31") else {
            Issue.record("not a load"); return
        }
        #expect(paths.map(\.text) == ["../shared/data/yahoo/*.csv"])
        #expect(name == "mag" && from == Day(iso: "2023-06-01") && to == Day(iso: "2024-12-31"))

        guard case let .weight(dataset, method, window, exclude, wname) = try parse("weight mag by volume window 20 exclude QQQ,SPY as p") else {
            Issue.record("not a weight"); return
        }
        #expect(dataset.text == "mag" && method == .volume && window == 20 && exclude == ["QQQ", "SPY"] && wname == "p")

        guard case let .regress(y, xs, rname) = try parse("regress p on mag.QQQ mag.SPY as m") else { Issue.record("not regress"); return }
        #expect(y.text == "p" && xs.map(\.text) == ["mag.QQQ", "mag.SPY"] && rname == "m")

        guard case let .hedge(s, model, hname) = try parse("hedge p with m") else { Issue.record("not hedge"); return }
        #expect(s.text == "p" && model.text == "m" && hname == nil)

        guard case let .backtest(long, bench, rebalance, cost, rf, capital, method, bname) =
            try parse("backtest p vs mag.QQQ rebalance 21 cost 0.0005 rf 0.045 capital 250,000 method notebook as bt") else {
            Issue.record("not backtest"); return
        }
        #expect(long.text == "p" && bench.text == "mag.QQQ" && rebalance == 21 && cost == 0.0005 && rf == 0.045)
        #expect(capital == 250_000 && method == "notebook" && bname == "bt")

        guard case let .export(what, path) = try parse("export p to \"out dir/p.csv\"") else { Issue.record("not export"); return }
        #expect(what.text == "p" && path.text == "out dir/p.csv")
        #expect(try parse("ls") == .list)
        #expect(try parse("exit") == .quit)
        guard case .rename(let old, let new) = try parse("rename p q") else { Issue.record("not rename"); return }
        #expect(old.text == "p" && new == "q")
        #expect(try parse("help regress") == .help("regress"))
    }

    @Test func plotOptions() throws {
        guard case let .plot(names, mode, width, height, ascii, title) =
            try parse("plot-ascii p mag.QQQ cumulative width 60 height 15 ascii title \"Mag 7 vs QQQ\"") else {
            Issue.record("not plot"); return
        }
        #expect(names.map(\.text) == ["p", "mag.QQQ"] && mode == .cumulative && width == 60 && height == 15 && ascii)
        #expect(title == "Mag 7 vs QQQ")
        guard case let .plot(hnames, hmode, _, _, _, _) = try parse("plot-ascii hist p") else { Issue.record("not hist"); return }
        #expect(hnames.map(\.text) == ["p"] && hmode == .histogram)
    }

    @Test func unknownCommandSuggestsTheClosest() {
        let e = error("regres p on q")
        #expect(e?.message.contains("unknown command 'regres'") == true)
        #expect(e?.message.contains("did you mean 'regress'") == true)
        #expect(e?.column == 1)
    }

    @Test(arguments: [
        ("weight d by volume window 0", "window 0"),
        ("weight d by volume window -3", "window -3"),
        ("weight d by volume window x", "'x'"),
        ("backtest p vs q rebalance -5", "rebalance -5"),
        ("backtest p vs q rebalance 1", "rebalance 1"),
        ("backtest p vs q cost 1", "cost 1"),
        ("backtest p vs q cost 1.5", "cost 1.5"),
        ("backtest p vs q capital 0", "capital 0"),
        ("backtest p vs q method fancy", "'fancy'"),
        ("weight d by size", "'size'"),
        ("weight d", "missing 'by"),
        ("regress p", "missing 'on"),
        ("regress p q on r", "unexpected 'q'"),
        ("hedge p with m n", "unexpected 'n'"),
        ("load", "missing PATH"),
        ("load a.csv from 2023-13-01", "'2023-13-01'"),
        ("load a.csv from 2024-01-01 to 2023-01-01", "after"),
        ("ls extra", "unexpected 'extra'"),
        ("weight d by volume as 1abc", "not a valid name"),
        ("weight d by volume as ls", "reserved"),
        ("weight d by volume window 5 window 6", "given twice"),
        ("plot-ascii p width 5", "width 5"),
        ("export p to out.txt", ".csv or .json"),
    ])
    func badArgumentsNameTheWordAtFault(text: String, expected: String) {
        // Parsing succeeds only for export (checked at run time); everything else fails here.
        if text.hasPrefix("export") { return }
        let e = error(text)
        #expect(e != nil, "\(text) should fail")
        #expect(e?.message.contains(expected) == true, "\(text): \(e?.message ?? "no error")")
        #expect(e?.message.hasPrefix(text.split(separator: " ")[0] + ":") == true)
    }

    @Test func quotedKeywordIsAPath() throws {
        guard case let .load(paths, name, _, _, _) = try parse("load \"as\" as d") else { Issue.record("not load"); return }
        #expect(paths.map(\.text) == ["as"] && name == "d")
    }

    @Test func numbersAcceptGroupingAndPercent() {
        #expect(NumberText.parse("1,000,000") == 1_000_000)
        #expect(NumberText.parse("0.1%") == 0.001)
        #expect(NumberText.parse("1e6") == 1_000_000)
        #expect(NumberText.parse("nan") == nil)
        #expect(NumberText.parse("abc") == nil)
    }
}
