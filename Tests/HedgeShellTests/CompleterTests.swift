import Foundation
import Testing
@testable import HedgeShell

/// A workspace with a dataset `px` (AAPL, MSFT, META), series, a model and a backtest, and a
/// made-up file system keyed by directory path.
private struct FakeContext: CompletionContext {
    var objects: [ObjectKind: [String]] = [
        .dataset: ["px", "prices"],
        .series: ["port", "portfolio", "spy"],
        .model: ["m1", "market"],
        .backtest: ["bt"],
    ]
    var files: [String: [(name: String, isDirectory: Bool)]] = [
        ".": [("data", true), ("demo.hedge", false), ("my files", true), (".hidden", false)],
        "data/": [("aapl.csv", false), ("msft.csv", false), ("more", true)],
        "/abs/": [("x.csv", false)],
        "/home/ann/": [("Documents", true), ("notes.hedge", false)],
        "my files/": [("a b.csv", false)],
    ]

    func objectNames(of kinds: Set<ObjectKind>?) -> [String] {
        (kinds.map { $0.flatMap { objects[$0] ?? [] } } ?? objects.values.flatMap { $0 }).sorted()
    }
    func tickers(ofDataset dataset: String) -> [String]? {
        dataset == "px" ? ["AAPL", "META", "MSFT"] : nil
    }
    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? { files[path] }
}

/// Completes at the end of `line` (or at `|` when present) and returns the result applied.
private func complete(_ typed: String, context: any CompletionContext = FakeContext()) -> (line: String, matches: [String]) {
    let line = typed.replacingOccurrences(of: "|", with: "")
    let cursor = typed.firstIndex(of: "|").map { typed[..<$0].utf8.count } ?? line.utf8.count
    let completion = Completer.complete(line: line, cursor: cursor, context: context, homeDirectory: "/home/ann")
    return (completion.applied(to: line).line, completion.matches)
}

@Suite struct CompleterTests {
    @Test func commandWordCompletesFullyWithSpace() {
        #expect(complete("reg").line == "regress ")
        #expect(complete("plot").line == "plot-ascii ")
    }

    @Test func ambiguousCommandInsertsCommonPrefixAndListsChoices() {
        let result = complete("re")
        #expect(result.line == "re")
        #expect(result.matches == ["regress", "rename"])
        #expect(complete("").matches == CommandRegistry.names.sorted())
    }

    @Test func commandWordAfterSemicolon() {
        #expect(complete("ls; wei").line == "ls; weight ")
        #expect(complete("ls;sh").line == "ls;show ")
    }

    @Test func unknownCommandCompletesNothing() {
        #expect(complete("frobnicate p").matches.isEmpty)
    }

    @Test func positionalSlotsByKind() {
        #expect(complete("weight ").matches == ["prices", "px"])
        #expect(complete("weight pr").line == "weight prices ")
        #expect(complete("hedge s").line == "hedge spy ")
        #expect(complete("help reg").line == "help regress ")
    }

    @Test func seriesSlotOffersSeriesAndDatasetsAwaitingATicker() {
        #expect(complete("regress ").matches == ["port", "portfolio", "prices.", "px.", "spy"])
        #expect(complete("regress por").line == "regress port")
        #expect(complete("regress px").line == "regress px.")
    }

    @Test func datasetTickersAfterADot() {
        #expect(complete("regress px.M").matches == ["META", "MSFT"])
        #expect(complete("regress px.A").line == "regress px.AAPL ")
        #expect(complete("regress px.AAPL.v").line == "regress px.AAPL.volume ")
        #expect(complete("regress px.AAPL.").matches == ["price", "volume"])
        #expect(complete("regress nope.A").matches.isEmpty)
    }

    @Test func keywordsOfTheCommandNotAlreadyUsed() {
        #expect(complete("weight px ").matches == ["as", "by", "exclude", "window"])
        #expect(complete("weight px by equal w").line == "weight px by equal window ")
        #expect(complete("weight px window 20 ").matches == ["as", "by", "exclude"])
        #expect(complete("backtest a vs b r").matches == ["rebalance", "rf"])
        #expect(complete("backtest a vs b c").matches == ["capital", "cost"])
    }

    @Test func valuesAfterKeywords() {
        #expect(complete("hedge spy with ").matches == ["m1", "market"])
        #expect(complete("weight px by ").matches == ["equal", "volume"])
        #expect(complete("weight px by v").line == "weight px by volume ")
        #expect(complete("backtest a vs b method n").line == "backtest a vs b method notebook ")
        #expect(complete("regress spy on p").matches == ["port", "portfolio", "prices.", "px."])
        #expect(complete("regress spy on px.ME").line == "regress spy on px.META ")
    }

    @Test func repeatingKeywordValuesAlsoOfferTheRemainingKeywords() {
        #expect(complete("regress spy on port ").matches.contains("spy"))
        #expect(complete("regress spy on port ").matches.contains("as"))
        #expect(complete("regress spy on port a").line == "regress spy on port as ")
        #expect(!complete("hedge spy with m1 ").matches.contains("market"))
    }

    @Test func nothingForNumbersNamesAndDates() {
        #expect(complete("weight px window ").matches.isEmpty)
        #expect(complete("weight px as ").matches.isEmpty)
        #expect(complete("load x.csv from ").matches.isEmpty)
        #expect(complete("ls ").matches.isEmpty)
    }

    @Test func tickerListsCompleteAfterTheLastComma() {
        #expect(complete("weight px exclude M").matches == ["META", "MSFT"])
        #expect(complete("weight px exclude AAPL,MS").line == "weight px exclude AAPL,MSFT ")
        #expect(complete("weight px exclude AAPL,").matches == ["META", "MSFT"])
    }

    @Test func plotAcceptsFlagsBeforeAndKeywordsAfterTheFirstName() {
        #expect(complete("plot-ascii h").line == "plot-ascii hist ")
        #expect(complete("plot-ascii bt ").matches.contains("width"))
        #expect(complete("plot-ascii bt ").matches.contains("spy"))
    }

    @Test func relativePaths() {
        #expect(complete("load d").matches == ["data/", "demo.hedge"])
        #expect(complete("load da").line == "load data/")
        #expect(complete("load data/a").line == "load data/aapl.csv ")
        #expect(complete("load data/").matches == ["aapl.csv", "more/", "msft.csv"])
        #expect(complete("run dem").line == "run demo.hedge ")
        #expect(complete("load data/zzz").matches.isEmpty)
    }

    @Test func hiddenFilesOnlyWhenAsked() {
        #expect(!complete("load ").matches.contains(".hidden"))
        #expect(complete("load .h").line == "load .hidden ")
    }

    @Test func absoluteAndHomePaths() {
        #expect(complete("save /abs/").line == "save /abs/x.csv ")
        #expect(complete("load ~").line == "load ~/")
        #expect(complete("run ~/n").line == "run ~/notes.hedge ")
        #expect(complete("load ~/Doc").line == "load ~/Documents/")
    }

    @Test func pathAfterTo() {
        #expect(complete("export bt to data/mo").line == "export bt to data/more/")
        #expect(complete("export bt t").line == "export bt to ")
    }

    @Test func pathsWithSpacesAreQuoted() {
        #expect(complete("load my").line == "load \"my files/")
        #expect(complete("load \"my files/a").line == "load \"my files/a b.csv\" ")
        #expect(complete("load \"my f").line == "load \"my files/")
    }

    @Test func cursorInsideTheLineCompletesTheWordBeforeIt() {
        #expect(complete("reg| spy").line == "regress  spy")
        #expect(complete("hedge spy with m|").line == "hedge spy with m")
    }

    @Test func utf8CursorOffsets() {
        let line = "plot-ascii bt title \"é\"; reg"
        let completion = Completer.complete(line: line, cursor: line.utf8.count, context: FakeContext())
        #expect(completion.applied(to: line).line == "plot-ascii bt title \"é\"; regress ")
        #expect(completion.replaceStart == line.utf8.count - 3)
        // A cursor in the middle of a multi-byte character moves back to its start.
        let mid = Completer.complete(line: "é", cursor: 1, context: FakeContext())
        #expect(mid.cursor == 0)
    }

    @Test func insertionWhenOnlyExtending() {
        let completion = Completer.complete(line: "reg", cursor: 3, context: FakeContext())
        #expect(completion.insertion == "ress ")
        let quoted = Completer.complete(line: "load my", cursor: 7, context: FakeContext())
        #expect(quoted.insertion == nil)
        #expect(quoted.replacedText == "my")
    }

    @Test func realDirectoryThroughATemporaryFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hedge-completer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("prices.csv"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = DirectoryContext()
        #expect(complete("load \(folder.path)/p", context: context).line == "load \(folder.path)/prices.csv ")
        #expect(complete("load \(folder.path)/s", context: context).line == "load \(folder.path)/sub/")
    }
}

/// Reads real directories (only used with a temporary folder).
private struct DirectoryContext: CompletionContext {
    func objectNames(of kinds: Set<ObjectKind>?) -> [String] { [] }
    func tickers(ofDataset dataset: String) -> [String]? { nil }
    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }
}

@Suite struct CompletionListingTests {
    @Test func columnsRunDownward() {
        let rows = CompletionListing.rows(["a", "b", "c", "d", "e"], width: 9)
        #expect(rows == ["a  c  e", "b  d"])
    }

    @Test func narrowTerminalGivesOneColumn() {
        #expect(CompletionListing.rows(["alpha", "beta"], width: 3) == ["alpha", "beta"])
        #expect(CompletionListing.rows([], width: 80).isEmpty)
    }
}
